package org.rai4j.text;

import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;

/**
 * The Word Embedding Association Test (Caliskan, Bryson &amp; Narayanan 2017, Science 356:183): for target sets X, Y
 * and attribute sets A, B of vectors, the association of a word is
 * {@code s(w,A,B) = mean_{a∈A} cos(w,a) − mean_{b∈B} cos(w,b)}; the statistic is
 * {@code S = Σ_{x∈X} s(x) − Σ_{y∈Y} s(y)}; the effect size is {@code (mean_X s − mean_Y s) / std_{X∪Y} s} with the
 * divisor recorded ({@link StdConvention}); the p-value is one-sided, {@code Pr_i[S(X_i,Y_i) ≥ S]} over the
 * partitions (X_i, Y_i) of X∪Y into sets of sizes |X| and |Y|, ties counted as ≥ (conservative, as sent-bias).
 *
 * <p>Since Σ_{X_i} s + Σ_{Y_i} s is the same for every partition, {@code S_i = 2·Σ_{X_i} s − C}: partitions are
 * ranked by Σ_{X_i} s alone. When C(|X|+|Y|, |X|) ≤ {@link WeatOptions#permutations()} every partition is
 * enumerated (the observed one included, so p ≥ 1/C); otherwise the observed partition plus
 * {@code permutations − 1} uniformly drawn ones are evaluated and {@code p = (1 + #{S_i ≥ S})/permutations}
 * (sent-bias's sampled convention). Two sums that differ by less than 1e-12 × Σ|s| count as tied, so that the same
 * partition summed in a different order is never missed.
 *
 * <p>Pure functions; thread-safe. Arithmetic in double whatever the vectors' source precision.
 */
public final class Weat {
    private Weat() {}

    /** Runs WEAT on vectors (each list non-empty, all vectors of one dimension and non-zero). */
    public static WeatResult test(List<double[]> x, List<double[]> y, List<double[]> a, List<double[]> b,
                                  WeatOptions options) {
        Preconditions.checkNotNull(options, "options");
        checkSet(x, "X");
        int dim = x.get(0).length;
        checkDimension(y, dim, "Y");
        checkDimension(a, dim, "A");
        checkDimension(b, dim, "B");
        double[] sx = associations(x, a, b, "X");
        double[] sy = associations(y, a, b, "Y");
        double stat = sum(sx) - sum(sy);
        double d = effectSize(sx, sy, options.std());
        PermutationP p = permutationP(sx, sy, options.permutations(), options.seed());
        return new WeatResult(stat, d, p.pValue(), p.permutations(), p.exact(), options.std(), options.seed(),
                sx.length, sy.length);
    }

    /** The associations s(w,A,B) of each word of {@code words}. */
    public static double[] associations(List<double[]> words, List<double[]> a, List<double[]> b) {
        return associations(words, a, b, "words");
    }

    private static double[] associations(List<double[]> words, List<double[]> a, List<double[]> b, String name) {
        checkSet(words, name);
        checkSet(a, "A");
        checkSet(b, "B");
        int dim = words.get(0).length;
        double[][] ua = unit(a, dim, "A");
        double[][] ub = unit(b, dim, "B");
        double[][] uw = unit(words, dim, name);
        double[] s = new double[uw.length];
        for (int i = 0; i < uw.length; i++) {
            s[i] = meanDot(uw[i], ua) - meanDot(uw[i], ub);
        }
        return s;
    }

    /**
     * The effect size (mean_X s − mean_Y s) / std_{X∪Y} s.
     *
     * @throws IllegalArgumentException when the standard deviation is 0 (the effect size is undefined) or a set
     *                                  is too small for the divisor
     */
    public static double effectSize(double[] sx, double[] sy, StdConvention std) {
        Preconditions.checkArgument(sx.length > 0 && sy.length > 0, "X and Y must each hold at least one word");
        int n = sx.length + sy.length;
        Preconditions.checkArgument(n - std.ddof() > 0, "need more than " + std.ddof() + " words in X and Y together");
        double mean = (sum(sx) + sum(sy)) / n;
        double ss = 0;
        for (double v : sx) {
            ss += (v - mean) * (v - mean);
        }
        for (double v : sy) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - std.ddof()));
        Preconditions.checkArgument(sd > 0, "the effect size is undefined: every word of X and Y has the same "
                + "association (standard deviation 0)");
        return (sum(sx) / sx.length - sum(sy) / sy.length) / sd;
    }

    /**
     * The one-sided permutation p-value of S = Σ sx − Σ sy over partitions of the pooled scores into sets of
     * sizes |sx| and |sy|: exact when there are at most {@code requested} partitions, else sampled (see the class
     * comment).
     */
    public static PermutationP permutationP(double[] sx, double[] sy, long requested, long seed) {
        Preconditions.checkArgument(sx.length > 0 && sy.length > 0, "X and Y must each hold at least one word");
        Preconditions.checkAtLeast(requested, 1L, "permutations");
        int n = sx.length + sy.length;
        int k = sx.length;
        double[] all = new double[n];
        System.arraycopy(sx, 0, all, 0, k);
        System.arraycopy(sy, 0, all, k, sy.length);
        double scale = 0;
        for (double v : all) {
            scale += Math.abs(v);
        }
        double threshold = sum(sx) - 1e-12 * scale;
        long total = binomialAtMost(n, k, requested);
        if (total <= requested) {
            long hits = new Enumerator(all, k, threshold).count();
            return new PermutationP((double) hits / total, total, true);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long hits = 1;
        for (long r = 1; r < requested; r++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                s += all[idx[i]];
            }
            if (s >= threshold) {
                hits++;
            }
        }
        return new PermutationP((double) hits / requested, requested, false);
    }

    /** C(n, k), or {@code cap + 1} when it exceeds {@code cap}. */
    static long binomialAtMost(int n, int k, long cap) {
        int kk = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= kk; i++) {
            // c * (n - kk + i) / i is exact at every step; stop as soon as the cap is passed
            java.math.BigInteger big = java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(n - kk + i))
                    .divide(java.math.BigInteger.valueOf(i));
            if (big.bitLength() > 62 || big.longValue() > cap) {
                return cap + 1;
            }
            c = big.longValue();
        }
        return c;
    }

    private static final class Enumerator {
        private final double[] all;
        private final int k;
        private final double threshold;
        private long hits;

        Enumerator(double[] all, int k, double threshold) {
            this.all = all;
            this.k = k;
            this.threshold = threshold;
        }

        long count() {
            walk(0, 0, 0.0);
            return hits;
        }

        private void walk(int start, int depth, double partial) {
            if (depth == k) {
                if (partial >= threshold) {
                    hits++;
                }
                return;
            }
            for (int i = start; i <= all.length - (k - depth); i++) {
                walk(i + 1, depth + 1, partial + all[i]);
            }
        }
    }

    private static void checkDimension(List<double[]> set, int dim, String name) {
        checkSet(set, name);
        for (int i = 0; i < set.size(); i++) {
            double[] v = Preconditions.checkNotNull(set.get(i), name + "[" + i + "]");
            Preconditions.checkArgument(v.length == dim,
                    name + "[" + i + "] has dimension " + v.length + ", expected " + dim + " (the dimension of X[0])");
        }
    }

    private static void checkSet(List<double[]> set, String name) {
        Preconditions.checkNotNull(set, name);
        Preconditions.checkArgument(!set.isEmpty(), name + " must hold at least one vector");
    }

    private static double[][] unit(List<double[]> vs, int dim, String name) {
        double[][] out = new double[vs.size()][];
        for (int i = 0; i < vs.size(); i++) {
            double[] v = Preconditions.checkNotNull(vs.get(i), name + "[" + i + "]");
            Preconditions.checkArgument(v.length == dim,
                    name + "[" + i + "] has dimension " + v.length + ", expected " + dim);
            double norm = 0;
            for (double t : v) {
                norm += t * t;
            }
            norm = Math.sqrt(norm);
            Preconditions.checkArgument(norm > 0 && Double.isFinite(norm),
                    name + "[" + i + "] must be a non-zero finite vector (cosine undefined), got norm " + norm);
            double[] u = new double[dim];
            for (int j = 0; j < dim; j++) {
                u[j] = v[j] / norm;
            }
            out[i] = u;
        }
        return out;
    }

    private static double meanDot(double[] u, double[][] set) {
        double s = 0;
        for (double[] v : set) {
            double d = 0;
            for (int j = 0; j < u.length; j++) {
                d += u[j] * v[j];
            }
            s += d;
        }
        return s / set.length;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double t : v) {
            s += t;
        }
        return s;
    }
}
