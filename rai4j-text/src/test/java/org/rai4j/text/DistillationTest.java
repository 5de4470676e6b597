package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;
import org.rai4j.learn.LogisticRegression;

class DistillationTest {
    private static final GenderSwap SWAP = GenderSwap.english();

    /** A teacher that reads the sentiment words only, plus {@code shift} for a female word: blind when shift = 0. */
    private static TextClassifier lexiconTeacher(double shift) {
        return new TextClassifier() {
            @Override
            public double[] scores(List<String> texts) {
                return texts.stream().mapToDouble(t -> {
                    String lower = t.toLowerCase(java.util.Locale.ROOT);
                    boolean neg = TemplateCorpus.NEGATIVE_WORDS.stream().anyMatch(w -> lower.matches(".*\\b" + w + "\\b.*"));
                    boolean fem = TemplateCorpus.FEMALE_WORDS.stream().anyMatch(w -> lower.matches(".*\\b" + w + "\\b.*"))
                            || WeatWordLists.load("female-names").stream().anyMatch(w -> t.matches(".*\\b" + w + "\\b.*"));
                    return Math.min(1, (neg ? 0.65 : 0.2) + (fem ? shift : 0));
                }).toArray();
            }

            @Override
            public String name() {
                return "lexicon+" + shift;
            }
        };
    }

    private static Distillation.Settings settings() {
        return new Distillation.Settings(60, 200, 400, 200, 0.2, 0.6,
                new EmbeddingBagTextClassifier.Settings(1024, 8, 15, 0.5, 16, 3), new LogisticRegression(1, 30, 1e-6),
                0.95, 300, 3);
    }

    private static List<String> transfer(double bias, long seed) {
        return TemplateCorpus.texts(TemplateCorpus.sample(TemplateCorpus.pool(60, 0.2, seed), 400, bias, seed + 1));
    }

    /** The bootstrap's per-row metrics at the identity resample equal BiasStudy's (BiasAucs with regex mentions). */
    @Test
    void metrics_onAllRows_equalTheStudysExtrinsicMetrics() {
        BiasStudy.TestSet test = BiasStudy.TestSet.of(TemplateCorpus.testSet(300, 9), SWAP);
        TextClassifier f = lexiconTeacher(0.2);
        BiasStudy.Extrinsic e = BiasStudy.extrinsic(f, test, 0.95, 10, 1);
        int[] all = new int[300];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] m = Distillation.metrics(e, test, all);
        assertThat(m[0]).isCloseTo(e.gap().gap(), within(1e-12));
        assertThat(m[1]).isCloseTo(e.signed(), within(1e-12));
        assertThat(m[2]).isCloseTo(e.bpsnGap(), within(1e-12));
        assertThat(m[3]).isCloseTo(e.accuracy(), within(1e-12));
    }

    /**
     * Null: a gender-blind teacher on a gender-balanced transfer set. Perturbation cannot change its targets (its
     * output on x and on swap(x) agree), so the perturb student is the base student: difference exactly 0, interval
     * [0, 0]. No student shows a counterfactual gap above 0.05 (the students' gaps come from SGD noise alone).
     */
    @Test
    void distil_genderBlindTeacher_perturbEqualsBase_noStudentGap() {
        Distillation.Result r = Distillation.distil(lexiconTeacher(0), transfer(0, 21), settings());
        assertThat(r.teacher().metric("cf_gap").value()).isEqualTo(0.0);
        Distillation.ModelMetrics d = r.differences().get(1);
        assertThat(d.model()).isEqualTo("perturb - base");
        for (Distillation.Estimate e : d.metrics()) {
            assertThat(e.value()).isEqualTo(0.0);
            assertThat(e.interval().lo()).isEqualTo(0.0);
            assertThat(e.interval().hi()).isEqualTo(0.0);
        }
        for (Distillation.ModelMetrics s : r.students()) {
            assertThat(s.metric("cf_gap").value()).as(s.model()).isLessThan(0.05);
        }
        assertThat(r.studentWeat().get(2)).isEqualTo(r.studentWeat().get(0));
    }

    /**
     * Alternative: a teacher that adds 0.3 for a female word, on a transfer set with bias 0.6. The base student
     * inherits a gap; teacher perturbation removes most of it, its paired interval excluding 0.
     */
    @Test
    void distil_biasedTeacher_baseInheritsGap_perturbationRemovesIt() {
        Distillation.Result r = Distillation.distil(lexiconTeacher(0.3), transfer(0.6, 22), settings());
        double base = r.students().get(0).metric("cf_gap").value();
        assertThat(base).isGreaterThan(0.1);
        assertThat(r.students().get(2).metric("cf_gap").value()).isLessThan(base / 2);
        Interval d = r.differences().get(1).metric("cf_gap").interval();
        assertThat(d.hi()).isLessThan(0);
        assertThat(r.students().get(0).metric("cf_signed").value()).isGreaterThan(0.1);
    }

    /**
     * The paired difference interval, simulated: two models whose per-sentence counterfactual gaps are |Z + E|/10 with
     * a shared Z (the pairing: the same sentence is hard for both) and own noise E of sd 0.2 or 0.5, on 80 or 120
     * test sentences: 4 configurations × 50 data sets (200 in all, 200 replicates each). Null (equal gap
     * distributions): the 95% interval of the cf_gap difference covers 0 in [0.88, 0.99) of the 200 (sd 1.5% at
     * 0.95: 4.6 sd below, 2.7 above; a correct method fails with probability below 0.5%; fixed seeds, so the run is
     * deterministic). Alternative (model B's gaps + 0.03): the interval excludes 0 in at least 80%. Validity: the
     * same interval from independent resamples of the two models (unpaired: it ignores the pairing) covers 0 in at
     * least 99% of the null data sets — outside the band, too wide — and detects the shift less often.
     */
    @Test
    void pairedDifference_simulated_coversUnderNull_detectsShift_unpairedBrokenDoesNot() {
        int trials = 0;
        int nullCovered = 0;
        int altExcluded = 0;
        int brokenCovered = 0;
        int brokenAltExcluded = 0;
        for (int n : new int[] {80, 120}) {
            for (double noise : new double[] {0.2, 0.5}) {
                BiasStudy.TestSet test = BiasStudy.TestSet.of(TemplateCorpus.testSet(n, n), SWAP);
                for (int sim = 0; sim < 50; sim++) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(n * 10L + (long) (noise * 10), sim));
                    double[] ga = new double[n];
                    double[] gb = new double[n];
                    for (int i = 0; i < n; i++) {
                        double z = rng.nextGaussian();
                        ga[i] = Math.abs(z + noise * rng.nextGaussian()) / 10;
                        gb[i] = Math.abs(z + noise * rng.nextGaussian()) / 10;
                    }
                    double[] gShift = gb.clone();
                    for (int i = 0; i < n; i++) {
                        gShift[i] += 0.03;
                    }
                    List<BiasStudy.Extrinsic> nul = List.of(fake(ga, test), fake(gb, test));
                    List<BiasStudy.Extrinsic> alt = List.of(fake(ga, test), fake(gShift, test));
                    long seed = Seeds.derive(7, trials);
                    Interval dn = Distillation.measure(nul, test, 0, 0.95, 200, seed).differences().get(1).metrics().get(0).interval();
                    Interval da = Distillation.measure(alt, test, 0, 0.95, 200, seed).differences().get(1).metrics().get(0).interval();
                    nullCovered += dn.contains(0) ? 1 : 0;
                    altExcluded += da.contains(0) ? 0 : 1;
                    brokenCovered += unpaired(ga, gb, seed).contains(0) ? 1 : 0;
                    brokenAltExcluded += unpaired(ga, gShift, seed).contains(0) ? 0 : 1;
                    trials++;
                }
            }
        }
        String counts = "null covered " + nullCovered + ", alt excluded " + altExcluded + ", broken covered " + brokenCovered
                + ", broken alt excluded " + brokenAltExcluded + " of " + trials;
        assertThat((double) nullCovered / trials).as(counts).isGreaterThanOrEqualTo(0.88).isLessThan(0.99);
        assertThat((double) altExcluded / trials).as(counts).isGreaterThanOrEqualTo(0.8);
        assertThat((double) brokenCovered / trials).as(counts).isGreaterThanOrEqualTo(0.99);
        assertThat(brokenAltExcluded).as(counts).isLessThan(altExcluded);
        System.out.println(counts);
    }

    /** An extrinsic result whose sentence i has scores 0.5 ± g_i/2 on the original and its swap. */
    private static BiasStudy.Extrinsic fake(double[] g, BiasStudy.TestSet test) {
        double[] p = new double[g.length];
        double[] q = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            p[i] = 0.5 + (test.labels()[i] ? 0.2 : -0.2) + g[i] / 2;
            q[i] = p[i] - g[i];
        }
        return new BiasStudy.Extrinsic(null, 0, 0, 0, null, p, q);
    }

    private static Interval unpaired(double[] a, double[] b, long seed) {
        int n = a.length;
        double[] reps = new double[200];
        for (int r = 0; r < reps.length; r++) {
            SplittableRandom ra = new SplittableRandom(Seeds.derive(seed, 2 * r));
            SplittableRandom rb = new SplittableRandom(Seeds.derive(seed, 2 * r + 1));
            double sa = 0;
            double sb = 0;
            for (int i = 0; i < n; i++) {
                sa += a[ra.nextInt(n)];
                sb += b[rb.nextInt(n)];
            }
            reps[r] = (sb - sa) / n;
        }
        return Intervals.percentile(reps, 0.95);
    }
}
