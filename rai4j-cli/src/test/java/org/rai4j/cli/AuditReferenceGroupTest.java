package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rai4j audit --reference-group}: disparities in the JSON and the HTML, nothing added without the option. */
class AuditReferenceGroupTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        StringBuilder sb = new StringBuilder("g,y,p\n");
        int[][] cells = {{120, 1, 1}, {60, 1, 0}, {30, 0, 1}, {90, 0, 0}};
        for (String g : new String[] {"A", "B"}) {
            for (int[] c : cells) {
                int n = g.equals("A") ? c[0] : c[0] / 2 + (c[2] == 1 ? -20 : 20);
                for (int i = 0; i < n; i++) {
                    sb.append(g).append(',').append(c[1]).append(',').append(c[2]).append('\n');
                }
            }
        }
        Path f = dir.resolve("a.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void json_withReferenceGroup_hasDisparities_andWithoutItHasNone() throws Exception {
        Path f = data();
        CliRun with = CliRun.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p", "--group", "g",
                "--bootstrap", "0", "--reference-group", "majority", "--json", "-");
        assertThat(with.status()).as(with.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(with.out()).get("disparities");
        assertThat(d.get("reference_group").asText()).isEqualTo("majority");
        assertThat(d.get("parity_tolerance").asDouble()).isEqualTo(0.8);
        JsonNode first = d.get("rows").get(0);
        assertThat(first.get("metric").asText()).isEqualTo("ppr");
        assertThat(first.get("reference_group").asText()).isEqualTo("A");
        CliRun without = CliRun.of("audit", "--data", f.toString(), "--label", "y", "--prediction", "p", "--group", "g",
                "--bootstrap", "0", "--json", "-");
        assertThat(new ObjectMapper().readTree(without.out()).has("disparities")).isFalse();
    }

    @Test
    void html_withReferenceGroup_hasTheDisparitiesSection() throws Exception {
        Path html = dir.resolve("r.html");
        CliRun r = CliRun.of("audit", "--data", data().toString(), "--label", "y", "--prediction", "p", "--group", "g",
                "--bootstrap", "0", "--reference-group", "g=B", "--parity-tolerance", "0.9", "--html", html.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("Disparities (Aequitas)").contains("Equalized Odds").contains("0.90 ≤ disparity ≤ 1.11");
        assertThat(r.out()).contains("disparities (Aequitas): reference group g=B");
    }

    @Test
    void badReferenceGroup_failsBeforeAnyWork() throws Exception {
        CliRun r = CliRun.of("audit", "--data", data().toString(), "--label", "y", "--prediction", "p", "--group", "g",
                "--reference-group", "biggest");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("majority, min_metric or COL=VALUE");
    }
}
