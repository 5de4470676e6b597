package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static String goodCsv() {
        StringBuilder sb = new StringBuilder("sex,y_true,y_pred\n");
        for (int i = 0; i < 200; i++) {
            String sex = i % 2 == 0 ? "F" : "M";
            int y = i % 3 == 0 ? 1 : 0;
            int p = (i % 2 == 0) ? y : (i % 5 == 0 ? 1 - y : y);
            sb.append(sex).append(',').append(y).append(',').append(p).append('\n');
        }
        return sb.toString();
    }

    @Test
    void audit_goodFile_printsTableAndWritesJsonContract() throws Exception {
        Path csv = write("data.csv", goodCsv());
        Path json = dir.resolve("out/audit.json");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--group", "sex", "--bootstrap", "200", "--json", json.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("sex=F").contains("selection_rate").contains("demographic_parity_difference");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.audit/1");
        assertThat(root.get("task").asText()).isEqualTo("binary");
        assertThat(root.get("n").asLong()).isEqualTo(200);
        assertThat(root.at("/overall/metrics/selection_rate/ci").size()).isEqualTo(2);
        assertThat(root.at("/groups/0/slice/sex").asText()).isEqualTo("F");
        assertThat(root.at("/groups/0/counts").has("tp")).isTrue();
        assertThat(root.at("/aggregates/selection_rate").has("difference_to_overall")).isTrue();
        assertThat(root.at("/fairness/equalized_odds_difference").has("significant")).isTrue();
        assertThat(root.at("/provenance/inputs_sha256").size()).isEqualTo(1);
        assertThat(root.get("by_control").isArray()).isTrue();
    }

    /**
     * {@code audit --score} on a large file with continuous scores takes the score-bin bootstrap (cost per
     * replicate independent of N) and records the grid and the error bounds; the point AUC stays exact.
     */
    @Test
    void audit_scoreOnALargeFile_takesTheBinnedBootstrap_andRecordsItsBounds() throws Exception {
        Path csv = dir.resolve("large.csv");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        try (java.io.BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("g,y,p,score\n");
            for (int i = 0; i < 300_000; i++) {
                int y = rng.nextDouble() < 0.3 ? 1 : 0;
                double s = org.rai4j.core.Gaussian.cdf(rng.nextGaussian() + y);
                w.write("g" + (i % 4) + "," + y + "," + (s >= 0.5 ? 1 : 0) + "," + String.format(java.util.Locale.ROOT, "%.6f", s) + "\n");
            }
        }
        Path json = dir.resolve("large.json");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--score", "score",
                "--group", "g", "--bootstrap", "200", "--json", json.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("bootstrap_method").asText()).isEqualTo("multinomial-score-bins");
        JsonNode bins = root.get("score_binning");
        assertThat(bins.get("exact").asBoolean()).isFalse();
        assertThat(bins.get("bins").asInt()).isBetween(512, 2048);
        assertThat(bins.get("auc_error_bound").asDouble()).isPositive().isLessThan(0.005);
        assertThat(bins.get("ece_error_bound").asDouble()).isLessThanOrEqualTo(1.0 / 512);
        assertThat(root.at("/overall/metrics/auc/ci").size()).isEqualTo(2);
        assertThat(root.at("/overall/metrics/auc/value").asDouble()).isBetween(0.70, 0.82); // binormal, mu = 1: 0.760
    }

    @Test
    void audit_failIfHolds_exitsWith3() throws Exception {
        Path csv = write("data.csv", goodCsv());
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--group", "sex", "--bootstrap", "50", "--fail-if", "equalized_odds_difference > 0.01");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("gate failed: equalized_odds_difference > 0.01");
        CliRun pass = CliRun.of("audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--group", "sex", "--bootstrap", "50", "--fail-if", "equalized_odds_difference > 0.9");
        assertThat(pass.status()).isZero();
    }

    @Test
    void audit_positiveLabelNeverOccurs_exit1WithTheValuesSeen() throws Exception {
        Path csv = write("data.csv", goodCsv());
        Path json = dir.resolve("audit.json");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--group", "sex", "--positive-label", "yes", "--json", json.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ": the positive label 'yes' never occurs in column "
                + "'y_true' or column 'y_pred'; values seen: '1', '0' (set --positive-label to one of them)"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(json).doesNotExist();
    }

    @Test
    void audit_badValue_oneClearErrorAndNoOutputFile() throws Exception {
        Path csv = write("data.csv", "sex,y_true,y_pred\nF,1,0\nM,0,yes\n");
        Path json = dir.resolve("audit.json");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--group", "sex", "--json", json.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ":3: column 'y_pred': expected 1 or 0, got 'yes'" + System.lineSeparator());
        assertThat(json).doesNotExist();
    }

    @Test
    void audit_raggedUnknownEmpty_eachNamed() throws Exception {
        CliRun ragged = CliRun.of("audit", "--data", write("r.csv", "sex,y_true,y_pred\nF,1\n").toString(),
                "--label", "y_true", "--prediction", "y_pred", "--group", "sex");
        assertThat(ragged.status()).isEqualTo(1);
        assertThat(ragged.err()).contains("r.csv:2: expected 3 fields as in the header, got 2");
        CliRun unknown = CliRun.of("audit", "--data", write("u.csv", goodCsv()).toString(),
                "--label", "y_true", "--prediction", "y_hat", "--group", "sex");
        assertThat(unknown.err()).contains("u.csv:1: column 'y_hat': no such column; expected one of sex, y_true, y_pred");
        CliRun empty = CliRun.of("audit", "--data", write("e.csv", "").toString(),
                "--label", "y_true", "--prediction", "y_pred", "--group", "sex");
        assertThat(empty.err()).contains("e.csv:1: expected a header line, but the file is empty");
        CliRun nonBinary = CliRun.of("audit", "--data", write("n.csv", "sex,y_true,y_pred\nF,1,1\nM,3,0\n").toString(),
                "--label", "y_true", "--prediction", "y_pred", "--group", "sex");
        assertThat(nonBinary.err()).contains("n.csv:3: column 'y_true': expected 1 or 0, got '3'");
    }

    @Test
    void demo_runsOnBundledGermanCredit() throws Exception {
        Path json = dir.resolve("demo.json");
        CliRun r = CliRun.of("demo", "--bootstrap", "100", "--json", json.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("German credit: 1000 applicants").contains("sex=female").contains("age_band=60+");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("n").asLong()).isEqualTo(300);
        assertThat(root.at("/overall/metrics/auc/value").asDouble()).isBetween(0.6, 0.95);
    }
}
