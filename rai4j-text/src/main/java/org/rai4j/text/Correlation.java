package org.rai4j.text;

import java.util.Arrays;
import org.rai4j.core.Gaussian;
import org.rai4j.core.Interval;
import org.rai4j.core.IntervalMethod;
import org.rai4j.core.Preconditions;

/**
 * Pearson's and Spearman's correlation with Fisher z intervals, for correlating metrics across a family of models.
 * Pearson: {@code r = Σ(x−x̄)(y−ȳ)/sqrt(Σ(x−x̄)²·Σ(y−ȳ)²)}, interval {@code tanh(atanh(r) ± z/sqrt(n−3))} (Fisher
 * 1921; exact in the limit for bivariate normal data). Spearman: Pearson's r of the average ranks (ties share their
 * mean rank), interval {@code tanh(atanh(ρ) ± z·sqrt(1.06/(n−3)))} (Fieller, Hartley &amp; Pearson 1957, Biometrika
 * 44:470). Both need n ≥ 4; a constant variable makes the correlation undefined (NaN, no interval). Pure functions.
 */
public final class Correlation {
    /** Fieller–Hartley–Pearson's variance factor for Spearman's ρ. */
    public static final double SPEARMAN_VARIANCE_FACTOR = 1.06;

    private Correlation() {}

    /**
     * A correlation and its interval.
     *
     * @param method     "pearson" or "spearman"
     * @param r          the correlation (NaN when a variable is constant)
     * @param interval   the Fisher z interval at {@code confidence} (null when r is NaN or n &lt; 4)
     * @param n          the number of pairs
     * @param confidence the interval's confidence
     */
    public record Estimate(String method, double r, Interval interval, int n, double confidence) {}

    /** Pearson's r with its Fisher z interval. */
    public static Estimate pearson(double[] x, double[] y, double confidence) {
        checkPairs(x, y, confidence);
        double r = pearsonR(x, y);
        return new Estimate("pearson", r, fisher(r, x.length, 1.0, confidence), x.length, confidence);
    }

    /** Spearman's ρ with its Fisher z interval (variance factor 1.06). */
    public static Estimate spearman(double[] x, double[] y, double confidence) {
        checkPairs(x, y, confidence);
        double r = pearsonR(ranks(x), ranks(y));
        return new Estimate("spearman", r, fisher(r, x.length, SPEARMAN_VARIANCE_FACTOR, confidence), x.length,
                confidence);
    }

    /** Pearson's r; NaN when either variable is constant. */
    public static double pearsonR(double[] x, double[] y) {
        Preconditions.checkArgument(x.length == y.length, "x and y must have the same length: " + x.length + " vs " + y.length);
        int n = x.length;
        if (constant(x) || constant(y)) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static boolean constant(double[] v) {
        for (double e : v) {
            if (e != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** Average ranks, 1-based (ties get the mean of the ranks they span). */
    public static double[] ranks(double[] x) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            Preconditions.checkArgument(!Double.isNaN(x[i]), "cannot rank NaN (value " + i + ")");
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[idx[j + 1]] == x[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /**
     * The Fisher z interval {@code tanh(atanh(r) ± q·sqrt(factor/(n−3)))}, q the two-sided normal quantile; null
     * when r is NaN or n &lt; 4; [r, r] when |r| = 1.
     */
    public static Interval fisher(double r, int n, double factor, double confidence) {
        if (Double.isNaN(r) || n < 4) {
            return null;
        }
        if (Math.abs(r) == 1) {
            return new Interval(r, r, IntervalMethod.FISHER_Z);
        }
        double q = Gaussian.quantile(0.5 + confidence / 2);
        double z = atanh(r);
        double half = q * Math.sqrt(factor / (n - 3));
        return new Interval(Math.tanh(z - half), Math.tanh(z + half), IntervalMethod.FISHER_Z);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static void checkPairs(double[] x, double[] y, double confidence) {
        Preconditions.checkNotNull(x, "x");
        Preconditions.checkNotNull(y, "y");
        Preconditions.checkArgument(x.length == y.length, "x and y must have the same length: " + x.length + " vs " + y.length);
        Preconditions.checkArgument(x.length >= 2, "need at least 2 pairs, got " + x.length);
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        for (int i = 0; i < x.length; i++) {
            Preconditions.checkArgument(Double.isFinite(x[i]) && Double.isFinite(y[i]),
                    "pair " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
        }
    }
}
