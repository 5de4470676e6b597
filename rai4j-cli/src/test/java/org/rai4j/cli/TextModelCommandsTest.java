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

class TextModelCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path corpus(Path dir) throws Exception {
        List<String> rows = new ArrayList<>(List.of("id,review,label"));
        String[] who = {"She", "He", "My mother", "My father", "We"};
        String[] end = {"it was great", "it was awful"};
        int id = 1;
        for (int rep = 0; rep < 6; rep++) {
            for (int w = 0; w < who.length; w++) {
                for (int e = 0; e < 2; e++) {
                    int label = (e == 0) == (w % 2 == 0 || rep % 3 == 0) ? 1 : 0;
                    rows.add(id++ + "," + who[w] + " ate and " + end[e] + "," + (label == 1 ? "yes" : "no"));
                }
            }
        }
        Path csv = dir.resolve("reviews.csv");
        Files.write(csv, rows);
        return csv;
    }

    @Test
    void train_thenCounterfactual_byFileAndByEndpoint_agree(@TempDir Path dir) throws Exception {
        Path csv = corpus(dir);
        Path model = dir.resolve("m.bin");
        CliRun t = CliRun.of("text", "train", "--data", csv.toString(), "--text", "review", "--label", "label",
                "--positive-label", "yes", "--buckets", "128", "--dim", "4", "--epochs", "20", "--out", model.toString(),
                "--json", "-");
        assertThat(t.status()).as(t.err()).isZero();
        JsonNode tj = JSON.readTree(t.out().substring(0, t.out().lastIndexOf("rai4j: wrote")));
        assertThat(tj.get("examples").asInt()).isEqualTo(60);
        assertThat(tj.get("settings").get("buckets").asInt()).isEqualTo(128);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.load(model);
        assertThat(m.buckets()).isEqualTo(128);

        CliRun byFile = CliRun.of("text", "counterfactual", "--model", model.toString(), "--data", csv.toString(),
                "--text", "review", "--label", "label", "--positive-label", "yes", "--show", "2", "--json", "-");
        assertThat(byFile.status()).as(byFile.err()).isZero();
        JsonNode f = JSON.readTree(byFile.out());
        assertThat(f.fieldNames()).toIterable().containsExactly("model", "data", "texts", "gap", "by_label", "confidence",
                "replicates", "seed", "pairs");
        assertThat(f.get("gap").get("evaluated").asInt()).isEqualTo(48);
        assertThat(f.get("gap").get("skipped").asInt()).isEqualTo(12);
        assertThat(f.get("pairs")).hasSize(2);
        assertThat(f.get("pairs").get(0).get("swapped").asText()).isEqualTo("He ate and it was great");
        try (ScoringEndpoint server = ScoringEndpoint.serving(m::scores)) {
            CliRun byHttp = CliRun.of("text", "counterfactual", "--endpoint", server.uri().toString(), "--batch", "7",
                    "--data", csv.toString(), "--text", "review", "--label", "label", "--positive-label", "yes",
                    "--show", "2", "--json", "-");
            assertThat(byHttp.status()).as(byHttp.err()).isZero();
            JsonNode h = JSON.readTree(byHttp.out());
            assertThat(h.get("gap")).isEqualTo(f.get("gap"));
            assertThat(h.get("by_label")).isEqualTo(f.get("by_label"));
            assertThat(h.get("pairs")).isEqualTo(f.get("pairs"));
        }
        CliRun text = CliRun.of("text", "counterfactual", "--model", model.toString(), "--data", csv.toString(),
                "--text", "review");
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("60 texts; 48 with a gendered word, 12 left out").doesNotContain("label 0");
    }

    @Test
    void badInput_isNamed_andNothingIsWritten(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "review,label\nshe ate,1\nhe ate,2\n");
        Path model = dir.resolve("m.bin");
        CliRun r = CliRun.of("text", "train", "--data", csv.toString(), "--text", "review", "--label", "label",
                "--out", model.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("d.csv:3: column 'label': expected 0, 1, true or false");
        assertThat(model).doesNotExist();
        CliRun none = CliRun.of("text", "counterfactual", "--data", csv.toString(), "--text", "review");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("give exactly one of --model FILE");
        CliRun same = CliRun.of("text", "train", "--data", csv.toString(), "--text", "review", "--label", "label",
                "--out", csv.toString());
        assertThat(same.status()).isEqualTo(1);
        assertThat(same.err()).contains("it is the input given with --data");
    }

    /**
     * {@code text mentions} then {@code audit --group identity}: the equalized-odds difference equals the largest
     * TPR or FPR gap between identities, recomputed here from the written CSV.
     */
    @Test
    void mentionsThenAudit_equalizedOddsDifference_equalsIndependentComputation(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        List<String> rows = new ArrayList<>(List.of("comment,toxic,score"));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        String[] who = {"gay", "straight", "muslim"};
        for (int i = 0; i < 300; i++) {
            String w = who[i % 3];
            int y = rng.nextInt(2);
            double s = 0.3 * y + rng.nextDouble() * 0.6 + (w.equals("muslim") ? 0.15 : 0);
            rows.add("I am a " + w + " person," + y + "," + s);
        }
        Files.write(csv, rows);
        Path terms = dir.resolve("t.txt");
        Files.writeString(terms, "gay\nstraight\nmuslim\n");
        Path out = dir.resolve("g.csv");
        CliRun m = CliRun.of("text", "mentions", "--data", csv.toString(), "--text", "comment", "--identities",
                terms.toString(), "--score", "score", "--threshold", "0.5", "--out", out.toString());
        assertThat(m.status()).as(m.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("comment,toxic,score,identity,predicted");
        java.util.Map<String, int[]> c = new java.util.TreeMap<>(); // tp, pos, fp, neg
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int[] k = c.computeIfAbsent(f[3], x -> new int[4]);
            boolean y = f[1].equals("1");
            boolean p = f[4].equals("1");
            assertThat(p).isEqualTo(Double.parseDouble(f[2]) >= 0.5);
            k[y ? 0 : 2] += p ? 1 : 0;
            k[y ? 1 : 3]++;
        }
        assertThat(c.keySet()).containsExactly("gay", "muslim", "straight");
        double tprGap = c.values().stream().mapToDouble(k -> (double) k[0] / k[1]).max().orElseThrow()
                - c.values().stream().mapToDouble(k -> (double) k[0] / k[1]).min().orElseThrow();
        double fprGap = c.values().stream().mapToDouble(k -> (double) k[2] / k[3]).max().orElseThrow()
                - c.values().stream().mapToDouble(k -> (double) k[2] / k[3]).min().orElseThrow();
        CliRun a = CliRun.of("audit", "--data", out.toString(), "--label", "toxic", "--prediction", "predicted",
                "--group", "identity", "--bootstrap", "200", "--json", "-");
        assertThat(a.status()).as(a.err()).isZero();
        JsonNode eo = JSON.readTree(a.out()).path("fairness").path("equalized_odds_difference");
        assertThat(eo.path("value").asDouble()).isCloseTo(Math.max(tprGap, fprGap), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(eo.path("ci").size()).isEqualTo(2);
    }

    /**
     * {@code --onnx FILE}: an ONNX tree ensemble over MiniLM-q vectors (P(1) = 0.9 when the vector's first component is
     * above 0, else 0.2) gives the same counterfactual gap as the library on the same classifier, bit for bit.
     */
    @Test
    void counterfactual_onnxClassifierOverMiniLm_equalsTheLibrary(@TempDir Path dir) throws Exception {
        Path csv = corpus(dir);
        var tree = new org.rai4j.onnx.TreeEnsembleOnnx.Tree(List.of(
                new org.rai4j.onnx.TreeEnsembleOnnx.Branch(0, 0f, 1, 2, false),
                new org.rai4j.onnx.TreeEnsembleOnnx.Leaf(new float[] {0.8f, 0.2f}),
                new org.rai4j.onnx.TreeEnsembleOnnx.Leaf(new float[] {0.1f, 0.9f})));
        Path onnx = dir.resolve("head.onnx");
        Files.write(onnx, org.rai4j.onnx.TreeEnsembleOnnx.classifier(384, new long[] {0, 1}, List.of(tree), true));
        CliRun r = CliRun.of("text", "counterfactual", "--onnx", onnx.toString(), "--data", csv.toString(),
                "--text", "review", "--replicates", "200", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, 61)) {
            texts.add(line.split(",")[1]);
        }
        try (var model = org.rai4j.onnx.OnnxModel.load(onnx, org.rai4j.onnx.OnnxLimits.DEFAULT)) {
            var c = new org.rai4j.text.OnnxHeadTextClassifier(org.rai4j.text.SentenceEncoders.miniLmQuantized(), model);
            var expected = org.rai4j.text.CounterfactualGap.measure(texts, c::score, org.rai4j.text.GenderSwap.english(),
                    0.95, 200, 1);
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.toString()).contains(Double.toString(expected.gap()));
            assertThat(expected.evaluated()).isPositive();
        }
        CliRun two = CliRun.of("text", "counterfactual", "--onnx", onnx.toString(), "--model", onnx.toString(),
                "--data", csv.toString(), "--text", "review");
        assertThat(two.status()).isEqualTo(1);
        assertThat(two.err()).contains("give exactly one of").contains("2 were given");
    }

    /** An endpoint that answers out of protocol is the user's problem to fix: one line naming it, exit 1, no trace. */
    @Test
    void endpointOutOfProtocol_isAUserError_notAnInternalOne(@TempDir Path dir) throws Exception {
        Path csv = corpus(dir);
        try (ScoringEndpoint server = ScoringEndpoint.raw(ex -> ScoringEndpoint.reply(ex, 200, "{\"scores\":[1.5]}"))) {
            CliRun r = CliRun.of("text", "counterfactual", "--endpoint", server.uri().toString(), "--data", csv.toString(),
                    "--text", "review");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).startsWith("rai4j: error: ").contains(server.uri().toString())
                    .doesNotContain("internal error").doesNotContain("\tat ");
        }
    }

    @Test
    void augment_writesTheCorpus_andCompare_reportsBothModels(@TempDir Path dir) throws Exception {
        Path csv = corpus(dir);
        Path out = dir.resolve("aug.csv");
        CliRun a = CliRun.of("text", "augment", "--data", csv.toString(), "--text", "review", "--method", "cda",
                "--out", out.toString());
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out()).contains("60 rows in, 48 with a gendered word").contains("108 rows out, 48 of them swapped");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(109);
        assertThat(lines.get(61)).isEqualTo("1,He ate and it was great,yes");
        CliRun c = CliRun.of("text", "augment", "--data", csv.toString(), "--text", "review", "--method", "CDS",
                "--compare", "--test", csv.toString(), "--label", "label", "--positive-label", "yes", "--buckets", "64",
                "--dim", "4", "--epochs", "5", "--replicates", "200", "--json", "-");
        assertThat(c.status()).as(c.err()).isZero();
        JsonNode j = JSON.readTree(c.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("method", "data", "rows_in", "gendered_rows", "rows_out",
                "swapped_rows", "test_texts", "original", "augmented", "gap_difference", "confidence",
                "replicates", "seed");
        assertThat(j.get("original").get("training_texts").asInt()).isEqualTo(60);
        assertThat(j.get("gap_difference").get("value").asDouble()).isCloseTo(
                j.get("augmented").get("gap").get("value").asDouble() - j.get("original").get("gap").get("value").asDouble(),
                org.assertj.core.data.Offset.offset(1e-12));
        CliRun bad = CliRun.of("text", "augment", "--data", csv.toString(), "--text", "review", "--method", "swap",
                "--out", out.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--method: the augmentation method must be cda or cds, got 'swap'");
        CliRun noOut = CliRun.of("text", "augment", "--data", csv.toString(), "--text", "review", "--method", "cda");
        assertThat(noOut.status()).isEqualTo(1);
        assertThat(noOut.err()).contains("give --out FILE");
    }

    @Test
    void sensitivity_exactForAModelFile_occlusionForAnEndpoint(@TempDir Path dir) throws Exception {
        Path csv = corpus(dir);
        Path model = dir.resolve("m.bin");
        assertThat(CliRun.of("text", "train", "--data", csv.toString(), "--text", "review", "--label", "label",
                "--positive-label", "yes", "--buckets", "128", "--dim", "4", "--out", model.toString()).status()).isZero();
        Path terms = dir.resolve("terms.txt");
        Files.writeString(terms, "# gender\nshe\nhe\nmother\nfather\n");
        CliRun f = CliRun.of("text", "sensitivity", "--model", model.toString(), "--data", csv.toString(), "--text",
                "review", "--protected-terms", terms.toString(), "--json", "-");
        assertThat(f.status()).as(f.err()).isZero();
        JsonNode fj = JSON.readTree(f.out());
        assertThat(fj.get("method").asText()).isEqualTo("accumulated_prediction_sensitivity");
        assertThat(fj.get("evaluated").asInt()).isEqualTo(48);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.load(model);
        List<String> texts = org.rai4j.text.LabelledTexts.read(csv, "review", null, null).texts();
        org.rai4j.text.PredictionSensitivity.Lexicon lex = new org.rai4j.text.PredictionSensitivity.Lexicon(
                java.util.Set.of("she", "he", "mother", "father"), "terms.txt");
        assertThat(fj.get("mean").asDouble()).isEqualTo(org.rai4j.text.PredictionSensitivity.measure("x", texts, m, lex,
                0.95, 1000, 1).mean());
        try (ScoringEndpoint server = ScoringEndpoint.serving(m::scores)) {
            CliRun h = CliRun.of("text", "sensitivity", "--endpoint", server.uri().toString(), "--data", csv.toString(),
                    "--text", "review", "--protected-terms", terms.toString(), "--json", "-");
            assertThat(h.status()).as(h.err()).isZero();
            JsonNode hj = JSON.readTree(h.out());
            assertThat(hj.get("method").asText()).isEqualTo("occlusion_sensitivity");
            double[] occ = org.rai4j.text.PredictionSensitivity.perText(texts, m, lex,
                    org.rai4j.text.PredictionSensitivity.Method.OCCLUSION);
            assertThat(hj.get("mean").asDouble()).isCloseTo(java.util.Arrays.stream(occ).filter(v -> !Double.isNaN(v))
                    .average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-12));
        }
        CliRun none = CliRun.of("text", "sensitivity", "--model", model.toString(), "--data", csv.toString(), "--text",
                "review");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("give exactly one of --protected-terms FILE and --protected-model FILE");
    }
}
