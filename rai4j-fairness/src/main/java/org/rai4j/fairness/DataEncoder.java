package org.rai4j.fairness;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a table against an {@link AuditSpec} and encodes it. The whole input is checked first and
 * every problem is reported at once, each with file, line, column and what was expected, e.g.
 * {@code data.csv:118: column 'y_pred': expected 0 or 1, got 'yes'}.
 */
public final class DataEncoder {
    private DataEncoder() {}

    /** Encodes {@code table} for {@code spec}. */
    public static EncodedData encode(Table table, AuditSpec spec) throws DataFileException {
        ProblemCollector problems = new ProblemCollector();
        int n = table.rowCount();
        // Every named column must exist: report all unknown names together.
        List<String> needed = new ArrayList<>();
        needed.add(spec.label());
        needed.add(spec.prediction());
        if (spec.score() != null) {
            needed.add(spec.score());
        }
        if (spec.weight() != null) {
            needed.add(spec.weight());
        }
        needed.addAll(spec.groups());
        needed.addAll(spec.controls());
        for (String c : needed) {
            if (!table.hasColumn(c)) {
                problems.add(new org.rai4j.core.DataProblem(table.source(), 1, c,
                        "no such column; expected one of " + String.join(", ", table.columnNames())));
            }
        }
        problems.throwIfAny();

        int[] truth = null;
        int[] predicted = null;
        double[] yTrue = null;
        double[] yPred = null;
        List<String> classes = null;
        Column label = table.column(spec.label());
        Column pred = table.column(spec.prediction());
        switch (spec.task()) {
            case BINARY -> {
                String positive = canonical(spec.positiveLabel());
                String negative = spec.negativeLabel() != null ? canonical(spec.negativeLabel())
                        : inferNegative(positive, label, pred);
                String expected = negative == null ? "'" + positive + "' or one other value"
                        : positive + " or " + negative;
                truth = binaryCodes(table, label, positive, negative, expected, problems);
                predicted = binaryCodes(table, pred, positive, negative, expected, problems);
                classes = negative == null ? List.of("(other)", positive) : List.of(negative, positive);
                if (problems.isEmpty() && n > 0 && !occurs(positive, label) && !occurs(positive, pred)) {
                    // Every row would be a negative: accuracy 1 everywhere, rates undefined — a silent wrong answer.
                    problems.add(new org.rai4j.core.DataProblem(table.source(), 0, null, "the positive label '"
                            + spec.positiveLabel() + "' never occurs in column '" + spec.label() + "' or column '"
                            + spec.prediction() + "'; values seen: " + String.join(", ", seen(label, pred))
                            + " (set --positive-label to one of them)"));
                }
            }
            case MULTICLASS -> {
                Set<String> all = new LinkedHashSet<>();
                int maxClasses = AuditLimits.maxClasses();
                for (int i = 0; i < n && all.size() <= maxClasses; i++) {
                    addIfPresent(all, label.text(i));
                    addIfPresent(all, pred.text(i));
                }
                if (all.size() > maxClasses) {
                    long distinct = distinctClasses(label, pred);
                    throw new DataFileException(new org.rai4j.core.DataProblem(table.source(), 0, null,
                            "expected at most " + maxClasses + " distinct classes in a multiclass audit (columns '"
                                    + label.name() + "' and '" + pred.name() + "' together), got " + distinct
                                    + "; merge rare classes (e.g. into 'other') or raise the limit with -D"
                                    + AuditLimits.MAX_CLASSES_PROPERTY + "=N (and -Xmx)"));
                }
                classes = new ArrayList<>(all);
                classes.sort(DataEncoder::naturalCompare);
                Map<String, Integer> index = new HashMap<>();
                for (int k = 0; k < classes.size(); k++) {
                    index.put(classes.get(k), k);
                }
                truth = classCodes(table, label, index, problems);
                predicted = classCodes(table, pred, index, problems);
            }
            case REGRESSION -> {
                yTrue = numbers(table, label, problems);
                yPred = numbers(table, pred, problems);
            }
            case SPEECH -> {
                // reference and hypothesis are transcripts, scored by the task's own RowStatistics
            }
        }
        double[] score = null;
        if (spec.score() != null) {
            score = numbers(table, table.column(spec.score()), problems);
            for (int i = 0; score != null && i < n; i++) {
                if (!(score[i] >= 0 && score[i] <= 1)) {
                    problems.add(table.problem(i, spec.score(), "expected a probability in [0, 1], got '" + table.column(spec.score()).text(i) + "'"));
                }
            }
        }
        double[] weight = null;
        if (spec.weight() != null) {
            weight = numbers(table, table.column(spec.weight()), problems);
            for (int i = 0; weight != null && i < n; i++) {
                if (!(weight[i] >= 0) || Double.isInfinite(weight[i])) {
                    problems.add(table.problem(i, spec.weight(), "expected a finite weight >= 0, got '" + table.column(spec.weight()).text(i) + "'"));
                }
            }
        }
        List<String> attrs = new ArrayList<>(spec.controls());
        attrs.addAll(spec.groups());
        String[][] levels = new String[attrs.size()][];
        for (int a = 0; a < attrs.size(); a++) {
            levels[a] = groupLevels(table, attrs.get(a), spec.missingGroup(), problems);
        }
        problems.throwIfAny();

        Map<List<String>, Integer> cellIds = new HashMap<>();
        List<List<String>> cellLevels = new ArrayList<>();
        int[] cell = new int[n];
        int maxCells = AuditLimits.maxCells();
        long perCell = statisticsPerCell(spec.task(), classes);
        long maxStatistics = AuditLimits.maxStatistics();
        for (int i = 0; i < n; i++) {
            List<String> key = new ArrayList<>(attrs.size());
            for (String[] l : levels) {
                key.add(l[i]);
            }
            Integer id = cellIds.get(key);
            if (id == null) {
                id = cellLevels.size();
                if (id >= maxCells) {
                    throw new DataFileException(table.problem(i, null, "expected at most " + maxCells
                            + " distinct combinations of " + String.join(" × ", attrs) + " (the audit's cells), got more by this line;"
                            + " use fewer or coarser group columns (e.g. bands), or raise the limit with -D"
                            + AuditLimits.MAX_CELLS_PROPERTY + "=N (and -Xmx)"));
                }
                if ((id + 1L) * perCell > maxStatistics) {
                    throw new DataFileException(table.problem(i, null, "expected at most " + maxStatistics
                            + " statistics in all, got more by this line: " + (id + 1) + " combinations of "
                            + String.join(" × ", attrs) + " × " + perCell + " statistics each"
                            + (classes != null && spec.task() == Task.MULTICLASS ? " (" + classes.size() + " classes)" : "")
                            + "; use fewer classes or groups, or raise the limit with -D"
                            + AuditLimits.MAX_STATISTICS_PROPERTY + "=N (and -Xmx)"));
                }
                List<String> frozen = List.copyOf(key);
                cellIds.put(frozen, id);
                cellLevels.add(frozen);
            }
            cell[i] = id;
        }
        return new EncodedData(spec.task(), n, spec.groups(), spec.controls(), cellLevels, cell, truth, predicted,
                yTrue, yPred, score, weight, classes);
    }

    /** Distinct non-missing values of two columns together (only computed for the error message). */
    private static long distinctClasses(Column label, Column pred) {
        Set<String> all = new java.util.HashSet<>();
        for (int i = 0; i < label.size(); i++) {
            addIfPresent(all, label.text(i));
            addIfPresent(all, pred.text(i));
        }
        return all.size();
    }

    /** An upper bound of the statistics one cell holds (the multiclass layout keeps 3·K² + 1). */
    private static long statisticsPerCell(Task task, List<String> classes) {
        if (task == Task.MULTICLASS && classes != null) {
            long k = classes.size();
            return 3 * k * k + 1;
        }
        return 32;
    }

    /** Numbers compare by value: "1", "1.0" and "1e0" are all "1". */
    static String canonical(String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return Column.formatNumber(d);
            }
        } catch (NumberFormatException e) {
            // not a number: compare as text
        }
        return v.strip();
    }

    private static boolean occurs(String canonicalValue, Column c) {
        for (int i = 0; i < c.size(); i++) {
            String v = c.text(i);
            if (v != null && canonical(v).equals(canonicalValue)) {
                return true;
            }
        }
        return false;
    }

    /** The distinct canonical values of the columns, in first-seen order, at most five then "…". */
    private static List<String> seen(Column a, Column b) {
        Set<String> values = new LinkedHashSet<>();
        for (Column c : List.of(a, b)) {
            for (int i = 0; i < c.size() && values.size() <= 5; i++) {
                String v = c.text(i);
                if (v != null) {
                    values.add("'" + canonical(v) + "'");
                }
            }
        }
        List<String> out = new ArrayList<>(values);
        if (out.size() > 5) {
            out = new ArrayList<>(out.subList(0, 5));
            out.add("…");
        }
        return out;
    }

    private static String inferNegative(String positive, Column label, Column pred) {
        if (positive.equals("1")) {
            return "0";
        }
        if (positive.equals("true")) {
            return "false";
        }
        Set<String> others = new LinkedHashSet<>();
        for (Column c : List.of(label, pred)) {
            for (int i = 0; i < c.size() && others.size() < 2; i++) {
                String v = c.text(i);
                if (v != null && !canonical(v).equals(positive)) {
                    others.add(canonical(v));
                }
            }
        }
        return others.size() == 1 ? others.iterator().next() : null;
    }

    private static int[] binaryCodes(Table t, Column c, String positive, String negative, String expected,
                                     ProblemCollector problems) {
        int[] out = new int[c.size()];
        Map<String, String> canon = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            String raw = c.text(i);
            if (raw == null) {
                problems.add(t.problem(i, c.name(), "expected " + expected + ", got a missing value"));
                continue;
            }
            String v = canon.computeIfAbsent(raw, DataEncoder::canonical);
            if (v.equals(positive)) {
                out[i] = 1;
            } else if (negative == null || v.equals(negative)) {
                out[i] = 0;
            } else {
                problems.add(t.problem(i, c.name(), "expected " + expected + ", got '" + raw + "'"));
            }
        }
        return out;
    }

    private static int[] classCodes(Table t, Column c, Map<String, Integer> index, ProblemCollector problems) {
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.text(i);
            if (v == null) {
                problems.add(t.problem(i, c.name(), "expected a class label, got a missing value"));
            } else {
                out[i] = index.get(v);
            }
        }
        return out;
    }

    private static double[] numbers(Table t, Column c, ProblemCollector problems) {
        double[] out = new double[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.text(i);
            double x = v == null ? Double.NaN : parse(v);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                problems.add(t.problem(i, c.name(), "expected a finite number, got " + (v == null ? "a missing value" : "'" + v + "'")));
            }
            out[i] = x;
        }
        return out;
    }

    private static double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String[] groupLevels(Table t, String name, MissingGroupPolicy policy, ProblemCollector problems)
            throws DataFileException {
        Column c = t.column(name);
        if (!c.isCategorical()) {
            problems.add(new org.rai4j.core.DataProblem(t.source(), 1, name,
                    "expected a group column with at most " + org.rai4j.core.CsvOptions.DEFAULT.maxLevels()
                            + " distinct values; bin it first (e.g. age bands)"));
            return new String[c.size()];
        }
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.text(i);
            if (v == null) {
                if (policy == MissingGroupPolicy.ERROR) {
                    problems.add(t.problem(i, name, "expected a group value, got a missing value"
                            + " (use --missing-group own-group to keep such rows as a group of their own)"));
                }
                v = Conventions.MISSING_LEVEL;
            }
            out[i] = v;
        }
        return out;
    }

    private static void addIfPresent(Set<String> s, String v) {
        if (v != null) {
            s.add(v);
        }
    }

    /** Numbers by value, then text. */
    static int naturalCompare(String a, String b) {
        double x = parse(a);
        double y = parse(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (!Double.isNaN(x)) {
            return -1;
        }
        if (!Double.isNaN(y)) {
            return 1;
        }
        return a.compareTo(b);
    }
}
