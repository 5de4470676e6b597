package org.rai4j.core;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the CSV reader with arbitrary bytes: it either returns a table or throws
 * {@link DataFileException} (the documented domain error), and never takes longer than
 * {@link #BOUND_NANOS} on one input. {@code mvn verify} replays the committed corpus under
 * {@code src/test/resources/.../CsvTableReaderFuzzTestInputs}; {@code mvn -Pfuzz verify} fuzzes.
 */
class CsvTableReaderFuzzTest {
    /** Inputs are at most a few KiB: anything near a second is a pathological path (load-tolerant). */
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
        new CsvTableReaderFuzzTest().check("a,b\n1,\"x\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void read_anyBytes_tableOrDataFileException(byte[] bytes) {
        long start = cpuNanos();
        check(bytes);
        assertThat(cpuNanos() - start).as("CPU nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
        try {
            Table t = new CsvTableReader().read(new ByteArrayInputStream(bytes), "fuzz.csv", b -> { });
            assertThat(t.rowCount()).isPositive();
            for (String name : t.columnNames()) {
                Column c = t.column(name);
                assertThat(c.size()).isEqualTo(t.rowCount());
                for (int i = 0; i < c.size(); i++) {
                    c.text(i);
                }
            }
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv");
        }
    }
}
