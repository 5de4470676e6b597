package org.rai4j.cli;

import org.rai4j.core.CsvTableReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of reading a CSV file, as plain lines on stderr (terminal or not) at most every
 * {@value Progress#LINE_INTERVAL_SECONDS} seconds: {@code rai4j: reading data.csv: 41.9 of 75.0 MB (56%),
 * 1,671,168 rows, 412,000 rows/s}. A read that ends within the first interval prints nothing;
 * {@code RAI4J_PROGRESS=off} silences it.
 */
final class ReadProgress implements CsvTableReader.Progress {
    private final String file;
    private final long totalBytes;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;

    private ReadProgress(String file, long totalBytes, PrintStream out, LongSupplier clock) {
        this.file = file;
        this.totalBytes = totalBytes;
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Progress of reading {@code file} on stderr, or none when {@code RAI4J_PROGRESS=off}. */
    static CsvTableReader.Progress of(Path file) {
        if (!Progress.enabled()) {
            return (bytes, rows) -> { };
        }
        return lines(file, System.err, System::nanoTime);
    }

    /** Lines to {@code out} with the given nanosecond clock (for tests). */
    static ReadProgress lines(Path file, PrintStream out, LongSupplier nanoClock) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            size = -1;
        }
        return new ReadProgress(String.valueOf(file.getFileName()), size, out, nanoClock);
    }

    @Override
    public void update(long bytes, long rows) {
        long now = clock.getAsLong();
        if (now - lastLine < Progress.LINE_INTERVAL_SECONDS * 1_000_000_000L) {
            return;
        }
        lastLine = now;
        double seconds = (now - start) / 1e9;
        String size = totalBytes > 0
                ? String.format(Locale.ROOT, "%.1f of %.1f MB (%d%%)", bytes / 1e6, totalBytes / 1e6,
                        Math.min(100, Math.round(100.0 * bytes / totalBytes)))
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        out.println(String.format(Locale.ROOT, "rai4j: reading %s: %s, %,d rows, %,.0f rows/s", ConsoleText.escape(file),
                size, rows, rows / seconds));
        out.flush();
    }
}
