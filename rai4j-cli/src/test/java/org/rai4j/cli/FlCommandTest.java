package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FlCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final String[] SMALL = {"fl", "simulate", "--dataset", "synthetic:1,1", "--strategy", "fedprox", "--mu", "1",
            "--rounds", "3", "--local-epochs", "1", "--seed", "4"};

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, all, SMALL.length, more.length);
        return all;
    }

    @Test
    void simulate_synthetic_writesSchemaWithEveryRoundAndPaperDefaults() throws Exception {
        CliRun r = CliRun.of(with("--json", "-"));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.fl/1");
        JsonNode cfg = root.get("config");
        assertThat(cfg.get("clients").asInt()).isEqualTo(30);
        assertThat(cfg.get("clients_per_round").asInt()).isEqualTo(10);
        assertThat(cfg.get("batch_size").asInt()).isEqualTo(10);
        assertThat(cfg.get("learning_rate").asDouble()).isEqualTo(0.01);
        assertThat(cfg.get("strategy").asText()).isEqualTo("fedprox");
        assertThat(cfg.get("mu").asDouble()).isEqualTo(1.0);
        assertThat(cfg.has("threads")).isFalse();
        JsonNode rounds = root.get("rounds");
        assertThat(rounds).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rounds.get(i).get("round").asInt()).isEqualTo(i + 1);
            assertThat(rounds.get(i).get("selected").asInt()).isEqualTo(10);
            assertThat(rounds.get(i).get("test_accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(rounds.get(i).get("train_loss").asDouble()).isPositive();
        }
        JsonNode fin = root.get("final");
        assertThat(fin.get("test_accuracy").asDouble()).isEqualTo(rounds.get(2).get("test_accuracy").asDouble());
        assertThat(fin.get("majority_class_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.get("inclusion").get("clients")).hasSize(30);
        assertThat(root.get("epsilon").isNull()).isTrue();
    }

    @Test
    void simulate_sameSeed_byteIdenticalAcrossThreadCountsAndRuns() throws Exception {
        CliRun one = CliRun.of(with("--threads", "1", "--json", "-"));
        CliRun two = CliRun.of(with("--threads", "2", "--json", "-"));
        Path file = dir.resolve("out.json");
        CliRun three = CliRun.of(with("--threads", "3", "--json", file.toString()));
        assertThat(one.status()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(Files.readString(file)).isEqualTo(one.out());
        assertThat(three.err()).contains("final test accuracy");
    }

    @Test
    void simulate_dpFedAvgWithSecureAggregation_reportsEpsilon() throws Exception {
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--selection", "poisson:0.3", "--rounds", "2",
                "--local-epochs", "1", "--dp-clip", "0.5", "--dp-noise", "1.0", "--secure-aggregation", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("epsilon").asDouble()).isPositive();
        assertThat(root.get("config").get("dp").get("noise_multiplier").asDouble()).isEqualTo(1.0);
        assertThat(root.get("config").get("secure_aggregation").asBoolean()).isTrue();
        CliRun bad = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--dp-clip", "0.5", "--dp-noise", "1");
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("Poisson");
    }

    /** docs/federated.md's worked example: the checked-in output must be exactly what the command prints today. */
    @Test
    void docsExample_outputMatchesCheckedInFile() throws Exception {
        Path doc = Path.of("..", "docs", "examples", "fl-simulate-fedprox.json");
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--strategy", "fedprox", "--mu", "1", "--rounds", "3",
                "--local-epochs", "2", "--seed", "1", "--json", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).as("regenerate %s with the command in docs/federated.md", doc).isEqualTo(Files.readString(doc));
    }

    @Test
    void simulate_badInput_clearErrorNonZero() {
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "mnist");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--dataset must be synthetic:A,B or synthetic:iid");
        CliRun s = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--strategy", "fedsgd");
        assertThat(s.status()).isNotZero();
        assertThat(s.err()).contains("--strategy must be one of");
        CliRun t = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--drop-percent", "1.5");
        assertThat(t.status()).isNotZero();
        assertThat(t.err()).contains("drop percent must be in [0, 1)");
    }
}
