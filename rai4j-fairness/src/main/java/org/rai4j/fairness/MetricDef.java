package org.rai4j.fairness;

import java.util.function.ToDoubleFunction;

/**
 * A metric as a pure function of a slice's sufficient-statistics vector. A proportion metric is
 * Σ numerator cells / Σ denominator cells (numerator ⊆ denominator) and gets a Wilson interval; any
 * other metric gets a bootstrap interval. The function returns {@code NaN} when the metric is
 * undefined (zero denominator), and {@link #undefinedReason()} says why.
 *
 * @param name            the metric's public name, e.g. {@code true_positive_rate}
 * @param numerator       cells summed in the numerator (proportions only, else empty)
 * @param denominator     cells summed in the denominator (proportions only, else empty)
 * @param fn              the metric
 * @param undefinedReason why it can be undefined, e.g. {@code "no actual positives (tp + fn = 0)"}
 */
record MetricDef(String name, int[] numerator, int[] denominator, ToDoubleFunction<double[]> fn,
                 String undefinedReason) {

    boolean isProportion() {
        return denominator.length > 0;
    }

    double apply(double[] stats) {
        return fn.applyAsDouble(stats);
    }

    static MetricDef proportion(String name, int[] num, int[] den, String undefinedReason) {
        return new MetricDef(name, num, den, s -> {
            double d = sum(s, den);
            return d > 0 ? sum(s, num) / d : Double.NaN;
        }, undefinedReason);
    }

    static MetricDef other(String name, ToDoubleFunction<double[]> fn, String undefinedReason) {
        return new MetricDef(name, new int[0], new int[0], fn, undefinedReason);
    }

    static double sum(double[] s, int[] idx) {
        double t = 0;
        for (int i : idx) {
            t += s[i];
        }
        return t;
    }
}
