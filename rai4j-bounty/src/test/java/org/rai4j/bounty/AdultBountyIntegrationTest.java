package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;
import org.rai4j.testkit.SharedData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole simulated bounty on UCI Adult (../shared/data; skipped on users' machines, required in CI):
 * scripted human-style submissions, then rounds of the cost-sensitive hunter; the invariants hold after
 * every call and a replay of the audit log reproduces it byte for byte.
 */
class AdultBountyIntegrationTest {
    @Test
    void simulate_adultWithScriptedTeamsAndHunter_errorFallsInvariantsHoldReplayIdentical() throws Exception {
        Table all = new CsvTableReader().read(SharedData.require("adult/adult.csv"));
        assertThat(all.rowCount()).isEqualTo(32_561);
        SplittableRandom r = new SplittableRandom(2024);
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> holdRows = new ArrayList<>();
        for (int i = 0; i < all.rowCount(); i++) {
            (r.nextDouble() < 0.5 ? trainRows : holdRows).add(i);
        }
        Table train = all.select(trainRows.stream().mapToInt(Integer::intValue).toArray());
        Table holdout = all.select(holdRows.stream().mapToInt(Integer::intValue).toArray());
        DataSchema schema = DataSchema.fromTable(train, "Salary");
        Task task = Task.binary(train, "Salary", ">50K");
        AuditLog log = AuditLog.inMemory();
        try (Artifacts artifacts = new Artifacts(schema, task, OnnxLimits.DEFAULT)) {
            BountyEngine e = new BountyEngine(holdout, train, artifacts,
                    new ModelSpec.Rule("relationship == 'Husband' and education-num >= 13"),
                    new BountyConfig(new BigDecimal("0.002"), BigDecimal.ZERO, 50, BigDecimal.ZERO), SignificanceGuard.oneSided95(), log);
            double base = e.holdoutError();
            List<Submission> scripted = List.of(
                    new Submission("w1", "wives", new GroupSpec.Predicate("relationship == 'Wife' and education-num >= 13"),
                            new ModelSpec.Constant(">50K")),
                    new Submission("cg", "capital", new GroupSpec.Predicate("capital-gain > 7000"), new ModelSpec.Constant(">50K")),
                    new Submission("young", "age-team", new GroupSpec.Predicate("age < 25"), new ModelSpec.Constant("<=50K")),
                    new Submission("exec", "jobs", new GroupSpec.Predicate("occupation in ('Exec-managerial', 'Prof-specialty') and relationship == 'Husband'"),
                            new ModelSpec.Rule("education-num >= 10 or hours-per-week >= 45")),
                    new Submission("part", "jobs", new GroupSpec.Predicate("hours-per-week < 20"), new ModelSpec.Constant("<=50K")),
                    new Submission("women", "age-team", new GroupSpec.Predicate("sex == 'Female'"), new ModelSpec.Constant("<=50K")));
            List<Decision> decisions = new ArrayList<>();
            for (Submission s : scripted) {
                decisions.add(checked(e, s));
            }
            CostSensitiveHunter hunter = new CostSensitiveHunter(schema, task, 7, 50);
            for (int round = 1; round <= 3; round++) {
                for (CostSensitiveHunter.Proposal p : hunter.propose(train, e.predict(train, e.pdl().latestVersion()))) {
                    decisions.add(checked(e, new Submission("hunter-" + round + "-" + p.kind(), "house",
                            new GroupSpec.Predicate(p.group()), p.model())));
                }
            }
            assertThat(decisions.stream().filter(Decision::accepted).count()).isGreaterThanOrEqualTo(3);
            // Public: the base already says <=50K for almost all the young (h differs on < α·n_train training rows)...
            assertThat(decisions.get(2).reason()).isEqualTo(Reason.NO_DIFFERENCE);
            assertThat(decisions.get(2).hunterView().reason()).isEqualTo(HunterReason.NO_DIFFERENCE);
            // ... and "all women earn <=50K" is already worse on the training split: neither touches the holdout.
            assertThat(decisions.get(5).reason()).isEqualTo(Reason.NO_TRAIN_IMPROVEMENT);
            // "Part-timers earn <=50K" is better on the training split but not on the holdout: the hunter learns one bit.
            assertThat(decisions.get(4).reason()).isEqualTo(Reason.NO_IMPROVEMENT);
            assertThat(decisions.get(4).hunterView().reason()).isEqualTo(HunterReason.NOT_ACCEPTED);
            assertThat(e.repairCount()).as("the hunter's combined update hurts an earlier group and is repaired").isPositive();
            assertThat(e.holdoutError()).isLessThan(base - 0.02);
            AuditReplay.Result replay = AuditReplay.replay(log.lines(), holdout, train, artifacts);
            assertThat(replay.firstMismatch()).isNull();
            assertThat(replay.finalPredictionHash()).isEqualTo(BountyEngine.predictionHash(e.holdoutPredictions()));
        }
    }

    /** Submits and checks the invariants against a per-row recomputation. */
    private static Decision checked(BountyEngine e, Submission s) throws Exception {
        double before = e.holdoutLoss();
        Decision d = e.submit(s);
        double after = e.holdoutLoss();
        assertThat(after).isLessThanOrEqualTo(before);
        if (d.accepted()) {
            double repaired = d.repairs().stream().mapToDouble(Repair::errorReduction).sum();
            assertThat(before - after).isEqualTo(d.errorReduction() + repaired);
            assertThat(BigDecimal.valueOf((long) d.errorReduction()))
                    .isGreaterThanOrEqualTo(e.config().alpha().multiply(BigDecimal.valueOf(e.holdoutSize())));
        }
        double[] slow = e.pdl().predictRowByRow(e.pdl().latestVersion(), e.holdoutEvaluations());
        assertThat(e.holdoutPredictions()).isEqualTo(slow);
        for (BountyEngine.GroupStatus g : e.groupStatuses()) {
            assertThat(g.loss()).isLessThanOrEqualTo(g.best());
        }
        return d;
    }
}
