package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.EmbeddingRows;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.TokenExamples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DpSgdTest {

    /** A model and data generated from a seed. */
    public record Case(String name, GradientModel<Examples> model, Examples data) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Examples> Case of(String name, GradientModel<E> model, E data) {
        return new Case(name, (GradientModel<Examples>) (GradientModel<?>) model, data);
    }

    static DenseExamples dense(SplittableRandom rng, int n, int d, int classes) {
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussian() * 2 + (j % classes == y[i] ? 1.5 : 0);
            }
        }
        return DenseExamples.of(x, y, classes);
    }

    static TokenExamples tokens(SplittableRandom rng, int n, int vocab, int classes, int usedRows) {
        int[][] bags = new int[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            bags[i] = new int[rng.nextInt(0, 12)];
            for (int t = 0; t < bags[i].length; t++) {
                bags[i][t] = rng.nextInt(usedRows);
            }
            y[i] = rng.nextInt(classes);
        }
        return TokenExamples.of(bags, y, classes, vocab);
    }

    public static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            cases.add(of("logistic seed " + seed, DenseNetwork.logistic(6), dense(rng, 60, 6, 2)));
            cases.add(of("softmax seed " + seed, DenseNetwork.softmax(8, 4), dense(rng, 60, 8, 4)));
            cases.add(of("mlp seed " + seed, DenseNetwork.mlp(8, new int[] {12}, 3, seed), dense(rng, 60, 8, 3)));
            cases.add(of("text seed " + seed, EmbeddingBagClassifier.create(50, 5, 3, seed), tokens(rng, 60, 50, 3, 30)));
        }
        return cases.stream();
    }

    private static DpSgdConfig eager(double clip) {
        // Clip small enough that many (not all) examples are clipped.
        return DpSgdConfig.of(clip, 1.3, 0.2, 6, 0.5).withEmbeddingNoise(DpSgdConfig.EmbeddingNoise.EAGER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void step_ghostNormClipping_equalsMaterialisedPerExampleClippingTo1e9(Case c) {
        GradientModel<Examples> ghostModel = c.model().copy();
        GradientModel<Examples> naiveModel = c.model().copy();
        DpSgd<Examples> ghost = new DpSgd<>(ghostModel, c.data(), eager(0.3), PrivacyRandom.seededForSimulation(42));
        DpSgd<Examples> naive = new DpSgd<>(naiveModel, c.data(),
                eager(0.3).withClipping(DpSgdConfig.Clipping.MATERIALISED), PrivacyRandom.seededForSimulation(42));
        int clipped = 0;
        for (int s = 0; s < 6; s++) {
            DpSgd.StepReport a = ghost.step();
            DpSgd.StepReport b = naive.step();
            assertThat(a.batchSize()).isEqualTo(b.batchSize());
            assertThat(a.clippedExamples()).isEqualTo(b.clippedExamples());
            clipped += a.clippedExamples();
        }
        assertThat(clipped).as("the test must exercise clipping").isPositive();
        assertClose(ghostModel.parameters(), naiveModel.parameters(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void step_ghostNormClipping_equalsIndependentOracleGivenTheSameNoise(Case c) {
        DpSgdConfig config = eager(0.3);
        GradientModel<Examples> model = c.model().copy();
        double[] before = model.parameters().clone();
        new DpSgd<>(model, c.data(), config, PrivacyRandom.seededForSimulation(7)).step();

        // The oracle: same random stream, per-example gradients from one single-example pass each, clipped by
        // their directly computed norms, summed, noised, scaled by -lr/(q n).
        PrivacyRandom r = PrivacyRandom.seededForSimulation(7);
        int[] batch = PoissonSampling.sample(c.data().size(), config.sampleRate(), r);
        GradientModel<Examples> oracle = c.model().copy();
        double[] sum = new double[before.length];
        double[] g = new double[before.length];
        for (int i : batch) {
            Arrays.fill(g, 0);
            oracle.backward(c.data(), new int[] {i}).accumulateGradient(new double[] {1.0}, 1.0, g);
            double norm = Math.sqrt(Arrays.stream(g).map(v -> v * v).sum());
            double factor = Math.min(1, config.clipNorm() / (norm + 1e-6));
            for (int k = 0; k < g.length; k++) {
                sum[k] += factor * g[k];
            }
        }
        double scale = config.learningRate() / (config.sampleRate() * c.data().size());
        double[] noise = new double[before.length];
        EmbeddingRows e = oracle.embeddingRows();
        double std = scale * config.noiseMultiplier() * config.clipNorm();
        if (e.present()) { // the order in which DpSgd draws: dense before, dense after, then the table
            r.addGaussianNoise(noise, 0, e.offset(), std);
            r.addGaussianNoise(noise, e.end(), noise.length, std);
            r.addGaussianNoise(noise, e.offset(), e.end(), std);
        } else {
            r.addGaussianNoise(noise, 0, noise.length, std);
        }
        double[] expected = new double[before.length];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = before[k] - scale * sum[k] + noise[k];
        }
        assertClose(model.parameters(), expected, 1e-9);
    }

    @Test
    void deferredEmbeddingNoise_rowsNeverRead_getTheVarianceOfAllSteps() {
        // Vocabulary 2000, data use rows 0..29 only: rows 30..1999 are never read, so after finish() each of
        // their 1970 x 8 = 15760 values has received N(0, T s^2) in deferred pieces. The sample variance's
        // standard error is sqrt(2/n) relative = 1.1%; the 5-SE tolerance (5.6%) has false-failure rate 5.7e-7.
        SplittableRandom rng = new SplittableRandom(5);
        TokenExamples data = tokens(rng, 200, 2000, 3, 30);
        for (DpSgdConfig.EmbeddingNoise mode : DpSgdConfig.EmbeddingNoise.values()) {
            EmbeddingBagClassifier model = EmbeddingBagClassifier.create(2000, 8, 3, 1);
            double[] before = model.parameters().clone();
            DpSgdConfig config = DpSgdConfig.of(1.0, 2.0, 0.1, 25, 0.4).withEmbeddingNoise(mode);
            new DpSgd<>(model, data, config, PrivacyRandom.seededForSimulation(3)).train(s -> { });
            double s = config.learningRate() / (config.sampleRate() * data.size()) * config.noiseMultiplier() * config.clipNorm();
            double expected = config.steps() * s * s;
            double sumSq = 0;
            int n = 0;
            for (int k = 30 * 8; k < 2000 * 8; k++) {
                double d = model.parameters()[k] - before[k];
                sumSq += d * d;
                n++;
            }
            assertThat(sumSq / n).as(mode.name()).isCloseTo(expected, within(5 * Math.sqrt(2.0 / n) * expected));
        }
    }

    @Test
    void train_recordsEveryStepInTheLedger() {
        SplittableRandom rng = new SplittableRandom(2);
        DenseExamples data = dense(rng, 100, 4, 2);
        DpSgd<DenseExamples> dp = new DpSgd<>(DenseNetwork.logistic(4), data, DpSgdConfig.of(1, 1.1, 0.05, 40, 0.1),
                PrivacyRandom.seededForSimulation(1));
        PrivacyLedger ledger = dp.train(s -> { });
        assertThat(ledger.segments()).containsExactly(new Segment(1.1, 0.05, 40));
        assertThat(dp.stepsDone()).isEqualTo(40);
    }

    @Test
    void step_emptyBatch_stillAddsNoise() {
        DenseExamples data = dense(new SplittableRandom(3), 10, 3, 2);
        DenseNetwork model = DenseNetwork.logistic(3);
        DpSgd<DenseExamples> dp = new DpSgd<>(model, data, DpSgdConfig.of(1, 1.0, 1e-12, 1, 0.1),
                PrivacyRandom.seededForSimulation(9));
        DpSgd.StepReport r = dp.step();
        assertThat(r.batchSize()).isZero();
        assertThat(r.meanLoss()).isNaN();
        assertThat(model.parameters()).isNotEqualTo(new double[4]);
    }

    @Test
    void train_separableData_learnsDespiteNoise() {
        SplittableRandom rng = new SplittableRandom(11);
        DenseExamples data = dense(rng, 2000, 6, 3);
        DenseNetwork model = DenseNetwork.softmax(6, 3);
        NoiseCalibration.Calibrated sigma = NoiseCalibration.noiseMultiplier(2.0, 1e-5, 0.05, 200, Accountant.RDP);
        new DpSgd<>(model, data, DpSgdConfig.of(1.0, sigma.noiseMultiplier(), 0.05, 200, 1.0),
                PrivacyRandom.seededForSimulation(4)).train(s -> { });
        // Each class shifts 2 of 6 features by 1.5 (noise sd 2): the Bayes accuracy is about 0.7.
        assertThat(model.accuracy(data)).isGreaterThan(0.6);
    }

    @Test
    void poissonSampling_inclusionRate_isTheSampleRateForEveryIndex() {
        // 4000 batches of n = 500 at q = 0.05. Total inclusions ~ Binomial(2e6, 0.05); the first and the last
        // index ~ Binomial(4000, 0.05) (mean 200, sd 13.8). Tolerances of 5 sd: false-failure rate 5.7e-7 each.
        PrivacyRandom r = PrivacyRandom.seededForSimulation(21);
        long total = 0;
        int first = 0;
        int last = 0;
        for (int b = 0; b < 4000; b++) {
            int[] batch = PoissonSampling.sample(500, 0.05, r);
            total += batch.length;
            for (int i = 1; i < batch.length; i++) {
                assertThat(batch[i]).isGreaterThan(batch[i - 1]);
            }
            if (batch.length > 0 && batch[0] == 0) {
                first++;
            }
            if (batch.length > 0 && batch[batch.length - 1] == 499) {
                last++;
            }
        }
        assertThat((double) total).isCloseTo(1e5, within(5 * Math.sqrt(2e6 * 0.05 * 0.95)));
        assertThat((double) first).isCloseTo(200, within(5 * Math.sqrt(4000 * 0.05 * 0.95)));
        assertThat((double) last).isCloseTo(200, within(5 * Math.sqrt(4000 * 0.05 * 0.95)));
        assertThat(PoissonSampling.sample(7, 1.0, r)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(PoissonSampling.sample(7, 0.0, r)).isEmpty();
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < actual.length; k++) {
            assertThat(actual[k]).as("parameter %d", k).isCloseTo(expected[k], within(tol * Math.max(1, Math.abs(expected[k]))));
        }
    }
}
