package org.rai4j.privacy.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.Sgd;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sanity properties of the attacks on real models (issue 13's acceptance): a model that memorises is detected,
 * a model that saw none of the members is not. Data: 400 rows of 20 standard-normal features with labels
 * independent of the features (a fair coin), so anything a model "knows" about a row's label it memorised.
 * Members are rows 0..199, non-members rows 200..399.
 */
class MembershipAttacksTest {
    private static final int N = 400;
    private static final int D = 20;
    private static DenseExamples pool;
    private static boolean[] members;
    private static DenseNetwork memoriser;

    @BeforeAll
    static void data() {
        pool = randomLabels(N, 11);
        members = new boolean[N];
        for (int i = 0; i < N / 2; i++) {
            members[i] = true;
        }
        memoriser = train(pool.select(range(0, N / 2)), 5);
    }

    /** An over-parameterised MLP (20 → 256 ReLU → 2) trained 300 epochs on 200 random-label rows. */
    private static DenseNetwork train(DenseExamples data, long seed) {
        DenseNetwork m = DenseNetwork.mlp(D, new int[] {256}, 2, seed);
        Sgd.train(m, data, new Sgd.Config(0.05, 300, 20, seed), e -> { });
        return m;
    }

    @Test
    void lossAttack_memorisingModel_isDetected() {
        assertThat(memoriser.accuracy(pool.select(range(0, N / 2)))).as("train accuracy").isGreaterThan(0.99);
        AttackMetrics.Result r = AttackMetrics.of(MembershipAttacks.loss(ModelSignals.of(memoriser, pool)), members,
                500, 0.95, 1);
        assertThat(r.auc().value()).isGreaterThan(0.9);
        assertThat(r.auc().interval().lo()).isGreaterThan(0.5);
        assertThat(r.tprAt1PctFpr().value()).isGreaterThan(0.01);
        assertThat(r.balancedAccuracy().value()).isGreaterThan(0.8);
    }

    @Test
    void liraOfflineAndOnline_memorisingModel_areDetected() {
        ReferenceModels.Statistics ref = ReferenceModels.train(8, N, 42, 2,
                (rows, seed) -> ModelSignals.of(train(pool.select(rows), seed), pool).scaledLogit(), k -> { });
        double[] phi = ModelSignals.of(memoriser, pool).scaledLogit();
        AttackMetrics.Result off = AttackMetrics.of(MembershipAttacks.liraOffline(phi, ref, true), members, 500, 0.95, 2);
        AttackMetrics.Result on = AttackMetrics.of(MembershipAttacks.liraOnline(phi, ref, true), members, 500, 0.95, 3);
        assertThat(off.auc().value()).isGreaterThan(0.9);
        assertThat(off.tprAt1PctFpr().value()).isGreaterThan(0.01);
        assertThat(on.auc().value()).isGreaterThan(0.9);
        assertThat(on.tprAt1PctFpr().value()).isGreaterThan(0.01);
    }

    /**
     * An untrained model and a model trained on independent rows know nothing about membership: their AUC's 95%
     * interval contains 0.5. (For a correct interval each of these two seeded checks fails with probability
     * about 5%; the seeds are fixed, so the test is deterministic. Coverage itself is checked over 200
     * simulations in AttackMetricsTest.)
     */
    @Test
    void lossAttack_untrainedOrIndependentModel_aucIntervalContainsHalf() {
        DenseNetwork untrained = DenseNetwork.mlp(D, new int[] {256}, 2, 9);
        DenseNetwork independent = train(randomLabels(N / 2, 12), 6);
        for (DenseNetwork m : new DenseNetwork[] {untrained, independent}) {
            AttackMetrics.Result r = AttackMetrics.of(MembershipAttacks.loss(ModelSignals.of(m, pool)), members, 500, 0.95, 4);
            assertThat(r.auc().interval().contains(0.5)).as("AUC %s interval %s", r.auc().value(), r.auc().interval()).isTrue();
        }
    }

    @Test
    void referenceModels_resultDoesNotDependOnConcurrency() {
        ReferenceModels.Trainer t = (rows, seed) -> ModelSignals.of(trainQuick(pool.select(rows), seed), pool).scaledLogit();
        ReferenceModels.Statistics a = ReferenceModels.train(3, N, 7, 1, t, k -> { });
        ReferenceModels.Statistics b = ReferenceModels.train(3, N, 7, 3, t, k -> { });
        for (int k = 0; k < 3; k++) {
            assertThat(a.phi(k)).containsExactly(b.phi(k));
            assertThat(a.in(k)).containsExactly(b.in(k));
            int in = 0;
            for (boolean x : a.in(k)) {
                in += x ? 1 : 0;
            }
            assertThat(in).isEqualTo(N / 2);
        }
    }

    private static DenseNetwork trainQuick(DenseExamples data, long seed) {
        DenseNetwork m = DenseNetwork.logistic(D);
        Sgd.train(m, data, new Sgd.Config(0.05, 2, 20, seed), e -> { });
        return m;
    }

    static DenseExamples randomLabels(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][D];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextInt(2);
        }
        return DenseExamples.of(x, y, 2);
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
