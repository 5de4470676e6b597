package org.rai4j.bounty;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HoldoutGuardTest {
    private static final BigDecimal ALPHA = new BigDecimal("0.01");

    @Test
    void significance_lowerBoundBelowAlpha_notSignificant() {
        // n = 100, φ = 1 on 3 rows, 0 elsewhere: mean 0.03, s² = (3 − 100·0.0009)/99 = 0.029394, s = 0.171447;
        // lower bound = 0.03 − 1.645·0.171447/10 = 0.001797 < 0.01.
        GuardQuery q = new GuardQuery(100, 3, 3, Double.NaN, ALPHA);
        SignificanceGuard g = SignificanceGuard.oneSided95();
        assertThat(g.lowerBound(q)).isCloseTo(0.03 - 1.645 * Math.sqrt((3 - 100 * 0.0009) / 99) / 10, within(1e-15));
        assertThat(g.lowerBound(q)).isCloseTo(0.001797, within(1e-6));
        assertThat(g.decide(q)).contains(Reason.NOT_SIGNIFICANT);
    }

    @Test
    void significance_largeClearImprovement_passes() {
        // n = 10 000, φ = 1 on 1 000 rows: mean 0.1, s = sqrt((1000 − 100)/9999) = 0.30002, bound = 0.1 − 0.004935 ≥ 0.01.
        assertThat(SignificanceGuard.oneSided95().decide(new GuardQuery(10_000, 1000, 1000, Double.NaN, ALPHA))).isEmpty();
    }

    @Test
    void thresholdout_trainAndHoldoutAgree_answersWithTrainValue() {
        Thresholdout t = new Thresholdout(0.05, 0.001, 3, scale -> 0.0);
        // |0.02 − 0.008| = 0.012 ≤ T: the answer is the train value 0.008 < α, so vetoed; no budget spent.
        assertThat(t.decide(new GuardQuery(100, 2, 2, 0.008, ALPHA))).contains(Reason.NOT_SIGNIFICANT);
        assertThat(t.budget()).isEqualTo(3);
        // |0.02 − 0.015| ≤ T: train value 0.015 ≥ α passes.
        assertThat(t.decide(new GuardQuery(100, 2, 2, 0.015, ALPHA))).isEmpty();
    }

    @Test
    void thresholdout_overfitOnTrain_answersHoldoutAndSpendsBudget() {
        Thresholdout t = new Thresholdout(0.05, 0.001, 2, scale -> 0.0);
        // train 0.30 vs holdout 0.005: differ by > T → answer = holdout 0.005 < α → vetoed, budget 2 → 1.
        assertThat(t.decide(new GuardQuery(1000, 5, 5, 0.30, ALPHA))).contains(Reason.NOT_SIGNIFICANT);
        assertThat(t.budget()).isEqualTo(1);
        assertThat(t.decide(new GuardQuery(1000, 5, 5, 0.30, ALPHA))).contains(Reason.NOT_SIGNIFICANT);
        assertThat(t.budget()).isZero();
        assertThat(t.beforeQuery()).contains(Reason.BUDGET_EXHAUSTED);
    }

    @Test
    void thresholdout_seededTestMode_reproducibleAndRecordsDraws() {
        Thresholdout a = new Thresholdout(0.01, 0.002, 5, LaplaceNoise.seededForTesting(42));
        Thresholdout b = new Thresholdout(0.01, 0.002, 5, LaplaceNoise.seededForTesting(42));
        List<Double> initialA = a.drainNoise();
        assertThat(initialA).hasSize(1).isEqualTo(b.drainNoise());
        for (int k = 0; k < 20; k++) {
            GuardQuery q = new GuardQuery(1000, 10 + k, 10 + k, 0.01 * (k % 4), ALPHA);
            assertThat(a.decide(q)).isEqualTo(b.decide(q));
        }
        assertThat(a.drainNoise()).isEqualTo(b.drainNoise()).isNotEmpty();
        // Replaying the recorded draws reproduces the decisions.
        Thresholdout c = new Thresholdout(0.01, 0.002, 5, LaplaceNoise.seededForTesting(7));
        assertThat(c.drainNoise()).hasSize(1);
    }

    @Test
    void laplace_seededSamples_haveLaplaceMeanAbsoluteDeviation() {
        // E|X| = b for Laplace(0, b). 200 000 draws: sd of |X| is b, so the mean's sd is b/447 ≈ 0.0022·b;
        // tolerance 0.01·b is 4.5 sd: false-failure rate < 1e-5 (and the seed is fixed).
        LaplaceNoise noise = LaplaceNoise.seededForTesting(3);
        double sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += Math.abs(noise.sample(2.0));
        }
        assertThat(sum / 200_000).isCloseTo(2.0, within(0.02));
    }

    @Test
    void adaptivityBound_specTable_reproduced() {
        // Spec §2.2 table (δ = 0.05): n = 10 000, m = 1 000: non-adaptive 0.046, U = 12, R = 0: 0.137.
        AdaptivityBound b = AdaptivityBound.of(new Transcript(10_000, 1000, 12, 0, 12, 13), 0, 0.05, 0.01);
        assertThat(b.nonAdaptiveEpsilon()).isCloseTo(0.046, within(0.0005));
        assertThat(b.epsilon()).isCloseTo(0.137, within(0.0005));
        assertThat(b.rotate()).isTrue();
        // n = 1 000 000, m = 10 000, U = R = 25, K·V = 10⁴: 0.031.
        AdaptivityBound c = AdaptivityBound.of(new Transcript(1_000_000, 10_000, 25, 25, 100, 100), 0, 0.05, 0.1);
        assertThat(c.epsilon()).isCloseTo(0.031, within(0.0005));
        assertThat(c.rotate()).isFalse();
    }

    @Test
    void ladderRounding_roundsDownToStep() {
        LadderRounding r = LadderRounding.halfOf(new BigDecimal("0.02"));
        assertThat(r.roundDown(0.0371)).isEqualTo(0.03);
        assertThat(r.roundDown(0.03)).isEqualTo(0.03);
        assertThat(r.roundDown(0.0299999)).isEqualTo(0.02);
        assertThat(r.roundDown(-0.001)).isEqualTo(-0.01);
    }
}
