package org.rai4j.federated;

import org.rai4j.core.Preconditions;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * How the server samples the clients of a round, and the aggregation weights that go with the sample.
 * The target is the full-participation aggregate {@code Σ_k (n_k/N)·Δ_k}, N = Σ_k n_k (Li, Huang, Yang,
 * Wang, Zhang, ICLR 2020, on Schemes I and II):
 * <ul>
 *   <li>{@link Uniform}: K clients uniformly without replacement, weights {@code n_k / Σ_S n_j} normalised
 *       within the round — what FedAvg, FedProx, Flower and LEAF do; low variance, slightly biased;</li>
 *   <li>{@link Activity}: probability p_k ∝ n_k^γ (γ = 1: by activity); with replacement (K independent
 *       draws, weight {@code (n_k/N)/(K p_k)} per draw: Scheme I, unbiased — for γ = 1 the simple average)
 *       or without replacement (randomised systematic πps sampling, inclusion probabilities
 *       π_k = min(1, c·n_k^γ) with Σ π_k = K exactly, Horvitz–Thompson weights {@code (n_k/N)/π_k}: unbiased);
 *       {@link Weighting#BY_EXAMPLES} instead normalises n_k within the round, which counts heavy devices
 *       twice (∝ n_k^{1+γ}) — a pitfall the engine warns about;</li>
 *   <li>{@link Poisson}: each client independently with probability q (the sampling DP accounting
 *       assumes), weights {@code (n_k/N)/q} with a fixed denominator.</li>
 * </ul>
 */
public sealed interface ClientSelector {
    /** The name used in JSON. */
    String key();

    /** Aggregation weights for {@link Activity}. */
    enum Weighting {
        /** Importance (Horvitz–Thompson) weights: the aggregate is unbiased for full participation. */
        UNBIASED,
        /** n_k normalised within the round, as for uniform sampling: biased towards heavy clients. */
        BY_EXAMPLES
    }

    /** Samples a round. {@code counts} gives n_k for every client; the result's ids ascend. */
    Selection select(int population, IntUnaryOperator counts, int perRound, SplittableRandom rng);

    /** The expected number of times each client is selected in one round (intended inclusion). */
    double[] intendedInclusion(int population, IntUnaryOperator counts, int perRound);

    /** Whether selection needs every client's n_k (so the engine must compute them each round). */
    default boolean needsCounts() {
        return true;
    }

    /** Uniform sampling of K distinct clients, weights n_k normalised within the round. */
    record Uniform() implements ClientSelector {
        @Override
        public String key() {
            return "uniform";
        }

        @Override
        public boolean needsCounts() {
            return false;
        }

        @Override
        public Selection select(int population, IntUnaryOperator counts, int perRound, SplittableRandom rng) {
            int k = Math.min(perRound, population);
            int[] ids = distinctUniform(population, k, rng);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) {
                w[i] = counts.applyAsInt(ids[i]);
            }
            return new Selection(ids, w, Double.NaN);
        }

        @Override
        public double[] intendedInclusion(int population, IntUnaryOperator counts, int perRound) {
            double[] p = new double[population];
            Arrays.fill(p, Math.min(perRound, population) / (double) population);
            return p;
        }
    }

    /**
     * Activity-based sampling, p_k ∝ n_k^γ.
     *
     * @param gamma     γ ≥ 0 (0: uniform, 1: proportional to the number of examples)
     * @param replace   with replacement (K independent draws) or without (exactly K distinct clients)
     * @param weighting aggregation weights
     */
    record Activity(double gamma, boolean replace, Weighting weighting) implements ClientSelector {
        public Activity {
            Preconditions.checkNonNegative(gamma, "gamma");
            Preconditions.checkNotNull(weighting, "weighting");
        }

        @Override
        public String key() {
            return "activity";
        }

        private double[] scores(int population, IntUnaryOperator counts) {
            double[] s = new double[population];
            for (int k = 0; k < population; k++) {
                int n = counts.applyAsInt(k);
                s[k] = n <= 0 ? 0 : Math.pow(n, gamma);
            }
            return s;
        }

        @Override
        public Selection select(int population, IntUnaryOperator counts, int perRound, SplittableRandom rng) {
            double[] s = scores(population, counts);
            double total = 0;
            long examples = 0;
            for (int k = 0; k < population; k++) {
                total += s[k];
                examples += counts.applyAsInt(k);
            }
            Preconditions.checkState(total > 0, "no client holds any example this round");
            if (replace) {
                double[] cumulative = new double[population];
                double acc = 0;
                for (int k = 0; k < population; k++) {
                    acc += s[k];
                    cumulative[k] = acc;
                }
                int[] draws = new int[perRound];
                for (int i = 0; i < perRound; i++) {
                    double u = rng.nextDouble() * acc;
                    int at = Arrays.binarySearch(cumulative, u);
                    at = at >= 0 ? at + 1 : -at - 1;
                    while (at < population - 1 && s[at] == 0) {
                        at++;
                    }
                    draws[i] = Math.min(at, population - 1);
                }
                Arrays.sort(draws);
                int distinct = 0;
                int[] ids = new int[perRound];
                double[] w = new double[perRound];
                for (int i = 0; i < perRound; i++) {
                    int id = draws[i];
                    double one = weighting == Weighting.UNBIASED
                            ? (counts.applyAsInt(id) / (double) examples) / (perRound * s[id] / total)
                            : counts.applyAsInt(id);
                    if (distinct > 0 && ids[distinct - 1] == id) {
                        w[distinct - 1] += one;
                    } else {
                        ids[distinct] = id;
                        w[distinct] = one;
                        distinct++;
                    }
                }
                return new Selection(Arrays.copyOf(ids, distinct), Arrays.copyOf(w, distinct),
                        weighting == Weighting.UNBIASED ? 1.0 : Double.NaN);
            }
            double[] pi = inclusion(s, Math.min(perRound, positive(s)));
            int[] ids = systematic(pi, rng);
            double[] w = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                w[i] = weighting == Weighting.UNBIASED ? (counts.applyAsInt(id) / (double) examples) / pi[id] : counts.applyAsInt(id);
            }
            return new Selection(ids, w, weighting == Weighting.UNBIASED ? 1.0 : Double.NaN);
        }

        @Override
        public double[] intendedInclusion(int population, IntUnaryOperator counts, int perRound) {
            double[] s = scores(population, counts);
            if (replace) {
                double total = 0;
                for (double v : s) {
                    total += v;
                }
                for (int k = 0; k < population; k++) {
                    s[k] = perRound * s[k] / total;
                }
                return s;
            }
            return inclusion(s, Math.min(perRound, positive(s)));
        }
    }

    /**
     * Poisson sampling: every client independently with probability q.
     *
     * @param q inclusion probability in (0, 1]
     */
    record Poisson(double q) implements ClientSelector {
        public Poisson {
            Preconditions.checkArgument(q > 0 && q <= 1, "q must be in (0, 1], got " + q);
        }

        @Override
        public String key() {
            return "poisson";
        }

        @Override
        public Selection select(int population, IntUnaryOperator counts, int perRound, SplittableRandom rng) {
            long examples = 0;
            for (int k = 0; k < population; k++) {
                examples += counts.applyAsInt(k);
            }
            int[] ids = new int[16];
            int m = 0;
            // Geometric skips: the gap to the next included client is Geometric(q).
            double logNot = Math.log1p(-q);
            long at = -1;
            while (true) {
                long skip = q == 1 ? 0 : (long) Math.floor(Math.log(1 - rng.nextDouble()) / logNot);
                at += skip + 1;
                if (at >= population) {
                    break;
                }
                if (m == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * m);
                }
                ids[m++] = (int) at;
            }
            ids = Arrays.copyOf(ids, m);
            double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                w[i] = (counts.applyAsInt(ids[i]) / (double) examples) / q;
            }
            return new Selection(ids, w, 1.0);
        }

        @Override
        public double[] intendedInclusion(int population, IntUnaryOperator counts, int perRound) {
            double[] p = new double[population];
            Arrays.fill(p, q);
            return p;
        }
    }

    /** K distinct ids uniformly from 0 … n−1 (Floyd's algorithm), ascending. */
    static int[] distinctUniform(int n, int k, SplittableRandom rng) {
        Set<Integer> chosen = new HashSet<>();
        int[] out = new int[k];
        int m = 0;
        for (int j = n - k; j < n; j++) {
            int t = rng.nextInt(j + 1);
            int pick = chosen.contains(t) ? j : t;
            chosen.add(pick);
            out[m++] = pick;
        }
        Arrays.sort(out);
        return out;
    }

    private static int positive(double[] s) {
        int c = 0;
        for (double v : s) {
            if (v > 0) {
                c++;
            }
        }
        return c;
    }

    /** π_k = min(1, c·s_k) with c such that Σ π_k = k (iteratively capping the largest at 1). */
    static double[] inclusion(double[] s, int k) {
        int n = s.length;
        double[] pi = new double[n];
        boolean[] capped = new boolean[n];
        int cappedCount = 0;
        while (true) {
            double rest = 0;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    rest += s[i];
                }
            }
            double c = (k - cappedCount) / rest;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!capped[i] && c * s[i] >= 1) {
                    capped[i] = true;
                    cappedCount++;
                    changed = true;
                }
            }
            if (!changed) {
                for (int i = 0; i < n; i++) {
                    pi[i] = capped[i] ? 1.0 : c * s[i];
                }
                return pi;
            }
        }
    }

    /**
     * Randomised systematic sampling (Goodman and Kish 1950): shuffle the units, lay their π_k end to end,
     * and take the units covering u, u+1, …, u+K−1 for one uniform u. Inclusion probability exactly π_k.
     */
    static int[] systematic(double[] pi, SplittableRandom rng) {
        int n = pi.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double total = 0;
        for (double p : pi) {
            total += p;
        }
        int k = (int) Math.round(total);
        int[] out = new int[k];
        int m = 0;
        double u = rng.nextDouble();
        double acc = 0;
        for (int i = 0; i < n && m < k; i++) {
            double next = acc + pi[order[i]];
            // the unit covers every point u + j in [acc, next)
            while (m < k && u + m < next - 1e-12) {
                if (u + m >= acc - 1e-12) {
                    out[m++] = order[i];
                } else {
                    break;
                }
            }
            acc = next;
        }
        out = Arrays.copyOf(out, m);
        Arrays.sort(out);
        return out;
    }
}
