package org.rai4j.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.rai4j.core.DataFileException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the service-card YAML reader: arbitrary bytes either give a card or fail with
 * {@link DataFileException} naming the file, free of Jackson internals; no input takes longer than
 * the bound (alias bombs, deep nesting).
 */
class CardContentFuzzTest {
    static final long BOUND_NANOS = 5_000_000_000L;

    @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
    void parse_anyBytes_cardOrDataFileException(byte[] bytes) {
        long start = System.nanoTime();
        try {
            String text = JsonProblems.utf8(bytes, "fuzz.yaml");
            CardContent card = CardContent.parse(text, "fuzz.yaml");
            assertThat(card.intendedUses()).doesNotContainNull();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.yaml").doesNotContain("REDACTED").doesNotContain("JsonToken");
        }
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }
}
