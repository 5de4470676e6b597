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
 * independent of the features (uniform over 10 classes), so anything a model "knows" about a row's label it memorised.
 * Members are rows 0..199, non-members rows 200..399.
 */
class MembershipAttacksTest {
    private static final int N = 400;
    private static final int D = 20;
    private static final int K = 10;
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
        DenseNetwork m = DenseNetwork.mlp(D, new int[] {256}, K, seed);
        Sgd.train(m, data, new Sgd.Config(0.05, 300, 20, seed), e -> { });
        return m;
    }

    @Test
    void lossAttack_memorisingModel_isDetected() {
        assertThat(memoriser.accuracy(pool.select(range(0, N / 2)))).as("train accuracy").isGreaterThan(0.99);
        AttackMetrics.Result r = AttackMetrics.of(MembershipAttacks.loss(ModelSignals.of(memoriser, pool)), members,
                500, 0.95, 1);
        System.out.printf("memoriser: loss AUC %.4f %s TPR@1%%FPR %.4f bal %.4f%n", r.auc().value(), r.auc().interval(),
                r.tprAt1PctFpr().value(), r.balancedAccuracy().value());
        assertThat(r.auc().value()).as("AUC").isGreaterThan(0.8);
        assertThat(r.auc().interval().lo()).as("AUC interval %s", r.auc().interval()).isGreaterThan(0.7);
        assertThat(r.tprAt1PctFpr().value()).as("TPR@1%%FPR").isGreaterThan(0.01);
        assertThat(r.balancedAccuracy().value()).as("balanced accuracy").isGreaterThan(0.75);
    }

    @Test
    void liraOfflineAndOnline_memorisingModel_areDetected() {
        ReferenceModels.Statistics ref = ReferenceModels.train(8, N, 42, 2,
                (rows, seed) -> ModelSignals.of(train(pool.select(rows), seed), pool).scaledLogit(), k -> { });
        double[] phi = ModelSignals.of(memoriser, pool).scaledLogit();
        AttackMetrics.Result off = AttackMetrics.of(MembershipAttacks.liraOffline(phi, ref, true), members, 500, 0.95, 2);
        AttackMetrics.Result on = AttackMetrics.of(MembershipAttacks.liraOnline(phi, ref, true), members, 500, 0.95, 3);
        assertThat(off.auc().value()).as("offline AUC").isGreaterThan(0.8);
        assertThat(off.tprAt1PctFpr().value()).as("offline TPR@1%%FPR").isGreaterThan(0.01);
        assertThat(on.auc().value()).as("online AUC").isGreaterThan(0.8);
        assertThat(on.tprAt1PctFpr().value()).as("online TPR@1%%FPR").isGreaterThan(0.01);
        System.out.printf("memoriser: offline AUC %.4f TPR@1%%FPR %.4f; online AUC %.4f TPR@1%%FPR %.4f%n",
                off.auc().value(), off.tprAt1PctFpr().value(), on.auc().value(), on.tprAt1PctFpr().value());
    }

    /**
     * An untrained model, and a model trained on rows independent of the audit pool, know nothing about
     * membership: the AUC's 95% interval should contain 0.5. Each seeded check fails with probability about 5% for
     * a correct interval, so the test repeats it over fresh pools and models: at least 85 of 100 untrained models
     * (Binomial(100, 0.95): P[< 85] ≈ 1e-4; percentile bootstrap intervals cover a little under nominal — at 93%
     * coverage P[< 85] ≈ 4e-3) and at least 7 of 10 independently trained ones (Binomial(10, 0.95): P[< 7] ≈ 1e-3).
     * Measured here: 91 of 100.
     * Interval coverage itself is checked over 200 simulations in AttackMetricsTest.
     */
    @Test
    void lossAttack_untrainedOrIndependentModel_aucIntervalContainsHalf() {
        int untrained = 0;
        for (int t = 0; t < 100; t++) {
            DenseNetwork m = DenseNetwork.mlp(D, new int[] {64}, K, 100 + t);
            untrained += containsHalf(m, randomLabels(N, 200 + t), t) ? 1 : 0;
        }
        int independent = 0;
        for (int t = 0; t < 10; t++) {
            DenseNetwork m = DenseNetwork.mlp(D, new int[] {64}, K, 300 + t);
            Sgd.train(m, randomLabels(N / 2, 400 + t), new Sgd.Config(0.05, 50, 20, t), e -> { });
            independent += containsHalf(m, randomLabels(N, 500 + t), 1000 + t) ? 1 : 0;
        }
        assertThat(untrained).as("untrained models whose AUC interval contains 0.5").isGreaterThanOrEqualTo(85);
        assertThat(independent).as("independent models whose AUC interval contains 0.5").isGreaterThanOrEqualTo(7);
    }

    private static boolean containsHalf(DenseNetwork m, DenseExamples data, long seed) {
        AttackMetrics.Result r = AttackMetrics.of(MembershipAttacks.loss(ModelSignals.of(m, data)), members, 500, 0.95, seed);
        return r.auc().interval().contains(0.5);
    }

    @Test
    void referenceModels_resultDoesNotDependOnConcurrency() {
        ReferenceModels.Trainer t = (rows, seed) -> ModelSignals.of(trainQuick(pool.select(rows), seed), pool).scaledLogit();
        ReferenceModels.Statistics a = ReferenceModels.train(3, N, 7, 1, t, k -> { });
        ReferenceModels.Statistics b = ReferenceModels.train(3, N, 7, 3, t, k -> { });
        int[] inCount = new int[N];
        for (int k = 0; k < 3; k++) {
            assertThat(a.phi(k)).containsExactly(b.phi(k));
            assertThat(a.in(k)).containsExactly(b.in(k));
            boolean[] in = a.in(k);
            for (int i = 0; i < N; i++) {
                inCount[i] += in[i] ? 1 : 0;
            }
        }
        assertThat(inCount).containsOnly(1); // every example IN exactly floor(3/2) = 1 model
    }

    private static DenseNetwork trainQuick(DenseExamples data, long seed) {
        DenseNetwork m = DenseNetwork.softmax(D, K);
        Sgd.train(m, data, new Sgd.Config(0.05, 2, 20, seed), e -> { });
        return m;
    }

    static DenseExamples randomLabels(int n, long seed) {
        return randomLabels(n, D, K, seed);
    }

    /** n rows of d standard-normal features with labels uniform over k classes, independent of the features. */
    static DenseExamples randomLabels(int n, int d, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = rng.nextInt(k);
        }
        return DenseExamples.of(x, y, k);
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
