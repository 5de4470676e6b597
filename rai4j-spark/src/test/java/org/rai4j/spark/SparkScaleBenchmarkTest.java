package org.rai4j.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.TupleCounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The data of the Spark-vs-local bench (the run itself is checked in {@link SparkAuditTest}, which has a session). */
class SparkScaleBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void write_isTheSeededDataOfBenchScale() throws Exception {
        Path f = dir.resolve("d.csv");
        SparkScaleBenchmark.write(f, 2_000);
        List<String> cols = List.of("y_true", "y_pred", "sex", "age_band", "race");
        TupleCounts c = TupleCounts.of(new CsvTableReader(new CsvOptions(',', Set.of(""), 100)).read(f), cols);
        assertThat(c.rows()).isEqualTo(2_000);
        assertThat(Files.readAllLines(f).get(0)).isEqualTo("sex,age_band,race,y_true,y_pred");
        // the same seed gives the same bytes
        Path g = dir.resolve("e.csv");
        SparkScaleBenchmark.write(g, 2_000);
        assertThat(Files.mismatch(f, g)).isEqualTo(-1L);
    }
}
