package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.IntervalMethod;
import org.rai4j.core.Seeds;
import org.rai4j.core.Table;

/**
 * Gap intervals of cluster audits (speech: utterances clustered by speaker), through the real
 * {@link Auditor}: the difference between groups' WER is the simultaneous cluster jackknife t interval
 * ({@link ClusterStatistics#jackknifeDraws}), like the slices' own intervals.
 *
 * <p>Data: K groups; each speaker says 12 utterances of 10 words; a speaker's per-word error probability is
 * drawn from a Beta distribution with the group's mean and intra-speaker correlation ρ (0.15: speakers
 * differ; 0: they do not). <i>Nested</i>: G different speakers per group (accents). <i>Crossed</i>: the same
 * G speakers in every group, with the same error probability (conditions with shared speakers).
 *
 * <p><b>Null</b> (every group mean 0.3): 6 configurations (K = 2 and 8 nested × G = 10 and 30 at ρ = 0.15;
 * K = 8 × G = 10 at ρ = 0; K = 4 crossed × G = 20), 400 data sets each. The gate {@code ci_lo > 0} on
 * {@code difference_between_groups} must fire in at most 5%: a configuration fails when the count reaches
 * 39 (P(Binomial(400, 0.05) ≥ 39) ≤ 1e-4), and the pooled count over 2,400 data sets must stay below the
 * smallest t with P(Binomial(2400, 0.05) ≥ t) ≤ 1e-4. <b>Alternative</b> (true gaps 0.05 to 0.15): the
 * interval must cover the true max − min in more than 361 of 400 data sets (P(Binomial(400, 0.95) ≤ 361)
 * ≤ 1e-4). A correct method fails one of these 9 checks with probability ≤ 1e-3, the whole test with
 * probability ≤ 1.1e-3; seeds are fixed, so the run is deterministic.
 *
 * <p><b>Validity.</b> The method the audit used before — max-|t| over the cluster bootstrap's replicates
 * (whole speakers resampled) — fails the null check with 20 groups of 10 speakers: its critical value
 * comes from a normal-like bootstrap distribution where the jackknife's has t(G − 1) tails.
 */
class ClusterGapCoverageTest {
    private static final int UTTERANCES = 12;
    private static final int WORDS = 10;
    private static final int DATA_SETS = 400;
    private static final double ALPHA = 1e-4;

    /** K groups with these means; G speakers per group (nested) or shared by all groups (crossed). */
    record Config(String name, double[] means, int speakers, double rho, boolean crossed) {
        double trueGap() {
            return Arrays.stream(means).max().orElseThrow() - Arrays.stream(means).min().orElseThrow();
        }

        static Config equal(int groups, int speakers, double rho, boolean crossed) {
            double[] m = new double[groups];
            Arrays.fill(m, 0.3);
            return new Config((crossed ? "crossed" : "nested") + " K=" + groups + " G=" + speakers + " rho=" + rho, m,
                    speakers, rho, crossed);
        }
    }

    /** Per data set: clusters × groups error and word sums, and the table the audit reads. */
    record Data(Table table, RowStatistics stats, double[][][] perCluster) {}

    static Data generate(Config c, SplittableRandom rng) {
        int k = c.means().length;
        int clusters = c.crossed() ? c.speakers() : c.speakers() * k;
        double[][][] sums = new double[clusters][k][2];
        List<String> g = new ArrayList<>();
        List<String> sp = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        for (int s = 0; s < clusters; s++) {
            int own = c.crossed() ? -1 : s / c.speakers();
            double shared = c.crossed() ? draw(c.means()[0], c.rho(), rng) : Double.NaN;
            for (int grp = 0; grp < k; grp++) {
                if (own >= 0 && grp != own) {
                    continue;
                }
                double p = c.crossed() ? shared : draw(c.means()[grp], c.rho(), rng);
                for (int u = 0; u < UTTERANCES; u++) {
                    int errors = 0;
                    for (int w = 0; w < WORDS; w++) {
                        errors += rng.nextDouble() < p ? 1 : 0;
                    }
                    g.add("g" + grp);
                    sp.add("s" + s);
                    v.add(new double[] {errors, WORDS});
                    sums[s][grp][0] += errors;
                    sums[s][grp][1] += WORDS;
                }
            }
        }
        String[] text = new String[g.size()];
        Arrays.fill(text, "t");
        Table t = Table.of("sim", Column.categorical("g", g.toArray(new String[0])),
                Column.categorical("speaker", sp.toArray(new String[0])), Column.categorical("ref", text),
                Column.categorical("hyp", text));
        RowStatistics stats = new RowStatistics(List.of("errors", "words"), v.toArray(new double[0][]),
                List.of(new RowStatistics.Metric("wer", x -> x[1] > 0 ? x[0] / x[1] : Double.NaN, "no words")),
                Map.of("what", "simulation"));
        return new Data(t, stats, sums);
    }

    private static double draw(double mean, double rho, SplittableRandom rng) {
        if (rho == 0) {
            return mean;
        }
        double ab = (1 - rho) / rho;
        double x = gamma(mean * ab, rng);
        return x / (x + gamma((1 - mean) * ab, rng));
    }

    /** Gamma(shape) by Marsaglia–Tsang, with the shape &lt; 1 boost. */
    private static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = rng.nextGaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static AuditSpec spec(long seed) {
        return new AuditSpec(Task.SPEECH, "ref", "hyp", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 2, 0.95, 50, seed, Adjustment.HOLM);
    }

    /** How a data set's difference interval is computed. */
    interface Method {
        double[] difference(Data d, long seed);
    }

    /** The audit's interval (and a check that it is labelled as the simultaneous jackknife). */
    static final Method AUDIT = (d, seed) -> {
        AuditResult r;
        try {
            r = Auditor.run(d.table(), spec(seed), d.stats(), "speaker", b -> { });
        } catch (org.rai4j.core.DataFileException e) {
            throw new IllegalStateException(e);
        }
        AggregateValue a = r.main().aggregates().get("wer").get("difference_between_groups");
        if (a.interval() == null) {
            return null;
        }
        assertThat(a.interval().method()).isEqualTo(IntervalMethod.CLUSTER_JACKKNIFE_SIMULTANEOUS);
        return new double[] {a.interval().lo(), a.interval().hi()};
    };

    /** Before: max-|t| (fixed scale) over the cluster bootstrap's replicates, whole speakers drawn with replacement. */
    static final Method CLUSTER_BOOTSTRAP = (d, seed) -> {
        double[][][] s = d.perCluster();
        int clusters = s.length;
        int k = s[0].length;
        int b = 1000;
        SplittableRandom rng = Seeds.stream(seed, 1);
        double[] point = new double[k];
        double[][] reps = new double[k][b];
        for (int g = 0; g < k; g++) {
            double e = 0;
            double w = 0;
            for (double[][] c : s) {
                e += c[g][0];
                w += c[g][1];
            }
            point[g] = e / w;
        }
        double[] e = new double[k];
        double[] w = new double[k];
        for (int r = 0; r < b; r++) {
            Arrays.fill(e, 0);
            Arrays.fill(w, 0);
            for (int i = 0; i < clusters; i++) {
                double[][] c = s[rng.nextInt(clusters)];
                for (int g = 0; g < k; g++) {
                    e[g] += c[g][0];
                    w[g] += c[g][1];
                }
            }
            for (int g = 0; g < k; g++) {
                reps[g][r] = w[g] > 0 ? e[g] / w[g] : Double.NaN;
            }
        }
        GapIntervals.Bound bound = GapIntervals.difference(List.of(new GapIntervals.Component(point, reps, Double.NaN,
                new double[b])), 0.95);
        return bound == null ? null : new double[] {bound.lo(), bound.hi()};
    };

    /** [fired, covered, undefined] over the data sets of one configuration. */
    static int[] run(Config c, Method m, long seed) {
        AtomicInteger fired = new AtomicInteger();
        AtomicInteger covered = new AtomicInteger();
        AtomicInteger undefined = new AtomicInteger();
        double gap = c.trueGap();
        IntStream.range(0, DATA_SETS).parallel().forEach(i -> {
            Data d = generate(c, Seeds.stream(seed, i));
            double[] ci = m.difference(d, seed * 1000 + i);
            if (ci == null) {
                undefined.incrementAndGet();
                return;
            }
            fired.addAndGet(ci[0] > 0 ? 1 : 0);
            covered.addAndGet(ci[0] <= gap && gap <= ci[1] ? 1 : 0);
        });
        return new int[] {fired.get(), covered.get(), undefined.get()};
    }

    @Test
    void gapIntervals_nullAndAlternative_nestedAndCrossedSpeakers() {
        List<Config> nulls = List.of(Config.equal(2, 10, 0.15, false), Config.equal(2, 30, 0.15, false),
                Config.equal(8, 10, 0.15, false), Config.equal(8, 30, 0.15, false), Config.equal(8, 10, 0, false),
                Config.equal(4, 20, 0.15, true));
        List<Config> alternatives = List.of(
                new Config("nested K=4 G=10 gap 0.10", new double[] {0.25, 0.3, 0.3, 0.35}, 10, 0.15, false),
                new Config("nested K=8 G=15 gap 0.15", new double[] {0.2, 0.25, 0.25, 0.3, 0.3, 0.3, 0.35, 0.35}, 15, 0.15, false),
                new Config("nested K=2 G=30 gap 0.05", new double[] {0.3, 0.35}, 30, 0.15, false));
        int nullLimit = GapSimulation.upperThreshold(DATA_SETS, 0.05, ALPHA);
        int pooledLimit = GapSimulation.upperThreshold(DATA_SETS * nulls.size(), 0.05, ALPHA);
        int coverLimit = GapSimulation.lowerThreshold(DATA_SETS, 0.95, ALPHA);
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int pooled = 0;
        long seed = 900;
        for (Config c : nulls) {
            int[] o = run(c, AUDIT, seed++);
            pooled += o[0];
            String line = String.format(Locale.ROOT, "null %-28s gate fired %3d/%d (%.3f), undefined %d", c.name(), o[0],
                    DATA_SETS, o[0] / (double) DATA_SETS, o[2]);
            report.add(line);
            if (o[0] >= nullLimit || o[2] > 0) {
                failures.add(line);
            }
        }
        report.add(String.format(Locale.ROOT, "pooled null: %d/%d (%.4f), limit %d", pooled, DATA_SETS * nulls.size(),
                pooled / (double) (DATA_SETS * nulls.size()), pooledLimit));
        if (pooled >= pooledLimit) {
            failures.add(report.get(report.size() - 1));
        }
        for (Config c : alternatives) {
            int[] o = run(c, AUDIT, seed++);
            String line = String.format(Locale.ROOT, "alt  %-28s coverage %3d/%d (%.3f), gate fired %.3f", c.name(), o[1],
                    DATA_SETS, o[1] / (double) DATA_SETS, o[0] / (double) DATA_SETS);
            report.add(line);
            if (o[1] <= coverLimit || o[2] > 0) {
                failures.add(line);
            }
        }
        System.out.println(String.join("\n", report));
        assertThat(failures).as(String.join("\n", report)).isEmpty();
    }

    @Test
    void validity_clusterBootstrapGaps_failTheNullCheck() {
        Config c = Config.equal(20, 10, 0.15, false);
        int[] old = run(c, CLUSTER_BOOTSTRAP, 77);
        System.out.println("cluster bootstrap max-|t|, " + c.name() + ": gate fired " + old[0] + "/" + DATA_SETS);
        assertThat(old[0]).isGreaterThanOrEqualTo(GapSimulation.upperThreshold(DATA_SETS, 0.05, ALPHA));
    }
}
