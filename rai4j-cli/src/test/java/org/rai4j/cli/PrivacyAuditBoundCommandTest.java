package org.rai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrivacyAuditBoundCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void auditBound_json_printsTheReferenceBoundFirst() throws Exception {
        // Steinke, Nasr, Jagielski 2023 reference procedure (scipy): m=1000, r=100, v=90, delta=1e-5, p=0.05
        CliRun r = run("privacy", "audit-bound", "--canaries", "1000", "--guesses", "100", "--correct", "90",
                "--delta", "1e-5", "--beta", "0.05", "--json", "-");
        assertThat(r.status()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.fieldNames().next()).isEqualTo("epsilon_lower_bound");
        assertThat(o.get("epsilon_lower_bound").asDouble()).isCloseTo(1.626143479719758, within(1e-4));
        assertThat(o.get("confidence").asDouble()).isCloseTo(0.95, within(1e-12));
        assertThat(o.get("canaries").asInt()).isEqualTo(1000);
        assertThat(o.get("guesses").asInt()).isEqualTo(100);
        assertThat(o.get("correct").asInt()).isEqualTo(90);
    }

    @Test
    void auditBound_text_defaultsToDeltaZeroAndNinetyFivePercent() {
        CliRun r = run("privacy", "audit-bound", "--canaries", "1000", "--guesses", "100", "--correct", "75");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("epsilon lower bound  0.702214  (confidence 95%, delta 0.0)")
                .contains("75 correct of 100 guesses on 1000 canaries");
    }

    @Test
    void auditBound_moreCorrectThanGuesses_isAUserError() {
        CliRun r = run("privacy", "audit-bound", "--canaries", "1000", "--guesses", "10", "--correct", "11");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("correct guesses must be in [0, guesses=10], got 11");
        assertThat(r.out()).isEmpty();
    }
}
