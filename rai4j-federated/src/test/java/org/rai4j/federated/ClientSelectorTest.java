package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Seeds;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampling laws and unbiasedness of the client selectors, by simulation. Every statistical check uses a
 * 4.5-sigma band around its expectation (two-sided normal false-failure rate 6.8e-6 per check; fewer than
 * 200 checks in this class, so below 1.4e-3 for the class); each unbiasedness check has a validity twin that
 * must reject a deliberately wrong weighting.
 */
class ClientSelectorTest {
    private static final double Z = 4.5;
    /** A skewed population: n_k = ⌊exp(3 + 1.5 z_k)⌋ + 1 for 40 clients. */
    private static final int N = 40;
    private static final int[] COUNTS = new int[N];
    /** A fixed "update" per client, correlated with n_k so that a wrong weighting shows as bias. */
    private static final double[] DELTA = new double[N];

    static {
        SplittableRandom r = Seeds.stream(42, 0);
        for (int k = 0; k < N; k++) {
            COUNTS[k] = (int) Math.exp(3 + 1.5 * r.nextGaussian()) + 1;
            DELTA[k] = Math.log(COUNTS[k]) + r.nextGaussian();
        }
    }

    private static final IntUnaryOperator N_K = k -> COUNTS[k];

    private static double target() {
        double total = 0;
        double s = 0;
        for (int k = 0; k < N; k++) {
            total += COUNTS[k];
            s += COUNTS[k] * DELTA[k];
        }
        return s / total;
    }

    private static double aggregate(Selection sel) {
        double num = 0;
        double w = 0;
        for (int i = 0; i < sel.size(); i++) {
            num += sel.weights()[i] * DELTA[sel.ids()[i]];
            w += sel.weights()[i];
        }
        return num / (sel.normalised() ? w : sel.fixedDenominator());
    }

    /** Mean and standard error of the aggregate over independent rounds. */
    private static double[] simulate(ClientSelector s, int k, int reps, long seed) {
        double sum = 0;
        double sum2 = 0;
        for (int r = 0; r < reps; r++) {
            double a = aggregate(s.select(N, N_K, k, Seeds.stream(seed, r)));
            sum += a;
            sum2 += a * a;
        }
        double mean = sum / reps;
        double var = (sum2 / reps - mean * mean) * reps / (reps - 1);
        return new double[] {mean, Math.sqrt(var / reps)};
    }

    @Test
    void activity_unbiasedWeights_expectedAggregateEqualsFullParticipation() {
        double t = target();
        for (boolean replace : new boolean[] {true, false}) {
            for (double gamma : new double[] {1.0, 0.5, 0.0}) {
                for (int k : new int[] {3, 10}) {
                    double[] ms = simulate(new ClientSelector.Activity(gamma, replace, ClientSelector.Weighting.UNBIASED), k, 20000, 7);
                    assertThat(Math.abs(ms[0] - t)).as("gamma %s replace %s k %s: mean %s target %s se %s", gamma, replace, k, ms[0], t, ms[1])
                            .isLessThan(Z * ms[1]);
                }
            }
        }
        double[] poisson = simulate(new ClientSelector.Poisson(0.2), 0, 20000, 8);
        assertThat(Math.abs(poisson[0] - t)).isLessThan(Z * poisson[1]);
    }

    /** Validity: activity sampling with n-normalised weights (heavy clients counted twice) is rejected by the same test. */
    @Test
    void activity_byExamplesWeighting_isDetectedAsBiased() {
        double t = target();
        for (boolean replace : new boolean[] {true, false}) {
            double[] ms = simulate(new ClientSelector.Activity(1.0, replace, ClientSelector.Weighting.BY_EXAMPLES), 10, 20000, 9);
            assertThat(Math.abs(ms[0] - t)).as("replace %s", replace).isGreaterThan(Z * ms[1]);
        }
    }

    /** Uniform + within-round normalisation (the common baseline) is biased but consistent: documented, measured. */
    @Test
    void uniform_normalisedWeights_selectsExactlyKDistinct() {
        SplittableRandom rng = Seeds.stream(3, 0);
        for (int r = 0; r < 200; r++) {
            Selection s = new ClientSelector.Uniform().select(N, N_K, 10, rng);
            assertThat(s.ids()).hasSize(10).doesNotHaveDuplicates().isSorted();
            for (int id : s.ids()) {
                assertThat(id).isBetween(0, N - 1);
            }
        }
    }

    /** Realised inclusion frequencies match the intended ones for every selector, client by client (binomial bands). */
    @Test
    void inclusionFrequencies_matchIntended() {
        int reps = 20000;
        ClientSelector[] selectors = {new ClientSelector.Uniform(), new ClientSelector.Activity(1, false, ClientSelector.Weighting.UNBIASED),
                new ClientSelector.Activity(0.5, true, ClientSelector.Weighting.UNBIASED), new ClientSelector.Poisson(0.3)};
        for (ClientSelector s : selectors) {
            double[] intended = s.intendedInclusion(N, N_K, 10);
            double[] count = new double[N];
            for (int r = 0; r < reps; r++) {
                Selection sel = s.select(N, N_K, 10, Seeds.stream(11, r));
                for (int i = 0; i < sel.size(); i++) {
                    // with replacement a client's multiplicity is its weight over the per-draw weight; count draws
                    count[sel.ids()[i]] += s instanceof ClientSelector.Activity a && a.replace()
                            ? Math.round(sel.weights()[i] / perDraw(a, sel.ids()[i])) : 1;
                }
            }
            double sumIntended = 0;
            for (int k = 0; k < N; k++) {
                double p = intended[k];
                sumIntended += p;
                double sd = Math.sqrt(Math.max(p * (1 - Math.min(p, 1)), p) / reps) + 1e-9;
                assertThat(Math.abs(count[k] / reps - p)).as("%s client %s", s.key(), k).isLessThan(Z * sd);
            }
            if (!(s instanceof ClientSelector.Poisson)) {
                assertThat(sumIntended).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    private static double perDraw(ClientSelector.Activity a, int id) {
        double total = 0;
        double examples = 0;
        for (int k = 0; k < N; k++) {
            total += Math.pow(COUNTS[k], a.gamma());
            examples += COUNTS[k];
        }
        return (COUNTS[id] / examples) / (10 * Math.pow(COUNTS[id], a.gamma()) / total);
    }

    /** πps without replacement: π_k = min(1, c n_k) summing to K, capped units always included. */
    @Test
    void inclusion_capsAtOneAndSumsToK() {
        double[] pi = ClientSelector.inclusion(new double[] {100, 1, 1, 1, 1}, 3);
        assertThat(pi[0]).isEqualTo(1.0);
        assertThat(pi[1]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        SplittableRandom rng = Seeds.stream(1, 1);
        for (int r = 0; r < 100; r++) {
            int[] s = ClientSelector.systematic(pi, rng);
            assertThat(s).hasSize(3).contains(0).doesNotHaveDuplicates();
        }
    }
}
