package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.Sgd;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.DpSgd;
import org.rai4j.privacy.DpSgdConfig;
import org.rai4j.privacy.DpTraining;
import org.rai4j.privacy.NoiseCalibration;
import org.rai4j.privacy.PrivacyRandom;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's validity check: the empirical ε of a one-run canary audit never exceeds the theoretical ε of a
 * DP-SGD run beyond the stated confidence. 1000 canaries with random labels (10 classes, 20 standard-normal
 * features) — the hardest examples to hide, since only memorisation predicts them — are each included with
 * probability ½; an MLP (20 → 256 ReLU → 10) is trained on the included ones; canaries are scored by the loss
 * attack, IN guessed for the 100 lowest losses and OUT for the 100 highest (fixed in advance).
 * At β = 0.05 each check fails with probability at most 5% for a correct DP-SGD; the noise is seeded
 * ({@link PrivacyRandom#seededForSimulation}), so the test is deterministic.
 * The same audit of a run that claims ε = 1 but trains without noise (the deliberately broken method) must
 * exceed 1 — otherwise the check would have no power.
 */
class DpSgdAuditValidityTest {
    private static final int M = 1000;
    private static final int D = 20;
    private static final int K = 10;
    private static final DenseExamples CANARIES = MembershipAttacksTest.randomLabels(M, D, K, 77);

    @Test
    void oneRunBound_dpSgdAtEpsilon1_2_8_neverExceedsTheoreticalEpsilon() {
        for (double eps : new double[] {1, 2, 8}) {
            CanaryAudit.Result r = CanaryAudit.run(M, 100, 100, 1e-5, 0.05, 5, in -> dpTrainAndScore(in, eps));
            System.out.printf("DP-SGD eps %.0f: one-run bound %.4f (%d of %d right)%n", eps, r.bound().epsilonLowerBound(),
                    r.bound().correct(), r.bound().guesses());
            assertThat(r.bound().epsilonLowerBound()).as("empirical eps at theoretical eps %s", eps).isLessThanOrEqualTo(eps);
        }
    }

    @Test
    void validityCheck_rejectsTrainingWithoutNoise() {
        CanaryAudit.Result r = CanaryAudit.run(M, 100, 100, 1e-5, 0.05, 5, DpSgdAuditValidityTest::plainTrainAndScore);
        System.out.printf("no noise: one-run bound %.4f (%d of %d right)%n", r.bound().epsilonLowerBound(),
                r.bound().correct(), r.bound().guesses());
        assertThat(r.bound().epsilonLowerBound()).isGreaterThan(1.0);
    }

    private static double[] dpTrainAndScore(boolean[] in, double eps) {
        DenseExamples train = CANARIES.select(IntStream.range(0, M).filter(i -> in[i]).toArray());
        DenseNetwork m = DenseNetwork.mlp(D, new int[] {256}, K, 3);
        int epochs = 30;
        int batch = 50;
        double q = DpTraining.sampleRate(train.size(), batch);
        long steps = DpTraining.steps(train.size(), batch, epochs);
        double sigma = NoiseCalibration.noiseMultiplier(eps, 1e-5, q, steps, Accountant.RDP).noiseMultiplier();
        new DpSgd<>(m, train, DpSgdConfig.of(1.0, sigma, q, steps, 0.5), PrivacyRandom.seededForSimulation(11)).train(s -> { });
        return MembershipAttacks.loss(ModelSignals.of(m, CANARIES));
    }

    private static double[] plainTrainAndScore(boolean[] in) {
        DenseExamples train = CANARIES.select(IntStream.range(0, M).filter(i -> in[i]).toArray());
        DenseNetwork m = DenseNetwork.mlp(D, new int[] {256}, K, 3);
        Sgd.train(m, train, new Sgd.Config(0.05, 150, 20, 3), e -> { });
        return MembershipAttacks.loss(ModelSignals.of(m, CANARIES));
    }
}
