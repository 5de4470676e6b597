package org.rai4j.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradientModelsTest {

    /** A model, its data and a batch, built from a seed. */
    record Case(String name, GradientModel<Examples> model, Examples data, int[] batch) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Examples> Case of(String name, GradientModel<E> model, E data, int[] batch) {
        return new Case(name, (GradientModel<Examples>) (GradientModel<?>) model, data, batch);
    }

    static DenseExamples denseData(SplittableRandom rng, int n, int d, int classes) {
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussian() * (1 + j % 3);
            }
            y[i] = rng.nextInt(classes);
        }
        return DenseExamples.of(x, y, classes);
    }

    static TokenExamples tokenData(SplittableRandom rng, int n, int vocab, int classes) {
        int[][] bags = new int[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            bags[i] = new int[rng.nextInt(0, 9)]; // includes empty bags
            for (int t = 0; t < bags[i].length; t++) {
                bags[i][t] = rng.nextInt(Math.min(vocab, 6)) + (rng.nextBoolean() ? 0 : rng.nextInt(vocab - 6)); // repeats
            }
            y[i] = rng.nextInt(classes);
        }
        return TokenExamples.of(bags, y, classes, vocab);
    }

    static void randomise(double[] p, SplittableRandom rng, double scale) {
        for (int k = 0; k < p.length; k++) {
            p[k] = scale * rng.nextGaussian();
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] batch = {0, 3, 5, 5, 7, 2, 9, 1};
            DenseNetwork logistic = DenseNetwork.logistic(5);
            randomise(logistic.parameters(), rng, 0.7);
            cases.add(of("logistic seed " + seed, logistic, denseData(rng, 10, 5, 2), batch));
            DenseNetwork softmax = DenseNetwork.softmax(6, 4);
            randomise(softmax.parameters(), rng, 0.5);
            cases.add(of("softmax seed " + seed, softmax, denseData(rng, 10, 6, 4), batch));
            DenseNetwork mlp = DenseNetwork.mlp(7, new int[] {9, 5}, 3, seed);
            randomise(mlp.parameters(), rng, 0.6);
            cases.add(of("mlp seed " + seed, mlp, denseData(rng, 10, 7, 3), batch));
            EmbeddingBagClassifier text = EmbeddingBagClassifier.create(40, 6, 3, seed);
            cases.add(of("text seed " + seed, text, tokenData(rng, 10, 40, 3), batch));
        }
        return cases.stream();
    }

    private static double singleLoss(Case c, int example) {
        return c.model().backward(c.data(), new int[] {example}).loss();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exampleGradient_againstCentralDifferences_agreesTo1e6(Case c) {
        double[] p = c.model().parameters();
        BackwardPass pass = c.model().backward(c.data(), c.batch());
        double[] g = new double[p.length];
        for (int i : new int[] {0, 3}) {
            pass.exampleGradient(i, g);
            int example = c.batch()[i];
            for (int k = 0; k < p.length; k++) {
                double saved = p[k];
                double h = 1e-6 * Math.max(1, Math.abs(saved));
                p[k] = saved + h;
                double up = singleLoss(c, example);
                p[k] = saved - h;
                double down = singleLoss(c, example);
                p[k] = saved;
                double numeric = (up - down) / (2 * h);
                // central differences: truncation O(h²) plus rounding ~1e-16/h = 1e-10
                assertThat(g[k]).as("parameter %d", k).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void squaredGradientNorms_ghost_equalMaterialisedNormsTo1e12(Case c) {
        BackwardPass pass = c.model().backward(c.data(), c.batch());
        double[] ghost = new double[c.batch().length];
        pass.squaredGradientNorms(ghost);
        double[] g = new double[c.model().parameterCount()];
        for (int i = 0; i < c.batch().length; i++) {
            pass.exampleGradient(i, g);
            double direct = Arrays.stream(g).map(v -> v * v).sum();
            assertThat(ghost[i]).isCloseTo(direct, within(1e-12 * Math.max(1, direct)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void accumulateGradient_weighted_equalsWeightedSumOfSingleExamplePasses(Case c) {
        SplittableRandom rng = new SplittableRandom(99);
        double[] w = new double[c.batch().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble();
        }
        double[] fast = new double[c.model().parameterCount()];
        c.model().backward(c.data(), c.batch()).accumulateGradient(w, 0.5, fast);
        double[] slow = new double[fast.length];
        double[] gi = new double[fast.length];
        double[] one = {1.0};
        for (int i = 0; i < w.length; i++) {
            Arrays.fill(gi, 0);
            c.model().backward(c.data(), new int[] {c.batch()[i]}).accumulateGradient(one, 1.0, gi);
            for (int k = 0; k < gi.length; k++) {
                slow[k] += 0.5 * w[i] * gi[k];
            }
        }
        for (int k = 0; k < fast.length; k++) {
            assertThat(fast[k]).isCloseTo(slow[k], within(1e-12 * Math.max(1, Math.abs(slow[k]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void probabilities_sumToOneAndLossIsTheirNegativeLog(Case c) {
        double[] p = new double[c.model().classes()];
        int ex = c.batch()[0];
        c.model().probabilities(c.data(), ex, p);
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(singleLoss(c, ex)).isCloseTo(-Math.log(p[c.data().label(ex)]), within(1e-12));
    }

    @Test
    void float32Pass_againstFloat64Pass_agreesToSinglePrecision() {
        // MNIST-sized first layer so that the BLAS kernels run their blocked paths: 784 → 64 → 5, batch 40.
        SplittableRandom rng = new SplittableRandom(8);
        DenseExamples data = denseData(rng, 50, 784, 5);
        int[] batch = new int[40];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = rng.nextInt(50);
        }
        for (DenseNetwork m64 : List.of(DenseNetwork.mlp(784, new int[] {64}, 5, 3), DenseNetwork.softmax(784, 5))) {
            randomise(m64.parameters(), rng, 0.05);
            DenseNetwork m32 = m64.withPrecision(DenseNetwork.Precision.FLOAT32);
            assertThat(m32.parameters()).containsExactly(m64.parameters());
            BackwardPass p64 = m64.backward(data, batch);
            BackwardPass p32 = m32.backward(data, batch);
            // Single precision: unit roundoff 6e-8, sums of ~800 products → relative errors ~1e-5 at worst.
            assertThat(p32.loss()).isCloseTo(p64.loss(), within(1e-5 * Math.abs(p64.loss())));
            double[] n64 = new double[batch.length];
            double[] n32 = new double[batch.length];
            p64.squaredGradientNorms(n64);
            p32.squaredGradientNorms(n32);
            double[] g32 = new double[m32.parameterCount()];
            for (int i = 0; i < batch.length; i++) {
                assertThat(n32[i]).isCloseTo(n64[i], within(1e-4 * n64[i] + 1e-9));
                // the float pass's ghost norm equals its own materialised gradient's norm (both from the same floats)
                p32.exampleGradient(i, g32);
                double direct = Arrays.stream(g32).map(v -> v * v).sum();
                assertThat(n32[i]).isCloseTo(direct, within(1e-9 * Math.max(1, direct)));
            }
            double[] w = new double[batch.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextDouble();
            }
            double[] s64 = new double[m64.parameterCount()];
            double[] s32 = new double[m64.parameterCount()];
            p64.accumulateGradient(w, 0.5, s64);
            p32.accumulateGradient(w, 0.5, s32);
            double scale = Arrays.stream(s64).map(Math::abs).max().orElseThrow();
            for (int k = 0; k < s64.length; k++) {
                assertThat(s32[k]).as("parameter %d", k).isCloseTo(s64[k], within(1e-4 * scale));
            }
        }
    }

    @Test
    void kernelDescription_namesTheBlasInUse() {
        assertThat(DenseNetwork.kernelDescription()).containsAnyOf("native BLAS via JNI", "pure Java", "Vector API");
    }

    @Test
    void sgd_softmaxOnSeparatedBlobs_reachesHighAccuracy() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 600;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i][0] = centres[y[i]][0] + rng.nextGaussian();
            x[i][1] = centres[y[i]][1] + rng.nextGaussian();
        }
        DenseExamples data = DenseExamples.of(x, y, 3);
        DenseNetwork model = DenseNetwork.softmax(2, 3);
        long steps = Sgd.train(model, data, new Sgd.Config(0.1, 5, 32, 1), e -> { });
        assertThat(steps).isEqualTo(5 * 19);
        // Bayes accuracy for unit-variance blobs 3·√2 apart is about 0.96; SGD gets close.
        assertThat(model.accuracy(data)).isGreaterThan(0.93);
    }

    @Test
    void tokenExamples_sumSquaredFrequencies_matchesCounts() {
        TokenExamples t = TokenExamples.of(new int[][] {{1, 1, 2}, {}, {4}}, new int[] {0, 1, 0}, 2, 5);
        assertThat(t.sumSquaredFrequencies[0]).isCloseTo(5.0 / 9, within(1e-15));
        assertThat(t.sumSquaredFrequencies[1]).isZero();
        assertThat(t.sumSquaredFrequencies[2]).isEqualTo(1.0);
    }

    @Test
    void embeddingRowsRead_returnsDistinctTokensOfTheBatchInOrderOfFirstAppearance() {
        TokenExamples t = TokenExamples.of(new int[][] {{7, 1, 7}, {3}, {1, 9}}, new int[] {0, 1, 0}, 2, 10);
        EmbeddingBagClassifier m = EmbeddingBagClassifier.create(10, 3, 2, 1);
        assertThat(m.embeddingRowsRead(t, new int[] {0, 2})).containsExactly(7, 1, 9);
        assertThat(m.embeddingRowsRead(t, new int[] {1})).containsExactly(3);
    }

    @Test
    void backwardWithHook_callsItOncePerRowBeforeTheRowIsRead() {
        TokenExamples t = TokenExamples.of(new int[][] {{7, 1, 7}, {3}, {1, 9}}, new int[] {0, 1, 0}, 2, 10);
        EmbeddingBagClassifier m = EmbeddingBagClassifier.create(10, 3, 2, 1);
        EmbeddingBagClassifier zeroed = m.copy();
        for (int row : new int[] {7, 1, 9}) {
            Arrays.fill(zeroed.parameters(), row * 3, row * 3 + 3, 0.0);
        }
        List<Integer> calls = new ArrayList<>();
        BackwardPass hooked = m.backward(t, new int[] {0, 2}, row -> {
            calls.add(row);
            Arrays.fill(m.parameters(), row * 3, row * 3 + 3, 0.0); // the pass must see this change
        });
        assertThat(calls).containsExactly(7, 1, 9);
        assertThat(hooked.loss()).isEqualTo(zeroed.backward(t, new int[] {0, 2}).loss());
        List<Integer> dense = new ArrayList<>();
        DenseNetwork.softmax(2, 2).backward(DenseExamples.of(new double[][] {{1, 2}}, new int[] {0}, 2), new int[] {0}, dense::add);
        assertThat(dense).isEmpty();
    }

    @Test
    void hashed_sameWordsSameIds_independentOfData() {
        int[] a = TokenExamples.hashTokens("Transfer 20 dollars, please!", 1000);
        int[] b = TokenExamples.hashTokens("transfer 20 DOLLARS please", 1000);
        assertThat(a).containsExactly(b).hasSize(4);
    }

    @Test
    void examples_invalidLabelsOrShapes_areRejectedWithDetails() {
        assertThatThrownBy(() -> DenseExamples.of(new double[][] {{1}, {2}}, new int[] {0, 2}, 2))
                .hasMessageContaining("label at row 1 must be in [0, 2), got 2");
        assertThatThrownBy(() -> DenseExamples.of(new double[][] {{1, Double.NaN}}, new int[] {0}, 2))
                .hasMessageContaining("features must be finite");
        assertThatThrownBy(() -> TokenExamples.of(new int[][] {{5}}, new int[] {0}, 2, 5))
                .hasMessageContaining("token ids must be in [0, 5), got 5");
        assertThatThrownBy(() -> DenseNetwork.softmax(3, 2).backward(DenseExamples.of(new double[][] {{1, 2}}, new int[] {0}, 2), new int[] {0}))
                .hasMessageContaining("takes 3 features");
    }
}
