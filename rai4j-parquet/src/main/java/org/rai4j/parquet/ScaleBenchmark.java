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
 * on the counts. The CSV comes in two shapes with the same rows: <em>repeating lines</em> (only the audited
 * columns, so a few hundred distinct lines) and <em>unique lines</em> (the same columns with a row id first and a
 * six-digit score last, neither audited, so no line repeats); both must give the same tuple counts. The baseline is
 * the sequential {@link CsvTableReader} on the first min(N, 10⁶) rows of each shape, with the parallel counter on
 * those same files for the ratio. Files are generated into a temporary folder (seeded) and deleted afterwards;
 * repetitions are interleaved. Stateless.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    /**
     * Sizes, per-repetition seconds (wall) and CPU seconds of each measured step, in order, and the 1-minute load
     * average around them.
     *
     * @param fileBytes  size of each generated file: {@code csv}, {@code csv_unique}, {@code parquet}, {@code baseline},
     *                   {@code baseline_unique}
     * @param stepBytes  per step, the CSV bytes it reads (0 for the audit on the counts; Parquet in CSV-equivalent bytes)
     * @param sameCounts whether the two CSV shapes gave equal tuple counts on every repetition
     */
    public record Result(long rows, long baselineRows, int threads, Map<String, Long> fileBytes, Map<String, Long> stepBytes,
                         Map<String, double[]> wallSeconds, Map<String, double[]> cpuSeconds, double loadBefore, double loadAfter,
                         boolean sameCounts) {}

    private static final List<String> COLUMNS = List.of("y_true", "y_pred", "sex", "age_band", "race");

    /** Runs the benchmark. */
    public static Result run(long rows, int repetitions, int bootstrap, Path tempDir) throws Exception {
        Path dir = Files.createTempDirectory(tempDir, "rai4j-bench-scale");
        try {
            Path csv = dir.resolve("scale.csv");
            Path unique = dir.resolve("scale-unique.csv");
            Path base = dir.resolve("baseline.csv");
            Path baseUnique = dir.resolve("baseline-unique.csv");
            long baselineRows = Math.min(rows, 1_000_000L);
            write(csv, rows, false);
            write(unique, rows, true);
            write(base, baselineRows, false);
            write(baseUnique, baselineRows, true);
            Path parquet = dir.resolve("scale.parquet");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
            }
            Map<String, Long> files = new LinkedHashMap<>();
            files.put("csv", Files.size(csv));
            files.put("csv_unique", Files.size(unique));
            files.put("parquet", Files.size(parquet));
            files.put("baseline", Files.size(base));
            files.put("baseline_unique", Files.size(baseUnique));
            Map<String, Long> stepBytes = new LinkedHashMap<>();
            stepBytes.put("csv_parallel", files.get("csv"));
            stepBytes.put("csv_parallel_unique", files.get("csv_unique"));
            stepBytes.put("parquet_duckdb", files.get("csv"));
            stepBytes.put("audit_from_counts", 0L);
            stepBytes.put("baseline_sequential", files.get("baseline"));
            stepBytes.put("baseline_parallel", files.get("baseline"));
            stepBytes.put("baseline_sequential_unique", files.get("baseline_unique"));
            stepBytes.put("baseline_parallel_unique", files.get("baseline_unique"));
            CsvOptions options = new CsvOptions(',', java.util.Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
            AuditSpec spec = AuditSpec.binary("y_true", "y_pred", List.of("sex", "age_band", "race")).withBootstrap(bootstrap, 42);
            Map<String, double[]> wall = new LinkedHashMap<>();
            Map<String, double[]> cpu = new LinkedHashMap<>();
            for (String k : stepBytes.keySet()) {
                wall.put(k, new double[repetitions]);
                cpu.put(k, new double[repetitions]);
            }
            boolean same = true;
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            for (int r = 0; r < repetitions; r++) {
                TupleCounts[] counts = new TupleCounts[2];
                int first = r % 2; // the two shapes take turns going first
                for (int k = 0; k < 2; k++) {
                    int shape = (first + k) % 2;
                    time(wall, cpu, shape == 0 ? "csv_parallel" : "csv_parallel_unique", r,
                            () -> counts[shape] = counter(options, shape == 0 ? csv : unique));
                }
                same &= counts[0].tuples().equals(counts[1].tuples()) && counts(counts[0]).equals(counts(counts[1]));
                time(wall, cpu, "parquet_duckdb", r, () -> ParquetData.count(parquet, COLUMNS, options));
                time(wall, cpu, "audit_from_counts", r, () -> Auditor.run(AuditData.of(counts[0], spec).orElseThrow(), spec, b -> { }));
                time(wall, cpu, "baseline_sequential", r, () -> TupleCounts.of(new CsvTableReader(options).read(base), COLUMNS));
                time(wall, cpu, "baseline_parallel", r, () -> counter(options, base));
                time(wall, cpu, "baseline_sequential_unique", r, () -> TupleCounts.of(new CsvTableReader(options).read(baseUnique), COLUMNS));
                time(wall, cpu, "baseline_parallel_unique", r, () -> counter(options, baseUnique));
            }
            return new Result(rows, baselineRows, Runtime.getRuntime().availableProcessors(), files, stepBytes, wall, cpu, loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), same);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static TupleCounts counter(CsvOptions options, Path file) throws Exception {
        return new CsvTupleCounter(options).tryCount(file, COLUMNS, (b, n) -> { }).orElseThrow();
    }

    private static List<Long> counts(TupleCounts c) {
        List<Long> n = new java.util.ArrayList<>();
        for (int i = 0; i < c.tuples().size(); i++) {
            n.add(c.count(i));
        }
        return n;
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

    /**
     * The seeded data: sex, age band, race (2 × 4 × 3 groups), label with group-dependent rates, 80%-accurate
     * prediction; with {@code unique}, the same rows with a row id (1, 2, …) first and a score (six decimals, its own
     * seeded draws) last.
     */
    private static void write(Path file, long rows, boolean unique) throws IOException {
        SplittableRandom rng = new SplittableRandom(20261205L);
        SplittableRandom scores = new SplittableRandom(20261206L);
        String[] sex = {"F", "M"};
        String[] age = {"18-25", "26-40", "41-60", "60+"};
        String[] race = {"a", "b", "c"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(unique ? "id,sex,age_band,race,y_true,y_pred,score\n" : "sex,age_band,race,y_true,y_pred\n");
            StringBuilder sb = new StringBuilder(64);
            for (long i = 0; i < rows; i++) {
                int s = rng.nextInt(2);
                int a = rng.nextInt(4);
                int y = rng.nextDouble() < 0.3 + 0.1 * s + 0.05 * (a == 1 ? 1 : 0) ? 1 : 0;
                int p = rng.nextInt(10) < 8 ? y : 1 - y;
                sb.setLength(0);
                if (unique) {
                    sb.append(i + 1).append(',');
                }
                sb.append(sex[s]).append(',').append(age[a]).append(',').append(race[rng.nextInt(3)]).append(',').append(y)
                        .append(',').append(p);
                if (unique) {
                    String score = Integer.toString(1_000_000 + scores.nextInt(1_000_000));
                    sb.append(",0.").append(score, 1, 7);
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }
}
