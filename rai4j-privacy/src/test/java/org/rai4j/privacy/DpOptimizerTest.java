package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.EmbeddingRows;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.TokenExamples;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** DP-SGD with momentum and Adam: noise on the clipped sum, then the optimiser; deferred embedding noise. */
class DpOptimizerTest {

    static Stream<DpSgdTest.Case> cases() {
        return DpSgdTest.cases();
    }

    static List<DpSgdConfig.Optimizer> optimizers() {
        return List.of(DpSgdConfig.Optimizer.momentum(0.9), DpSgdConfig.Optimizer.adam());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void step_momentumAndAdam_equalMaterialisedOracleGivenTheSameStream(DpSgdTest.Case c) {
        for (DpSgdConfig.Optimizer opt : optimizers()) {
            DpSgdConfig config = DpSgdConfig.of(0.3, 1.3, 0.2, 5, 0.05)
                    .withEmbeddingNoise(DpSgdConfig.EmbeddingNoise.EAGER).withOptimizer(opt);
            GradientModel<Examples> model = c.model().copy();
            DpSgd<Examples> dp = new DpSgd<>(model, c.data(), config, PrivacyRandom.seededForSimulation(5));

            // Oracle: the same stream; per-example gradients from one single-example pass each, clipped by their
            // directly computed norms, summed; noise N(0, (σC)²) on the sum; divided by q·n; then the textbook
            // update rule (PyTorch's SGD with momentum, dampening 0; Adam with bias correction).
            PrivacyRandom r = PrivacyRandom.seededForSimulation(5);
            GradientModel<Examples> oracle = c.model().copy();
            double[] theta = oracle.parameters();
            int p = theta.length;
            double[] m = new double[p];
            double[] v = new double[p];
            double qn = config.sampleRate() * c.data().size();
            for (int t = 1; t <= config.steps(); t++) {
                dp.step();
                int[] batch = PoissonSampling.sample(c.data().size(), config.sampleRate(), r);
                double[] sum = new double[p];
                double[] g = new double[p];
                for (int i : batch) {
                    Arrays.fill(g, 0);
                    oracle.backward(c.data(), new int[] {i}).accumulateGradient(new double[] {1.0}, 1.0, g);
                    double norm = Math.sqrt(Arrays.stream(g).map(x -> x * x).sum());
                    double f = Math.min(1, config.clipNorm() / (norm + 1e-6));
                    for (int k = 0; k < p; k++) {
                        sum[k] += f * g[k] / qn;
                    }
                }
                r.addGaussianNoise(sum, 0, p, config.noiseMultiplier() * config.clipNorm() / qn);
                for (int k = 0; k < p; k++) {
                    if (opt.kind() == DpSgdConfig.Optimizer.Kind.MOMENTUM) {
                        m[k] = opt.momentum() * m[k] + sum[k];
                        theta[k] -= config.learningRate() * m[k];
                    } else {
                        m[k] = opt.beta1() * m[k] + (1 - opt.beta1()) * sum[k];
                        v[k] = opt.beta2() * v[k] + (1 - opt.beta2()) * sum[k] * sum[k];
                        double mh = m[k] / (1 - Math.pow(opt.beta1(), t));
                        double vh = v[k] / (1 - Math.pow(opt.beta2(), t));
                        theta[k] -= config.learningRate() * mh / (Math.sqrt(vh) + opt.epsilon());
                    }
                }
                for (int k = 0; k < p; k++) {
                    assertThat(model.parameters()[k]).as("%s step %d parameter %d", opt.kind(), t, k)
                            .isCloseTo(theta[k], within(1e-9 * Math.max(1, Math.abs(theta[k]))));
                }
            }
        }
    }

    /** A text model whose rows 0..4 are read by few examples, so that rows miss many steps between reads. */
    private static TokenExamples sparseText(SplittableRandom rng) {
        int n = 40;
        int[][] bags = new int[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            bags[i] = i < 6 ? new int[] {i % 5, (i * 3) % 5} : new int[] {5 + rng.nextInt(3)};
            y[i] = rng.nextInt(2);
        }
        return TokenExamples.of(bags, y, 2, 10); // rows 8 and 9 are never read
    }

    @Test
    void deferredMomentum_withoutNoise_equalsEagerMomentumExactly() {
        // σ = 0 leaves only the deterministic part of catching up: k missed steps move θ by −η·v·μ(1−μᵏ)/(1−μ)
        // and decay v to μᵏv. Eager momentum applies the k steps one by one.
        TokenExamples data = sparseText(new SplittableRandom(2));
        DpSgdConfig config = DpSgdConfig.of(1.0, 0.0, 0.1, 60, 0.3).withOptimizer(DpSgdConfig.Optimizer.momentum(0.8));
        EmbeddingBagClassifier deferred = EmbeddingBagClassifier.create(10, 3, 2, 4);
        EmbeddingBagClassifier eager = deferred.copy();
        new DpSgd<>(deferred, data, config, PrivacyRandom.seededForSimulation(1)).train(s -> { });
        new DpSgd<>(eager, data, config.withEmbeddingNoise(DpSgdConfig.EmbeddingNoise.EAGER),
                PrivacyRandom.seededForSimulation(1)).train(s -> { });
        for (int k = 0; k < eager.parameterCount(); k++) {
            assertThat(deferred.parameters()[k]).as("parameter %d", k)
                    .isCloseTo(eager.parameters()[k], within(1e-12 * Math.max(1, Math.abs(eager.parameters()[k]))));
        }
    }

    /** Final parameters of many independent runs: [run][parameter]. */
    private static double[][] finals(DpSgdConfig config, TokenExamples data, int runs, long seed0) {
        double[][] out = new double[runs][];
        for (int r = 0; r < runs; r++) {
            EmbeddingBagClassifier m = EmbeddingBagClassifier.create(10, 2, 2, 4);
            new DpSgd<>(m, data, config, PrivacyRandom.seededForSimulation(seed0 + r)).train(s -> { });
            out[r] = m.parameters().clone();
        }
        return out;
    }

    @Test
    void deferredMomentum_withNoise_hasTheDistributionOfEagerMomentum() {
        // The oracle is the textbook schedule: every row's momentum and value receive their noise at every step
        // (EAGER). 1500 runs of each; for every embedding coordinate: (1) the two means agree — z-test on the
        // difference, |z| ≤ 5; (2) the two variances agree — for near-normal values the log of a sample variance
        // has sd ≈ sqrt(2/n), so the log-ratio has sd ≈ sqrt(4/n) = 0.052; 5 sd. Never-read rows 8, 9 are pure
        // momentum-filtered noise with the closed form Var θ = η²s²·Σ_{m=1}^{T} ((1−μᵐ)/(1−μ))²; checked within 5
        // standard errors (sqrt(2/n) relative). 20 coordinates × 2 checks + 4: false-failure rate ≈ 44 × 5.7e-7.
        TokenExamples data = sparseText(new SplittableRandom(3));
        double mu = 0.7;
        DpSgdConfig config = DpSgdConfig.of(1.0, 1.0, 0.1, 30, 0.2).withOptimizer(DpSgdConfig.Optimizer.momentum(mu));
        int runs = 1500;
        double[][] d = finals(config, data, runs, 10_000);
        double[][] e = finals(config.withEmbeddingNoise(DpSgdConfig.EmbeddingNoise.EAGER), data, runs, 90_000);
        EmbeddingRows rows = EmbeddingBagClassifier.create(10, 2, 2, 4).embeddingRows();
        double s = config.noiseMultiplier() * config.clipNorm() / (config.sampleRate() * data.size());
        double closedForm = 0;
        for (int m = 1; m <= config.steps(); m++) {
            double a = (1 - Math.pow(mu, m)) / (1 - mu);
            closedForm += a * a;
        }
        closedForm *= config.learningRate() * config.learningRate() * s * s;
        double sgdForm = config.steps() * config.learningRate() * config.learningRate() * s * s;
        for (int k = rows.offset(); k < rows.end(); k++) {
            double[] a = column(d, k);
            double[] b = column(e, k);
            double z = (mean(a) - mean(b)) / Math.sqrt(var(a) / runs + var(b) / runs);
            assertThat(Math.abs(z)).as("coordinate %d: means", k).isLessThan(5);
            assertThat(Math.abs(Math.log(var(a) / var(b)))).as("coordinate %d: variances", k)
                    .isLessThan(5 * Math.sqrt(4.0 / runs));
            if (k >= 8 * 2) {
                double init = EmbeddingBagClassifier.create(10, 2, 2, 4).parameters()[k];
                double[] shifted = Arrays.stream(a).map(x -> x - init).toArray();
                double observed = Arrays.stream(shifted).map(x -> x * x).sum() / runs;
                assertThat(observed).as("never-read coordinate %d", k)
                        .isCloseTo(closedForm, within(5 * Math.sqrt(2.0 / runs) * closedForm));
                // Validity: the plain-SGD variance (what deferral without the momentum terms would give) is
                // rejected by the same check.
                assertThat(Math.abs(observed - sgdForm)).isGreaterThan(5 * Math.sqrt(2.0 / runs) * closedForm);
            }
        }
    }

    @Test
    void adam_withDeferredEmbeddingNoise_isRejectedWithTheReason() {
        TokenExamples data = sparseText(new SplittableRandom(2));
        DpSgdConfig config = DpSgdConfig.of(1.0, 1.0, 0.1, 5, 0.1).withOptimizer(DpSgdConfig.Optimizer.adam());
        assertThatThrownBy(() -> new DpSgd<>(EmbeddingBagClassifier.create(10, 2, 2, 1), data, config,
                PrivacyRandom.seededForSimulation(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Adam's update is not linear in the noise, so deferred embedding noise cannot reproduce it; "
                        + "use EmbeddingNoise.EAGER with Adam");
    }

    @Test
    void optimizer_outOfRangeConstants_areRejected() {
        assertThatThrownBy(() -> DpSgdConfig.Optimizer.momentum(1.0)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> DpSgdConfig.Optimizer.adam(0.9, Double.NaN, 1e-8))
                .hasMessage("beta2 must be in [0, 1), got NaN");
        assertThatThrownBy(() -> DpSgdConfig.Optimizer.adam(0.9, 0.999, 0)).hasMessageContaining("Adam epsilon");
    }

    private static double[] column(double[][] m, int k) {
        return Arrays.stream(m).mapToDouble(r -> r[k]).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double var(double[] v) {
        double m = mean(v);
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }
}
