package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized inputs end in a message with the limit and how to raise it, never in a raw OutOfMemoryError. */
class MemoryLimitsTest {
    @TempDir
    Path dir;

    private Path multiclass(int classes, int rows) throws Exception {
        Path p = dir.resolve("mc.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("y,p,g\n");
            for (int i = 0; i < rows; i++) {
                w.write("c" + (i % classes) + ",c" + ((i + 1) % classes) + "," + (i % 2 == 0 ? "a" : "b") + "\n");
            }
        }
        return p;
    }

    @Test
    void audit_millionClasses_stopsAtTheClassLimitWithAdvice() throws Exception {
        Path csv = multiclass(1_000_000, 1_000_000);
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--task", "multiclass", "--label", "y", "--prediction", "p",
                "--group", "g");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ": expected at most 100 distinct classes in a multiclass audit"
                + " (columns 'y' and 'p' together), got 1000000; merge rare classes (e.g. into 'other') or raise the limit"
                + " with -Drai4j.audit.maxClasses=N (and -Xmx)\n");
    }

    @Test
    void audit_tooManyCells_namesTheLineAndTheColumns() throws Exception {
        Path csv = dir.resolve("cells.csv");
        StringBuilder sb = new StringBuilder("y,p,id,g\n");
        for (int i = 0; i < 100_001; i++) {
            sb.append(i % 2).append(',').append(i % 3 == 0 ? 1 : 0).append(",u").append(i % 10_000).append(',').append(i / 10_000).append('\n');
        }
        Files.writeString(csv, sb);
        // 10,000 ids (the most a group column may have) × g 0..10: rows 0..99,999 make 100,000 combinations,
        // the 100,001st (u0, 10) is data row 100,001, on line 100,002.
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p",
                "--group", "id", "--group", "g", "--bootstrap", "0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ":100002: expected at most 100000 distinct combinations"
                + " of id × g (the audit's cells), got more by this line; use fewer or coarser group columns (e.g. bands),"
                + " or raise the limit with -Drai4j.audit.maxCells=N (and -Xmx)\n");
    }

    @Test
    void audit_manyClassesTimesCells_stopsAtTheStatisticsLimit() throws Exception {
        Path csv = dir.resolve("stats.csv");
        StringBuilder sb = new StringBuilder("y,p,g\n");
        for (int i = 0; i < 2000; i++) {
            sb.append('c').append(i % 100).append(",c").append(i % 97).append(",g").append(i % 1000).append('\n');
        }
        Files.writeString(csv, sb);
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--task", "multiclass", "--label", "y", "--prediction", "p",
                "--group", "g", "--bootstrap", "0");
        assertThat(r.status()).isEqualTo(1);
        // 100 classes: 3·100² + 1 = 30001 statistics per cell; 834 cells exceed 25,000,000.
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ":835: expected at most 25000000 statistics in all, got more"
                + " by this line: 834 combinations of g × 30001 statistics each (100 classes); use fewer classes or groups,"
                + " or raise the limit with -Drai4j.audit.maxStatistics=N (and -Xmx)\n");
    }

    @Test
    void main_outOfMemory_printsShortAdviceAndExits1() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("y,p,g,score\n");
            for (int i = 0; i < 400_000; i++) {
                w.write((i % 2) + "," + (i % 3 == 0 ? 1 : 0) + ",group" + (i % 7) + ",0." + (i % 1000) + "\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx24m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Rai4j.class.getName(),
                "audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--group", "g", "--score", "score"));
        Process proc = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(proc.waitFor(5, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(proc.exitValue()).as(err).isEqualTo(1);
        assertThat(err).as(err).endsWith("rai4j: error: out of memory: the input needs more than the 24 MiB the Java heap may use;"
                + " give Java more with -Xmx, e.g. RAI4J_JAVA_OPTS=-Xmx1g ./rai4j … (or java -Xmx1g -jar rai4j.jar …),"
                + " or split the input\n");
        assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    @Test
    void message_suggestsAtLeastTwiceTheHeapInWholeGib() {
        assertThat(OutOfMemory.message(512L << 20)).contains("512 MiB").contains("-Xmx1g ");
        assertThat(OutOfMemory.message(3L << 30)).contains("3072 MiB").contains("-Xmx8g ");
        assertThat(OutOfMemory.message(8L << 30)).contains("-Xmx16g ");
    }
}
