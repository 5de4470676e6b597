package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.IntervalMethod;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.core.Table;

/**
 * Coverage of the intervals a cluster audit reports (speech: utterances clustered by speaker), through
 * the real {@link Auditor}: G speakers in one group, 12 utterances of 10 words each; speaker g's
 * per-word error probability is μ = 0.3 (the null: speakers alike, the clustering does not matter) or
 * drawn from a Beta distribution with mean 0.3 and intra-speaker correlation ρ = 0.15 (the
 * alternative: speakers differ, the clustering matters). The target is the population WER μ.
 *
 * <p>For each configuration, 400 data sets; the 95% interval must cover μ in at least 0.95 − 0.033 of
 * them (3 binomial standard deviations at n = 400: an exactly nominal method fails one configuration
 * with probability 0.0013, all 10 together with probability &lt; 1.5%). With G &lt; 10 the audit reports
 * FEW_CLUSTERS, with G ≥ 10 OK; both with the jackknife t interval. The validity test shows that the
 * check rejects the cluster percentile bootstrap (the method the audit used before) with 3 and with 10
 * clusters.
 */
class ClusterIntervalCoverageTest {
    private static final double MU = 0.3;
    private static final int UTTERANCES = 12;
    private static final int WORDS = 10;
    private static final int DATA_SETS = 400;
    private static final double MIN_COVERAGE = 0.95 - 0.033;

    private record Data(Table table, RowStatistics stats) {}

    private static Data generate(int clusters, double rho, SplittableRandom rng) {
        int rows = clusters * UTTERANCES;
        String[] g = new String[rows];
        String[] cluster = new String[rows];
        String[] text = new String[rows];
        double[][] v = new double[rows][];
        double ab = rho > 0 ? (1 - rho) / rho : Double.POSITIVE_INFINITY;
        for (int c = 0; c < clusters; c++) {
            double p = rho > 0 ? beta(MU * ab, (1 - MU) * ab, rng) : MU;
            for (int u = 0; u < UTTERANCES; u++) {
                int r = c * UTTERANCES + u;
                g[r] = "a";
                cluster[r] = "s" + c;
                text[r] = "t";
                int errors = 0;
                for (int w = 0; w < WORDS; w++) {
                    errors += rng.nextDouble() < p ? 1 : 0;
                }
                v[r] = new double[] {errors, WORDS};
            }
        }
        Table t = Table.of("sim", Column.categorical("g", g), Column.categorical("speaker", cluster),
                Column.categorical("ref", text), Column.categorical("hyp", text));
        RowStatistics s = new RowStatistics(List.of("errors", "words"), v,
                List.of(new RowStatistics.Metric("wer", x -> x[1] > 0 ? x[0] / x[1] : Double.NaN, "no words")),
                Map.of("what", "simulation"));
        return new Data(t, s);
    }

    /** Beta(a, b) as X/(X+Y) with gamma variates (Marsaglia–Tsang; a, b ≥ 1 here). */
    private static double beta(double a, double b, SplittableRandom rng) {
        double x = gamma(a, rng);
        return x / (x + gamma(b, rng));
    }

    private static double gamma(double shape, SplittableRandom rng) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(rng);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static AuditSpec spec(long seed) {
        return new AuditSpec(Task.SPEECH, "ref", "hyp", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 2, 0.95, 50, seed, Adjustment.HOLM);
    }

    /** Share of data sets whose reported 95% interval for group a covers μ, and the status/method seen. */
    private static double coverage(int clusters, double rho, long seed, List<String> seen) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        int covered = 0;
        for (int i = 0; i < DATA_SETS; i++) {
            Data d = generate(clusters, rho, rng);
            AuditResult r = Auditor.run(d.table(), spec(seed * 1000 + i), d.stats(), "speaker", b -> { });
            Estimate e = r.main().groups().stream().filter(s -> s.slice().equals(SliceKey.of("g", "a")))
                    .findFirst().orElseThrow().metric("wer");
            if (i == 0) {
                seen.add(e.status() + "/" + e.interval().method());
            }
            covered += e.interval().lo() <= MU && MU <= e.interval().hi() ? 1 : 0;
        }
        return covered / (double) DATA_SETS;
    }

    @Test
    void reportedIntervals_coverUnderNullAndAlternative_fewAndManyClusters() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        long seed = 100;
        for (double rho : new double[] {0, 0.15}) {
            for (int g : new int[] {3, 5, 8, 10, 30}) {
                List<String> seen = new ArrayList<>();
                double cov = coverage(g, rho, seed++, seen);
                String line = String.format(java.util.Locale.ROOT, "rho=%.2f G=%d %s coverage %.3f", rho, g, seen.get(0), cov);
                report.add(line);
                if (cov < MIN_COVERAGE) {
                    failures.add(line);
                }
                assertThat(seen.get(0)).isEqualTo((g < ClusterStatistics.MIN_CLUSTERS ? Status.FEW_CLUSTERS : Status.OK)
                        + "/" + IntervalMethod.CLUSTER_JACKKNIFE_T);
            }
        }
        System.out.println(String.join("\n", report));
        assertThat(failures).as(String.join("\n", report)).isEmpty();
    }

    /** The naive cluster percentile bootstrap (every slice, however few clusters) on the same data. */
    @Test
    void validity_naiveClusterPercentileBootstrap_failsTheCheck() {
        assertThat(naiveCoverage(3, 0.15, 7)).isLessThan(MIN_COVERAGE);
        assertThat(naiveCoverage(10, 0.15, 8)).isLessThan(MIN_COVERAGE);
    }

    private static double naiveCoverage(int g, double rho, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int covered = 0;
        for (int i = 0; i < DATA_SETS; i++) {
            Data d = generate(g, rho, rng);
            double[][] perCluster = new double[g][2];
            for (int r = 0; r < d.stats().values().length; r++) {
                perCluster[r / UTTERANCES][0] += d.stats().values()[r][0];
                perCluster[r / UTTERANCES][1] += d.stats().values()[r][1];
            }
            double[] reps = new double[400];
            for (int b = 0; b < reps.length; b++) {
                double e = 0;
                double w = 0;
                for (int k = 0; k < g; k++) {
                    int c = rng.nextInt(g);
                    e += perCluster[c][0];
                    w += perCluster[c][1];
                }
                reps[b] = e / w;
            }
            Interval ci = org.rai4j.core.Intervals.percentile(reps, 0.95);
            covered += ci.lo() <= MU && MU <= ci.hi() ? 1 : 0;
        }
        double cov = covered / (double) DATA_SETS;
        System.out.println("naive cluster percentile bootstrap, G=" + g + ", rho=" + rho + ": coverage " + cov);
        return cov;
    }
}
