package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Sampling;
import org.rai4j.core.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Coverage of {@link BiasMode#STRICT} mode's bootstrap percentile intervals (95 %), under a null population
 * (monitored and reference groups identical) and an alternative one (lower base rate and recall in the
 * monitored group), n = 2,000 rows per simulated data set, S = 300 data sets, B = 300 replicates.
 *
 * <p>Tolerance: each metric's coverage must lie in [0.90, 0.995]. With true coverage 0.95 the number of
 * covering data sets is Binomial(300, 0.95) (mean 285, sd 3.77): P(< 270) ≈ 3·10⁻⁵ (z = −3.98) and
 * P(> 298) ≈ 10⁻⁴ (z = 3.6), so with the ≈ 30 metric × population checks below the family-wise false-failure
 * rate is below 0.5 %. (The runs are seeded, so the test is deterministic; the rate says how unlucky a seed
 * would have to be.) Divergences (KL, JS, LP, TVD, KS) are checked only under the alternative: under the null
 * their true value 0 is the boundary of their range, where no percentile interval can cover 95 %.
 *
 * <p>Validity: the same check rejects a deliberately broken interval that resamples 4n rows instead of n
 * (intervals half as wide as they should be; coverage ≈ 68 %).
 */
class BiasIntervalCoverageTest {
    private static final int N = 2000;
    private static final int SIMS = 300;
    private static final int B = 300;
    private static final List<String> DIFFERENCES = List.of("CI", "DPL", "DPPL", "DI", "DCA", "DCR", "RD", "SD", "DAR", "DRR",
            "AD", "TE", "GE");
    private static final List<String> DIVERGENCES = List.of("KL", "JS", "LP", "TVD", "KS");

    /** Cell probabilities c[(g * 2 + y) * 2 + p] of one stratum. */
    private static double[] population(double pD, double baseD, double baseA, double tprD, double tprA, double fprD, double fprA) {
        double[] c = new double[8];
        for (int g = 0; g < 2; g++) {
            double pg = g == 1 ? pD : 1 - pD;
            double base = g == 1 ? baseD : baseA;
            double tpr = g == 1 ? tprD : tprA;
            double fpr = g == 1 ? fprD : fprA;
            c[(g * 2) * 2] = pg * (1 - base) * (1 - fpr);
            c[(g * 2) * 2 + 1] = pg * (1 - base) * fpr;
            c[(g * 2 + 1) * 2] = pg * base * (1 - tpr);
            c[(g * 2 + 1) * 2 + 1] = pg * base * tpr;
        }
        return c;
    }

    private static Map<String, Double> truth(double[] probs) {
        long[] big = new long[probs.length];
        for (int i = 0; i < probs.length; i++) {
            big[i] = Math.round(probs[i] * 1e13);
        }
        Map<String, Double> t = new LinkedHashMap<>();
        BiasMetrics.compute(big, 1, false, true, BiasMode.STRICT).forEach((k, v) -> t.put(k, v.value()));
        return t;
    }

    /** Share of simulated data sets whose interval covers the true value, per metric. */
    private static Map<String, Double> coverage(double[] probs, List<String> metrics, long drawFactor, long seed) {
        Map<String, Double> truth = truth(probs);
        Map<String, Integer> covered = new LinkedHashMap<>();
        long[] data = new long[8];
        for (int s = 0; s < SIMS; s++) {
            SplittableRandom rng = Seeds.stream(seed, s);
            Sampling.multinomial(rng, N, probs, data);
            Map<String, double[]> reps = BiasAnalysis.replicates(data, 1, false, true, BiasMode.STRICT, B,
                    Seeds.derive(seed, 1_000_000 + s), drawFactor * N);
            for (String m : metrics) {
                Interval ci = Intervals.percentile(reps.get(m), 0.95);
                boolean hit = ci != null && ci.contains(truth.get(m));
                covered.merge(m, hit ? 1 : 0, Integer::sum);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        covered.forEach((k, v) -> out.put(k, v / (double) SIMS));
        return out;
    }

    private static final double[] NULL_POPULATION = population(0.35, 0.5, 0.5, 0.75, 0.75, 0.2, 0.2);
    private static final double[] ALTERNATIVE = population(0.35, 0.35, 0.55, 0.7, 0.8, 0.15, 0.25);

    @Test
    void strictIntervals_nullPopulation_cover95Percent() {
        Map<String, Double> cov = coverage(NULL_POPULATION, DIFFERENCES, 1, 11L);
        assertThat(truth(NULL_POPULATION).get("DPL")).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
        cov.forEach((m, c) -> assertThat(c).as(m + " coverage " + cov).isBetween(0.90, 0.995));
    }

    @Test
    void strictIntervals_alternativePopulation_cover95Percent() {
        List<String> all = new java.util.ArrayList<>(DIFFERENCES);
        all.addAll(DIVERGENCES);
        Map<String, Double> cov = coverage(ALTERNATIVE, all, 1, 12L);
        assertThat(truth(ALTERNATIVE).get("DPL")).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
        cov.forEach((m, c) -> assertThat(c).as(m + " coverage " + cov).isBetween(0.90, 0.995));
    }

    @Test
    void brokenIntervalResampling4n_isRejectedByTheSameCheck() {
        Map<String, Double> cov = coverage(ALTERNATIVE, List.of("DPL", "DPPL", "RD", "AD"), 4, 13L);
        cov.forEach((m, c) -> assertThat(c).as(m + " coverage of the broken interval " + cov).isLessThan(0.90));
    }
}
