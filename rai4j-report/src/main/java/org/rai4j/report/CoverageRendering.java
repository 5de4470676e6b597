package org.rai4j.report;

import org.rai4j.fairness.CoverageCell;
import org.rai4j.fairness.CoverageOrder;
import org.rai4j.fairness.CoverageReport;
import org.rai4j.fairness.CoverageStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renderings of a data-coverage report ({@code rai4j coverage}, and the coverage section of a speech audit):
 * the console text (one count grid per pair of dimensions, a score per interaction order, the missing cells)
 * and the JSON shape {@code {"cells":[…], "pairs":[…], "summary":{…}}} written under {@link Json}. Stateless.
 */
public final class CoverageRendering {
    private CoverageRendering() {}

    /** The JSON shape as ordered maps: {@code {"cells":[…], "pairs":[…], "summary":{…}}}. */
    public static Map<String, Object> json(CoverageReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cellsJson(r.cells()));
        root.put("pairs", cellsJson(r.pairs()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", r.source());
        summary.put("rows", r.rows());
        summary.put("rows_excluded_missing_value", r.rowsExcluded() - extraRows(r));
        if (!r.extraLevels().isEmpty()) {
            summary.put("extra_levels", r.extraLevels());
        }
        summary.put("min_count", r.minCount());
        summary.put("dimensions", r.dimensions());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (CoverageOrder o : r.orders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", o.order());
            m.put("combinations", o.combinations());
            m.put("ok", o.ok());
            m.put("thin", o.thin());
            m.put("empty", o.empty());
            m.put("score", o.score());
            m.put("observed", o.observed());
            orders.add(m);
        }
        summary.put("orders", orders);
        List<Map<String, String>> missing = new ArrayList<>();
        for (CoverageCell c : r.missingCells()) {
            missing.add(c.levels());
        }
        summary.put("missing_cells", missing);
        root.put("summary", summary);
        return root;
    }

    private static long extraRows(CoverageReport r) {
        long extra = 0;
        for (Map<String, Long> levels : r.extraLevels().values()) {
            for (long n : levels.values()) {
                extra += n;
            }
        }
        return extra;
    }

    private static List<Map<String, Object>> cellsJson(List<CoverageCell> cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CoverageCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("levels", c.levels());
            m.put("n", c.n());
            m.put("status", c.status().name());
            out.add(m);
        }
        return out;
    }

    /** Console text: one count grid per pair of dimensions (a list for one), scores per order, missing cells. */
    public static String text(CoverageReport r) {
        StringBuilder out = new StringBuilder();
        List<String> dims = new ArrayList<>(r.dimensions().keySet());
        long extraRows = 0;
        StringBuilder extras = new StringBuilder();
        for (Map.Entry<String, Map<String, Long>> e : r.extraLevels().entrySet()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Long> l : e.getValue().entrySet()) {
                parts.add(l.getKey() + " (" + l.getValue() + " rows)");
                extraRows += l.getValue();
            }
            extras.append(String.format(Locale.ROOT, "extra levels of %s (observed, not declared; rows left out): %s%n",
                    e.getKey(), String.join(", ", parts)));
        }
        long missingRows = r.rowsExcluded() - extraRows;
        List<String> excludedParts = new ArrayList<>();
        if (missingRows > 0) {
            excludedParts.add(missingRows + " excluded: missing value");
        }
        if (extraRows > 0) {
            excludedParts.add(extraRows + " excluded: extra level");
        }
        out.append(String.format(Locale.ROOT, "coverage of %s in %s: %d rows%s; THIN = fewer than %d rows, '-' = EMPTY%n",
                String.join(" × ", dims), r.source(), r.rows(),
                excludedParts.isEmpty() ? "" : " (" + String.join(", ", excludedParts) + ")", r.minCount()));
        out.append(extras);
        if (dims.size() == 1) {
            for (CoverageCell c : r.cells()) {
                out.append(String.format(Locale.ROOT, "  %-40s %8s%n", c.label(), mark(c)));
            }
        } else {
            for (int a = 0; a < dims.size(); a++) {
                for (int b = a + 1; b < dims.size(); b++) {
                    out.append(System.lineSeparator());
                    grid(r, dims.get(a), dims.get(b), out);
                }
            }
        }
        out.append(System.lineSeparator());
        out.append("order  combinations     OK   THIN  EMPTY   score (share OK)").append(System.lineSeparator());
        for (CoverageOrder o : r.orders()) {
            out.append(String.format(Locale.ROOT, "%5d  %12d %6d %6d %6d   %.3f%n", o.order(), o.combinations(), o.ok(), o.thin(),
                    o.empty(), o.score()));
        }
        List<CoverageCell> missing = r.missingCells();
        if (missing.isEmpty()) {
            out.append("missing cells: none (every combination of " + String.join(" × ", dims) + " was observed)")
                    .append(System.lineSeparator());
        } else {
            out.append("missing cells (" + missing.size() + " of " + r.cells().size() + "):").append(System.lineSeparator());
            for (int i = 0; i < Math.min(20, missing.size()); i++) {
                out.append("  " + missing.get(i).label()).append(System.lineSeparator());
            }
            if (missing.size() > 20) {
                out.append("  … and " + (missing.size() - 20) + " more (use --json for all)").append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static void grid(CoverageReport r, String rowDim, String colDim, StringBuilder out) {
        List<String> rows = r.dimensions().get(rowDim);
        List<String> cols = r.dimensions().get(colDim);
        Map<String, CoverageCell> byKey = new LinkedHashMap<>();
        for (CoverageCell c : r.pairs()) {
            if (c.levels().size() == 2 && c.levels().containsKey(rowDim) && c.levels().containsKey(colDim)) {
                byKey.put(c.levels().get(rowDim) + "\u0000" + c.levels().get(colDim), c);
            }
        }
        if (byKey.isEmpty()) {
            for (CoverageCell c : r.cells()) {
                byKey.put(c.levels().get(rowDim) + "\u0000" + c.levels().get(colDim), c);
            }
        }
        int w0 = rowDim.length() + colDim.length() + 3;
        for (String s : rows) {
            w0 = Math.max(w0, s.length());
        }
        int[] w = new int[cols.size()];
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", rowDim + " \\ " + colDim));
        for (int j = 0; j < cols.size(); j++) {
            w[j] = Math.max(7, cols.get(j).length());
            head.append("  ").append(String.format(Locale.ROOT, "%" + w[j] + "s", cols.get(j)));
        }
        out.append(head).append(System.lineSeparator());
        for (String row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w0 + "s", row));
            for (int j = 0; j < cols.size(); j++) {
                CoverageCell c = byKey.get(row + "\u0000" + cols.get(j));
                line.append("  ").append(String.format(Locale.ROOT, "%" + w[j] + "s", c == null ? "?" : mark(c)));
            }
            out.append(line).append(System.lineSeparator());
        }
    }

    private static String mark(CoverageCell c) {
        if (c.status() == CoverageStatus.EMPTY) {
            return "-";
        }
        return c.status() == CoverageStatus.THIN ? c.n() + " THIN" : Long.toString(c.n());
    }
}
