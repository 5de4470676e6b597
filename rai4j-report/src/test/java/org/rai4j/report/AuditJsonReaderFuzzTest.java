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
    /**
     * CPU time of the fuzzing thread for one input. Generous: only pathological (super-linear) paths come near it. CPU,
     * not wall-clock, time: at nice 19 on the shared 2-core machine an input once took 40 s of wall-clock time while
     * its replay takes milliseconds.
     */
    static final long BOUND_NANOS = 20_000_000_000L;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of this thread (wall-clock time where the JVM cannot measure it). */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new AuditJsonReaderFuzzTest().check("{\"schema\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void parse_anyBytes_auditOrDataFileException(byte[] bytes) {
        long start = cpuNanos();
        check(bytes);
        assertThat(cpuNanos() - start).as("CPU nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
        try {
            String text = JsonProblems.utf8(bytes, "fuzz.json");
            AuditResult audit = AuditJsonReader.parse(text, "fuzz.json");
            assertThat(AuditJson.toJson(audit)).isNotEmpty();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.json");
            Internals.assertNone(expected.getMessage(), bytes, "Source: ", "REDACTED");
        }
    }
}
