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
    /** Generous for a loaded 2-core machine: only pathological (super-linear) paths come near it. */
    static final long BOUND_NANOS = 20_000_000_000L;

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new CardContentFuzzTest().check("name: x\nglossary: {a: b}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void parse_anyBytes_cardOrDataFileException(byte[] bytes) {
        long start = System.nanoTime();
        check(bytes);
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
        try {
            String text = JsonProblems.utf8(bytes, "fuzz.yaml");
            CardContent card = CardContent.parse(text, "fuzz.yaml");
            assertThat(card.intendedUses()).doesNotContainNull();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.yaml").doesNotContain("REDACTED").doesNotContain("JsonToken");
        }
    }
}
