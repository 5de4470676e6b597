package org.rai4j.spark;

import org.apache.spark.sql.SparkSession;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.DataFileException;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;
import org.rai4j.report.AuditJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code rai4j audit --engine spark}: the count-based audit with the counting pass on Spark (what {@code ./rai4j}
 * runs for {@code --engine spark}; also the main class of the spark-submit-able {@code rai4j-spark.jar}). Same
 * options and JSON as {@code rai4j audit} for binary and multiclass audits without score or weight.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Disaggregated evaluation with the counting pass on Apache Spark (count-based audits).")
public final class SparkAuditCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file (header line; no line breaks inside fields) or Parquet file or folder.")
    Path data;
    @Option(names = "--engine", defaultValue = "spark", paramLabel = "ENGINE", description = "spark (this command).")
    String engine;
    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;
    @Option(names = "--task", defaultValue = "binary", paramLabel = "TASK", description = "binary (default) or multiclass.")
    String task;
    @Option(names = {"--label", "--y-true"}, required = true, paramLabel = "COL", description = "Column of true labels.")
    String label;
    @Option(names = {"--prediction", "--y-pred"}, required = true, paramLabel = "COL", description = "Column of predicted labels.")
    String prediction;
    @Option(names = "--positive-label", defaultValue = "1", paramLabel = "V", description = "The positive label (default 1).")
    String positiveLabel;
    @Option(names = "--negative-label", paramLabel = "V", description = "The negative label.")
    String negativeLabel;
    @Option(names = "--group", paramLabel = "COL", description = "Group column; repeat for several.")
    List<String> groups = new ArrayList<>();
    @Option(names = "--control", paramLabel = "COL", description = "Control column; repeat for several.")
    List<String> controls = new ArrayList<>();
    @Option(names = "--missing-group", defaultValue = "error", paramLabel = "POLICY", description = "error (default) or own-group.")
    String missingGroup;
    @Option(names = "--min-group-size", defaultValue = "30", paramLabel = "N", description = "Minimum rows per slice (default 30).")
    int minGroupSize;
    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Confidence level (default 0.95).")
    double confidence;
    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap replicates (default 1000).")
    int bootstrap;
    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Master seed (default 42).")
    long seed;
    @Option(names = "--adjust", defaultValue = "holm", paramLabel = "METHOD", description = "holm (default), bh or none.")
    String adjust;
    @Option(names = "--separator", defaultValue = ",", paramLabel = "C", description = "CSV field separator (default ,).")
    char separator;
    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the audit JSON (rai4j.audit/1) to FILE or stdout.")
    String json;

    @Override
    public Integer call() throws Exception {
        if (!"spark".equals(engine)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--engine: this command runs the Spark engine; use rai4j audit for the local engine");
        }
        Task t = switch (task) {
            case "binary" -> Task.BINARY;
            case "multiclass" -> Task.MULTICLASS;
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--task: the Spark engine runs binary or multiclass audits, got '" + task + "'");
        };
        MissingGroupPolicy missing = "own-group".equals(missingGroup) ? MissingGroupPolicy.OWN_GROUP : MissingGroupPolicy.ERROR;
        Adjustment adj = switch (adjust) {
            case "bh" -> Adjustment.BH;
            case "none" -> Adjustment.NONE;
            default -> Adjustment.HOLM;
        };
        AuditSpec spec = new AuditSpec(t, label, prediction, null, null, positiveLabel, negativeLabel, groups, controls, missing,
                minGroupSize, confidence, bootstrap, seed, adj);
        CsvOptions options = new CsvOptions(separator, Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
        AuditResult r;
        SparkSession spark = session(master);
        try {
            r = SparkAudit.run(spark, data, options, spec, b -> { });
        } finally {
            spark.stop();
        }
        String text = AuditJson.toJson(r);
        if ("-".equals(json)) {
            System.out.print(text);
        } else if (json != null) {
            Files.writeString(Path.of(json), text, StandardCharsets.UTF_8);
            System.err.println("rai4j: wrote " + json + " (Spark engine, master " + master + ", " + r.n() + " rows)");
        } else {
            System.err.println("rai4j: audited " + r.n() + " rows on Spark (" + master + "); add --json FILE for the audit");
        }
        return 0;
    }

    /** A Spark session on {@code master} bound to loopback, without the web UI. */
    public static SparkSession session(String master) {
        return SparkSession.builder().appName("rai4j-audit").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * Runs {@code [audit] OPTIONS…} (or {@code bench scale OPTIONS…}: {@link SparkBenchScaleCommand}); exit status 0,
     * 1 for data problems, 2 for usage errors.
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:org/rai4j/spark/log4j2-quiet.properties");
        }
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("scale")) {
            System.exit(new CommandLine(new SparkBenchScaleCommand()).execute(java.util.Arrays.copyOfRange(args, 2, args.length)));
        }
        String[] a = args.length > 0 && args[0].equals("audit") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        CommandLine cl = new CommandLine(new SparkAuditCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DataFileException || e instanceof IllegalArgumentException) {
                System.err.println("rai4j: error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cl.execute(a));
    }
}
