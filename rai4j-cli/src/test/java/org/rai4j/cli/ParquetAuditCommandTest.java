package org.rai4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rai4j audit --data F.parquet} (and a folder of Parquet files) writes the audit JSON of the same data
 * as CSV, byte for byte once provenance (input name and hash) is set aside; with --score the rows path runs and
 * agrees too.
 */
class ParquetAuditCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String withoutProvenance(Path json) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(json.toFile());
        tree.remove("provenance");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String audit(Path data, String name, String... extra) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] base = {"audit", "--data", data.toString(), "--label", "y_true", "--prediction", "y_pred", "--group", "sex",
                "--group", "age_band", "--group", "race", "--bootstrap", "200", "--json", json.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertThat(r.status()).as(r.err()).isIn(0, 3);
        return withoutProvenance(json);
    }

    @Test
    void audit_parquetFileAndFolder_sameJsonAsTheCsvProvenanceAside() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("sex,age_band,race,y_true,y_pred,score\n");
        for (int i = 0; i < 6000; i++) {
            int y = rng.nextInt(10) < 3 ? 1 : 0;
            int p = rng.nextInt(10) < 8 ? y : 1 - y;
            sb.append(rng.nextBoolean() ? "F" : "M").append(',').append(new String[] {"18-25", "26-40", "41-60", "60+"}[rng.nextInt(4)])
                    .append(',').append(new String[] {"a", "b", "c"}[rng.nextInt(3)]).append(',').append(y).append(',').append(p)
                    .append(',').append(rng.nextInt(20) / 20.0 + 0.025).append('\n');
        }
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, sb.toString());
        Path parquet = dir.resolve("d.parquet");
        sql("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        Path folder = Files.createDirectory(dir.resolve("parts"));
        String src = "(SELECT *, row_number() OVER () AS rn FROM read_csv('" + csv + "'))";
        sql("COPY (SELECT * EXCLUDE rn FROM " + src + " WHERE rn <= 2500 ORDER BY rn) TO '" + folder.resolve("a.parquet") + "' (FORMAT parquet)");
        sql("COPY (SELECT * EXCLUDE rn FROM " + src + " WHERE rn > 2500 ORDER BY rn) TO '" + folder.resolve("b.parquet") + "' (FORMAT parquet)");

        String fromCsv = audit(csv, "csv");
        assertThat(audit(parquet, "parquet")).isEqualTo(fromCsv);
        assertThat(audit(folder, "folder")).isEqualTo(fromCsv);
        assertThat(audit(parquet, "parquet-score", "--score", "score")).isEqualTo(audit(csv, "csv-score", "--score", "score"));
    }
}
