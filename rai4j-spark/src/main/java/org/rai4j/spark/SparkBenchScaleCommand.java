package org.rai4j.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./rai4j bench scale --engine spark}: the same count-based audit on the local engine and on Spark over N
 * generated rows ({@link SparkScaleBenchmark}). Minutes at the default 10⁸ rows: never part of the test run.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"The count-based audit on the local engine vs Spark on N generated rows of bench scale's shape",
                "(same CSV, interleaved repetitions, equal counts and JSON checked on every repetition)."})
public final class SparkBenchScaleCommand implements Callable<Integer> {
    @Option(names = "--engine", defaultValue = "spark", paramLabel = "ENGINE", description = "spark (this command).")
    String engine;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--rows", defaultValue = "100000000", paramLabel = "N", description = "Rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--repetitions", defaultValue = "3", paramLabel = "R", description = "Interleaved repetitions (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Replicates of the audit (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Where the generated CSV goes (default: the system temp dir).")
    Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() throws Exception {
        if (!"spark".equals(engine)) {
            System.err.println("rai4j: error: --engine: this command compares the local engine with Spark; use rai4j bench scale for the local engine alone");
            return 2;
        }
        long t0 = System.nanoTime();
        SparkSession spark = SparkAuditCommand.session(master);
        double start = (System.nanoTime() - t0) / 1e9;
        SparkScaleBenchmark.Result r;
        try {
            r = SparkScaleBenchmark.run(rows, repetitions, bootstrap, spark, tempDir, line -> System.err.println("rai4j: " + line));
        } finally {
            spark.stop();
        }
        System.out.print(SparkScaleBenchmark.render(r));
        System.out.printf(java.util.Locale.ROOT, "Spark session start-up (not counted above): %.1f s%n", start);
        System.out.flush();
        return r.sameCounts() && r.sameJson() ? 0 : 1;
    }
}
