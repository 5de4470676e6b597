package org.rai4j.report;

import org.rai4j.core.SliceKey;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.SliceResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the evaluation data covers: rows per finest slice (the intersections of all group columns),
 * which are thin (below the minimum group size), and which combinations of observed levels have no
 * rows at all. Immutable.
 *
 * @param groups  the group columns
 * @param levels  observed levels of each group column, in audit order
 * @param cells   the finest slices present, with their results
 * @param missing combinations of observed levels with no rows (empty when there are too many to list)
 * @param rows    total rows
 * @param minGroupSize the audit's minimum group size
 */
record Coverage(List<String> groups, Map<String, List<String>> levels, List<SliceResult> cells, List<SliceKey> missing,
                long rows, int minGroupSize) {
    private static final int MAX_COMBINATIONS = 1000;

    static Coverage of(AuditResult r) {
        List<String> groups = r.spec().groups();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        groups.forEach(g -> levels.put(g, new ArrayList<>()));
        List<SliceResult> cells = new ArrayList<>();
        for (SliceResult s : r.main().groups()) {
            if (s.slice().order() == 1) {
                levels.get(s.slice().attributes().get(0)).add(s.slice().values().get(0));
            }
            if (s.slice().order() == groups.size()) {
                cells.add(s);
            }
        }
        List<SliceKey> missing = new ArrayList<>();
        long combos = 1;
        for (List<String> l : levels.values()) {
            combos *= Math.max(1, l.size());
        }
        if (groups.size() > 1 && combos <= MAX_COMBINATIONS) {
            Set<SliceKey> present = new LinkedHashSet<>();
            cells.forEach(c -> present.add(c.slice()));
            for (List<String> combo : product(new ArrayList<>(levels.values()))) {
                SliceKey k = new SliceKey(groups, combo);
                if (!present.contains(k)) {
                    missing.add(k);
                }
            }
        }
        return new Coverage(groups, levels, cells, missing, r.n(), r.spec().minGroupSize());
    }

    /** The finest slices below the minimum group size. */
    List<SliceResult> thin() {
        return cells.stream().filter(c -> c.n() < minGroupSize).toList();
    }

    /** One sentence on what is thin or missing. */
    String summary() {
        List<SliceResult> thin = thin();
        String unit = groups.size() > 1 ? "intersections" : "groups";
        StringBuilder sb = new StringBuilder();
        sb.append(cells.size()).append(' ').append(unit).append(" (").append(String.join(" × ", groups)).append(") have data");
        if (thin.isEmpty()) {
            sb.append("; none has fewer than ").append(minGroupSize).append(" rows.");
        } else {
            sb.append("; ").append(thin.size()).append(" of them ").append(thin.size() == 1 ? "has" : "have").append(" fewer than ")
                    .append(minGroupSize).append(" rows (thin: shown, but too small to conclude anything): ")
                    .append(String.join("; ", thin.stream().map(c -> c.slice() + " (n=" + c.n() + ")").toList())).append('.');
        }
        if (!missing.isEmpty()) {
            sb.append(' ').append(missing.size()).append(missing.size() == 1 ? " combination has" : " combinations have")
                    .append(" no rows at all: ").append(String.join("; ", missing.stream().map(SliceKey::toString).toList()))
                    .append('.');
        }
        return sb.toString();
    }

    private static List<List<String>> product(List<List<String>> lists) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> l : lists) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : l) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }
}
