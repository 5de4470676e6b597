package org.rai4j.fairness;

import java.util.Arrays;

/**
 * Simultaneous bootstrap intervals for a family of estimates θ̂_1 … θ̂_K with bootstrap replicates
 * (max-|t| or sup-t intervals; Westfall &amp; Young 1993 §2.6, Montiel Olea &amp; Plagborg-Møller 2019):
 * T*_b = max_k |θ̂*_kb − θ̂_k| / SE*_kb, c is the {@code confidence} quantile of T*_b (the
 * ⌈confidence·B⌉-th smallest), and the intervals θ̂_k ± c·SE_k cover all K targets at once with
 * probability ≈ confidence. When every estimate has an analytic standard error (proportions:
 * v(1 − v)/n in each replicate), the statistic is studentized per replicate (SE*_kb from replicate b, SE_k
 * at the point: the bootstrap-t, which holds its level with 20 groups of 50 rows where a fixed scale does
 * not: 9% instead of 5% in our simulation); otherwise SE*_kb = SE_k = the bootstrap standard deviation.
 *
 * <p>The single-step adjusted p-value of H_k: θ_k = 0 is p_k = #{b : T*_b ≥ |θ̂_k| / SE_k} / B. With
 * these conventions interval k excludes 0 exactly when fewer than (1 − confidence)·B replicates reach
 * |t_k|, i.e. when p_k ≤ 1 − confidence, so a verdict read from the intervals and one read from the
 * p-values agree.
 *
 * <p>Undefined values (NaN or infinite: e.g. a rate whose denominator is empty in a replicate) are left
 * out: of SE_k, and of the maximum in that replicate. An estimate with SE_k = 0 (the same in every
 * replicate) gets the interval [θ̂_k, θ̂_k] and does not enter the maximum. Pure functions.
 */
final class Simultaneous {
    /** A family of estimates whose replicates are computed on demand (so K·B values are never stored). */
    interface Contrasts {
        int size();

        int replicates();

        double point(int k);

        double replicate(int k, int b);

        /** Analytic standard error of estimate k at the point estimate, or NaN when there is none. */
        default double pointSe(int k) {
            return Double.NaN;
        }

        /** Analytic standard error of estimate k within replicate b, or NaN when there is none. */
        default double replicateSe(int k, int b) {
            return Double.NaN;
        }
    }

    /** The family's intervals: critical value, standard errors, bounds and single-step adjusted p-values of θ = 0. */
    record Family(double critical, double[] se, double[] lo, double[] hi, double[] pValue, boolean studentized) {
        int size() {
            return lo.length;
        }
    }

    private Simultaneous() {}

    /** The family of {@code point} with stored replicates {@code replicates[k][b]}. */
    static Family of(double[] point, double[][] replicates, double confidence) {
        return of(new Contrasts() {
            @Override
            public int size() {
                return point.length;
            }

            @Override
            public int replicates() {
                return point.length == 0 ? 0 : replicates[0].length;
            }

            @Override
            public double point(int k) {
                return point[k];
            }

            @Override
            public double replicate(int k, int b) {
                return replicates[k][b];
            }
        }, confidence);
    }

    /** Simultaneous intervals at {@code confidence} for the family {@code c}. */
    static Family of(Contrasts c, double confidence) {
        int k = c.size();
        int b = c.replicates();
        double[] point = new double[k];
        double[] se = new double[k];
        for (int i = 0; i < k; i++) {
            point[i] = c.point(i);
            if (!Double.isFinite(point[i])) {
                se[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int r = 0; r < b; r++) {
                double x = c.replicate(i, r);
                if (Double.isFinite(x)) {
                    sum += x;
                    n++;
                }
            }
            if (n < 2) {
                se[i] = Double.NaN;
                continue;
            }
            double mean = sum / n;
            double ss = 0;
            for (int r = 0; r < b; r++) {
                double x = c.replicate(i, r);
                if (Double.isFinite(x)) {
                    ss += (x - mean) * (x - mean);
                }
            }
            se[i] = Math.sqrt(ss / (n - 1));
        }
        // Studentize with the analytic standard error where every estimate has one (bootstrap-t: each
        // replicate divided by its own SE, the interval built on the SE at the point estimate); else use
        // the bootstrap standard deviation for all (a fixed scale).
        boolean studentized = k > 0;
        double[] scale = new double[k];
        for (int i = 0; i < k; i++) {
            double a = c.pointSe(i);
            if (Double.isFinite(point[i]) && !(a >= 0 && Double.isFinite(a))) {
                studentized = false;
            }
            scale[i] = a;
        }
        if (!studentized) {
            scale = se;
        }
        double[] tMax = new double[b];
        Arrays.fill(tMax, Double.NaN);
        for (int i = 0; i < k; i++) {
            if (!(scale[i] > 0) || Double.isNaN(se[i])) {
                continue;
            }
            for (int r = 0; r < b; r++) {
                double x = c.replicate(i, r);
                double sr = studentized ? c.replicateSe(i, r) : scale[i];
                if (Double.isFinite(x) && sr > 0 && Double.isFinite(sr)) {
                    double t = Math.abs(x - point[i]) / sr;
                    if (Double.isNaN(tMax[r]) || t > tMax[r]) {
                        tMax[r] = t;
                    }
                }
            }
        }
        double[] sorted = Arrays.stream(tMax).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int defined = sorted.length;
        double crit = Double.NaN;
        if (defined > 0) {
            int rank = (int) Math.ceil(confidence * defined - 1e-9);
            crit = sorted[Math.max(0, Math.min(defined - 1, rank - 1))];
        }
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(point[i]) || Double.isNaN(se[i])) {
                lo[i] = hi[i] = p[i] = Double.NaN;
            } else if (scale[i] == 0 || se[i] == 0) {
                lo[i] = hi[i] = point[i];
                p[i] = point[i] == 0 ? 1.0 : 0.0;
            } else if (defined == 0) {
                lo[i] = hi[i] = p[i] = Double.NaN;
            } else {
                lo[i] = point[i] - crit * scale[i];
                hi[i] = point[i] + crit * scale[i];
                double t = Math.abs(point[i]) / scale[i];
                p[i] = (double) (defined - lowerBound(sorted, t)) / defined;
            }
        }
        return new Family(crit, studentized ? scale : se, lo, hi, p, studentized);
    }

    /** Index of the first element ≥ x in an ascending array. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
