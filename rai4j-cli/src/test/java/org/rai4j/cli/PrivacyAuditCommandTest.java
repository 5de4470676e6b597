package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rai4j privacy audit}: the command parses, calls {@code PrivacyAudit.run} and renders; these check the renderings and errors. */
class PrivacyAuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static String data;

    @BeforeAll
    static void data() throws Exception {
        dir = Files.createTempDirectory("rai4j-privacy-audit");
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder sb = new StringBuilder("x1,x2,colour,label\n");
        for (int i = 0; i < 400; i++) {
            boolean pos = rng.nextBoolean();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s%n", (pos ? 1 : -1) + rng.nextGaussian(), rng.nextGaussian(),
                    rng.nextBoolean() ? "red" : "blue", pos ? "yes" : "no"));
        }
        data = dir.resolve("data.csv").toString();
        Files.writeString(Path.of(data), sb);
    }

    @Test
    void quick_json_hasTheSchemaAndOneRowPerEpsilon() throws Exception {
        CliRun r = CliRun.of("privacy", "audit", "--data", data, "--label", "label", "--quick", "--epsilons", "inf,2",
                "--canaries", "20", "--epochs", "3", "--json", "-", "--html", dir.resolve("audit.html").toString());
        assertThat(r.status()).as(r.err()).isZero();
        String json = r.out().substring(0, r.out().lastIndexOf("}") + 1);
        JsonNode o = JSON.readTree(json);
        assertThat(o.get("schema").asText()).isEqualTo("rai4j.privacy-audit/1");
        assertThat(o.get("settings").get("reference_models").asInt()).isEqualTo(4);
        assertThat(o.get("data").get("canaries").asInt()).isEqualTo(20);
        JsonNode rows = o.get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("theoretical_epsilon").asText()).isEqualTo("Infinity");
        assertThat(rows.get(1).get("theoretical_epsilon").asDouble()).isEqualTo(2.0);
        assertThat(rows.get(1).get("noise_multiplier").asDouble()).isPositive();
        assertThat(rows.get(0).get("noise_multiplier").isNull()).isTrue();
        for (JsonNode row : rows) {
            assertThat(row.get("test_accuracy").get("ci")).hasSize(2);
            assertThat(row.get("empirical_epsilon_lower_bound").isNumber()).isTrue();
            JsonNode attacks = row.get("attacks");
            assertThat(attacks.fieldNames()).toIterable().containsExactly("loss", "lira-offline", "lira-online", "shadow");
            for (JsonNode a : attacks) {
                double auc = a.get("auc").get("value").asDouble();
                assertThat(a.get("auc").get("ci").get(0).asDouble()).isLessThanOrEqualTo(auc);
                assertThat(a.get("auc").get("ci").get(1).asDouble()).isGreaterThanOrEqualTo(auc);
                assertThat(a.has("tpr_at_0.001_fpr")).isTrue();
                assertThat(a.has("tpr_at_0.01_fpr")).isTrue();
                assertThat(a.has("balanced_accuracy")).isTrue();
                assertThat(a.get("empirical_epsilon_lower_bound").get("value").isNumber()).isTrue();
            }
        }
        assertThat(r.out()).contains("rai4j: wrote " + dir.resolve("audit.html"));
        String html = Files.readString(dir.resolve("audit.html"));
        assertThat(html).contains("<svg").contains("ROC curves at theoretical epsilon inf (log-log)")
                .contains("false positive rate (log)").doesNotContain("<script");
    }

    @Test
    void text_printsOneBlockPerEpsilonWithEveryAttack() {
        CliRun r = CliRun.of("privacy", "audit", "--data", data, "--label", "label", "--epsilons", "1", "--attacks", "loss",
                "--canaries", "20", "--epochs", "2", "--replicates", "50");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("privacy audit of " + data + ": logistic").contains("theoretical epsilon 1 (sigma ")
                .contains("no reference models").contains("  loss  ").doesNotContain("lira");
    }

    @Test
    void missingLabel_namesFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readString(Path.of(data)) + "0.1,0.2,red,\n");
        CliRun r = CliRun.of("privacy", "audit", "--data", bad.toString(), "--label", "label", "--quick");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:402").contains("'label'").contains("missing");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badOptions_areUserErrors() {
        CliRun eps = CliRun.of("privacy", "audit", "--data", data, "--label", "label", "--epsilons", "inf,eight");
        assertThat(eps.status()).isEqualTo(1);
        assertThat(eps.err()).contains("--epsilons: 'eight' is not a number or inf");
        CliRun attack = CliRun.of("privacy", "audit", "--data", data, "--label", "label", "--attacks", "loss,lira");
        assertThat(attack.status()).isEqualTo(1);
        assertThat(attack.err()).contains("unknown attack 'lira'");
        CliRun column = CliRun.of("privacy", "audit", "--data", data, "--label", "nope", "--quick");
        assertThat(column.status()).isEqualTo(1);
        assertThat(column.err()).contains("--label 'nope' is not a column of");
    }
}
