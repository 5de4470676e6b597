package org.rai4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;
import org.rai4j.fairness.SliceComparison;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonJsonTest {
    @Test
    void toJson_comparison_hasTheDocumentedKeys() throws Exception {
        ComparisonResult r = LastMileComparison.compare(SampleAudits.binary(1), SampleAudits.binary(2), ComparisonSpec.of("error_rate"));
        JsonNode root = new ObjectMapper().readTree(ComparisonJson.toJson(r, "base.json", "cand.json"));
        assertThat(root.get("schema").asText()).isEqualTo("rai4j.compare/1");
        assertThat(root.get("slices").size()).isEqualTo(r.slices().size());
        for (int i = 0; i < r.slices().size(); i++) {
            JsonNode s = root.get("slices").get(i);
            SliceComparison c = r.slices().get(i);
            assertThat(names(s)).containsExactly("slice", "baseline", "candidate", "change", "differential", "flag", "reason");
            assertThat(names(s.get("change"))).startsWith("value", "ci");
            assertThat(names(s.get("differential"))).startsWith("value", "ci");
            assertThat(s.get("flag").asText()).isEqualTo(c.flag().name());
            if (c.change().isOk()) {
                assertThat(s.get("change").get("value").asDouble()).isEqualTo(c.change().value());
                assertThat(s.get("change").get("ci").get(0).asDouble()).isEqualTo(c.change().interval().lo());
            } else {
                assertThat(s.get("change").get("value").isNull()).isTrue();
            }
        }
        JsonNode summary = root.get("summary");
        assertThat(summary.get("flags").get("DIFFERENTIAL_DEGRADATION").asInt()).isEqualTo(r.flagged(
                org.rai4j.fairness.ChangeFlag.DIFFERENTIAL_DEGRADATION).size());
        assertThat(summary.get("verdict").asText()).isEqualTo(ComparisonReport.verdict(r));
        assertThat(root.get("baseline").get("source").asText()).isEqualTo("base.json");
        assertThat(root.get("reference").asText()).isEqualTo("rest");
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }
}
