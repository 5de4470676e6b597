package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.testkit.ScoringEndpoint;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.PerturbationEvaluation;
import org.rai4j.text.TextClassifier;

class TextPerturbCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path data(Path dir) throws Exception {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, """
                text,label
                He is a great doctor.,1
                She is a nurse.,0
                "Emily wrote the code, and Emily tested it.",1
                His car is fast.,1
                The food was bad.,0
                Greg said she was rude.,0
                """);
        return data;
    }

    /** A model that dislikes "She", "Her" and every African-American name of the bundled lists. */
    private static double[] scores(List<String> texts) {
        return texts.stream().mapToDouble(t -> {
            double s = t.contains("bad") || t.contains("rude") || t.contains("nurse") ? 0.2 : 0.8;
            if (t.startsWith("She ") || t.startsWith("Her ")) {
                s -= 0.35;
            }
            boolean known = t.startsWith("Emily") || t.startsWith("Greg") || t.startsWith("He") || t.startsWith("She")
                    || t.startsWith("His") || t.startsWith("Her") || t.startsWith("The");
            return Math.max(0.01, known ? s : s - 0.4);
        }).toArray();
    }

    /**
     * Loopback: the command against a real HTTP endpoint gives the library's result on the same scoring function
     * in-process, to the bit; texts the perturbations leave unchanged are not sent again.
     */
    @Test
    void perturb_endpoint_equalsInProcessEvaluation(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        try (ScoringEndpoint server = ScoringEndpoint.serving(TextPerturbCommandTest::scores)) {
            CliRun r = CliRun.of("text", "perturb", "--endpoint", server.uri().toString(), "--data", data.toString(),
                    "--text", "text", "--label", "label", "--replicates", "300", "--seed", "4", "--show", "1",
                    "--json", "-");
            assertThat(r.status()).as(r.err()).isZero();
            JsonNode j = JSON.readTree(r.out());
            TextClassifier local = new TextClassifier() {
                @Override
                public double[] scores(List<String> texts) {
                    return TextPerturbCommandTest.scores(texts);
                }

                @Override
                public String name() {
                    return "local";
                }
            };
            PerturbationEvaluation.Result e = PerturbationEvaluation.run(local, data, "text", "label", null,
                    PerturbationEvaluation.perturbations(List.of("pronouns", "pronouns:f2m", "names")),
                    new PerturbationEvaluation.Settings(0.5, 0.95, 300, 4, 1));
            assertThat(j.fieldNames()).toIterable().containsExactly("model", "instances", "threshold", "accuracy",
                    "accuracy_interval", "perturbations", "worst_case_accuracy", "worst_case_interval", "worst_case_delta",
                    "worst_case_delta_interval", "confidence", "replicates", "seed");
            assertThat(j.get("accuracy").asDouble()).isEqualTo(e.accuracy());
            assertThat(j.get("worst_case_accuracy").asDouble()).isEqualTo(e.worstCase());
            assertThat(j.get("worst_case_interval").get(0).asDouble()).isEqualTo(e.worstCaseInterval().lo());
            for (PerturbationEvaluation.Outcome o : e.perturbations()) {
                JsonNode p = j.get("perturbations").get(o.name());
                assertThat(p.get("delta").asDouble()).as(o.name()).isEqualTo(o.delta());
                assertThat(p.get("delta_interval").get(1).asDouble()).isEqualTo(o.deltaInterval().hi());
                assertThat(p.get("changed").asInt()).isEqualTo(o.changed());
                assertThat(p.get("flipped").asInt()).isEqualTo(o.flipped());
            }
            JsonNode names = j.get("perturbations").get("names");
            assertThat(names.get("changed").asInt()).isEqualTo(2);
            JsonNode ex = names.get("examples").get(0);
            assertThat(ex.get("row").asInt()).isEqualTo(3);
            assertThat(ex.get("substitutions")).hasSize(2);
            assertThat(ex.get("substitutions").get(0).get(1).asText()).isEqualTo(ex.get("substitutions").get(1).get(1).asText());
            // the 6 originals, then only the texts each perturbation changed
            int sent = server.batches().stream().mapToInt(Integer::intValue).sum();
            int changed = e.perturbations().stream().mapToInt(PerturbationEvaluation.Outcome::changed).sum();
            assertThat(sent).isEqualTo(6 + changed);
        }
    }

    @Test
    void perturb_savedModel_textOutput(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        List<String> texts = new ArrayList<>();
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            texts.add(i % 2 == 0 ? "He was great and kind " + i : "She was bad and rude " + i);
            labels[i] = i % 2 == 0 ? 1 : 0;
        }
        Path model = dir.resolve("m.bin");
        EmbeddingBagTextClassifier.train(texts, labels, new EmbeddingBagTextClassifier.Settings(256, 4, 5, 0.5, 8, 1))
                .save(model);
        CliRun r = CliRun.of("text", "perturb", "--model", model.toString(), "--data", data.toString(), "--text", "text",
                "--label", "label", "--perturbations", "pronouns:swap,names", "--replicates", "200");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Perturbation evaluation (HELM-style) of m.bin: 6 instances")
                .contains("pronouns:swap").contains("names").contains("worst case")
                .contains("row 1 [He -> She]");
    }

    @Test
    void perturb_badInput_actionableErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "text,label\nHe ran.,1\nShe ran.,2\n");
        try (ScoringEndpoint server = ScoringEndpoint.serving(TextPerturbCommandTest::scores)) {
            String url = server.uri().toString();
            CliRun r = CliRun.of("text", "perturb", "--endpoint", url, "--data", bad.toString(), "--text", "text",
                    "--label", "label");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("bad.csv:3: column 'label': expected 0, 1, true or false");
            CliRun u = CliRun.of("text", "perturb", "--endpoint", url, "--data", data(dir).toString(), "--text", "text",
                    "--label", "label", "--perturbations", "pronouns,typos");
            assertThat(u.status()).isEqualTo(1);
            assertThat(u.err()).contains("unknown perturbation 'typos'").contains("dialect:FILE");
            CliRun d = CliRun.of("text", "perturb", "--endpoint", url, "--data", data(dir).toString(), "--text", "text",
                    "--label", "label", "--perturbations", "dialect:" + dir.resolve("none.tsv"));
            assertThat(d.status()).isEqualTo(1);
            assertThat(d.err()).contains("none.tsv: no such file");
            CliRun c = CliRun.of("text", "perturb", "--endpoint", url, "--data", data(dir).toString(), "--text", "text",
                    "--label", "label", "--confidence", "95");
            assertThat(c.status()).isEqualTo(1);
            assertThat(c.err()).contains("--confidence must be between 0 and 1 (e.g. 0.95), got 95.0");
        }
    }

    @Test
    void ceat_badInput_failsBeforeLoadingTheEncoder(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("text", "ceat", "--embeddings", "minilm-q", "--targets", "weat:male-names",
                "--attributes", "weat:career,weat:family", "--contexts", "c.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--targets and --attributes each take two lists");
        CliRun m = CliRun.of("text", "ceat", "--embeddings", "minilm-q", "--targets", "weat:male-names,weat:female-names",
                "--attributes", "weat:career,weat:family", "--contexts", dir.resolve("none.txt").toString());
        assertThat(m.status()).isEqualTo(1);
        assertThat(m.err()).contains("none.txt: no such file (expected a corpus: one sentence per line)");
    }
}
