package org.rai4j.cli;

import org.rai4j.core.Column;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.FailCondition;
import org.rai4j.fairness.Task;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.LogisticModel;
import org.rai4j.learn.LogisticRegression;
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

        int[][] split = Splits.trainTest(data.rowCount(), testFraction, splitSeed);
        Table train = data.select(split[0]);
        Table test = data.select(split[1]);
        List<String> features = new ArrayList<>(data.columnNames());
        features.removeAll(List.of("class", "sex", "age_band"));
        FeatureEncoder encoder = FeatureEncoder.fit(train, features);
        LogisticModel model = new LogisticRegression(l2, 100, 1e-10).fit(encoder.transform(train), labels(train));
        double[][] x = encoder.transform(test);
        double[] score = new double[x.length];
        double[] pred = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            score[i] = model.probability(x[i]);
            pred[i] = score[i] >= 0.5 ? 1 : 0;
        }
        int[] truth = labels(test);
        double[] yTrue = new double[truth.length];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            yTrue[i] = truth[i];
            correct += truth[i] == pred[i] ? 1 : 0;
        }
        info.append(String.format(Locale.ROOT, "Model: logistic regression (L2 λ=%s, %d encoded features, Newton–Raphson) trained on %d rows; "
                        + "held-out accuracy %.3f on %d rows. Positive label 1 = 'good' credit (the favourable decision).%n%n",
                Double.toString(l2), encoder.width(), train.rowCount(), (double) correct / truth.length, truth.length));

        Table audited = new Table("german-credit-holdout", data.sha256(), List.of(
                Column.numeric("good_credit", yTrue), Column.numeric("predicted_good", pred), Column.numeric("score", score),
                test.column("sex"), test.column("age_band")), null);
        if (export != null) {
            run.file(export, exportCsv(test, yTrue, pred, score));
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

    private static String exportCsv(Table test, double[] yTrue, double[] pred, double[] score) throws Exception {
        StringBuilder sb = new StringBuilder();
        List<String> cols = List.of("sex", "age_band", "age", "personal_status", "foreign_worker", "housing", "job");
        sb.append(String.join(",", cols)).append(",good_credit,predicted_good,score\n");
        for (int i = 0; i < test.rowCount(); i++) {
            for (String c : cols) {
                sb.append(csvField(test.column(c).text(i))).append(',');
            }
            sb.append((int) yTrue[i]).append(',').append((int) pred[i]).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", score[i])).append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static int[] labels(Table t) throws org.rai4j.core.DataFileException {
        Column c = t.column("class");
        int[] y = new int[t.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = "good".equals(c.text(i)) ? 1 : 0;
        }
        return y;
    }
}
