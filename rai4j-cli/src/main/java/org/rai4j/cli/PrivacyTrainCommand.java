package org.rai4j.cli;

import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.PrivacyRandom;
import org.rai4j.privacy.TrainingRun;
import org.rai4j.report.PrivacyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rai4j privacy train}: trains a classifier on a CSV with DP-SGD to a target (ε, δ) — or without
 * privacy ({@code --no-dp}) for comparison — and reports held-out accuracy, ε spent and the ledger.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train logistic or softmax regression, an MLP or an embedding-bag text classifier on a CSV with "
                + "DP-SGD (Poisson sampling, per-example clipping, secure Gaussian noise) to a target epsilon; report "
                + "held-out accuracy, epsilon spent and the privacy ledger. --no-dp trains the same model with plain "
                + "SGD for comparison."},
        footer = {"", "Examples:",
                "  rai4j privacy train --data german-credit.csv --label class --model logistic --target-epsilon 1 --delta 1e-5",
                "  rai4j privacy train --data intents.csv --label intent --model text --text utterance --target-epsilon 4 --delta 1e-6",
                "", "Only the model weights are covered by epsilon: feature scaling and category levels are fitted on the "
                        + "training rows without privacy; text uses a data-independent hashing trick."})
public final class PrivacyTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Training data (CSV with a header).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column (categorical).")
    String label;

    @Option(names = "--model", required = true, paramLabel = "logistic|softmax|mlp|text", description = "Model to train.")
    String model;

    @Option(names = "--target-epsilon", paramLabel = "E", description = "Privacy budget epsilon (required unless --no-dp).")
    Double targetEpsilon;

    @Option(names = "--delta", paramLabel = "D", description = "Privacy parameter delta, below 1/rows (required unless --no-dp).")
    Double delta;

    @Option(names = "--epochs", paramLabel = "K", defaultValue = "20", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64", description = "Expected batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "1.0", description = "Per-example gradient clip norm (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.5", description = "SGD step size (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--no-dp", description = "Train the same model with plain minibatch SGD (no clipping, no noise).")
    boolean noDp;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Feature columns (default: all but the label and --text).")
    List<String> features;

    @Option(names = "--text", paramLabel = "COL", description = "Text column for --model text (words hashed into --buckets ids).")
    String text;

    @Option(names = "--buckets", paramLabel = "N", defaultValue = "20000", description = "Hash buckets (embedding rows) for text (default ${DEFAULT-VALUE}).")
    int buckets;

    @Option(names = "--dim", paramLabel = "N", defaultValue = "64", description = "Embedding dimension for text (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "64", description = "Hidden units for --model mlp (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2", description = "Held-out fraction (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--accountant", paramLabel = "rdp|prv", defaultValue = "rdp", description = "Accountant for calibration and epsilon (default ${DEFAULT-VALUE}).")
    String accountant;

    @Option(names = "--noise-mode", paramLabel = "standard|hardened", defaultValue = "standard",
            description = "hardened: Opacus's secure mode against floating-point attacks, 4x the noise cost (default ${DEFAULT-VALUE}).")
    String noiseMode;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the train/test split and initial weights (not of the DP noise, which is always secure).")
    long seed;

    @Option(names = "--json", paramLabel = "-|FILE", description = "Write the result as JSON to standard output (-) or FILE.")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingRun.ModelKind kind = TrainingRun.ModelKind.parse(model);
        Accountant acc = PrivacyEpsilonCommand.parseAccountant(accountant);
        PrivacyRandom.NoiseMode mode = switch (noiseMode.toLowerCase(Locale.ROOT)) {
            case "standard" -> PrivacyRandom.NoiseMode.STANDARD;
            case "hardened" -> PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED;
            default -> throw new UserException("--noise-mode must be standard or hardened, got '" + noiseMode + "'");
        };
        TrainingRun.Spec runSpec = new TrainingRun.Spec(kind, label, features, text, buckets, dim, hidden, testFraction, seed,
                epochs, batchSize, clip, learningRate, !noDp, targetEpsilon, delta, acc, mode);
        RunOutputs run = new RunOutputs().input("--data", data);
        run.declare("--json", json);
        Table table = new CsvTableReader().read(data, ReadProgress.of(data));
        long[] last = {System.nanoTime()};
        TrainingRun.Result result = TrainingRun.run(table, runSpec, new TrainingRun.Listener() {
            @Override
            public void epoch(int e, int total) {
                long now = System.nanoTime();
                if (Progress.enabled() && (now - last[0] > 2_000_000_000L || e == total)) {
                    last[0] = now;
                    err.printf("rai4j: SGD epoch %d/%d%n", e, total);
                }
            }

            @Override
            public void step(long s, long total) {
                long now = System.nanoTime();
                if (Progress.enabled() && (now - last[0] > 2_000_000_000L || s == total)) {
                    last[0] = now;
                    err.printf("rai4j: DP-SGD step %d/%d%n", s, total);
                }
            }

            @Override
            public void warning(String message) {
                err.println("rai4j: warning: " + message);
            }
        });
        if (json != null) {
            run.jsonLines(json, List.of(PrivacyReport.trainingJson(result)));
        } else {
            run.out.append(PrivacyReport.trainingText(result, data.toString()));
        }
        run.finish(out, err);
        return 0;
    }
}
