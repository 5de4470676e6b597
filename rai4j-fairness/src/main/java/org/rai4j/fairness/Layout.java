package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sufficient-statistics vector of a task: which slot holds what, how one row adds to it, and the
 * metrics computed from it. All slots but the AUC slot are additive, so vectors merge by addition.
 *
 * <p>Binary: slots 0–3 hold the weighted confusion cells tp, fp, tn, fn; 4–7 their Σw²; 8–11 their
 * row counts; 12 the row count. With a score: 13 Σw(s−y)², 14–43 ten calibration bins × (Σw, Σw·y,
 * Σw·s), 44 the AUC (not additive: recomputed from rows). Multiclass with C classes: C² weighted
 * (true, predicted) cells, C² Σw², C² row counts, rows. Regression: rows, Σw, Σw·y, Σw·ŷ, Σw·|y−ŷ|,
 * Σw·(y−ŷ)², Σw². Without weights every weighted sum equals its row count.
 */
final class Layout {
    static final int TP = 0;
    static final int FP = 1;
    static final int TN = 2;
    static final int FN = 3;
    static final int ECE_BINS = 10;
    private static final int BINARY_ROWS = 12;
    private static final int BRIER = 13;
    private static final int ECE = 14;
    private static final int AUC = ECE + 3 * ECE_BINS;

    private static final int R_ROWS = 0;
    private static final int R_SW = 1;
    private static final int R_SWY = 2;
    private static final int R_SWYHAT = 3;
    private static final int R_SWABS = 4;
    private static final int R_SWSQ = 5;
    private static final int R_SW2 = 6;

    final Task task;
    final int size;
    /** Number of outcome cells (count-based tasks), 0 for regression. */
    final int outcomes;
    final int w2Offset;
    final int countOffset;
    final int rowsSlot;
    final boolean hasScore;
    final int aucSlot;
    final List<MetricDef> metrics;
    final List<String> classes;
    /** Names of the task-supplied statistics ({@link Task#SPEECH}), else empty. */
    private final List<String> statisticNames;

    private Layout(Task task, int size, int outcomes, int w2Offset, int rowsSlot, boolean hasScore,
                   List<MetricDef> metrics, List<String> classes) {
        this(task, size, outcomes, w2Offset, rowsSlot, hasScore, metrics, classes, List.of());
    }

    private Layout(Task task, int size, int outcomes, int w2Offset, int rowsSlot, boolean hasScore,
                   List<MetricDef> metrics, List<String> classes, List<String> statisticNames) {
        this.statisticNames = List.copyOf(statisticNames);
        this.task = task;
        this.size = size;
        this.outcomes = outcomes;
        this.w2Offset = w2Offset;
        this.countOffset = w2Offset < 0 ? -1 : w2Offset + outcomes;
        this.rowsSlot = rowsSlot;
        this.hasScore = hasScore;
        this.aucSlot = hasScore ? AUC : -1;
        this.metrics = List.copyOf(metrics);
        this.classes = classes;
    }

    static Layout of(EncodedData data) {
        return switch (data.task) {
            case BINARY -> binary(data.score != null);
            case MULTICLASS -> multiclass(data.classes);
            case REGRESSION -> regression();
            case SPEECH -> statistics(data.statistics);
        };
    }

    /** Binary classification, optionally with score metrics. */
    static Layout binary(boolean withScore) {
        List<MetricDef> m = new ArrayList<>();
        int[] all = {TP, FP, TN, FN};
        m.add(MetricDef.other("count", s -> s[BINARY_ROWS], "never undefined"));
        m.add(MetricDef.proportion("selection_rate", new int[] {TP, FP}, all, "empty slice"));
        m.add(MetricDef.proportion("accuracy", new int[] {TP, TN}, all, "empty slice"));
        m.add(MetricDef.proportion("error_rate", new int[] {FP, FN}, all, "empty slice"));
        m.add(MetricDef.proportion("true_positive_rate", new int[] {TP}, new int[] {TP, FN}, "no actual positives (tp + fn = 0)"));
        m.add(MetricDef.proportion("false_positive_rate", new int[] {FP}, new int[] {FP, TN}, "no actual negatives (fp + tn = 0)"));
        m.add(MetricDef.proportion("true_negative_rate", new int[] {TN}, new int[] {FP, TN}, "no actual negatives (fp + tn = 0)"));
        m.add(MetricDef.proportion("false_negative_rate", new int[] {FN}, new int[] {TP, FN}, "no actual positives (tp + fn = 0)"));
        m.add(MetricDef.proportion("precision", new int[] {TP}, new int[] {TP, FP}, "no predicted positives (tp + fp = 0)"));
        m.add(MetricDef.proportion("negative_predictive_value", new int[] {TN}, new int[] {TN, FN}, "no predicted negatives (tn + fn = 0)"));
        m.add(MetricDef.proportion("false_discovery_rate", new int[] {FP}, new int[] {TP, FP}, "no predicted positives (tp + fp = 0)"));
        m.add(MetricDef.proportion("false_omission_rate", new int[] {FN}, new int[] {TN, FN}, "no predicted negatives (tn + fn = 0)"));
        m.add(MetricDef.proportion("prevalence", new int[] {TP, FN}, all, "empty slice"));
        m.add(MetricDef.other("balanced_accuracy", s -> {
            double pos = s[TP] + s[FN];
            double neg = s[TN] + s[FP];
            return pos > 0 && neg > 0 ? 0.5 * (s[TP] / pos + s[TN] / neg) : Double.NaN;
        }, "needs both actual positives and actual negatives"));
        m.add(MetricDef.other("f1", s -> {
            double d = 2 * s[TP] + s[FP] + s[FN];
            return d > 0 ? 2 * s[TP] / d : Double.NaN;
        }, "no positives at all (2tp + fp + fn = 0)"));
        int size = BINARY_ROWS + 1;
        if (withScore) {
            m.add(MetricDef.other("auc", s -> s[AUC], "needs both actual positives and actual negatives"));
            m.add(MetricDef.other("brier_score", s -> {
                double w = s[TP] + s[FP] + s[TN] + s[FN];
                return w > 0 ? s[BRIER] / w : Double.NaN;
            }, "empty slice"));
            m.add(MetricDef.other("expected_calibration_error", Layout::ece, "empty slice"));
            size = AUC + 1;
        }
        return new Layout(Task.BINARY, size, 4, 4, BINARY_ROWS, withScore, m, List.of());
    }

    /** Multiclass classification over {@code classes}: accuracy and per-class one-vs-rest rates. */
    static Layout multiclass(List<String> classes) {
        int c = classes.size();
        int cells = c * c;
        int rows = 3 * cells;
        List<MetricDef> m = new ArrayList<>();
        int[] all = range(0, cells);
        List<Integer> diag = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            diag.add(k * c + k);
        }
        int[] correct = diag.stream().mapToInt(Integer::intValue).toArray();
        int[] wrong = java.util.stream.IntStream.range(0, cells).filter(i -> i / c != i % c).toArray();
        m.add(MetricDef.other("count", s -> s[rows], "never undefined"));
        m.add(MetricDef.proportion("accuracy", correct, all, "empty slice"));
        m.add(MetricDef.proportion("error_rate", wrong, all, "empty slice"));
        for (int k = 0; k < c; k++) {
            final int kk = k;
            String cls = classes.get(k);
            int[] tp = {k * c + k};
            int[] actual = java.util.stream.IntStream.range(0, c).map(j -> kk * c + j).toArray();
            int[] predicted = java.util.stream.IntStream.range(0, c).map(i -> i * c + kk).toArray();
            int[] fp = java.util.stream.IntStream.range(0, c).filter(i -> i != kk).map(i -> i * c + kk).toArray();
            int[] notActual = java.util.stream.IntStream.range(0, cells).filter(i -> i / c != kk).toArray();
            m.add(MetricDef.proportion("selection_rate:" + cls, predicted, all, "empty slice"));
            m.add(MetricDef.proportion("true_positive_rate:" + cls, tp, actual, "no actual '" + cls + "'"));
            m.add(MetricDef.proportion("false_positive_rate:" + cls, fp, notActual, "no actual non-'" + cls + "'"));
            m.add(MetricDef.proportion("precision:" + cls, tp, predicted, "no predicted '" + cls + "'"));
        }
        return new Layout(Task.MULTICLASS, rows + 1, cells, cells, rows, false, m, List.copyOf(classes));
    }

    /** Regression. */
    static Layout regression() {
        List<MetricDef> m = new ArrayList<>();
        m.add(MetricDef.other("count", s -> s[R_ROWS], "never undefined"));
        m.add(MetricDef.other("mae", s -> s[R_SW] > 0 ? s[R_SWABS] / s[R_SW] : Double.NaN, "empty slice"));
        m.add(MetricDef.other("mse", s -> s[R_SW] > 0 ? s[R_SWSQ] / s[R_SW] : Double.NaN, "empty slice"));
        m.add(MetricDef.other("rmse", s -> s[R_SW] > 0 ? Math.sqrt(s[R_SWSQ] / s[R_SW]) : Double.NaN, "empty slice"));
        m.add(MetricDef.other("mean_prediction", s -> s[R_SW] > 0 ? s[R_SWYHAT] / s[R_SW] : Double.NaN, "empty slice"));
        m.add(MetricDef.other("mean_label", s -> s[R_SW] > 0 ? s[R_SWY] / s[R_SW] : Double.NaN, "empty slice"));
        return new Layout(Task.REGRESSION, R_SW2 + 1, 0, -1, R_ROWS, false, m, List.of());
    }

    /**
     * Task-supplied additive statistics ({@link Task#SPEECH}): slot i holds Σ of statistic i, the last
     * slot the row count; every metric is the task's function of that vector.
     */
    static Layout statistics(RowStatistics stats) {
        if (stats == null) {
            throw new IllegalArgumentException("a speech audit needs its per-utterance statistics: use "
                    + "Auditor.run(table, spec, statistics, cluster, progress) (rai4j-speech's SpeechAudit does)");
        }
        int k = stats.names().size();
        List<MetricDef> m = new ArrayList<>();
        m.add(MetricDef.other("count", s -> s[k], "never undefined"));
        for (RowStatistics.Metric metric : stats.metrics()) {
            m.add(MetricDef.other(metric.name(), metric.function(), metric.undefinedReason()));
        }
        return new Layout(Task.SPEECH, k + 1, 0, -1, k, false, m, List.of(), stats.names());
    }

    /** Outcome cell of a row (count-based tasks). */
    int outcome(EncodedData d, int row) {
        if (task == Task.BINARY) {
            int t = d.truth[row];
            int p = d.predicted[row];
            return t == 1 ? (p == 1 ? TP : FN) : (p == 1 ? FP : TN);
        }
        return d.truth[row] * classes.size() + d.predicted[row];
    }

    /** Adds row {@code row}, {@code times} times, to the vector {@code s}. */
    void add(EncodedData d, int row, double times, double[] s) {
        double w = d.weight(row) * times;
        double w2 = d.weight(row) * d.weight(row) * times;
        s[rowsSlot] += times;
        if (task == Task.SPEECH) {
            double[] v = d.statistics.values()[row];
            for (int i = 0; i < v.length; i++) {
                s[i] += times * v[i];
            }
            return;
        }
        if (task == Task.REGRESSION) {
            double y = d.yTrue[row];
            double yhat = d.yPred[row];
            double e = y - yhat;
            s[R_SW] += w;
            s[R_SWY] += w * y;
            s[R_SWYHAT] += w * yhat;
            s[R_SWABS] += w * Math.abs(e);
            s[R_SWSQ] += w * e * e;
            s[R_SW2] += w2;
            return;
        }
        int o = outcome(d, row);
        s[o] += w;
        s[w2Offset + o] += w2;
        s[countOffset + o] += times;
        if (hasScore) {
            double sc = d.score[row];
            double y = d.truth[row];
            s[BRIER] += w * (sc - y) * (sc - y);
            int bin = eceBin(sc);
            s[ECE + 3 * bin] += w;
            s[ECE + 3 * bin + 1] += w * y;
            s[ECE + 3 * bin + 2] += w * sc;
        }
    }

    /** The calibration bin (of {@value #ECE_BINS}) of a score in [0, 1]. */
    static int eceBin(double score) {
        return Math.min(ECE_BINS - 1, (int) (score * ECE_BINS));
    }

    /**
     * Adds {@code times} rows of one score-bin bootstrap cell (binary with a score) to {@code s}: outcome
     * cell {@code outcome}, weight {@code weight}, calibration bin {@code eceBin}, and per row the cell's
     * mean squared error (s − y)² and mean score (exact when all its rows share one score).
     */
    void addScoreCell(double[] s, int outcome, double times, double weight, int eceBin, double meanSquaredError,
                      double meanScore) {
        double w = weight * times;
        double y = outcome == TP || outcome == FN ? 1 : 0;
        s[outcome] += w;
        s[w2Offset + outcome] += weight * weight * times;
        s[countOffset + outcome] += times;
        s[rowsSlot] += times;
        s[BRIER] += w * meanSquaredError;
        s[ECE + 3 * eceBin] += w;
        s[ECE + 3 * eceBin + 1] += w * y;
        s[ECE + 3 * eceBin + 2] += w * meanScore;
    }

    /** Adds {@code from} into {@code into}; the AUC slot is not additive and is left for recomputation. */
    void merge(double[] into, double[] from) {
        for (int i = 0; i < size; i++) {
            if (i != aucSlot) {
                into[i] += from[i];
            }
        }
    }

    /** Expected calibration error over ten equal-width bins: Σ_b (W_b/W)·|mean(y)_b − mean(s)_b|. */
    private static double ece(double[] s) {
        double total = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            total += s[ECE + 3 * b];
        }
        if (total <= 0) {
            return Double.NaN;
        }
        double e = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            double w = s[ECE + 3 * b];
            if (w > 0) {
                e += Math.abs(s[ECE + 3 * b + 1] - s[ECE + 3 * b + 2]) / total;
            }
        }
        return e;
    }

    /** Named sufficient statistics of a slice, for JSON ("counts"). */
    Map<String, Double> counts(double[] s) {
        Map<String, Double> out = new LinkedHashMap<>();
        switch (task) {
            case BINARY -> {
                out.put("tp", s[TP]);
                out.put("fp", s[FP]);
                out.put("tn", s[TN]);
                out.put("fn", s[FN]);
                out.put("rows", s[BINARY_ROWS]);
                if (hasScore) {
                    out.put("brier_sum", s[BRIER]);
                }
            }
            case MULTICLASS -> {
                int c = classes.size();
                for (int t = 0; t < c; t++) {
                    for (int p = 0; p < c; p++) {
                        out.put(classes.get(t) + "->" + classes.get(p), s[t * c + p]);
                    }
                }
                out.put("rows", s[rowsSlot]);
            }
            case SPEECH -> {
                out.put("rows", s[rowsSlot]);
                for (int i = 0; i < rowsSlot; i++) {
                    out.put(statisticName(i), s[i]);
                }
            }
            case REGRESSION -> {
                out.put("rows", s[R_ROWS]);
                out.put("sum_w", s[R_SW]);
                out.put("sum_w_y", s[R_SWY]);
                out.put("sum_w_yhat", s[R_SWYHAT]);
                out.put("sum_w_abs_error", s[R_SWABS]);
                out.put("sum_w_sq_error", s[R_SWSQ]);
                out.put("sum_w2", s[R_SW2]);
            }
        }
        return out;
    }

    /** Weighted total of a slice (Σw), the base of every rate. */
    double totalWeight(double[] s) {
        if (task == Task.REGRESSION) {
            return s[R_SW];
        }
        if (task == Task.SPEECH) {
            return s[rowsSlot];
        }
        double t = 0;
        for (int i = 0; i < outcomes; i++) {
            t += s[i];
        }
        return t;
    }

    /** Row count over the given outcome cells. */
    double rowCount(double[] s, int[] cells) {
        double t = 0;
        for (int i : cells) {
            t += s[countOffset + i];
        }
        return t;
    }

    /** Σw² over the given outcome cells (Kish effective n). */
    double sumSquaredWeights(double[] s, int[] cells) {
        double t = 0;
        for (int i : cells) {
            t += s[w2Offset + i];
        }
        return t;
    }

    private String statisticName(int i) {
        return statisticNames.get(i);
    }

    MetricDef metric(String name) {
        for (MetricDef m : metrics) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }
}
