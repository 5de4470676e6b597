package org.rai4j.parquet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.core.TupleCounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parquet written by DuckDB from a CSV gives the CSV's tuple counts (same tuples, same first-appearance order,
 * same counts) and the CSV's table, for one file and for a folder of files split from it.
 */
class ParquetDataTest {
    private static final CsvOptions OPTIONS = new CsvOptions(',', java.util.Set.of("", "NA", "?"), 10_000);

    @TempDir
    Path dir;

    private Path csv(int rows, long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("sex,age_band,race,y_true,y_pred,free\n");
        for (int i = 0; i < rows; i++) {
            sb.append(rng.nextInt(40) == 0 ? "NA" : rng.nextBoolean() ? "F" : "M").append(',')
                    .append(new String[] {"18-25", "26-40", "41-60", "60+"}[rng.nextInt(4)]).append(',')
                    .append(new String[] {"a", "b", "c"}[rng.nextInt(3)]).append(',').append(rng.nextInt(2)).append(',')
                    .append(rng.nextInt(2)).append(',').append("\"x, ").append(i).append("\"\n");
        }
        Path f = dir.resolve("d" + seed + ".csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void count_typedAndTextParquet_equalTheCsvCounts() throws Exception {
        Path csv = csv(5000, 1);
        List<String> cols = List.of("y_true", "y_pred", "sex", "age_band", "race");
        TupleCounts expected = TupleCounts.of(new CsvTableReader(OPTIONS).read(csv), cols);
        Path typed = dir.resolve("typed.parquet");
        Path text = dir.resolve("text.parquet");
        sql("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + typed + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
        sql("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + text + "' (FORMAT parquet)");
        for (Path p : List.of(typed, text)) {
            TupleCounts got = ParquetData.count(p, cols, OPTIONS);
            assertThat(got.tuples()).isEqualTo(expected.tuples());
            assertThat(got.withSource(expected.source(), expected.sha256())).isEqualTo(expected);
            assertThat(got.sha256()).hasSize(64);
        }
    }

    @Test
    void count_folderOfFilesInNameOrder_equalsTheConcatenatedCsv() throws Exception {
        Path csv = csv(3000, 2);
        List<String> cols = List.of("y_true", "y_pred", "race", "sex");
        TupleCounts expected = TupleCounts.of(new CsvTableReader(OPTIONS).read(csv), cols);
        Path folder = Files.createDirectory(dir.resolve("parts"));
        String src = "(SELECT *, row_number() OVER () AS rn FROM read_csv('" + csv + "'))";
        sql("COPY (SELECT * EXCLUDE rn FROM " + src + " WHERE rn <= 1000 ORDER BY rn) TO '" + folder.resolve("part-0.parquet") + "' (FORMAT parquet)");
        sql("COPY (SELECT * EXCLUDE rn FROM " + src + " WHERE rn > 1000 ORDER BY rn) TO '" + folder.resolve("part-1.parquet") + "' (FORMAT parquet)");
        Files.writeString(folder.resolve("README.txt"), "not parquet");
        TupleCounts got = ParquetData.count(folder, cols, OPTIONS);
        assertThat(got.withSource(expected.source(), expected.sha256())).isEqualTo(expected);
        Table t = ParquetData.table(folder, cols, OPTIONS);
        assertThat(TupleCounts.of(t, cols).withSource(expected.source(), expected.sha256())).isEqualTo(expected);
    }

    @Test
    void count_missingColumnOrFile_saysWhat() throws Exception {
        Path csv = csv(10, 3);
        Path p = dir.resolve("x.parquet");
        sql("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + p + "' (FORMAT parquet)");
        assertThatThrownBy(() -> ParquetData.count(p, List.of("y_true", "gender"), OPTIONS))
                .isInstanceOf(DataFileException.class)
                .hasMessage(p + ":1: column 'gender': no such column; expected one of sex, age_band, race, y_true, y_pred, free");
        assertThatThrownBy(() -> ParquetData.count(dir.resolve("no.parquet"), List.of("a"), OPTIONS))
                .hasMessageContaining("no.parquet: expected a readable file, but it does not exist");
        assertThatThrownBy(() -> ParquetData.count(Files.createDirectory(dir.resolve("empty")), List.of("a"), OPTIONS))
                .hasMessageContaining("expected a CSV or Parquet file, or a folder of *.parquet files; this folder has none");
    }
}
