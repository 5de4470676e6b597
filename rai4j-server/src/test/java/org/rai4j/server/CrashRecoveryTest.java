package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rai4j.bounty.Artifacts;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.AuditReplay;
import org.rai4j.bounty.DataSchema;
import org.rai4j.bounty.Task;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server in a child JVM is killed with {@code kill -9} (SIGKILL: no shutdown hook runs) while it is
 * verifying a submission, then restarted on the same data folder: every acknowledged submission is
 * still there and gets decided, the audit log's hash chain is intact and replays to the stored
 * versions, and no half-written version exists.
 */
class CrashRecoveryTest {
    record Child(Process process, String url, String adminPassword) {}

    static Child start(Path dir, long delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ServerMain.class.getName(),
                "--port", "0", "--data-dir", dir.toString(), "--verify-delay-ms", Long.toString(delayMs));
        pb.redirectError(dir.resolveSibling(dir.getFileName() + "-child-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < end) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the child server exited with " + p.waitFor() + " before it was ready");
            }
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                return new Child(p, parts[1], parts.length > 3 ? parts[3] : null);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the child server was not ready within 180 s");
    }

    @Test
    void kill9DuringVerification_restart_losesNoAcknowledgedSubmission() throws Exception {
        Path dir = Files.createTempDirectory("rai4j-crash").resolve("data");
        Child first = start(dir, 1500);
        String admin = first.adminPassword();
        assertThat(admin).isNotNull();
        String token = Http.hunterToken(first.url(), "crash-hunter", "crashers");
        Http http = new Http(first.url());
        List<String> ids = new ArrayList<>();
        String[][] subs = {
                {"credit_history == 'critical/other existing credit'", "good"},
                {"sex == 'female'", "good"},
                {"age_band == '19-24'", "bad"},
                {"purpose == 'new car'", "good"},
        };
        for (String[] s : subs) {
            Http.Response r = http.postJson("/api/bounties/" + DemoLoader.BOUNTY + "/submissions",
                    Map.of("group", Map.of("predicate", s[0]), "model", Map.of("constant", s[1])), "Authorization", "Bearer " + token);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            ids.add(r.json().get("id").asText());
        }
        // wait until a submission is mid-verification, then SIGKILL
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean verifying = false;
        while (!verifying && System.nanoTime() < end) {
            verifying = http.get("/healthz").json().get("verifying").asInt() > 0;
            if (!verifying) {
                Thread.sleep(20);
            }
        }
        assertThat(verifying).as("a submission was being verified").isTrue();
        first.process().destroyForcibly(); // SIGKILL on Linux
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process().exitValue()).isEqualTo(137);

        Child second = start(dir, 0);
        try {
            assertThat(second.adminPassword()).as("no second admin password after a restart").isNull();
            Http h2 = new Http(second.url());
            long end2 = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            JsonNode health = h2.get("/healthz").json();
            while ((health.get("queued").asInt() > 0 || health.get("verifying").asInt() > 0) && System.nanoTime() < end2) {
                Thread.sleep(50);
                health = h2.get("/healthz").json();
            }
            int accepted = 0;
            for (String id : ids) {
                JsonNode s = h2.get("/api/submissions/" + id, "Authorization", "Bearer " + token).json();
                assertThat(s.get("status").asText()).as(id).isEqualTo("decided");
                accepted += s.get("decision").asText().equals("accepted") ? 1 : 0;
            }
            String adminToken = Http.token(second.url(), "admin", admin);
            String log = h2.get("/api/bounties/" + DemoLoader.BOUNTY + "/audit-log", "Authorization", "Bearer " + adminToken).body();
            List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1 + ids.size()); // genesis + one decision per submission, none twice
            AuditLog.verifyChain(lines);
            // replay on the same data reproduces every line; the stored versions are exactly the replayed nodes
            Table data = DemoData.germanCredit();
            int[][] split = org.rai4j.core.Splits.trainTest(data.rowCount(), 0.4, 2024);
            Table train = Bounties.parseCsv(DemoData.csv(data.select(split[0])).getBytes(StandardCharsets.UTF_8), "train.csv of bounty " + DemoLoader.BOUNTY);
            Table holdout = Bounties.parseCsv(DemoData.csv(data.select(split[1])).getBytes(StandardCharsets.UTF_8), "holdout.csv of bounty " + DemoLoader.BOUNTY);
            DataSchema schema = DataSchema.fromTable(train, "class");
            Task task = Task.binary(train, "class", "bad");
            try (Artifacts a = new Artifacts(schema, task, OnnxLimits.DEFAULT)) {
                AuditReplay.Result r = AuditReplay.replay(lines, holdout, train, a);
                assertThat(r.identical()).as(String.valueOf(r.firstMismatch())).isTrue();
                JsonNode versions = h2.get("/api/models/" + DemoLoader.BOUNTY + "/versions").json();
                assertThat(versions.size()).isEqualTo(r.engine().pdl().nodes().size());
                assertThat(r.engine().acceptedCount()).isEqualTo(accepted);
            }
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
