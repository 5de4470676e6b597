package org.rai4j.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.rai4j.core.DataFileException;
import org.rai4j.fairness.AuditResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the audit JSON reader (used by {@code compare}, {@code audit --baseline} and {@code card}):
 * arbitrary bytes either read as an audit that writes back to JSON, or fail with
 * {@link DataFileException} naming the file and free of Jackson internals; no input takes longer
 * than the bound. The corpus starts from real audits of every task.
 */
class AuditJsonReaderFuzzTest {
    /** Generous for a loaded 2-core machine: only pathological (super-linear) paths come near it. */
    static final long BOUND_NANOS = 20_000_000_000L;

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new AuditJsonReaderFuzzTest().check("{\"schema\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void parse_anyBytes_auditOrDataFileException(byte[] bytes) {
        long start = System.nanoTime();
        check(bytes);
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
        try {
            String text = JsonProblems.utf8(bytes, "fuzz.json");
            AuditResult audit = AuditJsonReader.parse(text, "fuzz.json");
            assertThat(AuditJson.toJson(audit)).isNotEmpty();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.json").doesNotContain("Source: ").doesNotContain("REDACTED");
        }
    }
}
