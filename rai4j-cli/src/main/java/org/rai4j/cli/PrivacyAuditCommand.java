package org.rai4j.cli;

import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.privacy.audit.PrivacyAudit;
import org.rai4j.report.PrivacyAuditReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rai4j privacy audit}: trains the same model without privacy and with DP-SGD at each ε, runs
 * membership-inference attacks and a one-run canary audit on every model, and prints theory next to measurement.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measured leakage next to theoretical epsilon: train the model without privacy and with DP-SGD at "
                + "each epsilon, attack it (loss threshold, LiRA offline/online, shadow models) and run a one-run canary "
                + "audit. Reports per epsilon: test accuracy, attack AUC, TPR at 0.1%% and 1%% FPR, balanced accuracy, "
                + "Clopper-Pearson and one-run epsilon lower bounds, each with its interval. Long work: progress on stderr."},
        footer = {"", "Examples:",
                "  rai4j privacy audit --data adult.csv --label Salary --epsilons inf,8,2,1 --reference-models 16 --json audit.json",
                "  rai4j privacy audit --data train.csv --label class --quick --html audit.html",
                "", "--quick: 4 reference models, 100 canaries, 200 bootstrap replicates (options given explicitly win).",
                "DP-SGD noise comes from a seeded simulation stream: the audit's models are never released, and the audit "
                        + "re-runs to the same numbers. See docs/privacy-audit.md."})
public final class PrivacyAuditCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Data (CSV with a header).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column (categorical).")
    String label;

    @Option(names = "--model", paramLabel = "logistic|mlp|embedding-bag", defaultValue = "logistic",
            description = "Model to train and attack (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epsilons", paramLabel = "E1,E2", defaultValue = "inf,8,2,1",
            description = "Theoretical epsilons; inf trains with plain SGD (default ${DEFAULT-VALUE}).")
    String epsilons;

    @Option(names = "--attacks", paramLabel = "A1,A2", defaultValue = "loss,lira-offline,lira-online,shadow",
            description = "Attacks: loss, lira-offline, lira-online, shadow (default ${DEFAULT-VALUE}).")
    String attacks;

    @Option(names = "--reference-models", paramLabel = "K", description = "Reference (shadow) models per epsilon (default 16; 4 with --quick).")
    Integer referenceModels;

    @Option(names = "--canaries", paramLabel = "M", description = "Mislabelled canaries of the one-run audit (default 1000; 100 with --quick).")
    Integer canaries;

    @Option(names = "--quick", description = "A small profile for a smoke test: 4 reference models, 100 canaries, 200 bootstrap replicates.")
    boolean quick;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Feature columns (default: all but the label and --text).")
    List<String> features;

    @Option(names = "--text", paramLabel = "COL", description = "Text column for --model embedding-bag.")
    String text;

    @Option(names = "--epochs", paramLabel = "K", defaultValue = "20", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "256", description = "(Expected) batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0", description = "DP-SGD clip norm (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.5", description = "SGD step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "64", description = "Hidden units of --model mlp (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--buckets", paramLabel = "N", defaultValue = "20000", description = "Hash buckets of --model embedding-bag (default ${DEFAULT-VALUE}).")
    int buckets;

    @Option(names = "--dim", paramLabel = "N", defaultValue = "64", description = "Embedding dimension of --model embedding-bag (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--delta", paramLabel = "D", defaultValue = "1e-5", description = "Delta of DP-SGD and of the bounds (default ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2", description = "Held-out fraction (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--replicates", paramLabel = "B", description = "Bootstrap replicates of the attack metrics (default 1000; 200 with --quick).")
    Integer replicates;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Confidence of intervals and bounds (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every draw, including the simulated DP noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Write rai4j.privacy-audit/1 JSON to standard output (-) or FILE.")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a static HTML report with log-log ROC curves.")
    Path html;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrivacyAudit.Spec s = new PrivacyAudit.Spec(label, features, text, PrivacyAudit.Model.parse(model), parseEpsilons(epsilons),
                parseAttacks(attacks), referenceModels != null ? referenceModels : quick ? 4 : 16,
                canaries != null ? canaries : quick ? 100 : 1000, epochs, batchSize, clip, learningRate, hidden, buckets, dim, delta,
                testFraction, replicates != null ? replicates : quick ? 200 : 1000, confidence, seed,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        RunOutputs run = new RunOutputs().input("--data", data);
        Path jsonFile = run.declare("--json", json);
        Path htmlFile = run.declare("--html", html);
        Table table = new CsvTableReader().read(data, ReadProgress.of(data));
        Progress[] progress = new Progress[1];
        PrivacyAudit.Result r;
        try {
            r = PrivacyAudit.run(table, s, new PrivacyAudit.Listener() {
                @Override
                public synchronized void model(int done, int total, String what) {
                    if (progress[0] == null) {
                        progress[0] = Progress.start("privacy audit: models trained", total);
                    }
                    progress[0].message(what);
                    progress[0].stepTo(done);
                }

                @Override
                public void warning(String message) {
                    run.err.append("rai4j: warning: ").append(message).append('\n');
                }
            });
        } finally {
            if (progress[0] != null) {
                progress[0].close();
            }
        }
        if ("-".equals(json)) {
            run.out.append(PrivacyAuditReport.auditJson(r)).append('\n');
        } else {
            run.out.append(PrivacyAuditReport.auditText(r));
        }
        if (jsonFile != null) {
            run.file(jsonFile, PrivacyAuditReport.auditJson(r));
            run.out.append("rai4j: wrote ").append(json).append('\n');
        }
        if (htmlFile != null) {
            run.file(htmlFile, PrivacyAuditReport.auditHtml(r));
            run.out.append("rai4j: wrote ").append(html).append('\n');
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** "inf,8,2,1" as numbers; inf (or infinity) is +∞. */
    static List<Double> parseEpsilons(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("inf") || p.equals("infinity")) {
                out.add(Double.POSITIVE_INFINITY);
                continue;
            }
            try {
                out.add(Double.parseDouble(p));
            } catch (NumberFormatException e) {
                throw new UserException("--epsilons: '" + part.trim() + "' is not a number or inf (e.g. --epsilons inf,8,2,1)");
            }
        }
        return out;
    }

    private static List<PrivacyAudit.Attack> parseAttacks(String text) {
        List<PrivacyAudit.Attack> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(PrivacyAudit.Attack.parse(part));
        }
        return out;
    }
}
