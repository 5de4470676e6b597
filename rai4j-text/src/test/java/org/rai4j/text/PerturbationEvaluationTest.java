package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Gaussian;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;

class PerturbationEvaluationTest {
    private static final TextPerturbation M2F = GenderPerturbation.english(GenderPerturbation.Direction.MALE_TO_FEMALE);
    private static final TextPerturbation NAMES = NamePerturbation.europeanToAfricanAmerican();

    /** A model from a function, recording every text it is asked to score. */
    private static final class FnModel implements TextClassifier {
        final ToDoubleFunction<String> f;
        final List<String> seen = new ArrayList<>();

        FnModel(ToDoubleFunction<String> f) {
            this.f = f;
        }

        @Override
        public double[] scores(List<String> texts) {
            seen.addAll(texts);
            return texts.stream().mapToDouble(f).toArray();
        }

        @Override
        public String name() {
            return "fn";
        }
    }

    /**
     * Five instances worked by hand. Correct on the originals: [1,1,1,0,1] (0.8); after pronouns m2f: [0,1,1,1,1]
     * (0.8, delta 0: instance 0 lost, instance 3 gained); after names: [1,1,0,0,1] (0.6, delta -0.2); worst case
     * per instance min(orig, m2f, names) = [0,1,0,0,1]: 0.4, delta -0.4.
     */
    @Test
    void evaluate_handMadeTable_exactAccuraciesDeltasAndWorstCase() {
        Map<String, Double> scores = Map.of(
                "He is a great doctor.", 0.9, "She is a great doctor.", 0.4,
                "She is a nurse.", 0.3,
                "Emily wrote the code.", 0.7,
                "His car is fast.", 0.2, "Her car is fast.", 0.6,
                "The food was bad.", 0.1);
        FnModel model = new FnModel(t -> scores.getOrDefault(t, t.endsWith(" wrote the code.") ? 0.45 : Double.NaN));
        List<String> texts = List.of("He is a great doctor.", "She is a nurse.", "Emily wrote the code.",
                "His car is fast.", "The food was bad.");
        int[] labels = {1, 0, 1, 1, 0};
        PerturbationEvaluation.Result r = PerturbationEvaluation.evaluate(model, texts, labels, List.of(M2F, NAMES),
                new PerturbationEvaluation.Settings(0.5, 0.95, 200, 7, 5));
        assertThat(r.instances()).isEqualTo(5);
        assertThat(r.accuracy()).isCloseTo(0.8, within(1e-12));
        PerturbationEvaluation.Outcome m2f = r.perturbations().get(0);
        PerturbationEvaluation.Outcome names = r.perturbations().get(1);
        assertThat(m2f.name()).isEqualTo("pronouns:m2f");
        assertThat(m2f.accuracy()).isCloseTo(0.8, within(1e-12));
        assertThat(m2f.delta()).isCloseTo(0.0, within(1e-12));
        assertThat(m2f.changed()).isEqualTo(2);
        assertThat(m2f.flipped()).isEqualTo(2);
        assertThat(names.accuracy()).isCloseTo(0.6, within(1e-12));
        assertThat(names.delta()).isCloseTo(-0.2, within(1e-12));
        assertThat(names.changed()).isEqualTo(1);
        assertThat(names.flipped()).isEqualTo(1);
        assertThat(r.worstCase()).isCloseTo(0.4, within(1e-12));
        assertThat(r.worstCaseDelta()).isCloseTo(-0.4, within(1e-12));
        assertThat(m2f.examples()).extracting(PerturbationEvaluation.Example::instance).containsExactly(0, 3);
        assertThat(m2f.examples().get(1).substitutions()).containsExactly(new TextPerturbation.Substitution("His", "Her"));
        assertThat(m2f.examples().get(1).perturbedScore()).isEqualTo(0.6);
        assertThat(names.examples().get(0).substitutions().get(0).from()).isEqualTo("Emily");
        // every perturbed text was scored once; unchanged texts were not sent again
        assertThat(model.seen).hasSize(5 + 2 + 1);
        // the paired interval of the worst-case delta lies at or below 0, the estimate inside
        assertThat(r.worstCaseDeltaInterval().hi()).isLessThanOrEqualTo(0.0);
        assertThat(r.worstCaseDeltaInterval().contains(-0.4)).isTrue();
    }

    /** Under the null with a model blind to the perturbed words every delta is exactly 0, interval [0, 0]. */
    @Test
    void evaluate_modelBlindToPerturbedWords_deltaExactlyZero() {
        FnModel model = new FnModel(t -> t.contains("good") ? 0.8 : 0.3);
        List<String> texts = List.of("He is good.", "Emily had a good day.", "His work was poor.", "She is good.",
                "Greg is poor at chess.", "The KING was good.");
        int[] labels = {1, 1, 0, 0, 1, 1};
        PerturbationEvaluation.Result r = PerturbationEvaluation.evaluate(model, texts, labels,
                List.of(M2F, GenderPerturbation.english(GenderPerturbation.Direction.FEMALE_TO_MALE), NAMES),
                new PerturbationEvaluation.Settings(0.5, 0.95, 300, 3, 0));
        assertThat(r.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        for (PerturbationEvaluation.Outcome o : r.perturbations()) {
            assertThat(o.changed()).as(o.name()).isPositive();
            assertThat(o.delta()).isEqualTo(0.0);
            assertThat(o.deltaInterval().lo()).isEqualTo(0.0);
            assertThat(o.deltaInterval().hi()).isEqualTo(0.0);
            assertThat(o.flipped()).isZero();
            assertThat(o.examples()).isEmpty();
        }
        assertThat(r.worstCase()).isEqualTo(r.accuracy());
    }

    @Test
    void perturbations_namesAndBadSpecs(@TempDir Path dir) throws Exception {
        assertThat(PerturbationEvaluation.perturbations(List.of("pronouns", "pronouns:f2m", "pronouns:swap", "names")))
                .extracting(TextPerturbation::name)
                .containsExactly("pronouns:m2f", "pronouns:f2m", "pronouns:swap", "names");
        assertThatThrownBy(() -> PerturbationEvaluation.perturbations(List.of("typos")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown perturbation 'typos'");
        assertThatThrownBy(() -> PerturbationEvaluation.perturbations(List.of("pronouns", "pronouns:m2f")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> PerturbationEvaluation.perturbations(List.of("dialect:" + dir.resolve("none.tsv"))))
                .isInstanceOf(DataFileException.class).hasMessageContaining("none.tsv").hasMessageContaining("no such file");
        Path map = dir.resolve("d.tsv");
        Files.writeString(map, "# comment\ngoing to\tgonna\n");
        assertThat(PerturbationEvaluation.perturbations(List.of("dialect:" + map)).get(0).name())
                .isEqualTo("dialect:d.tsv");
    }

    @Test
    void run_csv_readsAndRejectsBadLabelsWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "text,y\n\"He is kind, and calm.\",1\nShe is rude.,0\n");
        PerturbationEvaluation.Result r = PerturbationEvaluation.run(new FnModel(t -> t.contains("kind") ? 0.9 : 0.1),
                ok, "text", "y", null, List.of(M2F), PerturbationEvaluation.Settings.defaults());
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(r.perturbations().get(0).changed()).isEqualTo(1);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "text,y\nHe ran.,1\nShe ran.,yes\n");
        assertThatThrownBy(() -> PerturbationEvaluation.run(new FnModel(t -> 0.5), bad, "text", "y", null, List.of(M2F),
                PerturbationEvaluation.Settings.defaults()))
                .isInstanceOf(DataFileException.class).hasMessageContaining("bad.csv:3")
                .hasMessageContaining("column 'y'").hasMessageContaining("got 'yes'");
        assertThatThrownBy(() -> PerturbationEvaluation.evaluate(new FnModel(t -> Double.NaN), List.of("He ran."),
                new int[] {1}, List.of(M2F), PerturbationEvaluation.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    // ---- coverage simulation ------------------------------------------------------------------------------------

    /**
     * Instance k: label y ~ Bernoulli(0.7), signal s ~ N(μ(2y − 1), 1); text "He said item k." whose m2f perturbation
     * is "She said item k."; the model's logit is s + σ·ε(text) − β·[she], with ε a standard normal drawn from a seed
     * derived from the text (so a perturbed text gets fresh noise: not blind, but unbiased when β = 0). Predicted
     * label = logit ≥ 0 (score ≥ 0.5). With τ = sqrt(1 + σ²), the population accuracies are
     * P(correct | y=1, f) = Φ((μ − βf)/τ), P(correct | y=0, f) = Φ((μ + βf)/τ); the worst case (both correct) is
     * the integral over s computed in {@link #bothCorrect}.
     */
    private record Config(int n, double mu, double beta, double sigma) {
        double deltaTruth() {
            double tau = Math.sqrt(1 + sigma * sigma);
            return 0.7 * (Gaussian.cdf((mu - beta) / tau) - Gaussian.cdf(mu / tau))
                    + 0.3 * (Gaussian.cdf((mu + beta) / tau) - Gaussian.cdf(mu / tau));
        }

        double worstTruth() {
            return 0.7 * bothCorrect(mu, beta, sigma) + 0.3 * bothCorrect(mu, -beta, sigma);
        }
    }

    /**
     * P(s + σε₁ ≥ 0 and s + σε₂ − β ≥ 0) for s ~ N(μ, 1) (a positive; a negative is the mirror image with −β):
     * ∫ φ(s − μ) Φ(s/σ) Φ((s − β)/σ) ds by the trapezoid rule on [μ − 12, μ + 12], step 1e-3; for σ = 0 it is
     * Φ(μ − max(0, β)).
     */
    static double bothCorrect(double mu, double beta, double sigma) {
        if (sigma == 0) {
            return Gaussian.cdf(mu - Math.max(0, beta));
        }
        double h = 1e-3;
        double sum = 0;
        for (int i = 0; i <= 24_000; i++) {
            double s = mu - 12 + i * h;
            double f = Gaussian.pdf(s - mu) * Gaussian.cdf(s / sigma) * Gaussian.cdf((s - beta) / sigma);
            sum += (i == 0 || i == 24_000) ? f / 2 : f;
        }
        return sum * h;
    }

    @Test
    void bothCorrect_independentCheck_matchesMonteCarlo() {
        SplittableRandom rng = new SplittableRandom(5);
        int hits = 0;
        int m = 400_000;
        for (int i = 0; i < m; i++) {
            double s = 0.8 + rng.nextGaussian();
            if (s + rng.nextGaussian() >= 0 && s + rng.nextGaussian() - 0.6 >= 0) {
                hits++;
            }
        }
        // Monte Carlo sd at p ≈ 0.5 with 4e5 draws: 0.0008; 5 sd
        assertThat((double) hits / m).isCloseTo(bothCorrect(0.8, 0.6, 1.0), within(0.004));
    }

    private static final class SimModel implements TextClassifier {
        final double[] s;
        final double beta;
        final double sigma;
        final long seed;

        SimModel(double[] s, double beta, double sigma, long seed) {
            this.s = s;
            this.beta = beta;
            this.sigma = sigma;
            this.seed = seed;
        }

        @Override
        public double[] scores(List<String> texts) {
            double[] out = new double[texts.size()];
            for (int i = 0; i < out.length; i++) {
                String t = texts.get(i);
                int k = Integer.parseInt(t.substring(t.lastIndexOf(' ') + 1, t.length() - 1));
                boolean she = t.startsWith("She ");
                double noise = sigma == 0 ? 0 : sigma * new SplittableRandom(Seeds.derive(seed, t.hashCode())).nextGaussian();
                double logit = s[k] + noise - (she ? beta : 0);
                out[i] = 1 / (1 + Math.exp(-logit));
            }
            return out;
        }

        @Override
        public String name() {
            return "sim";
        }
    }

    /** One simulated data set of {@code c} under seed {@code seed}: the texts, labels and model. */
    private record SimData(List<String> texts, int[] y, SimModel model) {
        static SimData of(Config c, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] y = new int[c.n()];
            double[] s = new double[c.n()];
            List<String> texts = new ArrayList<>(c.n());
            for (int k = 0; k < c.n(); k++) {
                y[k] = rng.nextDouble() < 0.7 ? 1 : 0;
                s[k] = c.mu() * (2 * y[k] - 1) + rng.nextGaussian();
                texts.add("He said item " + k + ".");
            }
            return new SimData(texts, y, new SimModel(s, c.beta(), c.sigma(), seed));
        }

        PerturbationEvaluation.Result evaluate(long seed) {
            return PerturbationEvaluation.evaluate(model, texts, y, List.of(M2F),
                    new PerturbationEvaluation.Settings(0.5, 0.95, 400, seed, 0));
        }
    }

    /**
     * Coverage of the paired 95% intervals of the delta and of the worst-case accuracy, over 12 configurations
     * (n ∈ {100, 300}; μ ∈ {0.5, 1.5}; (β, σ) ∈ {(0, 1): the null, a noisy model that is not blind but unbiased;
     * (1, 0) and (1, 1): the alternative, a model that penalises female pronouns}), 40 simulated data sets each
     * (480 in all, 400 replicates each). Band [0.91, 0.99] on 480 trials: 4 standard deviations
     * (sd = sqrt(.95·.05/480) = 1.0%) either side of 0.95, so a correct method fails with probability below 1e-4
     * (the seeds are fixed, so the test is deterministic; that is the risk a change of seeds would take). Under the
     * null the delta's interval excludes 0 in under 12% of the 160 data sets (expected 5%, sd 1.7%); under the
     * alternative with n = 300 in over 80% (the power is near 1).
     */
    @Test
    void evaluate_simulatedNullAndAlternative_pairedIntervalsCover95() {
        int trials = 0;
        int deltaCovered = 0;
        int worstCovered = 0;
        int nullTrials = 0;
        int nullRejected = 0;
        int altTrials = 0;
        int altRejected = 0;
        for (int n : new int[] {100, 300}) {
            for (double mu : new double[] {0.5, 1.5}) {
                for (double[] bs : new double[][] {{0, 1}, {1, 0}, {1, 1}}) {
                    Config c = new Config(n, mu, bs[0], bs[1]);
                    double deltaTruth = c.deltaTruth();
                    double worstTruth = c.worstTruth();
                    for (int sim = 0; sim < 40; sim++) {
                        long seed = Seeds.derive(1000L * n + 100L * (long) (10 * mu) + (long) (10 * bs[0] + bs[1]), sim);
                        PerturbationEvaluation.Result r = SimData.of(c, seed).evaluate(sim);
                        PerturbationEvaluation.Outcome o = r.perturbations().get(0);
                        assertThat(o.changed()).isEqualTo(n);
                        trials++;
                        deltaCovered += o.deltaInterval().contains(deltaTruth) ? 1 : 0;
                        worstCovered += r.worstCaseInterval().contains(worstTruth) ? 1 : 0;
                        if (c.beta() == 0) {
                            nullTrials++;
                            nullRejected += o.deltaInterval().excludesZero() ? 1 : 0;
                        } else if (n == 300) {
                            altTrials++;
                            altRejected += o.deltaInterval().excludesZero() ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat((double) deltaCovered / trials).as("coverage of the delta over %d data sets", trials)
                .isBetween(0.91, 0.99);
        assertThat((double) worstCovered / trials).as("coverage of the worst-case accuracy").isBetween(0.91, 0.99);
        assertThat((double) nullRejected / nullTrials).as("rejections under the null").isLessThan(0.12);
        assertThat((double) altRejected / altTrials).as("power under the alternative, n = 300").isGreaterThan(0.8);
    }

    /**
     * Validity: a deliberately broken interval, the same percentile bootstrap computed unpaired (originals and
     * perturbed instances resampled independently, so their correlation is lost), must fail a criterion the paired
     * interval passes. On 100 data sets (n = 300, σ = 0, (μ, β) ∈ {(0, 0.5), (0.5, 0.4)}, 50 each; a model whose
     * perturbation flips few instances near its threshold) the paired interval must exclude 0 in at least 75% (normal
     * approximation: expected 0.87–0.89, sd 3.2%, so the margin is 4 sd and a correct method fails with probability
     * below 1e-4) and cover the true delta in at least 88% (expected 95%, sd 2.2%: 3.2 sd); the unpaired one is
     * expected to exclude 0 in 43–47% (sd 5%) and fails the power criterion, and it is at least 1.4 times as wide on
     * average (expected 1.6–1.8).
     */
    @Test
    void evaluate_concentratedEffect_unpairedIntervalLosesThePowerThePairedOneHas() {
        int trials = 0;
        int paired = 0;
        int unpaired = 0;
        int covered = 0;
        double pairedWidth = 0;
        double unpairedWidth = 0;
        for (double[] mb : new double[][] {{0, 0.5}, {0.5, 0.4}}) {
            Config c = new Config(300, mb[0], mb[1], 0);
            double truth = c.deltaTruth();
            for (int sim = 0; sim < 50; sim++) {
                SimData d = SimData.of(c, Seeds.derive(77 + (long) (10 * mb[0]), sim));
                Interval p = d.evaluate(sim).perturbations().get(0).deltaInterval();
                Interval u = unpairedDelta(d.model(), d.texts(), d.y(), 400, sim);
                trials++;
                paired += p.excludesZero() ? 1 : 0;
                unpaired += u.excludesZero() ? 1 : 0;
                covered += p.contains(truth) ? 1 : 0;
                pairedWidth += p.hi() - p.lo();
                unpairedWidth += u.hi() - u.lo();
            }
        }
        assertThat((double) paired / trials).as("paired power").isGreaterThanOrEqualTo(0.75);
        assertThat((double) covered / trials).as("paired coverage").isGreaterThanOrEqualTo(0.88);
        assertThat((double) unpaired / trials).as("unpaired power (broken method)").isLessThan(0.75);
        assertThat(unpairedWidth / pairedWidth).as("unpaired / paired width").isGreaterThan(1.4);
    }

    /** The deliberately broken interval: originals and perturbed texts resampled independently. */
    private static Interval unpairedDelta(TextClassifier model, List<String> texts, int[] y, int reps, long seed) {
        int n = texts.size();
        double[] orig = model.scores(texts);
        double[] pert = model.scores(texts.stream().map(t -> M2F.apply(t, 0).text()).toList());
        double[] d = new double[reps];
        for (int r = 0; r < reps; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                int k = rng.nextInt(n);
                a += (orig[j] >= 0.5 ? 1 : 0) == y[j] ? 1 : 0;
                b += (pert[k] >= 0.5 ? 1 : 0) == y[k] ? 1 : 0;
            }
            d[r] = (double) (b - a) / n;
        }
        return Intervals.percentile(d, 0.95);
    }
}
