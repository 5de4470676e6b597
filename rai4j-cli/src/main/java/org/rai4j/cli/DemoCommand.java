package org.rai4j.cli;

import org.rai4j.core.Column;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.FailCondition;
import org.rai4j.fairness.Task;
import org.rai4j.learn.GermanCreditModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rai4j demo}: the main job, offline on real data. Trains an L2-regularised logistic regression
 * on 70% of German credit, predicts the held-out 30%, and audits the predictions by sex and age band.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a credit model on German credit (bundled) and audit it by sex and age band, with intervals.",
        subcommands = {SpeechDemoCommand.class})
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--test-fraction", defaultValue = "0.3", description = "Held-out share of the data (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--split-seed", defaultValue = "2024", description = "Seed of the train/test split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--l2", defaultValue = "1.0", description = "L2 penalty of the logistic regression (default ${DEFAULT-VALUE}).")
    double l2;

    @Mixin
    AuditOutput output = new AuditOutput();

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-group-size", defaultValue = "30", description = "Minimum slice size (default ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(names = "--export", paramLabel = "FILE", description = "Also write the held-out rows with the model's predictions as CSV (for trying 'rai4j audit').")
    java.nio.file.Path export;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<FailCondition> conditions = output.conditions();
        RunOutputs run = new RunOutputs();
        output.declare(run);
        run.declare("--export", export);
        StringBuilder info = run.text("-".equals(output.json));
        Table data = GermanCredit.load();
        info.append(String.format(Locale.ROOT, "German credit: %d applicants × %d attributes (Hofmann 1994, from weka-stable 3.8.7), sha256 %s…%n",
                data.rowCount(), data.columnNames().size() - 2, data.sha256().substring(0, 12)));

        GermanCreditModel m = GermanCreditModel.train(data, testFraction, splitSeed, l2);
        Table audited = m.audited(m.test(), "german-credit-holdout");
        info.append(String.format(Locale.ROOT, "Model: logistic regression (L2 λ=%s, %d encoded features, Newton–Raphson) trained on %d rows; "
                        + "held-out accuracy %.3f on %d rows. Positive label 1 = 'good' credit (the favourable decision).%n%n",
                Double.toString(l2), m.encoder().width(), m.train().rowCount(), GermanCreditModel.accuracy(audited), audited.rowCount()));
        if (export != null) {
            run.file(export, exportCsv(m.test(), audited));
            info.append("wrote " + export + " (held-out rows with good_credit, predicted_good, score)\n");
        }
        AuditSpec auditSpec = new AuditSpec(Task.BINARY, "good_credit", "predicted_good", "score", null, "1", "0",
                List.of("sex", "age_band"), List.of(), org.rai4j.fairness.MissingGroupPolicy.ERROR, minGroupSize, 0.95,
                bootstrap, seed, org.rai4j.fairness.Adjustment.HOLM);
        AuditResult r;
        try (Progress p = Progress.start("bootstrap", bootstrap)) {
            r = Auditor.run(audited, auditSpec, p.listener());
        }
        int status = output.emit(r, conditions, run, out, spec.commandLine().getErr());
        spec.commandLine().getErr().println(PLATFORM_HINT);
        spec.commandLine().getErr().flush();
        return status;
    }

    /** The demo's last line (on standard error, so standard output stays the audit): how to open the platform. */
    static final String PLATFORM_HINT = "Next: ./rai4j serve opens the platform (this model with its service card and audit, last-mile checks "
            + "and a bias bounty) at http://127.0.0.1:8080/";

    private static String exportCsv(Table test, Table audited) throws Exception {
        List<String> cols = List.of("sex", "age_band", "age", "personal_status", "foreign_worker", "housing", "job");
        List<Column> columns = new ArrayList<>();
        for (String c : cols) {
            columns.add(test.column(c));
        }
        Column y = audited.column(GermanCreditModel.TRUTH);
        Column pred = audited.column(GermanCreditModel.PREDICTION);
        Column score = audited.column(GermanCreditModel.SCORE);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", cols)).append(",good_credit,predicted_good,score\n");
        for (int i = 0; i < test.rowCount(); i++) {
            for (Column c : columns) {
                String v = c.text(i);
                sb.append(v == null ? "" : v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v).append(',');
            }
            sb.append((int) y.number(i)).append(',').append((int) pred.number(i)).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", score.number(i))).append('\n');
        }
        return sb.toString();
    }
}
