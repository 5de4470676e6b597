package org.rai4j.bounty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.rai4j.core.DataFileException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the bounty submissions reader (JSON lines from hunters) with arbitrary bytes: the content either
 * reads as submissions or fails with {@link DataFileException} naming the file; nothing else escapes and
 * no input takes longer than the bound.
 *
 * <p>The target is {@link SubmissionsFile#read(byte[], String, Path)}, the part of {@link SubmissionsFile#read(Path)}
 * after its file checks (regular file, size cap): decoding, lines, JSON, fields and ONNX path confinement. Writing
 * each input to a file first cost ~2.7 ms per input on ext4 (truncate + write), 90% of an execution; the file
 * checks have their own tests, and {@code SubmissionsFileTest.read_fileAndBytes_agreeOnTheFuzzCorpus} shows both
 * entry points give the same result on every committed corpus input.
 */
class SubmissionsFileFuzzTest {
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
    /** The folder ONNX paths resolve against; nothing is opened while reading, so it need not exist. */
    private static final Path FOLDER = Path.of("rai4j-fuzz-submissions").toAbsolutePath();
    private static final String NAME = "fuzz.jsonl";

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new SubmissionsFileFuzzTest().check(
                "{\"id\":\"a\",\"team\":\"t\",\"group\":\"x\",\"model\":{\"constant\":1}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void read_anyBytes_submissionsOrDataFileException(byte[] bytes) {
        long start = cpuNanos();
        check(bytes);
        assertThat(cpuNanos() - start).as("CPU nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) {
        try {
            var lines = SubmissionsFile.read(bytes, NAME, FOLDER);
            assertThat(lines).isNotEmpty();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith(NAME);
        }
    }
}
