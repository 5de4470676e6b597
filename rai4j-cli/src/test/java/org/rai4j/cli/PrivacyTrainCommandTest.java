package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyTrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Rai4j.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** 1000 rows: two informative numeric features, a categorical one, a text column and a 3-way label. */
    private Path dataset() throws IOException {
        SplittableRandom rng = new SplittableRandom(8);
        String[] words = {"balance", "transfer", "weather"};
        StringBuilder sb = new StringBuilder("x1,x2,colour,utterance,label\n");
        for (int i = 0; i < 1000; i++) {
            int y = rng.nextInt(3);
            double x1 = (y == 0 ? 2 : 0) + rng.nextGaussian();
            double x2 = (y == 1 ? 2 : 0) + rng.nextGaussian();
            String colour = rng.nextBoolean() ? "red" : "blue";
            String text = "please " + words[y] + " now " + words[rng.nextInt(3)];
            sb.append(String.format("%.4f,%.4f,%s,%s,class%d%n", x1, x2, colour, text, y));
        }
        Path p = dir.resolve("train.csv");
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void train_softmaxWithDp_reportsAccuracyEpsilonWithinTargetAndLedger() throws IOException {
        Run r = run("privacy", "train", "--data", dataset().toString(), "--label", "label", "--model", "softmax",
                "--features", "x1,x2,colour", "--target-epsilon", "2", "--delta", "1e-5", "--epochs", "10",
                "--batch-size", "50", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("dp").asBoolean()).isTrue();
        assertThat(o.get("epsilon").asDouble()).isLessThanOrEqualTo(2.0).isGreaterThan(1.98);
        // Bayes accuracy of these classes is about 0.76; chance is 1/3.
        assertThat(o.get("accuracy").asDouble()).isGreaterThan(0.55);
        JsonNode ledger = o.get("ledger").get(0);
        assertThat(ledger.get("steps").asLong()).isEqualTo(o.get("steps").asLong()).isEqualTo(160);
        assertThat(ledger.get("sample_rate").asDouble()).isEqualTo(50.0 / 800);
        assertThat(o.get("classes")).hasSize(3);
    }

    @Test
    void train_textModelWithDp_learnsFromHashedWords() throws IOException {
        Run r = run("privacy", "train", "--data", dataset().toString(), "--label", "label", "--model", "text",
                "--text", "utterance", "--buckets", "500", "--dim", "8", "--target-epsilon", "8", "--delta", "1e-5",
                "--epochs", "20", "--batch-size", "50", "--learning-rate", "2", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("model").asText()).isEqualTo("text");
        assertThat(o.get("accuracy").asDouble()).isGreaterThan(0.6);
    }

    @Test
    void train_noDp_hasNoEpsilonAndHumanOutputSaysSo() throws IOException {
        Run r = run("privacy", "train", "--data", dataset().toString(), "--label", "label", "--model", "mlp",
                "--features", "x1,x2", "--hidden", "8", "--no-dp", "--epochs", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("plain SGD, no privacy").contains("accuracy");
    }

    @Test
    void train_logisticWithThreeClasses_explainsTheProblem() throws IOException {
        Run r = run("privacy", "train", "--data", dataset().toString(), "--label", "label", "--model", "logistic",
                "--target-epsilon", "1", "--delta", "1e-5");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--model logistic needs exactly 2 label values").contains("use --model softmax");
    }

    @Test
    void train_missingLabels_listsTheLines() throws IOException {
        Path p = dir.resolve("gaps.csv");
        Files.writeString(p, "x,label\n1,a\n2,\n3,b\n4,NA\n");
        Run r = run("privacy", "train", "--data", p.toString(), "--label", "label", "--model", "logistic", "--no-dp");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("gaps.csv:3: column 'label': expected a label").contains("gaps.csv:5:");
    }

    @Test
    void train_withoutBudget_asksForEpsilonAndDelta() throws IOException {
        Run r = run("privacy", "train", "--data", dataset().toString(), "--label", "label", "--model", "softmax");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--target-epsilon and --delta are required");
    }
}
