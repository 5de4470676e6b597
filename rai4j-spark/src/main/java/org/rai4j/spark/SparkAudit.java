package org.rai4j.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Hashing;
import org.rai4j.core.TupleCounts;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The audit on Spark: the rows are counted into tuple counts by {@link TupleAggregator} on the executors (the
 * finest-cell sufficient statistics, O(cells) to ship), the driver restores the order of first appearance and
 * runs the local engine's exact multinomial bootstrap on them — so the audit JSON is the local engine's, byte for
 * byte, whatever the partitioning. Count-based audits only (binary and multiclass without score or weight).
 * Stateless.
 */
public final class SparkAudit {
    private SparkAudit() {}

    /**
     * Tuple counts of {@code columns} of {@code rows}, which must carry the columns plus {@code file} (text) and
     * {@code id} (long, increasing within a file): order of first appearance = file name, then id.
     */
    public static TupleCounts count(Dataset<Row> rows, List<String> columns, String file, String id, CsvOptions options,
                                    String source, String sha256) {
        List<Column> select = new ArrayList<>();
        for (String c : columns) {
            select.add(functions.col(quote(c)).cast("string"));
        }
        select.add(functions.col(file));
        select.add(functions.col(id));
        TupleBuffer b = rows.select(select.toArray(new Column[0]))
                .select(new TupleAggregator(columns.size(), options.missingTokens()).toColumn())
                .as(new TupleAggregator(columns.size(), options.missingTokens()).outputEncoder())
                .first();
        List<Map.Entry<List<String>, TupleBuffer.Entry>> entries = new ArrayList<>(b.entries.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<List<String>, TupleBuffer.Entry> e) -> e.getValue().firstFile)
                .thenComparingLong(e -> e.getValue().firstId));
        List<List<String>> tuples = new ArrayList<>();
        long[] counts = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            tuples.add(entries.get(i).getKey());
            counts[i] = entries.get(i).getValue().count;
        }
        return new TupleCounts(source, sha256, columns, tuples, counts);
    }

    /**
     * Reads {@code data} with Spark — a CSV file (header line, RFC 4180 quotes, no line breaks inside fields) or
     * Parquet (a {@code *.parquet} file or a folder of them) — and counts the tuples of {@code columns}.
     *
     * @throws DataFileException when the input is missing, empty or lacks a column
     */
    public static TupleCounts count(SparkSession spark, Path data, List<String> columns, CsvOptions options)
            throws DataFileException {
        List<Path> files = files(data);
        boolean parquet = Files.isDirectory(data) || data.getFileName().toString().endsWith(".parquet");
        Dataset<Row> rows = parquet ? spark.read().parquet(data.toString())
                : spark.read().option("header", "true").option("inferSchema", "false").option("quote", "\"")
                        .option("escape", "\"").option("sep", String.valueOf(options.separator()))
                        .option("mode", "FAILFAST").csv(data.toString());
        List<String> names = Arrays.asList(rows.columns());
        List<DataProblem> problems = new ArrayList<>();
        for (String c : columns) {
            if (!names.contains(c)) {
                problems.add(new DataProblem(data.toString(), 1, c, "no such column; expected one of " + String.join(", ", names)));
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, problems.size());
        }
        Dataset<Row> withPosition = rows.withColumn("__rai4j_file", functions.input_file_name())
                .withColumn("__rai4j_id", functions.monotonically_increasing_id());
        TupleCounts counts = count(withPosition, columns, "__rai4j_file", "__rai4j_id", options, data.toString(), sha256(files));
        if (counts.rows() == 0) {
            throw new DataFileException(new DataProblem(data.toString(), 2, null, "expected at least one data row"));
        }
        return counts;
    }

    /**
     * Audits {@code data} on Spark as {@code spec} says.
     *
     * @throws DataFileException when the input is missing or malformed, or a value does not fit the spec (run the
     *                           local engine for the line)
     */
    public static AuditResult run(SparkSession spark, Path data, CsvOptions options, AuditSpec spec, IntConsumer progress)
            throws DataFileException {
        if (!AuditData.countable(spec)) {
            throw new IllegalArgumentException("the Spark engine runs count-based audits (binary or multiclass, no --score, no --weight); "
                    + "run this audit with the local engine");
        }
        TupleCounts counts = count(spark, data, AuditData.columns(spec), options);
        AuditData input = AuditData.of(counts, spec).orElseThrow(() -> new DataFileException(new DataProblem(data.toString(), 0, null,
                "a value does not fit the audit (a missing or unexpected label, a missing group, too many cells); "
                        + "run the same audit with the local engine for the line and column")));
        return Auditor.run(input, spec, progress);
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private static List<Path> files(Path data) throws DataFileException {
        if (Files.isDirectory(data)) {
            try (Stream<Path> s = Files.list(data)) {
                List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
                if (files.isEmpty()) {
                    throw new DataFileException(new DataProblem(data.toString(), 0, null, "expected a CSV or Parquet file, or a folder of *.parquet files; this folder has none"));
                }
                return files;
            } catch (IOException e) {
                throw new DataFileException(new DataProblem(data.toString(), 0, null, "expected a readable folder, got " + e));
            }
        }
        if (!Files.isRegularFile(data)) {
            throw new DataFileException(new DataProblem(data.toString(), 0, null, "expected a readable file, but it does not exist"));
        }
        return List.of(data);
    }

    /** SHA-256 of one file; of a folder, over each file's name and hash in name order (as rai4j-parquet). */
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
