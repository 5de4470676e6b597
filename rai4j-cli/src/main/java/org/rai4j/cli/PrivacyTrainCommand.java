package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.core.Column;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Provenance;
import org.rai4j.core.Seeds;
import org.rai4j.core.Table;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.Sgd;
import org.rai4j.learn.TokenExamples;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.DpTraining;
import org.rai4j.privacy.PrivacyRandom;
import org.rai4j.privacy.Segment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    private enum Kind { LOGISTIC, SOFTMAX, MLP, TEXT }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Kind kind = parseKind();
        Accountant acc = PrivacyEpsilonCommand.parseAccountant(accountant);
        if (acc == Accountant.GDP) {
            throw new UserException("--accountant must be rdp or prv for training (gdp is not a bound)");
        }
        PrivacyRandom.NoiseMode mode = switch (noiseMode.toLowerCase(Locale.ROOT)) {
            case "standard" -> PrivacyRandom.NoiseMode.STANDARD;
            case "hardened" -> PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED;
            default -> throw new UserException("--noise-mode must be standard or hardened, got '" + noiseMode + "'");
        };
        if (!noDp && (targetEpsilon == null || delta == null)) {
            throw new UserException("--target-epsilon and --delta are required for DP training (or use --no-dp)");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UserException("--test-fraction must be in (0, 1), got " + testFraction);
        }
        if (epochs < 1 || batchSize < 1 || !(clip > 0) || !(learningRate > 0)) {
            throw new UserException("--epochs and --batch-size must be >= 1, --clip and --learning-rate > 0");
        }

        RunOutputs run = new RunOutputs().input("--data", data);
        run.declare("--json", json);
        Table table = new CsvTableReader().read(data);
        Labels labels = labels(table);
        if (kind == Kind.LOGISTIC && labels.classes().size() != 2) {
            throw new UserException("--model logistic needs exactly 2 label values in '" + label + "', found "
                    + labels.classes().size() + ": " + labels.classes() + " (use --model softmax)");
        }
        int[][] split = split(table.rowCount());
        Table trainTable = table.select(split[0]);
        Table testTable = table.select(split[1]);
        int[] trainY = pick(labels.codes(), split[0]);
        int[] testY = pick(labels.codes(), split[1]);
        int k = labels.classes().size();

        Prepared<?> prepared = kind == Kind.TEXT ? prepareText(table, trainTable, testTable, trainY, testY, k)
                : prepareDense(kind, table, trainTable, testTable, trainY, testY, k);
        TrainingOutcome outcome = train(prepared, acc, mode, err);

        ObjectNode o = PrivacyOutput.object();
        o.put("model", kind.name().toLowerCase(Locale.ROOT));
        o.put("dp", !noDp);
        o.put("accuracy", outcome.testAccuracy());
        o.put("train_accuracy", outcome.trainAccuracy());
        if (noDp) {
            o.putNull("epsilon");
        } else {
            PrivacyOutput.put(o, "epsilon", outcome.result().spent().epsilon());
            o.put("delta", delta);
            o.put("target_epsilon", targetEpsilon);
            o.put("accountant", acc.key());
            o.put("noise_multiplier", outcome.result().noiseMultiplier());
            o.put("sample_rate", outcome.result().sampleRate());
            o.put("clipped_fraction", outcome.result().clippedFraction());
            ArrayNode ledger = o.putArray("ledger");
            for (Segment s : outcome.result().ledger().segments()) {
                ledger.addObject().put("noise_multiplier", s.noiseMultiplier()).put("sample_rate", s.sampleRate())
                        .put("steps", s.steps());
            }
        }
        o.put("steps", outcome.steps());
        o.put("epochs", epochs);
        o.put("batch_size", batchSize);
        o.put("clip", clip);
        o.put("learning_rate", learningRate);
        o.put("train_rows", split[0].length);
        o.put("test_rows", split[1].length);
        ArrayNode classes = o.putArray("classes");
        labels.classes().forEach(classes::add);
        o.put("data_sha256", table.sha256());
        o.put("seed", seed);
        o.put("rai4j_version", Provenance.rai4jVersion());
        if (json != null) {
            PrivacyOutput.writeLines(json, List.of(o), run);
        } else {
            run.out.append(render(kind, prepared, outcome, acc, split, labels));
        }
        run.finish(out, err);
        return 0;
    }

    private record Labels(int[] codes, List<String> classes) {}

    private record Prepared<E extends Examples>(GradientModel<E> model, E train, E test, String shape) {}

    private record TrainingOutcome(double testAccuracy, double trainAccuracy, long steps, DpTraining.Result result) {}

    private Kind parseKind() {
        try {
            return Kind.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("--model must be logistic, softmax, mlp or text, got '" + model + "'");
        }
    }

    private Labels labels(Table table) throws DataFileException {
        if (!table.hasColumn(label)) {
            throw new UserException("--label '" + label + "' is not a column of " + data + " (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        Column c = table.column(label);
        if (!c.isCategorical() || c.levels().size() > 1000) {
            throw new UserException("the label column '" + label + "' must be categorical (at most 1000 distinct values)");
        }
        ProblemCollector problems = new ProblemCollector();
        int[] codes = c.codes();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == Column.MISSING) {
                problems.add(table.problem(i, label, "expected a label, got a missing value"));
            }
        }
        problems.throwIfAny();
        if (c.levels().size() < 2) {
            throw new UserException("the label column '" + label + "' has a single value " + c.levels() + "; need at least 2 classes");
        }
        return new Labels(codes, c.levels());
    }

    /** A seeded random split: {train rows, test rows}. */
    private int[][] split(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = Seeds.stream(seed, 7);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int test = (int) Math.round(n * testFraction);
        if (test < 1 || test >= n) {
            throw new UserException("need at least 2 rows to hold some out for testing; " + data + " has " + n);
        }
        int[] testRows = Arrays.copyOfRange(order, 0, test);
        int[] trainRows = Arrays.copyOfRange(order, test, n);
        Arrays.sort(testRows);
        Arrays.sort(trainRows);
        return new int[][] {trainRows, testRows};
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private Prepared<DenseExamples> prepareDense(Kind kind, Table all, Table train, Table test, int[] trainY, int[] testY,
                                                 int k) throws DataFileException {
        List<String> cols = new ArrayList<>();
        if (features != null && !features.isEmpty()) {
            for (String f : features) {
                if (!all.hasColumn(f)) {
                    throw new UserException("--features: '" + f + "' is not a column of " + data);
                }
                cols.add(f);
            }
        } else {
            for (String name : all.columnNames()) {
                if (!name.equals(label) && !name.equals(text)) {
                    cols.add(name);
                }
            }
        }
        FeatureEncoder.checkValues(all, cols); // the whole file, before the split: NaN/inf spellings, |x| > 1e150
        FeatureEncoder enc = FeatureEncoder.fit(train, cols);
        DenseExamples tr = DenseExamples.of(enc.transform(train), trainY, k);
        DenseExamples te = DenseExamples.of(enc.transform(test), testY, k);
        int d = enc.width();
        GradientModel<DenseExamples> m = switch (kind) {
            case LOGISTIC -> DenseNetwork.logistic(d);
            case SOFTMAX -> DenseNetwork.softmax(d, k);
            default -> DenseNetwork.mlp(d, new int[] {hidden}, k, seed);
        };
        String shape = switch (kind) {
            case LOGISTIC -> d + " features -> 1 logit (sigmoid)";
            case SOFTMAX -> d + " features -> " + k + " classes";
            default -> d + " features -> " + hidden + " ReLU -> " + k + " classes";
        };
        return new Prepared<>(m, tr, te, shape + ", " + m.parameterCount() + " parameters");
    }

    private Prepared<TokenExamples> prepareText(Table all, Table train, Table test, int[] trainY, int[] testY, int k)
            throws DataFileException {
        if (text == null) {
            throw new UserException("--model text needs --text COL, the column holding the text");
        }
        if (!all.hasColumn(text)) {
            throw new UserException("--text '" + text + "' is not a column of " + data);
        }
        if (buckets < 1 || dim < 1) {
            throw new UserException("--buckets and --dim must be >= 1");
        }
        TokenExamples tr = TokenExamples.hashed(texts(train), trainY, k, buckets);
        TokenExamples te = TokenExamples.hashed(texts(test), testY, k, buckets);
        EmbeddingBagClassifier m = EmbeddingBagClassifier.create(buckets, dim, k, seed);
        return new Prepared<>(m, tr, te, "embedding bag " + buckets + " x " + dim + " -> " + k + " classes, "
                + m.parameterCount() + " parameters");
    }

    private List<String> texts(Table t) throws DataFileException {
        Column c = t.column(text);
        List<String> out = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            String s = c.text(i);
            out.add(s == null ? "" : s);
        }
        return out;
    }

    private <E extends Examples> TrainingOutcome train(Prepared<E> p, Accountant acc, PrivacyRandom.NoiseMode mode,
                                                       PrintWriter err) {
        int n = p.train().size();
        if (noDp) {
            long[] lastReport = {System.nanoTime()};
            long steps = Sgd.train(p.model(), p.train(), new Sgd.Config(learningRate, epochs, batchSize, seed), e -> {
                long now = System.nanoTime();
                if (Progress.enabled() && (now - lastReport[0] > 2_000_000_000L || e == epochs)) {
                    lastReport[0] = now;
                    err.printf("rai4j: SGD epoch %d/%d%n", e, epochs);
                }
            });
            return new TrainingOutcome(p.model().accuracy(p.test()), p.model().accuracy(p.train()), steps, null);
        }
        if (!(delta < 1.0 / n)) {
            err.println("rai4j: warning: --delta " + delta + " is not below 1/rows = " + (1.0 / n)
                    + "; a mechanism could then publish a whole row and still claim this delta");
        }
        long total = DpTraining.steps(n, batchSize, epochs);
        long[] last = {System.nanoTime()};
        DpTraining.Result r;
        try {
            r = DpTraining.train(p.model(), p.train(), new DpTraining.Settings(targetEpsilon, delta, epochs, batchSize, clip,
                    learningRate, acc, mode), s -> {
                        long now = System.nanoTime();
                        if (Progress.enabled() && (now - last[0] > 2_000_000_000L || s == total)) {
                            last[0] = now;
                            err.printf("rai4j: DP-SGD step %d/%d%n", s, total);
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        for (String w : r.spent().warnings()) {
            err.println("rai4j: warning: " + w);
        }
        return new TrainingOutcome(p.model().accuracy(p.test()), p.model().accuracy(p.train()), r.steps(), r);
    }

    private String render(Kind kind, Prepared<?> p, TrainingOutcome o, Accountant acc, int[][] split, Labels labels) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("model          %s: %s%n", kind.name().toLowerCase(Locale.ROOT), p.shape()));
        sb.append(String.format("classes        %s%n", String.join(", ", labels.classes())));
        sb.append(String.format("data           %s: %d training rows, %d held out (seed %d)%n", data, split[0].length,
                split[1].length, seed));
        if (noDp) {
            sb.append(String.format("training       plain SGD, no privacy: %d epochs, batch %d, lr %s = %d steps%n", epochs,
                    batchSize, learningRate, o.steps()));
        } else {
            DpTraining.Result r = o.result();
            sb.append(String.format("training       DP-SGD: %d epochs, expected batch %d (q = %.4g), clip %s, lr %s = %d steps%n",
                    epochs, batchSize, r.sampleRate(), clip, learningRate, r.steps()));
            sb.append(String.format("noise          sigma = %.6g, calibrated (%s) for epsilon <= %s at delta = %s%n",
                    r.noiseMultiplier(), acc.key(), targetEpsilon, delta));
            sb.append(String.format("clipped        %.1f%% of sampled examples%n", 100 * r.clippedFraction()));
        }
        sb.append(String.format("accuracy       %.4f held out (train %.4f)%n", o.testAccuracy(), o.trainAccuracy()));
        if (!noDp) {
            DpTraining.Result r = o.result();
            sb.append(String.format("privacy spent  epsilon = %.4f at delta = %s (%s%s)%n", r.spent().epsilon(), delta, acc.key(),
                    acc == Accountant.RDP ? ", optimal order " + r.spent().optimalOrder() : ", upper bound"));
            for (Segment s : r.ledger().segments()) {
                sb.append(String.format("ledger         %d steps at sigma %.6g, q %.4g%n", s.steps(), s.noiseMultiplier(),
                        s.sampleRate()));
            }
        }
        return sb.toString();
    }
}
