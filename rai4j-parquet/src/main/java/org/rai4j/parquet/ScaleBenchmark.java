package org.rai4j.parquet;

import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.CsvTupleCounter;
import org.rai4j.core.TupleCounts;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code rai4j bench scale}: ingest of the audit's typical shape (three small group columns, label, prediction)
 * at N rows — the parallel CSV tuple counter and DuckDB over the same data as Parquet — and the count-based audit
 * on the counts; the baseline is the sequential {@link CsvTableReader} on the first min(N, 10⁶) rows, with the
 * parallel counter on that same file for the ratio. Files are generated into a temporary folder (seeded) and
 * deleted afterwards; repetitions are interleaved. Stateless.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    /** Sizes, per-repetition seconds (wall) and CPU seconds of each measured step, in order, and the 1-minute load average around them. */
    public record Result(long rows, long csvBytes, long parquetBytes, long baselineRows, long baselineBytes, int threads,
                         Map<String, double[]> wallSeconds, Map<String, double[]> cpuSeconds, double loadBefore, double loadAfter) {}

    private static final List<String> COLUMNS = List.of("y_true", "y_pred", "sex", "age_band", "race");

    /** Runs the benchmark. */
    public static Result run(long rows, int repetitions, int bootstrap, Path tempDir) throws Exception {
        Path dir = Files.createTempDirectory(tempDir, "rai4j-bench-scale");
        try {
            Path csv = dir.resolve("scale.csv");
            Path base = dir.resolve("baseline.csv");
            long baselineRows = Math.min(rows, 1_000_000L);
            write(csv, rows);
            write(base, baselineRows);
            Path parquet = dir.resolve("scale.parquet");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
            }
            CsvOptions options = new CsvOptions(',', java.util.Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
            AuditSpec spec = AuditSpec.binary("y_true", "y_pred", List.of("sex", "age_band", "race")).withBootstrap(bootstrap, 42);
            Map<String, double[]> wall = new LinkedHashMap<>();
            Map<String, double[]> cpu = new LinkedHashMap<>();
            for (String k : List.of("csv_parallel", "parquet_duckdb", "audit_from_counts", "baseline_sequential", "baseline_parallel")) {
                wall.put(k, new double[repetitions]);
                cpu.put(k, new double[repetitions]);
            }
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (int r = 0; r < repetitions; r++) {
                TupleCounts[] counts = new TupleCounts[1];
                time(wall, cpu, "csv_parallel", r, () -> counts[0] = new CsvTupleCounter(options).tryCount(csv, COLUMNS, (b, n) -> { })
                        .orElseThrow());
                time(wall, cpu, "parquet_duckdb", r, () -> ParquetData.count(parquet, COLUMNS, options));
                time(wall, cpu, "audit_from_counts", r, () -> Auditor.run(AuditData.of(counts[0], spec).orElseThrow(), spec, b -> { }));
                time(wall, cpu, "baseline_sequential", r, () -> TupleCounts.of(new CsvTableReader(options).read(base), COLUMNS));
                time(wall, cpu, "baseline_parallel", r, () -> new CsvTupleCounter(options).tryCount(base, COLUMNS, (b, n) -> { }).orElseThrow());
            }
            return new Result(rows, Files.size(csv), Files.size(parquet), baselineRows, Files.size(base),
                    Runtime.getRuntime().availableProcessors(), wall, cpu, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A step measured once. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void time(Map<String, double[]> wall, Map<String, double[]> cpu, String key, int rep, Step step) throws Exception {
        System.gc();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        step.run();
        wall.get(key)[rep] = (System.nanoTime() - t0) / 1e9;
        cpu.get(key)[rep] = (cpuNanos() - c0) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The seeded data: sex, age band, race (2 × 4 × 3 groups), label with group-dependent rates, 80%-accurate prediction. */
    private static void write(Path file, long rows) throws IOException {
        SplittableRandom rng = new SplittableRandom(20261205L);
        String[] sex = {"F", "M"};
        String[] age = {"18-25", "26-40", "41-60", "60+"};
        String[] race = {"a", "b", "c"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("sex,age_band,race,y_true,y_pred\n");
            StringBuilder sb = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                int s = rng.nextInt(2);
                int a = rng.nextInt(4);
                int y = rng.nextDouble() < 0.3 + 0.1 * s + 0.05 * (a == 1 ? 1 : 0) ? 1 : 0;
                int p = rng.nextInt(10) < 8 ? y : 1 - y;
                sb.setLength(0);
                sb.append(sex[s]).append(',').append(age[a]).append(',').append(race[rng.nextInt(3)]).append(',').append(y)
                        .append(',').append(p).append('\n');
                w.append(sb);
            }
        }
    }
}
