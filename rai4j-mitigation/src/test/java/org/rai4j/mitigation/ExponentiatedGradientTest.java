package org.rai4j.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.rai4j.learn.LogisticModel;
import org.rai4j.learn.LogisticRegression;
import org.junit.jupiter.api.Test;

/**
 * Exponentiated gradient on generated data where the unconstrained model has a large demographic-parity gap
 * (the feature is shifted by group): the mixture meets the constraint on the training data within ε plus the
 * slack the reductions guarantee (violation ≤ ε + 2·gap, Agarwal et al. 2018 Thm 1; we allow 0.01), and its
 * training objective err(Q) + B·max(0, violation) is never worse than the unconstrained model's plus ε.
 */
class ExponentiatedGradientTest {
    private static final int N = 3000;

    private record Data(double[][] x, int[] y, int[] g) {}

    private static Data data(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[N][];
        int[] y = new int[N];
        int[] g = new int[N];
        for (int i = 0; i < N; i++) {
            g[i] = rng.nextInt(2);
            double z = gaussian(rng) + 1.0 * g[i];
            double w = gaussian(rng);
            x[i] = new double[] {z, w, g[i]};
            y[i] = z + 0.5 * w + 0.7 * gaussian(rng) > 0.5 ? 1 : 0;
        }
        return new Data(x, y, g);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static double[] soft(ExponentiatedGradient.Mixture q, double[][] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = q.probability(x[i]);
        }
        return h;
    }

    private static void check(FairnessConstraint c, double eps) {
        Data d = data(7L);
        LogisticModel base = LogisticRegression.DEFAULT.fit(d.x(), d.y());
        double[] h0 = new double[N];
        for (int i = 0; i < N; i++) {
            h0[i] = base.predict(d.x()[i], 0.5);
        }
        double disp0 = ExponentiatedGradient.disparity(h0, d.y(), d.g(), 2, c);
        assertThat(disp0).as("the unconstrained model is unfair here").isGreaterThan(2 * eps);
        ExponentiatedGradient eg = ExponentiatedGradient.withEpsilon(eps);
        ExponentiatedGradient.Mixture q = eg.fit(d.x(), d.y(), d.g(), 2, c);
        double[] h = soft(q, d.x());
        double disp = ExponentiatedGradient.disparity(h, d.y(), d.g(), 2, c);
        assertThat(disp).as(c + " disparity of Q (unconstrained " + disp0 + ", gap " + q.gap() + ")").isLessThanOrEqualTo(eps + 0.01);
        double bound = 1 / eps;
        double objQ = ExponentiatedGradient.error(h, d.y()) + bound * Math.max(0, disp - eps);
        double obj0 = ExponentiatedGradient.error(h0, d.y()) + bound * Math.max(0, disp0 - eps);
        assertThat(objQ).isLessThanOrEqualTo(obj0 + eps);
    }

    @Test
    void demographicParity_meetsEpsilonOnTrainingData() {
        check(FairnessConstraint.DEMOGRAPHIC_PARITY, 0.05);
    }

    @Test
    void equalizedOdds_meetsEpsilonOnTrainingData() {
        check(FairnessConstraint.EQUALIZED_ODDS, 0.05);
    }

    @Test
    void lambda_staysInTheL1BallOfRadiusB() {
        double[] l = ExponentiatedGradient.lambda(new double[] {50, -3, 700, 0}, 20);
        double s = 0;
        for (double v : l) {
            assertThat(v).isGreaterThanOrEqualTo(0);
            s += v;
        }
        assertThat(s).isLessThanOrEqualTo(20 + 1e-9);
    }
}
