package org.rai4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte-for-byte outputs of every deterministic command: exit status, standard output, standard error and
 * every file written, compared with {@code src/test/resources/golden/NAME.txt}. These files were produced
 * by the commands before their use cases moved into the libraries (the thin-CLI step of issue 10), so a
 * move that changes any output fails here. Paths of the temporary folder read {@code $DIR}, the JVM
 * version {@code $JVM}. To accept an intended change, run with {@code RAI4J_GOLDEN_UPDATE=1} and review
 * the diff of the golden files.
 */
class GoldenOutputsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static Path dir;

    /** One command line, its name and the files it writes (relative to the temporary folder). */
    record Case(String name, List<String> args, List<String> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void data() throws Exception {
        dir = Files.createTempDirectory("rai4j-golden");
        CliRun lm = CliRun.of("demo-last-mile", "--out", dir.toString(), "--provider-rows", "900", "--hospital-rows", "600");
        assertThat(lm.status()).as(lm.err()).isZero();
        StringBuilder sb = new StringBuilder("a,s,y\n");
        for (int i = 0; i < 300; i++) {
            int y = i % 100 < 20 || (i % 100 >= 50 && i % 100 < 60) ? 1 : 0;
            sb.append(i % 100).append(',').append(i % 2 == 0 ? "x" : "y").append(',').append(y).append('\n');
        }
        Files.writeString(dir.resolve("bounty.csv"), sb);
        Files.write(dir.resolve("subs.jsonl"), List.of(
                "{\"id\":\"s1\",\"team\":\"t1\",\"group\":\"a < 20\",\"model\":{\"constant\":1}}",
                "{\"id\":\"s2\",\"team\":\"t2\",\"group\":\"a between 50 and 55\",\"model\":{\"rule\":\"a >= 0\"}}",
                "{\"id\":\"s3\",\"team\":\"t2\",\"group\":\"a > 1000\",\"model\":{\"constant\":\"1\"}}"));
        Files.writeString(dir.resolve("batch.csv"), "sample_rate,noise_multiplier,steps,delta\n0.01,1.1,1000,1e-5\n0.04,0.6,5000,1e-6\n1,0,1,1e-5\n");
        Files.writeString(dir.resolve("targets.csv"), "target_epsilon,delta,sample_rate,steps\n1,1e-5,0.01,1000\n8,1e-5,0.04,2250\n");
        StringBuilder train = new StringBuilder("x1,x2,colour,label\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        for (int i = 0; i < 300; i++) {
            int y = rng.nextInt(3);
            train.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s,class%d%n", (y == 0 ? 2 : 0) + rng.nextGaussian(),
                    (y == 1 ? 2 : 0) + rng.nextGaussian(), rng.nextBoolean() ? "red" : "blue", y));
        }
        Files.writeString(dir.resolve("train.csv"), train);
        StringBuilder speech = new StringBuilder("utterance,speaker,accent,condition,reference,hypothesis\n");
        String[] refs = {"turn on the light", "call the nurse now", "open the door please"};
        for (int s = 0; s < 8; s++) {
            String accent = s < 4 ? "us" : "scottish";
            for (String cond : new String[] {"clean", "hospital"}) {
                for (int p = 0; p < refs.length; p++) {
                    String hyp = accent.equals("scottish") && cond.equals("hospital") && p != 1 ? refs[p].replace("the", "a") : refs[p];
                    speech.append('u').append(s).append(p).append(cond).append(",s").append(s).append(',').append(accent)
                            .append(',').append(cond).append(',').append(refs[p]).append(',').append(hyp).append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("speech.csv"), speech);
    }

    static Stream<Case> cases() {
        String d = "$DIR/";
        List<Case> c = new ArrayList<>();
        List<String> provider = List.of("audit", "--data", d + "provider-eval.csv", "--task", "multiclass", "--label", "said",
                "--prediction", "recognised", "--group", "accent", "--bootstrap", "30");
        c.add(new Case("audit-files", concat(provider, "--json", d + "provider.json", "--html", d + "provider.html"),
                List.of("provider.json", "provider.html")));
        c.add(new Case("audit-stdout-json", concat(provider, "--json", "-", "--fail-if", "error_rate.difference_between_groups > 0.01"), List.of()));
        c.add(new Case("audit-candidate", List.of("audit", "--data", d + "imaging-floor.csv", "--task", "multiclass", "--label",
                "said", "--prediction", "recognised", "--group", "accent", "--bootstrap", "0", "--json", d + "imaging.json"),
                List.of("imaging.json")));
        c.add(new Case("audit-baseline", List.of("audit", "--data", d + "imaging-floor.csv", "--task", "multiclass", "--label",
                "said", "--prediction", "recognised", "--group", "accent", "--bootstrap", "0", "--baseline", d + "provider.json",
                "--compare-json", d + "cmp.json", "--fail-on", "differential"), List.of("cmp.json")));
        c.add(new Case("compare", List.of("compare", "--baseline", d + "provider.json", "--candidate", d + "imaging.json",
                "--bootstrap", "200", "--json", d + "compare.json", "--html", d + "compare.html", "--fail-on", "degraded"),
                List.of("compare.json", "compare.html")));
        c.add(new Case("card-md", List.of("card", "--audit", d + "provider.json", "--out", d + "card.md"), List.of("card.md")));
        c.add(new Case("card-html", List.of("card", "--audit", d + "provider.json", "--out", d + "card.html"), List.of("card.html")));
        c.add(new Case("coverage-text", List.of("coverage", "--data", d + "speech.csv", "--dimension", "accent", "--dimension",
                "condition", "--min-count", "10"), List.of()));
        c.add(new Case("coverage-json", List.of("coverage", "--data", d + "provider-eval.csv", "--dimension", "accent",
                "--dimension", "said", "--json", d + "coverage.json"), List.of("coverage.json")));
        List<String> sim = List.of("bounty", "simulate", "--train", d + "bounty.csv", "--holdout", d + "bounty.csv", "--label",
                "y", "--base", "constant:0", "--submissions", d + "subs.jsonl", "--alpha", "0.07", "--min-group-size", "5",
                "--report-groups", "s", "--hunter-rounds", "2");
        c.add(new Case("bounty-simulate-text", concat(sim, "--heatmap", d + "heat.svg"), List.of("heat.svg")));
        c.add(new Case("bounty-simulate-json", concat(sim, "--json", d + "sim.json", "--guard", "thresholdout", "--seed", "3"),
                List.of("sim.json")));
        c.add(new Case("bounty-hunt", List.of("bounty", "hunt", "--train", d + "bounty.csv", "--label", "y", "--base",
                "constant:0", "--output", d + "hunt.jsonl"), List.of("hunt.jsonl")));
        c.add(new Case("bounty-german-credit", List.of("bounty", "german-credit", "--out", d + "gc"),
                List.of("gc/train.csv", "gc/holdout.csv")));
        c.add(new Case("privacy-epsilon-text", List.of("privacy", "epsilon", "--sample-rate", "0.04", "--noise-multiplier", "1.5",
                "--steps", "2250", "--delta", "1e-5"), List.of()));
        c.add(new Case("privacy-epsilon-batch", List.of("privacy", "epsilon", "--batch", d + "batch.csv", "--json",
                d + "eps.jsonl"), List.of("eps.jsonl")));
        c.add(new Case("privacy-noise", List.of("privacy", "noise", "--target-epsilon", "8", "--delta", "1e-5",
                "--sample-rate", "0.04", "--steps", "2250"), List.of()));
        c.add(new Case("privacy-noise-batch", List.of("privacy", "noise", "--batch", d + "targets.csv", "--json", "-"), List.of()));
        c.add(new Case("privacy-train-nodp-text", List.of("privacy", "train", "--data", d + "train.csv", "--label", "label",
                "--model", "softmax", "--no-dp", "--epochs", "3"), List.of()));
        c.add(new Case("privacy-train-nodp-json", List.of("privacy", "train", "--data", d + "train.csv", "--label", "label",
                "--model", "mlp", "--no-dp", "--epochs", "2", "--hidden", "4", "--json", d + "train.json"), List.of("train.json")));
        c.add(new Case("privacy-audit-quick", List.of("privacy", "audit", "--data", d + "train.csv", "--label", "label",
                "--model", "mlp", "--hidden", "8", "--quick", "--epsilons", "inf,2", "--epochs", "3", "--canaries", "20",
                "--replicates", "100"), List.of()));
        c.add(new Case("wer-text", List.of("wer", "--reference", "turn on the light", "--hypothesis", "turn the lights on"),
                List.of()));
        c.add(new Case("wer-json", List.of("wer", "--reference", "turn on the light", "--hypothesis", "turn the lights on",
                "--json", d + "wer.json"), List.of("wer.json")));
        c.add(new Case("audit-speech", List.of("audit", "--task", "speech", "--data", d + "speech.csv", "--reference",
                "reference", "--hypothesis", "hypothesis", "--group", "accent", "--group", "condition", "--cluster", "speaker",
                "--bootstrap", "40", "--json", d + "speech.json", "--html", d + "speech.html"),
                List.of("speech.json", "speech.html")));
        c.add(new Case("demo-speech", List.of("demo", "speech", "--bootstrap", "100", "--json", d + "demo-speech.json"),
                List.of("demo-speech.json")));
        c.add(new Case("demo", List.of("demo", "--bootstrap", "20", "--json", d + "demo.json", "--html", d + "demo.html",
                "--export", d + "demo.csv"), List.of("demo.json", "demo.html", "demo.csv")));
        return c.stream();
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    /** Progress lines appear only when work takes seconds (a loaded machine): not part of the output contract. */
    private static String withoutTimedProgress(String err) {
        return err.replaceAll("(?m)^rai4j: ([a-z][a-z+ -]* \\d+(/\\d+)?|\\d+/\\d+ rows \\(.*\\))\\R", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void command_sameInputs_sameOutputsAsBeforeTheMove(Case c) throws IOException {
        String[] args = c.args().stream().map(a -> a.replace("$DIR", dir.toString())).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        StringBuilder got = new StringBuilder();
        got.append("== command ==\n").append(String.join(" ", c.args())).append('\n');
        got.append("== status ==\n").append(r.status()).append('\n');
        got.append("== stdout ==\n").append(r.out()).append('\n');
        got.append("== stderr ==\n").append(withoutTimedProgress(r.err())).append('\n');
        for (String f : c.files()) {
            got.append("== file ").append(f).append(" ==\n").append(Files.readString(dir.resolve(f), StandardCharsets.UTF_8)).append('\n');
        }
        String text = got.toString().replace(dir.toString(), "$DIR").replace(System.getProperty("java.version"), "$JVM");
        Path golden = GOLDEN.resolve(c.name() + ".txt");
        if (System.getenv("RAI4J_GOLDEN_UPDATE") != null) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file; create it with RAI4J_GOLDEN_UPDATE=1").exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!text.equals(expected)) {
            Path actual = Path.of("target/golden-actual").resolve(c.name() + ".txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, text, StandardCharsets.UTF_8);
        }
        assertThat(text).as("output of '%s' differs from %s; see %s", c.name(), golden, "target/golden-actual").isEqualTo(expected);
    }
}
