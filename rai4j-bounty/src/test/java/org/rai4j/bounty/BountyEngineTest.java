package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Table;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rai4j.bounty.Fixtures.config;
import static org.rai4j.bounty.Fixtures.engine;
import static org.rai4j.bounty.Fixtures.one;
import static org.rai4j.bounty.Fixtures.rule;
import static org.rai4j.bounty.Fixtures.sub;
import static org.rai4j.bounty.Fixtures.table;
import static org.rai4j.bounty.Fixtures.zero;

/**
 * Hand-computable decisions. Unless said otherwise: n = 100 rows with a = 0…99, label 1 exactly on
 * a &lt; 20 and 50 ≤ a &lt; 60, base model "always 0", so the base makes 30 errors.
 */
class BountyEngineTest {
    private static final Table HOLDOUT = table("holdout", 100, i -> i < 20 || (i >= 50 && i < 60));

    @Test
    void submit_subgroupFix_acceptedAndErrorFallsByExactlyW() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.1", "0", 1, "0"));
        assertThat(e.holdoutLoss()).isEqualTo(30.0);
        Decision d = e.submit(sub("s1", "a < 20", one()));
        assertThat(d.accepted()).isTrue();
        assertThat(d.reason()).isNull();
        assertThat(d.groupSize()).isEqualTo(20);
        assertThat(d.groupMass()).isEqualTo(0.2);
        assertThat(d.errorReduction()).isEqualTo(20.0);
        assertThat(d.weightedImprovement()).isEqualTo(0.2);
        assertThat(d.holdoutError()).isEqualTo(0.1); // 0.30 − W
        assertThat(e.holdoutLoss()).isEqualTo(10.0);
        assertThat(d.version()).isEqualTo(1);
        assertThat(e.pdl().nodes()).hasSize(2);
    }

    @Test
    void submit_noChange_rejectedNoDifferenceWithoutQueryingHoldout() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        Decision d = e.submit(sub("s", "a >= 80", zero())); // h = f on the whole group
        assertThat(d.reason()).isEqualTo(Reason.NO_DIFFERENCE);
        assertThat(d.detail()).isEqualTo("h differs from the current model on 0 of the group's 20 training rows; at least 1 are needed");
        assertThat(d.groupSize()).isEqualTo(-1);
        assertThat(e.transcript().queries()).isZero();
        assertThat(e.holdoutLoss()).isEqualTo(30.0);
        assertThat(e.pdl().latestVersion()).isZero();
    }

    @Test
    void submit_coarseGroupWorseOnTrainingSplit_rejectedNoTrainImprovementPublicly() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        // h = 1 fixes the 20 positives below 20 but breaks the 30 negatives 20…49: E_f = 20, E_h = 30 on the training split.
        Decision d = e.submit(sub("s", "a < 50", one()));
        assertThat(d.reason()).isEqualTo(Reason.NO_TRAIN_IMPROVEMENT);
        assertThat(d.hunterView()).isEqualTo(new HunterDecision("s", false, HunterReason.NO_TRAIN_IMPROVEMENT));
        assertThat(e.transcript().queries()).isZero();
    }

    @Test
    void submit_exactlyAlphaTimesN_acceptedAtBoundaryWhereDoublesWouldFail() throws Exception {
        // α = 0.07, n = 100: α·n = 7 exactly, but 0.07 * 100 = 7.000000000000001 in binary floating point.
        assertThat(0.07 * 100).isGreaterThan(7.0);
        BountyEngine e = engine(HOLDOUT, config("0.07", "0", 1, "0"));
        Decision at = e.submit(sub("s7", "a between 47 and 59", one())); // 10 positives fixed, 3 negatives broken
        assertThat(at.accepted()).isTrue();
        assertThat(at.errorReduction()).isEqualTo(7.0);
    }

    @Test
    void submit_oneBelowAlphaTimesN_rejectedBelowAlpha() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.07", "0", 1, "0"));
        Decision below = e.submit(sub("s6", "a between 46 and 59", one())); // 10 − 4 = 6 < 7
        assertThat(below.reason()).isEqualTo(Reason.BELOW_ALPHA);
        assertThat(below.hunterView().reason()).isEqualTo(HunterReason.NOT_ACCEPTED);
        assertThat(below.errorReduction()).isEqualTo(6.0);
        assertThat(e.holdoutLoss()).isEqualTo(30.0);
    }

    @Test
    void submit_tooSmallBySizeOrMass_rejectedGroupTooSmall() throws Exception {
        BountyEngine bySize = engine(HOLDOUT, config("0.01", "0", 5, "0"));
        assertThat(bySize.submit(sub("s", "a between 50 and 53", one())).reason()).isEqualTo(Reason.GROUP_TOO_SMALL);
        assertThat(bySize.submit(sub("t", "a between 50 and 54", one())).accepted()).isTrue();
        BountyEngine byMass = engine(HOLDOUT, config("0.01", "0", 1, "0.051")); // ⌈5.1⌉ = 6 rows
        assertThat(byMass.submit(sub("s", "a between 50 and 54", one())).reason()).isEqualTo(Reason.GROUP_TOO_SMALL);
        assertThat(byMass.submit(sub("t", "a between 50 and 55", one())).accepted()).isTrue();
    }

    @Test
    void submit_emptyGroup_rejectedEmptyGroup() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        Decision d = e.submit(sub("s", "a > 1000", one()));
        assertThat(d.reason()).isEqualTo(Reason.EMPTY_GROUP);
        assertThat(d.groupSize()).isEqualTo(-1); // decided on the training split: the holdout is not read
    }

    @Test
    void submit_goodOnTrainingButNotOnHoldout_rejected() throws Exception {
        // On the training split the positives of 60…79 would be fixed by h = 1; on the holdout they are negatives.
        Table train = table("train", 100, i -> i < 20 || (i >= 60 && i < 80));
        BountyEngine e = engine(HOLDOUT, train, config("0.05", "0", 1, "0"), new ThresholdGuard(), AuditLog.inMemory());
        Decision d = e.submit(sub("overfit", "a between 60 and 79", one()));
        assertThat(d.accepted()).isFalse();
        assertThat(d.reason()).isEqualTo(Reason.NO_IMPROVEMENT);
        assertThat(d.errorReduction()).isEqualTo(-20.0);
        assertThat(d.hunterView()).isEqualTo(new HunterDecision("overfit", false, HunterReason.NOT_ACCEPTED));
        assertThat(e.transcript().queries()).isEqualTo(1);
    }

    @Test
    void submit_constantNotAClass_rejectedInvalidModel() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        Decision d = e.submit(sub("s", "a < 20", new ModelSpec.Constant("maybe")));
        assertThat(d.reason()).isEqualTo(Reason.INVALID_MODEL);
        assertThat(d.detail()).contains("'maybe' is not a class");
        assertThat(d.hunterView()).isEqualTo(new HunterDecision("s", false, HunterReason.INVALID_MODEL));
    }

    /** Labels 1 on a &lt; 40; A = a &lt; 20 fixed by 1; B = a &lt; 40 fixed by "a ≥ 10", which breaks A's rows 0…9. */
    private static final Table OVERLAP = table("overlap", 100, i -> i < 40);

    @Test
    void submit_laterUpdateHurtsEarlierGroup_repairRestoresIt() throws Exception {
        BountyEngine e = engine(OVERLAP, config("0.05", "0", 1, "0"));
        assertThat(e.holdoutLoss()).isEqualTo(40.0);
        Decision a = e.submit(sub("A", "a < 20", one()));
        assertThat(a.errorReduction()).isEqualTo(20.0);
        Decision b = e.submit(sub("B", "a < 40", rule("a >= 10")));
        // On B: E_f = 20 (rows 20…39), E_h = 10 (rows 0…9): accepted with W = 0.10; A's error rises 0 → 10.
        assertThat(b.accepted()).isTrue();
        assertThat(b.errorReduction()).isEqualTo(10.0);
        assertThat(b.repairs()).containsExactly(new Repair("A", "a < 20", 3, 1, 10.0, 0.1));
        assertThat(e.holdoutLoss()).isZero();
        assertThat(e.groupStatuses()).extracting(BountyEngine.GroupStatus::loss).containsExactly(0.0, 0.0);
        assertThat(e.pdl().nodes()).extracting(n -> BountyEngine.describe(n).get("type"))
                .containsExactly("BASE", "LEAF", "LEAF", "PTR");
        PointerDecisionList.Pointer ptr = (PointerDecisionList.Pointer) e.pdl().nodes().get(3);
        assertThat(ptr.target()).isEqualTo(1);
        assertThat(ptr.next()).isEqualTo(2);
    }

    @Test
    void submit_plainDecisionList_leavesEarlierGroupWorse() throws Exception {
        // α_r = 1 (never repair) turns the PDL into a plain decision list.
        BountyEngine e = engine(OVERLAP, config("0.05", "1", 1, "0"));
        e.submit(sub("A", "a < 20", one()));
        Decision b = e.submit(sub("B", "a < 40", rule("a >= 10")));
        assertThat(b.repairs()).isEmpty();
        assertThat(e.holdoutLoss()).isEqualTo(10.0);
        assertThat(e.groupStatuses().get(0).loss()).isEqualTo(10.0); // A: 0 → 10 errors
        assertThat(e.groupStatuses().get(0).best()).isZero();
    }

    @Test
    void submit_reversedOrder_sameFinalErrorDifferentNodes() throws Exception {
        BountyEngine ab = engine(OVERLAP, config("0.05", "0", 1, "0"));
        ab.submit(sub("A", "a < 20", one()));
        ab.submit(sub("B", "a < 40", rule("a >= 10")));
        BountyEngine ba = engine(OVERLAP, config("0.05", "0", 1, "0"));
        Decision b = ba.submit(sub("B", "a < 40", rule("a >= 10")));
        Decision a = ba.submit(sub("A", "a < 20", one()));
        assertThat(b.errorReduction()).isEqualTo(30.0);
        assertThat(a.errorReduction()).isEqualTo(10.0);
        assertThat(ba.holdoutLoss()).isEqualTo(ab.holdoutLoss()).isZero();
        List<Object> abTypes = ab.pdl().nodes().stream().map(n -> BountyEngine.describe(n).get("type")).map(Object.class::cast).toList();
        List<Object> baTypes = ba.pdl().nodes().stream().map(n -> BountyEngine.describe(n).get("type")).map(Object.class::cast).toList();
        assertThat(abTypes).containsExactly("BASE", "LEAF", "LEAF", "PTR");
        assertThat(baTypes).containsExactly("BASE", "LEAF", "LEAF");
        assertThat(BountyEngine.predictionHash(ab.holdoutPredictions())).isEqualTo(BountyEngine.predictionHash(ba.holdoutPredictions()));
    }

    @Test
    void predict_oldVersions_stayEvaluable() throws Exception {
        BountyEngine e = engine(OVERLAP, config("0.05", "0", 1, "0"));
        e.submit(sub("A", "a < 20", one()));
        e.submit(sub("B", "a < 40", rule("a >= 10")));
        double[] v0 = e.predict(OVERLAP, 0);
        double[] v1 = e.predict(OVERLAP, 1);
        double[] v2 = e.predict(OVERLAP, 2);
        for (int i = 0; i < 100; i++) {
            assertThat(v0[i]).isZero();
            assertThat(v1[i]).isEqualTo(i < 20 ? 1.0 : 0.0);
            assertThat(v2[i]).isEqualTo(i >= 10 && i < 40 ? 1.0 : i < 10 ? 0.0 : 0.0);
        }
        assertThat(e.predict(OVERLAP, 3)).isEqualTo(e.holdoutPredictions());
    }

    @Test
    void submit_guardBudgetSpent_rejectsBeforeReadingHoldout() throws Exception {
        Table train = table("train", 100, i -> i < 20 || (i >= 60 && i < 80));
        // T = 0 and no noise: every query whose train and holdout W differ spends budget.
        Thresholdout guard = new Thresholdout(0, 1e-12, 1, scale -> 0.0);
        BountyEngine e = engine(HOLDOUT, train, config("0.05", "0", 1, "0"), guard, AuditLog.inMemory());
        // Holdout W = −0.10 (fixes 50…59, breaks 60…79), train W = +0.10 (there 60…79 are the positives): the public
        // checks pass; the exact test fails, but the guard decides every holdout query: the values differ by more
        // than T, so Thresholdout answers with the holdout value (< α: rejected) and spends its only budget unit.
        Decision first = e.submit(sub("s1", "a between 50 and 79", one()));
        assertThat(first.accepted()).isFalse();
        assertThat(first.reason()).isEqualTo(Reason.NOT_SIGNIFICANT);
        assertThat(guard.budget()).isZero();
        Decision second = e.submit(sub("s2", "a < 20", one()));
        assertThat(second.reason()).isEqualTo(Reason.BUDGET_EXHAUSTED);
        assertThat(e.guard().adaptivityBound(e.transcript(), 0, 0.05, 0.05).rotate()).isTrue();
    }

    /** The prediction hash is SHA-256 of the predictions as 8-byte big-endian doubles, at any length (block edges too). */
    @Test
    void predictionHash_isSha256OfTheBigEndianDoubles() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int n : new int[] {0, 1, 1023, 1024, 1025, 2048, 5001}) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = i % 7 == 0 ? Double.NaN : i % 5 == 0 ? -0.0 : rnd.nextDouble();
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                for (double d : p) {
                    out.writeLong(Double.doubleToLongBits(d));
                }
            }
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            assertThat(BountyEngine.predictionHash(p)).as("n = %d", n).isEqualTo(java.util.HexFormat.of().formatHex(sha));
        }
    }
}
