package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rai4j bias} end to end: the rai4j.bias/1 JSON shape, Clarify's "Infinity", strict intervals, errors. */
class BiasCommandTest {
    @TempDir
    Path dir;

    /** Clarify's test_DI fixture with predictions that give the reference group (M) no positives: DI = Infinity. */
    private Path data() throws Exception {
        Path f = dir.resolve("b.csv");
        String[] sex = {"M", "F", "F", "M", "F", "M", "F", "F", "M", "M", "F", "F"};
        int[] y = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0};
        int[] p = {0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1};
        StringBuilder sb = new StringBuilder("sex,y,p\n");
        for (int i = 0; i < sex.length; i++) {
            sb.append(sex[i]).append(',').append(y[i]).append(',').append(p[i]).append('\n');
        }
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void clarifyJson_infiniteDisparateImpact_isTheStringInfinity() throws Exception {
        CliRun r = CliRun.of("bias", "--data", data().toString(), "--label", "y", "--prediction", "p", "--facet", "sex",
                "--facet-values", "F", "--positive-label", "1", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.bias/1");
        assertThat(root.get("mode").asText()).isEqualTo("clarify");
        JsonNode res = root.get("results").get(0);
        assertThat(res.get("facet_value").asText()).isEqualTo("F");
        assertThat(res.get("monitored").get("n").asLong()).isEqualTo(7);
        assertThat(res.get("reference").get("n").asLong()).isEqualTo(5);
        JsonNode di = res.get("metrics").get("DI");
        assertThat(di.get("value").asText()).isEqualTo("Infinity");
        assertThat(di.get("ci").isNull()).isTrue();
        assertThat(di.get("status").asText()).isEqualTo("OK");
        assertThat(res.get("metrics").get("CI").get("value").asDouble()).isEqualTo(-2.0 / 12);
    }

    @Test
    void strictJson_zeroDenominator_isUndefinedWithReason_andDefinedMetricsHaveIntervals() throws Exception {
        CliRun r = CliRun.of("bias", "--data", data().toString(), "--label", "y", "--prediction", "p", "--facet", "sex",
                "--facet-values", "F", "--positive-label", "1", "--mode", "strict", "--replicates", "200", "--json", "-");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(r.out()).get("results").get(0).get("metrics");
        assertThat(m.get("DI").get("status").asText()).isEqualTo("UNDEFINED");
        assertThat(m.get("DI").get("value").isNull()).isTrue();
        assertThat(m.get("DI").get("reason").asText()).contains("reference group");
        assertThat(m.get("DPL").get("ci").size()).isEqualTo(2);
        assertThat(m.get("DPL").get("ci").get(0).asDouble()).isLessThanOrEqualTo(m.get("DPL").get("value").asDouble());
    }

    @Test
    void noPositiveRule_isAUsageErrorNamingBothOptions() throws Exception {
        CliRun r = CliRun.of("bias", "--data", data().toString(), "--label", "y", "--facet", "sex");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--positive-label").contains("--label-threshold");
    }

    @Test
    void unknownFacetValue_namesTheObservedValues() throws Exception {
        CliRun r = CliRun.of("bias", "--data", data().toString(), "--label", "y", "--facet", "sex", "--facet-values", "X",
                "--positive-label", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("'X' never occurs").contains("M, F");
    }
}
