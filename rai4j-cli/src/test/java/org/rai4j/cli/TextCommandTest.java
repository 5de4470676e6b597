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

class TextCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void biasAuc_json_hasExactlyTheIssueKeys_andTheReferenceValues(@TempDir Path dir) throws Exception {
        // the reference implementation's biased dataset (model_bias_analysis_test.py), subgroup = texts mentioning "gay"
        Path data = dir.resolve("d.csv");
        List<String> rows = new ArrayList<>(List.of("text,label,score"));
        double[][] groups = {{0.1, 0.2, 0.3}, {0.21, 0.31, 0.55}, {0.5, 0.8, 0.9}, {0.4, 0.6, 0.71}};
        for (int g = 0; g < 4; g++) {
            for (double s : groups[g]) {
                rows.add((g % 2 == 1 ? "\"I am gay, hi\"" : "hello there") + "," + (g >= 2 ? 1 : 0) + "," + s);
            }
        }
        Files.write(data, rows);
        Path terms = dir.resolve("terms.txt");
        Files.writeString(terms, "# identity terms\ngay\nmuslim\n");
        CliRun r = CliRun.of("text", "bias-auc", "--data", data.toString(), "--text", "text", "--label", "label",
                "--score", "score", "--identities", terms.toString(), "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("overall_auc", "identities", "generalized_means",
                "final_score");
        JsonNode gay = j.get("identities").get("gay");
        assertThat(gay.fieldNames()).toIterable().containsExactly("n", "subgroup_auc", "bpsn_auc", "bnsp_auc");
        assertThat(gay.get("n").asLong()).isEqualTo(6);
        assertThat(gay.get("subgroup_auc").asDouble()).isEqualTo(8.0 / 9);
        assertThat(gay.get("bpsn_auc").asDouble()).isEqualTo(8.0 / 9);
        assertThat(gay.get("bnsp_auc").asDouble()).isEqualTo(1.0);
        assertThat(j.get("identities").get("muslim").get("subgroup_auc").isNull()).isTrue();
        assertThat(j.get("generalized_means").get("subgroup_auc").asDouble()).isEqualTo(8.0 / 9, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void biasAuc_badLabel_namesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "text,label,score\na,1,0.5\nb,maybe,0.5\n");
        Path terms = dir.resolve("terms.txt");
        Files.writeString(terms, "a\n");
        CliRun r = CliRun.of("text", "bias-auc", "--data", data.toString(), "--text", "text", "--label", "label",
                "--score", "score", "--identities", terms.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("d.csv:3: column 'label': expected 0, 1, true or false, got 'maybe'");
    }

    @Test
    void weat_json_hasTheIssueKeys_andSentBiasValues(@TempDir Path dir) throws Exception {
        Path vectors = Path.of(getClass().getResource("/org/rai4j/cli/text/sentbias-toy.w2v.txt").toURI());
        for (String set : List.of("x", "y", "a", "b")) {
            Files.writeString(dir.resolve(set + ".txt"), set + "0\n" + set + "1\n" + set + "2\n" + set + "3\n");
        }
        CliRun r = CliRun.of("text", "weat", "--embeddings", vectors.toString(), "--targets",
                dir.resolve("x.txt") + "," + dir.resolve("y.txt"), "--attributes",
                dir.resolve("a.txt") + "," + dir.resolve("b.txt"), "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().startsWith("effect_size", "p_value", "permutations", "std_ddof", "exact");
        assertThat(j.get("effect_size").asDouble()).isCloseTo(-0.5483337931868121, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.get("p_value").asDouble()).isEqualTo(53.0 / 70);
        assertThat(j.get("permutations").asLong()).isEqualTo(70);
        assertThat(j.get("std_ddof").asInt()).isEqualTo(1);
        assertThat(j.get("exact").asBoolean()).isTrue();

        CliRun pop = CliRun.of("text", "weat", "--embeddings", vectors.toString(), "--targets",
                dir.resolve("x.txt") + "," + dir.resolve("y.txt"), "--attributes",
                dir.resolve("a.txt") + "," + dir.resolve("b.txt"), "--std", "population", "--permutations", "20",
                "--json", "-");
        JsonNode p = JSON.readTree(pop.out());
        assertThat(p.get("std_ddof").asInt()).isZero();
        assertThat(p.get("exact").asBoolean()).isFalse();
        assertThat(p.get("permutations").asLong()).isEqualTo(20);

        Files.writeString(dir.resolve("y.txt"), "y0\nnope\n");
        CliRun missing = CliRun.of("text", "weat", "--embeddings", vectors.toString(), "--targets",
                dir.resolve("x.txt") + "," + dir.resolve("y.txt"), "--attributes",
                dir.resolve("a.txt") + "," + dir.resolve("b.txt"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no vector for 1 listed word(s): nope");
    }
}
