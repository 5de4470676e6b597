package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rai4j mitigate} end to end on generated data with a built-in gap: JSON shape, predictions CSV, errors. */
class MitigateCommandTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("g,x,y,score\n");
        for (int i = 0; i < 1200; i++) {
            int g = rng.nextInt(2);
            double x = rng.nextDouble() + 0.3 * g;
            int y = rng.nextDouble() < x ? 1 : 0;
            sb.append(g == 1 ? "a" : "b").append(',').append(x).append(',').append(y).append(',').append(Math.min(1, x)).append('\n');
        }
        Path f = dir.resolve("m.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void threshold_json_hasComparisonsAndBothAudits_andCsvHasTheDecisions() throws Exception {
        Path out = dir.resolve("pred.csv");
        CliRun r = CliRun.of("mitigate", "--data", data().toString(), "--method", "threshold", "--constraint", "dp",
                "--label", "y", "--group", "g", "--score", "score", "--bootstrap", "200", "--json", "-", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.mitigate/1");
        assertThat(root.get("comparison").get(1).get("metric").asText()).isEqualTo("demographic_parity_difference");
        assertThat(root.get("comparison").get(1).get("change_ci").size()).isEqualTo(2);
        assertThat(root.get("audit_before").get("schema").asText()).isEqualTo("rai4j.audit/1");
        assertThat(root.get("test_rows").asInt()).isEqualTo(360);
        String csv = Files.readString(out);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("g,x,y,score,split,prediction_before,prediction_after");
        assertThat(csv.lines().count()).isEqualTo(1201);
        assertThat(r.err()).contains("accuracy cost");
    }

    @Test
    void reweighWithoutFeatures_isAnErrorNamingTheOption() throws Exception {
        CliRun r = CliRun.of("mitigate", "--data", data().toString(), "--method", "reweigh", "--label", "y", "--group", "g");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--features");
    }
}
