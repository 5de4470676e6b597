package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Gaussian;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage of the AUC percentile interval from the score-bin bootstrap ({@code multinomial-score-bins}),
 * simulated from binormal populations whose AUC is known in closed form: scores Φ(X) with X ~ N(0, 1) for
 * negatives and N(μ, 1) for positives give AUC = Φ(μ/√2). Every simulated data set has two groups: one
 * under the null (μ = 0, AUC 0.5, the model does not separate) and one under the alternative (μ = 1,
 * AUC 0.760). Continuous scores, more than 1024 distinct: the binned (not exact) grid is used.
 *
 * <p><b>Criterion and false-failure rate.</b> {@value #SIMULATIONS} data sets per configuration; each
 * group's 95% interval should cover its true AUC in about 94–95% of them (percentile intervals
 * under-cover slightly with a hundred or so positives). A configuration fails when a group's coverage is
 * below {@value #LOWEST}: with true coverage 0.935 the binomial standard error is 0.0225, so that is
 * 3.3 SE, about 5e-4 per check and 3e-3 for the six checks. The pooled coverage over all 720
 * intervals must also stay at most {@value #HIGHEST} (an interval that is too wide): 4.3 SE above
 * 0.95, about 1e-5. The validity test shows that the same criterion rejects an interval of half the
 * width (coverage about 0.68).
 */
class AucIntervalCoverageTest {
    static final int SIMULATIONS = 120;
    static final int REPLICATES = 200;
    static final double LOWEST = 0.86;
    static final double HIGHEST = 0.985;

    /** One configuration: rows, prevalence, seed. */
    record Config(int rows, double prevalence, long seed) {}

    static final List<Config> CONFIGS = List.of(new Config(1600, 0.3, 11), new Config(3000, 0.12, 12),
            new Config(1200, 0.5, 13));

    /** The data set of simulation {@code k}: group g0 null (μ = 0), group g1 alternative (μ = 1). */
    static EncodedData binormal(Config c, int k) {
        SplittableRandom r = Seeds.stream(c.seed(), k);
        int n = c.rows();
        int[] cell = new int[n];
        int[] truth = new int[n];
        int[] pred = new int[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            int g = r.nextInt(2);
            int y = r.nextDouble() < c.prevalence() ? 1 : 0;
            double mu = g == 1 && y == 1 ? 1.0 : 0.0;
            cell[i] = g;
            truth[i] = y;
            score[i] = Gaussian.cdf(mu + r.nextGaussian());
            pred[i] = score[i] >= 0.5 ? 1 : 0;
        }
        return new EncodedData(Task.BINARY, n, List.of("g"), List.of(), List.of(List.of("g0"), List.of("g1")), cell, truth,
                pred, null, null, score, null, List.of("0", "1"));
    }

    /** An interval method under test: from the point AUC and its replicates. */
    interface Method {
        Interval interval(double point, double[] replicates);
    }

    static final Method PERCENTILE = (point, reps) -> Intervals.percentile(reps, 0.95);

    /** Deliberately broken: the percentile interval shrunk to half its width around the point. */
    static final Method HALF_WIDTH = (point, reps) -> {
        Interval i = Intervals.percentile(reps, 0.95);
        return new Interval(point - (point - i.lo()) / 2, point + (i.hi() - point) / 2, i.method());
    };

    /** Coverage per group {null, alternative} over the simulations of one configuration. */
    static double[] coverage(Config c, Method method) {
        double[] truthAuc = {0.5, Gaussian.cdf(1.0 / Math.sqrt(2))};
        int[] covered = new int[2];
        for (int k = 0; k < SIMULATIONS; k++) {
            EncodedData d = binormal(c, k);
            Layout layout = Layout.of(d);
            SlicePlan plan = SlicePlan.of(d);
            AucCalculator auc = AucCalculator.of(d, plan);
            int m = BootstrapTest.index(layout, "auc");
            double[][][][] reps = Bootstrap.replicates(d, layout, plan, auc, REPLICATES, c.seed() * 1000 + k,
                    Bootstrap.Method.MULTINOMIAL_SCORE_BINS, b -> { });
            List<org.rai4j.core.SliceKey> slices = plan.scopes.get(0).slices();
            for (int g = 0; g < 2; g++) {
                int s = slices.indexOf(org.rai4j.core.SliceKey.of("g", "g" + g));
                Interval ci = method.interval(auc.auc(d, 0, s, null), reps[0][s][m]);
                if (ci.lo() <= truthAuc[g] && truthAuc[g] <= ci.hi()) {
                    covered[g]++;
                }
            }
        }
        return new double[] {covered[0] / (double) SIMULATIONS, covered[1] / (double) SIMULATIONS};
    }

    @Test
    void percentileInterval_coversTheTrueAuc_underNullAndAlternative() {
        double pooled = 0;
        for (Config c : CONFIGS) {
            double[] cov = coverage(c, PERCENTILE);
            System.out.printf(java.util.Locale.ROOT, "AUC interval coverage %s: null %.3f, alternative %.3f%n", c, cov[0], cov[1]);
            assertThat(cov[0]).as("null (AUC 0.5) coverage, %s", c).isGreaterThanOrEqualTo(LOWEST);
            assertThat(cov[1]).as("alternative (AUC 0.760) coverage, %s", c).isGreaterThanOrEqualTo(LOWEST);
            pooled += (cov[0] + cov[1]) / (2.0 * CONFIGS.size());
        }
        assertThat(pooled).as("pooled coverage").isLessThanOrEqualTo(HIGHEST);
    }

    @Test
    void criterion_rejectsAnIntervalOfHalfTheWidth() {
        double[] cov = coverage(CONFIGS.get(0), HALF_WIDTH);
        assertThat(Math.min(cov[0], cov[1])).as("the broken interval's coverage").isLessThan(LOWEST);
    }
}
