package org.rai4j.fairness;

import org.rai4j.core.TupleCounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Encodes an audit's data from {@link TupleCounts} (distinct tuples of label, prediction, controls and
 * groups with their row counts, in order of first appearance) instead of rows, exactly as
 * {@link DataEncoder} would encode the rows: same classes, same finest cells in the same order, same
 * bootstrap cells in the same order, so the audit is the same to the last bit. It covers the count-based
 * audits (binary and multiclass without score or weight columns); when the data has a problem that needs a
 * row's line number for its message (a missing label, a value that is not a label, too many cells) it
 * returns empty and the caller reads the rows. Stateless.
 */
final class CountedEncoder {
    private CountedEncoder() {}

    /** Whether audits of {@code spec} can run on tuple counts. */
    static boolean supports(AuditSpec spec) {
        return (spec.task() == Task.BINARY || spec.task() == Task.MULTICLASS) && spec.score() == null && spec.weight() == null;
    }

    /** The columns to count for {@code spec}: label, prediction, then controls and groups. */
    static List<String> columns(AuditSpec spec) {
        List<String> c = new ArrayList<>();
        c.add(spec.label());
        c.add(spec.prediction());
        c.addAll(spec.controls());
        c.addAll(spec.groups());
        return c;
    }

    /** The encoded data, or empty when the rows are needed (see the class comment). */
    static Optional<EncodedData> encode(TupleCounts counts, AuditSpec spec) {
        if (!supports(spec) || !counts.columns().equals(columns(spec)) || counts.rows() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<List<String>> tuples = counts.tuples();
        int attrs = spec.controls().size() + spec.groups().size();
        int[] truth = new int[tuples.size()];
        int[] pred = new int[tuples.size()];
        List<String> classes;
        if (spec.task() == Task.BINARY) {
            String positive = DataEncoder.canonical(spec.positiveLabel());
            String negative = spec.negativeLabel() != null ? DataEncoder.canonical(spec.negativeLabel())
                    : inferNegative(positive, tuples);
            boolean positiveSeen = false;
            for (int t = 0; t < tuples.size(); t++) {
                Integer y = binary(tuples.get(t).get(0), positive, negative);
                Integer p = binary(tuples.get(t).get(1), positive, negative);
                if (y == null || p == null) {
                    return Optional.empty();
                }
                truth[t] = y;
                pred[t] = p;
                positiveSeen |= y == 1 || p == 1;
            }
            if (!positiveSeen) {
                return Optional.empty();
            }
            classes = negative == null ? List.of("(other)", positive) : List.of(negative, positive);
        } else {
            Set<String> all = new LinkedHashSet<>();
            for (List<String> t : tuples) {
                if (t.get(0) == null || t.get(1) == null) {
                    return Optional.empty();
                }
                all.add(t.get(0));
                all.add(t.get(1));
            }
            if (all.size() > AuditLimits.maxClasses()) {
                return Optional.empty();
            }
            classes = new ArrayList<>(all);
            classes.sort(DataEncoder::naturalCompare);
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                index.put(classes.get(k), k);
            }
            for (int t = 0; t < tuples.size(); t++) {
                truth[t] = index.get(tuples.get(t).get(0));
                pred[t] = index.get(tuples.get(t).get(1));
            }
        }
        Layout layout = spec.task() == Task.BINARY ? Layout.binary(false) : Layout.multiclass(classes);
        long perCell = spec.task() == Task.MULTICLASS ? 3L * classes.size() * classes.size() + 1 : 32;
        Map<List<String>, Integer> cellIds = new HashMap<>();
        List<List<String>> cellLevels = new ArrayList<>();
        Map<Long, Integer> bootIds = new HashMap<>();
        List<int[]> boot = new ArrayList<>();
        List<Double> bootCounts = new ArrayList<>();
        for (int t = 0; t < tuples.size(); t++) {
            List<String> tuple = tuples.get(t);
            List<String> key = new ArrayList<>(attrs);
            for (int a = 0; a < attrs; a++) {
                String v = tuple.get(2 + a);
                if (v == null) {
                    if (spec.missingGroup() == MissingGroupPolicy.ERROR) {
                        return Optional.empty();
                    }
                    v = Conventions.MISSING_LEVEL;
                }
                key.add(v);
            }
            Integer id = cellIds.get(key);
            if (id == null) {
                id = cellLevels.size();
                if (id >= AuditLimits.maxCells() || (id + 1L) * perCell > AuditLimits.maxStatistics()) {
                    return Optional.empty();
                }
                List<String> frozen = List.copyOf(key);
                cellIds.put(frozen, id);
                cellLevels.add(frozen);
            }
            int outcome = spec.task() == Task.BINARY
                    ? (truth[t] == 1 ? (pred[t] == 1 ? Layout.TP : Layout.FN) : (pred[t] == 1 ? Layout.FP : Layout.TN))
                    : truth[t] * classes.size() + pred[t];
            long bootKey = (long) id * layout.outcomes + outcome;
            Integer b = bootIds.get(bootKey);
            if (b == null) {
                b = boot.size();
                bootIds.put(bootKey, b);
                boot.add(new int[] {id, outcome});
                bootCounts.add(0.0);
            }
            bootCounts.set(b, bootCounts.get(b) + counts.count(t));
        }
        int k = boot.size();
        int[] cell = new int[k];
        int[] outcome = new int[k];
        double[] count = new double[k];
        for (int i = 0; i < k; i++) {
            cell[i] = boot.get(i)[0];
            outcome[i] = boot.get(i)[1];
            count[i] = bootCounts.get(i);
        }
        Bootstrap.CellTable table = Bootstrap.CellTable.counted(cellLevels.size(), cell, outcome, count);
        return Optional.of(new EncodedData(spec.task(), (int) counts.rows(), spec.groups(), spec.controls(), cellLevels,
                classes, table));
    }

    /** 1 for the positive label, 0 for the negative, null for a missing or other value (an error with a line). */
    private static Integer binary(String raw, String positive, String negative) {
        if (raw == null) {
            return null;
        }
        String v = DataEncoder.canonical(raw);
        if (v.equals(positive)) {
            return 1;
        }
        return negative == null || v.equals(negative) ? 0 : null;
    }

    /** As {@link DataEncoder}: 0 for 1, false for true, else the one other value of label and prediction, if one. */
    private static String inferNegative(String positive, List<List<String>> tuples) {
        if (positive.equals("1")) {
            return "0";
        }
        if (positive.equals("true")) {
            return "false";
        }
        Set<String> others = new LinkedHashSet<>();
        for (List<String> t : tuples) {
            for (int c = 0; c < 2 && others.size() < 2; c++) {
                String v = t.get(c);
                if (v != null && !DataEncoder.canonical(v).equals(positive)) {
                    others.add(DataEncoder.canonical(v));
                }
            }
        }
        return others.size() == 1 ? others.iterator().next() : null;
    }
}
