package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.Hashing;
import org.rai4j.core.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rai4j.bounty.Fixtures.config;
import static org.rai4j.bounty.Fixtures.one;
import static org.rai4j.bounty.Fixtures.rule;
import static org.rai4j.bounty.Fixtures.sub;
import static org.rai4j.bounty.Fixtures.table;

class AuditReplayTest {
    private static final Table HOLDOUT = table("holdout", 200, i -> i < 40 || (i >= 100 && i < 130));
    private static final Table TRAIN = table("train", 200, i -> i < 45 || (i >= 100 && i < 125));

    private static List<Submission> submissions() {
        return List.of(
                sub("A", "a < 20", one()),
                sub("B", "a < 40", rule("a >= 10")),
                sub("C", "a > 1000", one()),
                sub("D", "a between 100 and 129 and s == 'x'", one()),
                sub("E", "a between 100 and 129", one()),
                sub("F", "a >= 130", one()));
    }

    private static BountyEngine run(AuditLog log, HoldoutGuard guard) throws Exception {
        BountyEngine e = Fixtures.engine(HOLDOUT, TRAIN, config("0.02", "0", 5, "0"), guard, log);
        for (Submission s : submissions()) {
            e.submit(s);
        }
        return e;
    }

    @Test
    void replay_thresholdoutBounty_reproducesEveryLineAndPredictionHash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = AuditLog.createFile(file);
        BountyEngine original = run(log, new Thresholdout(0.02, 0.004, 10, LaplaceNoise.secure()));
        assertThat(original.repairCount()).isPositive();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).isEqualTo(log.lines()).hasSize(1 + submissions().size());
        AuditReplay.Result r = AuditReplay.replay(lines, HOLDOUT, TRAIN, Fixtures.artifacts(TRAIN));
        assertThat(r.firstMismatch()).isNull();
        assertThat(r.identical()).isTrue();
        assertThat(r.finalPredictionHash()).isEqualTo(BountyEngine.predictionHash(original.holdoutPredictions()));
        assertThat(r.engine().pdl().nodes()).extracting(BountyEngine::describe)
                .isEqualTo(original.pdl().nodes().stream().map(BountyEngine::describe).toList());
        for (int v = 0; v <= original.pdl().latestVersion(); v++) {
            assertThat(BountyEngine.predictionHash(r.engine().predict(HOLDOUT, v)))
                    .isEqualTo(BountyEngine.predictionHash(original.predict(HOLDOUT, v)));
        }
    }

    @Test
    void log_entries_carryArtefactHashesAndDecisionInputs() throws Exception {
        AuditLog log = AuditLog.inMemory();
        run(log, new ThresholdGuard());
        assertThat(log.lines().get(0)).contains("\"type\":\"genesis\"", "\"engine\":\"rai4j-bounty", "\"alpha\":\"0.02\"",
                "\"holdout_sha256\"", "\"schema_sha256\"", "\"prediction_sha256\"");
        String b = log.lines().get(2);
        assertThat(b).contains("\"id\":\"B\"", "\"group_sha256\":\"" + GroupPredicate.parse("a < 40", Fixtures.artifacts(TRAIN).schema()).sha256(),
                "\"model_sha256\"", "\"guard_before\"", "\"decision\":\"accepted\"", "\"type\":\"PTR\"");
        assertThat(log.lines().get(3)).contains("\"reason\":\"EMPTY_GROUP\"");
        assertThat(log.head()).isEqualTo(Hashing.sha256(log.lines().get(log.lines().size() - 1)));
    }

    @Test
    void verifyChain_editedLine_rejectedWithLineNumber() throws Exception {
        AuditLog log = AuditLog.inMemory();
        run(log, new ThresholdGuard());
        List<String> edited = new ArrayList<>(log.lines());
        edited.set(2, edited.get(2).replace("\"team\":\"team-B\"", "\"team\":\"team-Z\""));
        assertThatThrownBy(() -> AuditLog.verifyChain(edited)).hasMessageContaining("audit log line 4: the hash chain is broken");
        List<String> dropped = new ArrayList<>(log.lines());
        dropped.remove(1);
        assertThatThrownBy(() -> AuditLog.verifyChain(dropped)).hasMessageContaining("audit log line 2");
    }

    @Test
    void replay_differentHoldout_reportsGenesisMismatch() throws Exception {
        AuditLog log = AuditLog.inMemory();
        run(log, new ThresholdGuard());
        Table other = table("holdout", 200, i -> i < 41 || (i >= 100 && i < 130));
        AuditReplay.Result r = AuditReplay.replay(log.lines(), other, TRAIN, Fixtures.artifacts(TRAIN));
        assertThat(r.identical()).isFalse();
        assertThat(r.firstMismatch()).startsWith("audit log line 1: field 'holdout_sha256'");
    }
}
