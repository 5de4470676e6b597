package org.rai4j.spark;

import org.apache.spark.sql.SparkSession;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTupleCounter;
import org.rai4j.core.TupleCounts;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.report.AuditJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The same count-based audit on the local engine (parallel CSV tuple counter, one JVM) and on Spark, on N generated
 * rows of {@code rai4j bench scale}'s shape (three group columns, label, prediction; the same seeded generator, so the
 * same bytes), written once to a temporary CSV and deleted afterwards. Repetitions alternate local and Spark; each
 * step is the whole audit from the file (count, then metrics and the exact multinomial bootstrap on the counts). Every
 * repetition checks that both engines produced the same tuple counts and the same audit JSON. The caller starts the
 * Spark session (its start-up is not counted). Stateless.
 */
public final class SparkScaleBenchmark {
    private SparkScaleBenchmark() {}

    /** The columns the audit reads, in the audit's order. */
    static final List<String> GROUPS = List.of("sex", "age_band", "race");

    /**
     * Measured seconds per repetition and what was compared.
     *
     * @param rows           generated rows
     * @param csvBytes       size of the CSV
     * @param master         the Spark master
     * @param localWall      wall seconds of the local engine, per repetition
     * @param localCpu       process CPU seconds of the local engine, per repetition
     * @param sparkWall      wall seconds of the Spark engine, per repetition
     * @param sparkCpu       process CPU seconds of the Spark engine (driver JVM = executors on local[n]), per repetition
     * @param sameCounts     whether every repetition gave equal tuple counts on both engines
     * @param sameJson       whether every repetition gave byte-identical audit JSON on both engines
     * @param tuples         distinct (label, prediction, groups) tuples
     * @param loadBefore     the 1-minute load average before the first repetition
     * @param loadAfter      the 1-minute load average after the last
     */
    public record Result(long rows, long csvBytes, String master, double[] localWall, double[] localCpu,
                         double[] sparkWall, double[] sparkCpu, boolean sameCounts, boolean sameJson, int tuples,
                         double loadBefore, double loadAfter) {
        /** Copies the arrays. */
        public Result {
            localWall = localWall.clone();
            localCpu = localCpu.clone();
            sparkWall = sparkWall.clone();
            sparkCpu = sparkCpu.clone();
        }

        @Override
        public double[] localWall() {
            return localWall.clone();
        }

        @Override
        public double[] localCpu() {
            return localCpu.clone();
        }

        @Override
        public double[] sparkWall() {
            return sparkWall.clone();
        }

        @Override
        public double[] sparkCpu() {
            return sparkCpu.clone();
        }
    }

    /**
     * Generates the data, runs {@code repetitions} alternating local and Spark audits and deletes the file.
     *
     * @param log receives one line per finished step (progress for long runs)
     */
    public static Result run(long rows, int repetitions, int bootstrap, SparkSession spark, Path tempDir,
                             java.util.function.Consumer<String> log) throws Exception {
        if (rows < 1 || repetitions < 1 || bootstrap < 0) {
            throw new IllegalArgumentException("rows and repetitions must be >= 1 and bootstrap >= 0, got " + rows + ", "
                    + repetitions + ", " + bootstrap);
        }
        Path dir = Files.createTempDirectory(tempDir, "rai4j-bench-spark");
        Path csv = dir.resolve("scale.csv");
        try {
            long g0 = System.nanoTime();
            write(csv, rows);
            log.accept(String.format(Locale.ROOT, "generated %,d rows (%.1f MB) in %.1f s", rows, Files.size(csv) / 1e6,
                    (System.nanoTime() - g0) / 1e9));
            CsvOptions options = new CsvOptions(',', Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
            AuditSpec spec = AuditSpec.binary("y_true", "y_pred", GROUPS).withBootstrap(bootstrap, 42);
            List<String> columns = AuditData.columns(spec);
            String master = spark.sparkContext().master();
            double[] lw = new double[repetitions];
            double[] lc = new double[repetitions];
            double[] sw = new double[repetitions];
            double[] sc = new double[repetitions];
            boolean sameCounts = true;
            boolean sameJson = true;
            int tuples = 0;
            double loadBefore = load();
            for (int r = 0; r < repetitions; r++) {
                System.gc();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                TupleCounts local = new CsvTupleCounter(options).count(csv, columns, (b, n) -> { });
                AuditResult localAudit = Auditor.run(AuditData.of(local, spec).orElseThrow(), spec, b -> { });
                lw[r] = (System.nanoTime() - t0) / 1e9;
                lc[r] = (cpuNanos() - c0) / 1e9;
                log.accept(String.format(Locale.ROOT, "repetition %d: local %.2f s", r + 1, lw[r]));
                System.gc();
                c0 = cpuNanos();
                t0 = System.nanoTime();
                TupleCounts onSpark = SparkAudit.count(spark, csv, columns, options);
                AuditResult sparkAudit = Auditor.run(AuditData.of(onSpark, spec).orElseThrow(), spec, b -> { });
                sw[r] = (System.nanoTime() - t0) / 1e9;
                sc[r] = (cpuNanos() - c0) / 1e9;
                log.accept(String.format(Locale.ROOT, "repetition %d: Spark %s %.2f s", r + 1, master, sw[r]));
                sameCounts &= onSpark.equals(local);
                sameJson &= AuditJson.toJson(sparkAudit).equals(AuditJson.toJson(localAudit));
                tuples = local.tuples().size();
            }
            return new Result(rows, Files.size(csv), master, lw, lc, sw, sc, sameCounts, sameJson, tuples, loadBefore, load());
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(dir);
        }
    }

    /** The report: sizes, load, then wall median [min-max], CPU median and MB/s per engine, the ratio and the checks. */
    public static String render(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench scale --engine spark: %,d rows (CSV %.1f MB, %d distinct tuples), %d cores, "
                        + "Spark %s; load average %.2f before, %.2f after%n",
                r.rows(), r.csvBytes() / 1e6, r.tuples(), Runtime.getRuntime().availableProcessors(), r.master(),
                r.loadBefore(), r.loadAfter()));
        sb.append(String.format(Locale.ROOT, "%d interleaved repetitions; each step = the whole count-based audit from the CSV "
                + "(count, then metrics + bootstrap on the counts)%n", r.localWall().length));
        sb.append(String.format(Locale.ROOT, "%-28s %28s %10s %10s%n", "engine", "wall s median [min-max]", "cpu s", "MB/s"));
        line(sb, "local (parallel CSV reader)", r.localWall(), r.localCpu(), r.csvBytes());
        line(sb, "Spark " + r.master(), r.sparkWall(), r.sparkCpu(), r.csvBytes());
        sb.append(String.format(Locale.ROOT, "Spark / local wall time: %.1fx (medians, same file, same process)%n",
                median(r.sparkWall()) / median(r.localWall())));
        sb.append("tuple counts equal on every repetition: ").append(r.sameCounts() ? "yes" : "NO").append(System.lineSeparator());
        sb.append("audit JSON byte-identical on every repetition: ").append(r.sameJson() ? "yes" : "NO").append(System.lineSeparator());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, double[] wall, double[] cpu, long bytes) {
        double[] w = wall.clone();
        Arrays.sort(w);
        sb.append(String.format(Locale.ROOT, "%-28s %10.2f [%7.2f-%7.2f] %10.2f %10.0f%n", name, median(wall), w[0], w[w.length - 1],
                median(cpu), bytes / 1e6 / median(wall)));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The data of {@code rai4j bench scale} (rai4j-parquet's {@code ScaleBenchmark}, same seed and draws, so the same
     * bytes): sex, age band, race (2 × 4 × 3 groups), label with group-dependent rates, 80%-accurate prediction.
     */
    static void write(Path file, long rows) throws IOException {
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
