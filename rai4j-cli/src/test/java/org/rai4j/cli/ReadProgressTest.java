package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress lines while a CSV file is read, with an injected clock (no timing). */
class ReadProgressTest {
    @TempDir
    Path dir;

    @Test
    void readingALargeCsv_printsBytesRowsAndRate_everyFewSeconds() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("g,y,p\n");
            for (int i = 0; i < 10 * CsvTableReader.PROGRESS_ROWS; i++) {
                w.write("group" + (i % 7) + "," + (i % 2) + "," + (i % 3 == 0 ? 1 : 0) + "\n");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicLong clock = new AtomicLong();
        // the clock advances one second each time the reader reports (every PROGRESS_ROWS rows)
        ReadProgress progress = ReadProgress.lines(csv, err, () -> clock.getAndAdd(1_000_000_000L));
        Table t = new CsvTableReader().read(csv, progress);
        assertThat(t.rowCount()).isEqualTo(10 * CsvTableReader.PROGRESS_ROWS);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // reports at 1 s … 10 s after the start: a line at 3, 6 and 9 s (rows 24576, 49152, 73728)
        assertThat(lines).hasSize(3);
        double mb = Files.size(csv) / 1e6;
        assertThat(lines[0]).matches("rai4j: reading big\\.csv: \\d+\\.\\d of " + String.format(java.util.Locale.ROOT, "%.1f", mb)
                .replace(".", "\\.") + " MB \\(\\d+%\\), 24,576 rows, 8,192 rows/s");
        assertThat(lines[1]).endsWith(", 49,152 rows, 8,192 rows/s");
        assertThat(lines[2]).endsWith(", 73,728 rows, 8,192 rows/s");
    }

    @Test
    void aReadWithinTheFirstInterval_printsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ReadProgress p = ReadProgress.lines(dir.resolve("absent.csv"), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::get);
        clock.set(2_999_999_999L);
        p.update(1_000_000, 10_000);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
        clock.set(3_000_000_000L);
        p.update(2_000_000, 20_000);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("rai4j: reading absent.csv: 2.0 MB, 20,000 rows, 6,667 rows/s\n");
    }
}
