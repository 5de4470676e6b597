package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BountyCommandTest {
    @TempDir
    Path dir;

    /** n rows: a = i, s = x/y alternating, y = 1 on a &lt; 20 or 50 ≤ a &lt; 60 (base "always 0" makes 30 errors in 100). */
    private Path csv(String name, int n) throws Exception {
        StringBuilder sb = new StringBuilder("a,s,y\n");
        for (int i = 0; i < n; i++) {
            int y = i % 100 < 20 || (i % 100 >= 50 && i % 100 < 60) ? 1 : 0;
            sb.append(i % 100).append(',').append(i % 2 == 0 ? "x" : "y").append(',').append(y).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private Path subs(String... lines) throws Exception {
        Path p = dir.resolve("subs.jsonl");
        Files.write(p, List.of(lines));
        return p;
    }

    private String[] simulate(Path subs, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("bounty", "simulate", "--train", csv("train.csv", 200).toString(),
                "--holdout", csv("holdout.csv", 100).toString(), "--label", "y", "--base", "constant:0",
                "--submissions", subs.toString(), "--alpha", "0.07", "--min-group-size", "5"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void simulate_jsonOutput_hasDecisionsAndFinalModelAsSpecified() throws Exception {
        Path s = subs(
                "{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t2\",\"group\":\"a between 46 and 59\",\"model\":{\"rule\":\"a >= 0\"}}",
                "{\"id\":\"s3\",\"team\":\"t2\",\"group\":\"a > 1000\",\"model\":{\"constant\":\"1\"}}");
        CliRun r = CliRun.of(simulate(s, "--json", "-"));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode d = root.get("decisions");
        assertThat(d).hasSize(3);
        JsonNode s1 = d.get(0);
        for (String field : List.of("id", "team", "decision", "reason", "weighted_improvement", "group_mass", "holdout_error", "repairs")) {
            assertThat(s1.has(field)).as(field).isTrue();
        }
        assertThat(s1.get("decision").asText()).isEqualTo("accepted");
        assertThat(s1.get("reason").isNull()).isTrue();
        assertThat(s1.get("weighted_improvement").asDouble()).isEqualTo(0.2);
        assertThat(s1.get("group_mass").asDouble()).isEqualTo(0.2);
        assertThat(s1.get("holdout_error").asDouble()).isEqualTo(0.1);
        assertThat(d.get(1).get("reason").asText()).isEqualTo("BELOW_ALPHA"); // 10 fixed − 4 broken = 6 < 0.07·100 = 7
        assertThat(d.get(2).get("reason").asText()).isEqualTo("EMPTY_GROUP");
        JsonNode fin = root.get("final");
        assertThat(fin.get("holdout_error").asDouble()).isEqualTo(0.1);
        assertThat(fin.get("versions").asInt()).isEqualTo(2);
        assertThat(fin.get("nodes")).hasSize(2);
        assertThat(fin.get("nodes").get(1).get("type").asText()).isEqualTo("LEAF");
        assertThat(fin.get("heads").toString()).isEqualTo("[0,1]");
        assertThat(root.get("feature_usage").get("t1").get("a").asDouble()).isEqualTo(1.0);
    }

    @Test
    void simulate_badPredicate_rejectsThatSubmissionWithItsErrorAndGoesOn() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"aa < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        CliRun r = CliRun.of(simulate(s, "--json", "-"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("rai4j: warning: " + s + ":1: field 'group': at character 1: no column 'aa' in the data; "
                + "expected one of a, s\n"
                + "rai4j: warning:   aa < 20\n"
                + "rai4j: warning:   ^^\n");
        JsonNode d = new ObjectMapper().readTree(r.out()).get("decisions");
        assertThat(d.get(0).get("reason").asText()).isEqualTo("INVALID_PREDICATE");
        assertThat(d.get(1).get("decision").asText()).isEqualTo("accepted");
    }

    @Test
    void simulate_badRulePredicate_namesModelField() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"rule\":\"s < 3\"}}");
        CliRun r = CliRun.of(simulate(s));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("rai4j: warning: " + s + ":1: field 'model': at character 3: operator '<' needs a numeric column");
        assertThat(r.out()).contains("INVALID_PREDICATE");
    }

    @Test
    void simulate_overLongGroupPredicate_blamedOnGroupField() throws Exception {
        String longPredicate = "a < 20" + " or a < 20".repeat(12_000); // 120,006 characters > 100,000
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"" + longPredicate + "\",\"model\":{\"constant\":1}}");
        CliRun r = CliRun.of(simulate(s));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("rai4j: warning: " + s + ":1: field 'group': at character 1: a predicate may have at most "
                + "100000 characters, got 120006\n"
                + "rai4j: warning:   " + "a < 20 or ".repeat(6) + "…\n"
                + "rai4j: warning:   ^\n");
    }

    @Test
    void simulate_viewHunter_printsExactlyIdDecisionAndPublicReason() throws Exception {
        Path s = subs(
                "{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t2\",\"group\":\"a between 46 and 59\",\"model\":{\"rule\":\"a >= 0\"}}",
                "{\"id\":\"s3\",\"team\":\"t2\",\"group\":\"a > 1000\",\"model\":{\"constant\":\"1\"}}",
                "{\"id\":\"s4\",\"team\":\"t2\",\"group\":\"b > 1\",\"model\":{\"constant\":\"1\"}}");
        CliRun r = CliRun.of(simulate(s, "--view", "hunter"));
        assertThat(r.status()).as(r.err()).isZero();
        // s2 is BELOW_ALPHA on the holdout: the hunter sees only NOT_ACCEPTED; s3 is empty on the public split.
        assertThat(r.out()).isEqualTo("{\"decisions\":[{\"id\":\"s1\",\"decision\":\"accepted\",\"reason\":null},"
                + "{\"id\":\"s2\",\"decision\":\"rejected\",\"reason\":\"NOT_ACCEPTED\"},"
                + "{\"id\":\"s3\",\"decision\":\"rejected\",\"reason\":\"EMPTY_GROUP\"},"
                + "{\"id\":\"s4\",\"decision\":\"rejected\",\"reason\":\"INVALID_PREDICATE\"}]}\n");
    }

    @Test
    void simulate_onnxPathOutsideTheFolder_rejectsThatSubmissionSameMessageAndGoesOn() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"onnx\":\"../../etc/passwd\"}}",
                "{\"id\":\"s2\",\"team\":\"t1\",\"group\":{\"onnx\":\"/etc/no-such-file\"},\"model\":{\"constant\":1}}",
                "{\"id\":\"s3\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        CliRun r = CliRun.of(simulate(s, "--view", "hunter"));
        assertThat(r.status()).as(r.err()).isZero();
        Path root = dir.toAbsolutePath().normalize();
        Path passwd = root.resolve("../../etc/passwd").normalize();
        assertThat(r.err()).isEqualTo("rai4j: warning: " + s + ":1: field 'model': the ONNX path '" + passwd + "' does not name a file "
                + "inside the submission's folder " + root + "; artefacts must be files in that folder\n"
                + "rai4j: warning: " + s + ":2: field 'group': the ONNX path '/etc/no-such-file' does not name a file "
                + "inside the submission's folder " + root + "; artefacts must be files in that folder\n");
        assertThat(r.out()).isEqualTo("{\"decisions\":[{\"id\":\"s1\",\"decision\":\"rejected\",\"reason\":\"INVALID_MODEL\"},"
                + "{\"id\":\"s2\",\"decision\":\"rejected\",\"reason\":\"INVALID_MODEL\"},"
                + "{\"id\":\"s3\",\"decision\":\"accepted\",\"reason\":null}]}\n");
    }

    @Test
    void simulate_submissionsWithByteOrderMark_accepted() throws Exception {
        Path s = dir.resolve("bom.jsonl");
        Files.write(s, "\uFEFF{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.of(simulate(s, "--view", "hunter"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"decisions\":[{\"id\":\"s1\",\"decision\":\"accepted\",\"reason\":null}]}\n");
    }

    @Test
    void simulate_controlCharactersFromHunters_escapedOnTheOperatorsTerminal() throws Exception {
        Path s = subs("{\"id\":\"s\\u0000x\",\"team\":\"\\u001b[31mred\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t\",\"group\":\"a < 20 and \\u001b[2J\",\"model\":{\"constant\":1}}");
        CliRun r = CliRun.of(simulate(s));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("\u0000", "\u001b").contains("s\\u0000x", "\\u001b[31mred");
        assertThat(r.err()).doesNotContain("\u001b").isEqualTo(ERR_S2.replace("FILE", s.toString()));
    }

    private static final String ERR_S2 = "rai4j: warning: FILE:2: field 'group': at character 12: unexpected character '\\u001b'; "
            + "expected a column, a value, an operator (== != < <= > >= in between is null) or and/or/not/parentheses\n"
            + "rai4j: warning:   a < 20 and \\u001b[2J\n"
            + "rai4j: warning:              ^\n";

    @Test
    void simulate_negativeHunterRounds_exitsOne() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        CliRun r = CliRun.of(simulate(s, "--hunter-rounds", "-1"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: --hunter-rounds must be >= 0, got -1\n");
    }

    @Test
    void simulate_auditLogExists_exitsOneWithClearMessageAndLeavesItAlone() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        Path log = dir.resolve("audit.jsonl");
        Files.writeString(log, "keep me\n");
        CliRun r = CliRun.of(simulate(s, "--audit-log", log.toString()));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: --audit-log: " + log + " already exists; an audit log is never overwritten "
                + "or appended to (choose a new file)\n");
        assertThat(Files.readString(log)).isEqualTo("keep me\n");
    }

    @Test
    void simulate_malformedJsonLineOrMissingField_exitsOneWithLine() throws Exception {
        CliRun r = CliRun.of(simulate(subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\"}")));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("subs.jsonl:1: field 'model': expected");
        CliRun r2 = CliRun.of(simulate(subs("", "{not json")));
        assertThat(r2.status()).isEqualTo(1);
        assertThat(r2.err()).contains("subs.jsonl:2: expected one JSON object per line");
    }

    @Test
    void simulate_textOutputAndAuditLog_written() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        Path log = dir.resolve("audit.jsonl");
        CliRun r = CliRun.of(simulate(s, "--audit-log", log.toString(), "--guard", "thresholdout", "--seed", "5"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("s1", "accepted", "final model: 2 versions", "LEAF [s1] if a < 20 then constant:1");
        assertThat(Files.readAllLines(log)).hasSize(2);
    }

    @Test
    void simulate_badBase_exitsOne() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}");
        List<String> args = new java.util.ArrayList<>(List.of(simulate(s)));
        args.set(args.indexOf("constant:0"), "tree:0");
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--base must be rule:<predicate>, constant:<value> or onnx:<file>");
    }

    @Test
    void hunt_constantBase_printsSubmissionLinesThatSimulateAccepts() throws Exception {
        Path train = csv("train.csv", 400);
        CliRun r = CliRun.of("bounty", "hunt", "--train", train.toString(), "--label", "y", "--base", "constant:0",
                "--max-depth", "2", "--min-leaf", "10");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("team").asText()).isEqualTo("house-hunter");
        Path subs = dir.resolve("hunted.jsonl");
        Files.write(subs, lines);
        CliRun sim = CliRun.of(simulate(subs, "--json", "-"));
        assertThat(sim.status()).as(sim.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(sim.out());
        assertThat(root.get("final").get("holdout_error").asDouble()).isLessThan(0.3);
    }

    @Test
    void replay_truncatedLog_detectedByDefaultThroughTheHeadFile() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t2\",\"group\":\"a < 40\",\"model\":{\"rule\":\"a >= 10\"}}");
        Path log = dir.resolve("audit.jsonl");
        CliRun sim = CliRun.of(simulate(s, "--audit-log", log.toString()));
        assertThat(sim.status()).as(sim.err()).isZero();
        Path headFile = dir.resolve("audit.jsonl.head");
        List<String> lines = Files.readAllLines(log);
        assertThat(Files.readString(headFile)).isEqualTo(org.rai4j.core.Hashing.sha256(lines.get(2)) + "\n");
        String[] replay = {"bounty", "replay", "--log", log.toString(), "--train", dir.resolve("train.csv").toString(),
                "--holdout", dir.resolve("holdout.csv").toString(), "--label", "y"};
        assertThat(CliRun.of(replay).status()).isZero();
        Files.write(log, lines.subList(0, 2)); // drop the last line: the remaining chain is intact
        CliRun truncated = CliRun.of(replay);
        assertThat(truncated.status()).isEqualTo(1);
        assertThat(truncated.err()).isEqualTo("rai4j: error: " + log + ": the last line (2) does not hash to the head recorded in "
                + headFile + " (" + org.rai4j.core.Hashing.sha256(lines.get(2)) + "); the log was truncated or its end was edited\n");
        Files.delete(headFile);
        CliRun noHead = CliRun.of(replay);
        assertThat(noHead.status()).isEqualTo(1);
        assertThat(noHead.err()).isEqualTo("rai4j: error: " + headFile + ": the audit log's head file is missing, so a truncated log "
                + "cannot be told from a complete one; restore it, or pass --head with the 'audit_log_head' of simulate --json\n");
    }

    @Test
    void replay_logFromSimulate_reproducedAndTamperingDetected() throws Exception {
        Path s = subs("{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t2\",\"group\":\"a < 40\",\"model\":{\"rule\":\"a >= 10\"}}");
        Path log = dir.resolve("audit.jsonl");
        CliRun sim = CliRun.of(simulate(s, "--audit-log", log.toString()));
        assertThat(sim.status()).as(sim.err()).isZero();
        String[] replay = {"bounty", "replay", "--log", log.toString(), "--train", dir.resolve("train.csv").toString(),
                "--holdout", dir.resolve("holdout.csv").toString(), "--label", "y"};
        CliRun ok = CliRun.of(replay);
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("replayed 3 entries: every line reproduced byte for byte");
        String head = org.rai4j.core.Hashing.sha256(Files.readAllLines(log).get(2));
        String original = Files.readString(log);
        Files.writeString(log, original.replace("\"team\":\"t1\"", "\"team\":\"t9\""));
        CliRun bad = CliRun.of(replay);
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("audit log line 3: the hash chain is broken");
        // The last line has no successor: editing it is caught by the externally kept head.
        Files.writeString(log, original.replace("\"team\":\"t2\"", "\"team\":\"t3\""));
        String[] withHead = java.util.stream.Stream.concat(java.util.Arrays.stream(replay), java.util.stream.Stream.of("--head", head))
                .toArray(String[]::new);
        CliRun badEnd = CliRun.of(withHead);
        assertThat(badEnd.status()).isEqualTo(1);
        assertThat(badEnd.err()).contains("the last line (3) does not hash to --head");
    }
}
