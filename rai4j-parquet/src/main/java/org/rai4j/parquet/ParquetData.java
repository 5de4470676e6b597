package org.rai4j.parquet;

import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Hashing;
import org.rai4j.core.Table;
import org.rai4j.core.TupleCounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Parquet — one file, or every {@code *.parquet} file of a folder in name order — through DuckDB's
 * in-process JDBC driver, with column projection: only the named columns are read. Values become the text a
 * CSV of the same data gives (DuckDB's {@code CAST(… AS VARCHAR)}, trimmed; SQL NULL and the missing tokens of
 * {@link CsvOptions} are missing), so an audit of Parquet equals the audit of the same data as CSV, provenance
 * aside. In messages the number after the file name is the row (1-based; a folder counts its files' rows in
 * name order). Stateless.
 */
public final class ParquetData {
    private ParquetData() {}

    /** Whether {@code path} is Parquet input: a {@code *.parquet} file or a folder. */
    public static boolean isParquet(Path path) {
        return Files.isDirectory(path) || path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
    }

    /**
     * The distinct tuples of {@code columns} with their row counts in order of first appearance, computed by
     * DuckDB (GROUP BY with the first row number of each tuple).
     *
     * @throws DataFileException when the input is missing, unreadable, empty or lacks a column
     */
    public static TupleCounts count(Path path, List<String> columns, CsvOptions options) throws DataFileException {
        List<Path> files = files(path);
        String source = path.toString();
        Map<List<String>, long[]> tuples = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Path f : files) {
                checkColumns(s, f, source, columns);
                StringBuilder sql = new StringBuilder("SELECT ");
                for (String col : columns) {
                    sql.append("CAST(").append(identifier(col)).append(" AS VARCHAR), ");
                }
                sql.append("count(*), min(file_row_number) AS first_row FROM ").append(scan(f))
                        .append(" GROUP BY ALL ORDER BY first_row");
                try (ResultSet rs = s.executeQuery(sql.toString())) {
                    while (rs.next()) {
                        List<String> key = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            key.add(normalise(rs.getString(i + 1), options));
                        }
                        tuples.computeIfAbsent(key, k -> new long[1])[0] += rs.getLong(columns.size() + 1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataFileException(new DataProblem(source, 0, null, "expected readable Parquet, got " + e.getMessage()));
        }
        if (tuples.isEmpty()) {
            throw new DataFileException(new DataProblem(source, 1, null, "expected at least one data row"));
        }
        long[] counts = new long[tuples.size()];
        int i = 0;
        for (long[] n : tuples.values()) {
            counts[i++] = n[0];
        }
        return new TupleCounts(source, sha256(files), columns, new ArrayList<>(tuples.keySet()), counts);
    }

    /**
     * The named columns as a {@link Table} (every row in memory, typed as the CSV reader types text), for
     * audits that need rows and for messages that name a row.
     */
    public static Table table(Path path, List<String> columns, CsvOptions options) throws DataFileException {
        List<Path> files = files(path);
        String source = path.toString();
        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            values.add(new ArrayList<>());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Path f : files) {
                checkColumns(s, f, source, columns);
                StringBuilder sql = new StringBuilder("SELECT ");
                for (String col : columns) {
                    sql.append("CAST(").append(identifier(col)).append(" AS VARCHAR), ");
                }
                sql.append("file_row_number FROM ").append(scan(f)).append(" ORDER BY file_row_number");
                try (ResultSet rs = s.executeQuery(sql.toString())) {
                    while (rs.next()) {
                        for (int i = 0; i < columns.size(); i++) {
                            values.get(i).add(normalise(rs.getString(i + 1), options));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DataFileException(new DataProblem(source, 0, null, "expected readable Parquet, got " + e.getMessage()));
        }
        int n = values.isEmpty() ? 0 : values.get(0).size();
        if (n == 0) {
            throw new DataFileException(new DataProblem(source, 1, null, "expected at least one data row"));
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(Column.ofText(columns.get(i), values.get(i).toArray(new String[0]), options.maxLevels()));
        }
        int[] rows = new int[n];
        Arrays.setAll(rows, r -> r + 1);
        return new Table(source, sha256(files), cols, rows);
    }

    private static String normalise(String v, CsvOptions options) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        return options.missingTokens().contains(s) ? null : s;
    }

    /** The Parquet files of {@code path}: itself, or a folder's {@code *.parquet} files in name order. */
    static List<Path> files(Path path) throws DataFileException {
        String source = path.toString();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(p)).sorted().toList();
            } catch (IOException e) {
                throw new DataFileException(new DataProblem(source, 0, null, "expected a readable folder, got " + e));
            }
            if (files.isEmpty()) {
                throw new DataFileException(new DataProblem(source, 0, null, "expected a CSV or Parquet file, or a folder of *.parquet files; this folder has none"));
            }
            return files;
        }
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(new DataProblem(source, 0, null, "expected a readable file, but it does not exist"));
        }
        return List.of(path);
    }

    private static void checkColumns(Statement s, Path f, String source, List<String> columns) throws SQLException, DataFileException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
                + f.toAbsolutePath().toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<DataProblem> problems = new ArrayList<>();
        for (String c : columns) {
            if (!names.contains(c)) {
                problems.add(new DataProblem(f.toString(), 1, c, "no such column; expected one of " + String.join(", ", names)));
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, problems.size());
        }
    }

    private static String scan(Path f) {
        return "read_parquet('" + f.toAbsolutePath().toString().replace("'", "''") + "', file_row_number = true)";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** SHA-256 of one file's bytes; of a folder, over each file's name and hash in order. */
    private static String sha256(List<Path> files) throws DataFileException {
        List<String> hashes = new ArrayList<>();
        for (Path f : files) {
            MessageDigest md = Hashing.newSha256();
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new DataFileException(new DataProblem(f.toString(), 0, null, "expected a readable file, got " + e));
            }
            hashes.add(Hashing.hex(md.digest()));
        }
        if (files.size() == 1) {
            return hashes.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            sb.append(files.get(i).getFileName()).append('\n').append(hashes.get(i)).append('\n');
        }
        return Hashing.hex(Hashing.newSha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
