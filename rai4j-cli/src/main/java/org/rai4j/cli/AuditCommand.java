package org.rai4j.cli;

import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditData;
import org.rai4j.parquet.ParquetAudit;
import org.rai4j.parquet.ParquetData;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.FailCondition;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;
import org.rai4j.fairness.Task;
import org.rai4j.report.AuditJsonReader;
import org.rai4j.report.ComparisonJson;
import org.rai4j.report.ComparisonReport;
import org.rai4j.report.Gates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code rai4j audit}: disaggregated evaluation of a model's predictions stored in a CSV file. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Disaggregated evaluation: every metric by group and intersection, with n, intervals and status;",
                "gaps between groups and fairness metrics with bootstrap intervals and significance."})
public final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line, or Parquet: a *.parquet file or a folder of them (only the audited columns are read).")
    Path data;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "binary", description = "binary (default), multiclass, regression or speech.")
    String task;

    @Option(names = {"--label", "--y-true"}, paramLabel = "COL", description = "Column of true labels (or values).")
    String label;

    @Option(names = {"--prediction", "--y-pred"}, paramLabel = "COL", description = "Column of predicted labels (or values).")
    String prediction;

    @Option(names = "--score", paramLabel = "COL", description = "Column of predicted probabilities of the positive label: adds auc, brier_score, expected_calibration_error.")
    String score;

    @Option(names = "--weight", paramLabel = "COL", description = "Column of non-negative sample weights.")
    String weight;

    @Option(names = "--positive-label", paramLabel = "V", defaultValue = "1", description = "The positive label (default ${DEFAULT-VALUE}).")
    String positiveLabel;

    @Option(names = "--negative-label", paramLabel = "V", description = "The negative label (default: 0 when the positive label is 1, else the one other value).")
    String negativeLabel;

    @Option(names = "--separator", paramLabel = "C", defaultValue = ",", description = "CSV field separator (default ${DEFAULT-VALUE}).")
    char separator;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (default) or spark: the counting pass on Apache Spark (binary/multiclass without --score/--weight; "
                    + "./rai4j builds the Spark engine on first use; or spark-submit rai4j-spark/target/rai4j-spark.jar).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. local[*] (default).")
    String master;

    @Mixin
    AuditOptions options = new AuditOptions();

    @Mixin
    AuditOutput output = new AuditOutput();

    @Option(names = "--baseline", paramLabel = "BASE.json",
            description = "Also compare this audit (the candidate) with a baseline audit JSON: the customer test kit (see rai4j compare).")
    Path baseline;

    @Mixin
    CompareOptions compare = new CompareOptions();

    @Mixin
    SpeechAuditOptions speech = new SpeechAuditOptions();

    @Option(names = "--compare-json", paramLabel = "FILE|-", description = "With --baseline: write the comparison JSON (rai4j.compare/1) to FILE or stdout.")
    String compareJson;

    @Override
    public Integer call() throws Exception {
        if ("speech".equals(task)) {
            return speechAudit();
        }
        if (!"local".equals(engine)) {
            throw new UserException("spark".equals(engine)
                    ? "audit --engine spark runs through the ./rai4j launcher (it builds the Spark engine, rai4j-spark, on first use) "
                            + "or with spark-submit rai4j-spark/target/rai4j-spark.jar; this jar has the local engine only"
                    : "--engine: expected local or spark, got '" + engine + "'");
        }
        Task t = parseTask(task);
        if (label == null || prediction == null) {
            throw new UserException("audit: --label COL and --prediction COL are required for task " + task);
        }
        AuditSpec auditSpec = options.spec(t, label, prediction, score, weight, positiveLabel, negativeLabel);
        List<FailCondition> conditions = output.conditions();
        RunOutputs run = new RunOutputs().input("--data", data).input("--baseline", baseline);
        output.declare(run);
        if (baseline != null) {
            run.declare("--compare-json", compareJson);
        }
        AuditResult base = baseline == null ? null : AuditJsonReader.read(baseline);
        CsvOptions csv = new CsvOptions(separator, Set.of("", "NA", "?"), CsvOptions.DEFAULT.maxLevels());
        AuditData input = ParquetData.isParquet(data) ? ParquetAudit.read(data, csv, auditSpec)
                : AuditData.read(data, csv, auditSpec, ReadProgress.of(data));
        AuditResult r;
        try (Progress p = Progress.start("bootstrap", auditSpec.bootstrap())) {
            r = Auditor.run(input, auditSpec, p.listener());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (base == null) {
            return output.emit(r, conditions, run, out, err);
        }
        ComparisonSpec cs = compare.spec(auditSpec.confidence(), ComparisonSpec.DEFAULT_BOOTSTRAP, auditSpec.seed(), auditSpec.adjust());
        ComparisonResult cmp = LastMileComparison.compare(base, r, cs);
        String b = baseline.getFileName().toString();
        output.render(r, cmp, b, run);
        List<Gates.Outcome> gates = Gates.audit(r, conditions);
        gates.forEach(g -> run.err.append("rai4j: ").append(g.message()).append('\n'));
        StringBuilder info = run.text("-".equals(output.json) || "-".equals(compareJson));
        info.append('\n').append(ComparisonReport.render(cmp, b, data.getFileName().toString()));
        if ("-".equals(compareJson)) {
            run.out.append(ComparisonJson.toJson(cmp, b, data.getFileName().toString()));
        } else if (compareJson != null) {
            run.file(Path.of(compareJson), ComparisonJson.toJson(cmp, b, data.getFileName().toString()));
            info.append("\nwrote ").append(compareJson).append('\n');
        }
        run.finish(out, err);
        return Math.max(Gates.anyFailed(gates) ? Rai4j.EXIT_GATE : 0, compare.gate(cmp, err));
    }

    /** {@code --task speech}: reference/hypothesis transcripts, WER and friends per group (see SpeechAuditRunner). */
    private int speechAudit() throws Exception {
        if (compare.reference == null || speech.hypothesis == null) {
            throw new UserException("audit --task speech: --reference COL and --hypothesis COL are required");
        }
        if (weight != null || score != null) {
            throw new UserException("audit --task speech: --weight and --score are not supported for speech");
        }
        AuditSpec auditSpec = options.spec(Task.SPEECH, compare.reference, speech.hypothesis, null, null, positiveLabel, null,
                speech.cluster != null);
        List<FailCondition> conditions = output.conditions();
        AuditResult base = baseline == null ? null : AuditJsonReader.read(baseline);
        org.rai4j.fairness.ResamplingUnits baseUnits = baseline == null ? null : speechUnits(base, baseline);
        RunOutputs run = new RunOutputs().input("--data", data).input("--baseline", baseline);
        output.declare(run);
        if (baseline != null) {
            run.declare("--compare-json", compareJson);
        }
        Table table = speech.select(new CsvTableReader(new CsvOptions(separator, Set.of(""), CsvOptions.DEFAULT.maxLevels()))
                .read(data, ReadProgress.of(data)));
        org.rai4j.speech.SpeechAudit.Result r;
        try (Progress p = Progress.start("bootstrap", auditSpec.bootstrap())) {
            r = org.rai4j.speech.SpeechAudit.run(table, auditSpec, speech.normalization.normalizer(), speech.cluster, p.listener());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (base == null) {
            return SpeechAuditRunner.emit(r, output, conditions, run, out, err);
        }
        ComparisonSpec cs = compare.speechSpec(auditSpec.confidence(), ComparisonSpec.DEFAULT_BOOTSTRAP, auditSpec.seed(),
                auditSpec.adjust(), true);
        ComparisonResult cmp;
        try {
            cmp = LastMileComparison.compare(base, baseUnits, r.audit(), r.units(), org.rai4j.speech.SpeechAudit.metrics(), cs);
        } catch (IllegalArgumentException e) {
            throw new UserException("--baseline " + baseline + ": " + e.getMessage());
        }
        SpeechAuditRunner.render(r, output, run);
        List<Gates.Outcome> gates = Gates.audit(r.audit(), conditions);
        gates.forEach(g -> run.err.append("rai4j: ").append(g.message()).append('\n'));
        String b = baseline.getFileName().toString();
        StringBuilder info = run.text("-".equals(output.json) || "-".equals(compareJson));
        info.append('\n').append(ComparisonReport.render(cmp, b, data.getFileName().toString()));
        if ("-".equals(compareJson)) {
            run.out.append(ComparisonJson.toJson(cmp, b, data.getFileName().toString()));
        } else if (compareJson != null) {
            run.file(Path.of(compareJson), ComparisonJson.toJson(cmp, b, data.getFileName().toString()));
            info.append("\nwrote ").append(compareJson).append('\n');
        }
        run.finish(out, err);
        return Math.max(Gates.anyFailed(gates) ? Rai4j.EXIT_GATE : 0, compare.gate(cmp, err));
    }

    /** The resampling units recorded in a speech audit JSON, with a clear error when it is not one. */
    static org.rai4j.fairness.ResamplingUnits speechUnits(AuditResult audit, Path file) throws Exception {
        if (audit.spec().task() != Task.SPEECH) {
            throw new UserException(file + ": the baseline is a " + audit.spec().task().id() + " audit; a speech audit "
                    + "compares with a speech audit (rai4j audit --task speech --json FILE)");
        }
        org.rai4j.fairness.ResamplingUnits u = AuditJsonReader.readResamplingUnits(file);
        if (u == null) {
            throw new UserException(file + ": this speech audit JSON has no resampling_units (written by an older rai4j); "
                    + "audit the baseline data again with 'rai4j audit --task speech ... --json FILE'");
        }
        return u;
    }

    static Task parseTask(String t) {
        return switch (t) {
            case "binary" -> Task.BINARY;
            case "multiclass" -> Task.MULTICLASS;
            case "regression" -> Task.REGRESSION;
            default -> throw new UserException("--task: expected binary, multiclass, regression or speech, got '" + t + "'");
        };
    }
}
