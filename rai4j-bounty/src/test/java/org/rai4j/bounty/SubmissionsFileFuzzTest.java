package org.rai4j.bounty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.rai4j.core.DataFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the bounty submissions reader (JSON lines from hunters) with arbitrary bytes: a file either
 * reads as submissions or fails with {@link DataFileException} naming the file; nothing else escapes and
 * no input takes longer than the bound.
 */
class SubmissionsFileFuzzTest {
    /** Generous for a loaded 2-core machine: only pathological (super-linear) paths come near it. */
    static final long BOUND_NANOS = 20_000_000_000L;
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("rai4j-fuzz-submissions");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("submissions.jsonl");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new SubmissionsFileFuzzTest().check(
                "{\"id\":\"a\",\"team\":\"t\",\"group\":\"x\",\"model\":{\"constant\":1}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void read_anyBytes_submissionsOrDataFileException(byte[] bytes) throws IOException {
        long start = System.nanoTime();
        check(bytes);
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        try {
            var lines = SubmissionsFile.read(FILE);
            assertThat(lines).isNotEmpty();
        } catch (DataFileException expected) {
            assertThat(expected.getMessage()).startsWith(FILE.toString());
        }
    }
}
