package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the bounty's models predict: the label column, the loss, and for classification the class
 * labels (a prediction is the index of a class in {@link #classes()}). A binary task lists the
 * negative class first and the positive class second, so a rule model predicts code 1 ("positive")
 * where its predicate holds. Immutable and thread-safe.
 *
 * @param labelColumn the label column's name
 * @param loss        zero-one (classification) or squared (regression)
 * @param classes     class labels for zero-one loss (at least 2); empty for squared loss
 */
public record Task(String labelColumn, Loss loss, List<String> classes) {
    public Task {
        Preconditions.checkNotNull(labelColumn, "labelColumn");
        Preconditions.checkNotNull(loss, "loss");
        classes = List.copyOf(classes);
        if (loss == Loss.ZERO_ONE) {
            Preconditions.checkArgument(classes.size() >= 2, "a classification task needs at least 2 classes, got " + classes);
            Preconditions.checkArgument(new TreeSet<>(classes).size() == classes.size(), "classes must be distinct, got " + classes);
        } else {
            Preconditions.checkArgument(classes.isEmpty(), "a squared-loss task has no classes, got " + classes);
        }
    }

    /** A regression task (squared loss) on a numeric label. */
    public static Task regression(String labelColumn) {
        return new Task(labelColumn, Loss.SQUARED, List.of());
    }

    /**
     * A binary task on {@code labelColumn} of {@code table}, whose two values become the classes
     * (negative first). {@code positive} names the positive value; when null it is inferred for the
     * usual spellings (1/0, true/false, yes/no).
     *
     * @throws DataFileException when the column does not hold exactly two values or {@code positive} is not one of them
     */
    public static Task binary(Table table, String labelColumn, String positive) throws DataFileException {
        Column c = table.column(labelColumn);
        TreeSet<String> values = new TreeSet<>();
        for (int i = 0; i < c.size(); i++) {
            String v = c.text(i);
            if (v != null) {
                values.add(v);
            }
        }
        if (values.size() != 2) {
            throw new DataFileException(new DataProblem(table.source(), 0, labelColumn,
                    "expected exactly two label values for a binary bounty, got " + values.size() + ": "
                            + (values.size() > 10 ? new ArrayList<>(values).subList(0, 10) + "…" : values)));
        }
        String pos = positive;
        if (pos == null) {
            for (String[] pair : new String[][] {{"0", "1"}, {"false", "true"}, {"no", "yes"}, {"False", "True"}, {"No", "Yes"}}) {
                if (values.contains(pair[0]) && values.contains(pair[1])) {
                    pos = pair[1];
                }
            }
            if (pos == null) {
                throw new DataFileException(new DataProblem(table.source(), 0, labelColumn,
                        "cannot tell which label is positive among " + values + "; name it (e.g. --positive "
                                + values.last() + ")"));
            }
        }
        if (!values.contains(pos)) {
            throw new DataFileException(new DataProblem(table.source(), 0, labelColumn,
                    "the positive label '" + pos + "' does not occur; the labels are " + values));
        }
        values.remove(pos);
        return new Task(labelColumn, Loss.ZERO_ONE, List.of(values.first(), pos));
    }

    /** True for a two-class task. */
    public boolean isBinary() {
        return classes.size() == 2;
    }

    /** The code of class {@code label}, or −1 when it is not a class. */
    public int code(String label) {
        return classes.indexOf(label);
    }

    /**
     * The labels of every row of {@code table} as class codes (zero-one) or numbers (squared).
     *
     * @throws DataFileException listing rows whose label is missing or not a known class / not a number
     */
    public double[] labels(Table table) throws DataFileException {
        Column c = table.column(labelColumn);
        double[] y = new double[table.rowCount()];
        ProblemCollector problems = new ProblemCollector();
        for (int i = 0; i < y.length; i++) {
            String v = c.text(i);
            if (v == null) {
                problems.add(table.problem(i, labelColumn, "expected a label, got a missing value"));
                continue;
            }
            if (loss == Loss.ZERO_ONE) {
                int k = classes.indexOf(v);
                if (k < 0) {
                    problems.add(table.problem(i, labelColumn, "expected one of " + classes + ", got '" + v + "'"));
                }
                y[i] = k;
            } else {
                double d = c.isNumeric() ? c.number(i) : Double.NaN;
                if (!Double.isFinite(d)) {
                    problems.add(table.problem(i, labelColumn, "expected a number, got '" + v + "'"));
                }
                y[i] = d;
            }
        }
        problems.throwIfAny();
        return y;
    }

    /** The label text of a prediction (class name, or the number). */
    public String labelOf(double prediction) {
        if (loss == Loss.ZERO_ONE && prediction >= 0 && prediction < classes.size() && prediction == Math.rint(prediction)) {
            return classes.get((int) prediction);
        }
        return Column.formatNumber(prediction);
    }

    /** True when {@code p} is a valid prediction for this task. */
    public boolean isValidPrediction(double p) {
        if (loss == Loss.ZERO_ONE) {
            return p >= 0 && p < classes.size() && p == Math.rint(p);
        }
        return Double.isFinite(p);
    }
}
