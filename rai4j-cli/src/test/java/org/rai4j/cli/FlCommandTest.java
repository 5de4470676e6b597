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
        assertThat(r.err()).contains("--dataset must be synthetic:A,B, synthetic:iid or csv:FILE");
        CliRun s = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--strategy", "fedsgd");
        assertThat(s.status()).isNotZero();
        assertThat(s.err()).contains("--strategy must be one of");
        CliRun t = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--drop-percent", "1.5");
        assertThat(t.status()).isNotZero();
        assertThat(t.err()).contains("drop percent must be in [0, 1)");
    }

    /** A CSV of 300 rows: two informative features, a 3-class label, a device column d0..d5. */
    private Path csv() throws Exception {
        StringBuilder sb = new StringBuilder("f1,f2,label,device\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            int y = i % 3;
            sb.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s,d%d%n", y + 0.5 * r.nextGaussian(), -y + 0.5 * r.nextGaussian(),
                    "abc".charAt(y), i % 6));
        }
        Path f = dir.resolve("fl.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void simulate_csvWithPartitions_byteIdenticalAcrossThreads_andRecordsThePartition() throws Exception {
        Path f = csv();
        for (String p : new String[] {"iid", "dirichlet:0.5", "shards:2", "quantity:1", "natural:device"}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("fl", "simulate", "--dataset", "csv:" + f,
                    "--label", "label", "--partition", p, "--clients-per-round", "3", "--rounds", "3", "--local-epochs", "2",
                    "--learning-rate", "0.05", "--seed", "3", "--json", "-"));
            if (!p.startsWith("natural")) {
                args.addAll(java.util.List.of("--clients", "6"));
            }
            CliRun one = CliRun.of(with2(args, "--threads", "1"));
            CliRun two = CliRun.of(with2(args, "--threads", "2"));
            assertThat(one.status()).as(p + ": " + one.err()).isZero();
            assertThat(two.out()).as(p).isEqualTo(one.out());
            JsonNode root = JSON.readTree(one.out());
            assertThat(root.get("config").get("dataset").asText()).isEqualTo("csv:fl.csv label:label partition:" + p);
            assertThat(root.get("inclusion").get("clients")).hasSize(6);
            assertThat(root.get("final").get("test_accuracy").asDouble()).as(p)
                    .isGreaterThan(root.get("final").get("majority_class_accuracy").asDouble());
        }
    }

    private static String[] with2(java.util.List<String> args, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(args);
        all.addAll(java.util.List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void simulate_csvBadInput_namesFileLineAndField() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "f1,f2,label\n1,2,a\n3,x7,b\n5,6,a\n7,8,b\n");
        CliRun r = CliRun.of("fl", "simulate", "--dataset", "csv:" + bad, "--label", "label", "--clients", "2");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("bad.csv:3: column 'f2': expected a number, got 'x7'");
        CliRun noLabel = CliRun.of("fl", "simulate", "--dataset", "csv:" + bad, "--label", "y", "--clients", "2");
        assertThat(noLabel.err()).contains("bad.csv:1: column 'y': no such column; expected one of f1, f2, label");
        CliRun missing = CliRun.of("fl", "simulate", "--dataset", "csv:" + bad, "--clients", "2");
        assertThat(missing.err()).contains("--dataset csv:FILE needs --label COLUMN");
        CliRun part = CliRun.of("fl", "simulate", "--dataset", "csv:" + csv(), "--label", "label", "--partition", "dirichlet");
        assertThat(part.err()).contains("--partition must be iid, dirichlet:ALPHA[:MIN], shards:K, quantity:BETA or natural:COLUMN");
        CliRun syn = CliRun.of("fl", "simulate", "--dataset", "synthetic:1,1", "--partition", "iid");
        assertThat(syn.err()).contains("--partition apply to --dataset csv:FILE");
        CliRun none = CliRun.of("fl", "simulate", "--dataset", "csv:" + dir.resolve("nope.csv"), "--label", "label");
        assertThat(none.status()).isNotZero();
        assertThat(none.err()).contains("nope.csv");
    }

    /** fl server + three fl client runs (threads of this JVM, real loopback gRPC): the JSON equals fl simulate's byte for byte. */
    @Test
    void serverAndClients_writeTheSameJsonAsSimulate() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String[] run = {"--dataset", "synthetic:0.5,0.5", "--clients", "3", "--clients-per-round", "2", "--rounds", "3",
                "--local-epochs", "2", "--strategy", "fedprox", "--drop-percent", "0.5", "--seed", "5"};
        Path out = dir.resolve("server.json");
        java.util.List<String> serverArgs = new java.util.ArrayList<>(java.util.List.of("fl", "server", "--port", Integer.toString(port),
                "--json", out.toString()));
        serverArgs.addAll(java.util.List.of(run));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var server = pool.submit(() -> CliRun.of(serverArgs.toArray(String[]::new)));
            java.util.List<java.util.concurrent.Future<CliRun>> clients = new java.util.ArrayList<>();
            for (int id = 0; id < 3; id++) {
                java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("fl", "client", "--server", "127.0.0.1:" + port,
                        "--client-id", Integer.toString(id), "--dataset", "synthetic:0.5,0.5", "--clients", "3", "--seed", "5"));
                clients.add(pool.submit(() -> CliRun.of(a.toArray(String[]::new))));
            }
            CliRun s = server.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(s.status()).as(s.err()).isZero();
            for (var c : clients) {
                CliRun cr = c.get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(cr.status()).as(cr.err()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        java.util.List<String> simArgs = new java.util.ArrayList<>(java.util.List.of("fl", "simulate", "--json", "-"));
        simArgs.addAll(java.util.List.of(run));
        CliRun sim = CliRun.of(simArgs.toArray(String[]::new));
        assertThat(sim.status()).isZero();
        assertThat(Files.readString(out)).isEqualTo(sim.out());
        CliRun badClient = CliRun.of("fl", "client", "--server", "localhost", "--client-id", "0", "--dataset", "synthetic:1,1");
        assertThat(badClient.err()).contains("--server must be HOST:PORT");
    }
}
