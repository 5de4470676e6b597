package org.rai4j.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the bounty submissions reader (JSON lines from hunters) with arbitrary bytes: a file either
 * reads as submissions or fails with {@link UserException} naming the file; nothing else escapes and
 * no input takes longer than the bound.
 */
class BountySubmissionsFileFuzzTest {
    static final long BOUND_NANOS = 5_000_000_000L;
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

    @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
    void read_anyBytes_submissionsOrUserException(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        long start = System.nanoTime();
        try {
            var lines = BountySubmissionsFile.read(FILE);
            assertThat(lines).isNotEmpty();
        } catch (UserException expected) {
            assertThat(expected.getMessage()).startsWith(FILE.toString());
        }
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }
}
