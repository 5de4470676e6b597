package org.rai4j.core;

import java.util.Arrays;

/**
 * Confidence intervals: Wilson score intervals for proportions and percentile intervals of bootstrap
 * replicates. Pure static functions.
 */
public final class Intervals {
    private Intervals() {}

    /**
     * The Wilson score interval (Wilson 1927) for {@code successes} out of {@code n} trials:
     * centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²), with z the
     * two-sided normal quantile for {@code confidence}. Works for fractional counts, as used with
     * sample weights (successes and n are then weighted sums scaled to Kish's effective n).
     *
     * @param successes number of successes, 0 ≤ successes ≤ n
     * @param n         number of trials, &gt; 0
     */
    public static Interval wilson(double successes, double n, double confidence) {
        Preconditions.checkPositive(n, "n");
        Preconditions.checkArgument(successes >= 0 && successes <= n * (1 + 1e-12),
                "successes must be in [0, n=" + n + "], got " + successes);
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        double z = Gaussian.quantile(0.5 + confidence / 2.0);
        double p = Math.min(1.0, successes / n);
        double z2n = z * z / n;
        double centre = (p + z2n / 2.0) / (1.0 + z2n);
        double half = z / (1.0 + z2n) * Math.sqrt(p * (1.0 - p) / n + z2n / (4.0 * n));
        return new Interval(Math.max(0.0, centre - half), Math.min(1.0, centre + half), IntervalMethod.WILSON);
    }

    /**
     * The percentile interval of bootstrap replicates at {@code confidence}: the (1−c)/2 and (1+c)/2
     * sample quantiles with linear interpolation between order statistics (Hyndman &amp; Fan type 7, the
     * numpy default). NaN replicates (undefined in that resample) are ignored.
     *
     * @return the interval, or null when fewer than half the replicates are defined
     */
    public static Interval percentile(double[] replicates, double confidence) {
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        double[] x = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (x.length == 0 || x.length * 2 < replicates.length) {
            return null;
        }
        double lo = quantileType7(x, (1.0 - confidence) / 2.0);
        double hi = quantileType7(x, (1.0 + confidence) / 2.0);
        return new Interval(lo, Math.max(lo, hi), IntervalMethod.BOOTSTRAP_PERCENTILE);
    }

    /** The type-7 sample quantile of sorted values. */
    public static double quantileType7(double[] sorted, double q) {
        Preconditions.checkArgument(sorted.length > 0, "need at least one value");
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Two-sided p-value of "the true value is 0" from a Wald test with the bootstrap standard error:
     * {@code 2·(1 − Φ(|estimate| / sd(replicates)))}. Unlike the percentile p-value it is not bounded
     * below by 2/(B+1), so it stays usable after a multiple-comparison adjustment over many pairs.
     * NaN replicates are ignored; NaN when fewer than two are defined; 1 when the estimate is 0 and
     * the standard error is 0; 0 when only the standard error is 0.
     */
    public static double bootstrapWaldPValue(double estimate, double[] replicates) {
        double sum = 0;
        double sumSq = 0;
        int b = 0;
        for (double d : replicates) {
            if (!Double.isNaN(d)) {
                sum += d;
                sumSq += d * d;
                b++;
            }
        }
        if (b < 2 || Double.isNaN(estimate)) {
            return Double.NaN;
        }
        double mean = sum / b;
        double var = Math.max(0, (sumSq - b * mean * mean) / (b - 1));
        double se = Math.sqrt(var);
        if (se == 0) {
            return estimate == 0 ? 1.0 : 0.0;
        }
        return Math.min(1.0, 2.0 * Gaussian.cdf(-Math.abs(estimate) / se));
    }

    /**
     * Two-sided bootstrap p-value of "the true value is 0" from replicates of a signed statistic:
     * {@code min(1, 2·min(#{d ≤ 0}+1, #{d ≥ 0}+1)/(B+1))}, the percentile-interval inversion with the
     * usual +1 correction so that it is never 0.
     */
    public static double bootstrapPValue(double[] replicates) {
        long le = 0;
        long ge = 0;
        long b = 0;
        for (double d : replicates) {
            if (Double.isNaN(d)) {
                continue;
            }
            b++;
            if (d <= 0) {
                le++;
            }
            if (d >= 0) {
                ge++;
            }
        }
        if (b == 0) {
            return Double.NaN;
        }
        return Math.min(1.0, 2.0 * Math.min(le + 1, ge + 1) / (b + 1));
    }
}
