package org.rai4j.core;

import java.util.SplittableRandom;

/**
 * Exact samplers used by the bootstrap and simulations: gamma (Marsaglia &amp; Tsang 2000), beta,
 * binomial (Knuth's order-statistic splitting, TAOCP vol. 2 §3.4.1, exact and O(log n) per draw) and
 * multinomial (recursive halving of the cells into conditional binomials). All draw from a caller's
 * seeded {@link SplittableRandom}; none keeps state.
 */
public final class Sampling {
    private static final int DIRECT_LIMIT = 48;

    private Sampling() {}

    /** A Gamma(shape, 1) draw, shape &gt; 0. */
    public static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1.0) {
            // Gamma(a) = Gamma(a+1) · U^(1/a)
            double u = rng.nextDouble();
            return gamma(rng, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) draw. */
    public static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        return x / (x + y);
    }

    /** An exact Binomial(n, p) draw. */
    public static long binomial(SplittableRandom rng, long n, double p) {
        Preconditions.checkArgument(n >= 0, "n must be >= 0, got " + n);
        Preconditions.checkArgument(p >= 0 && p <= 1, "p must be in [0, 1], got " + p);
        long result = 0;
        while (n > DIRECT_LIMIT && p > 0 && p < 1) {
            long a = 1 + n / 2;
            long b = n + 1 - a;
            double x = beta(rng, a, b); // the a-th smallest of n uniforms
            if (x >= p) {
                n = a - 1;
                p = p / x;
            } else {
                result += a;
                n = b - 1;
                p = (p - x) / (1.0 - x);
            }
        }
        if (p <= 0) {
            return result;
        }
        if (p >= 1) {
            return result + n;
        }
        for (long i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                result++;
            }
        }
        return result;
    }

    /**
     * An exact Multinomial(n, weights/Σweights) draw into {@code out} (same length as weights).
     * Cells with zero weight get zero.
     */
    public static void multinomial(SplittableRandom rng, long n, double[] weights, long[] out) {
        Preconditions.checkArgument(out.length == weights.length, "out must have one slot per weight");
        double[] prefix = new double[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            Preconditions.checkArgument(weights[i] >= 0, "weights must be >= 0, got " + weights[i] + " at " + i);
            prefix[i + 1] = prefix[i] + weights[i];
        }
        Preconditions.checkArgument(n == 0 || prefix[weights.length] > 0, "weights must not all be zero");
        split(rng, n, prefix, 0, weights.length, out);
    }

    private static void split(SplittableRandom rng, long n, double[] prefix, int from, int to, long[] out) {
        if (to - from == 1) {
            out[from] = n;
            return;
        }
        if (n == 0) {
            for (int i = from; i < to; i++) {
                out[i] = 0;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        double left = prefix[mid] - prefix[from];
        double total = prefix[to] - prefix[from];
        long nLeft = total <= 0 ? 0 : binomial(rng, n, Math.min(1.0, Math.max(0.0, left / total)));
        split(rng, nLeft, prefix, from, mid, out);
        split(rng, n - nLeft, prefix, mid, to, out);
    }
}
