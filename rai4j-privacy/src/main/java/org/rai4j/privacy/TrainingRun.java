package org.rai4j.privacy;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Seeds;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.Sgd;
import org.rai4j.learn.TokenExamples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One training run on a table, the use case behind {@code rai4j privacy train}: a seeded train/test split
 * ({@link Splits#trainTest} with a seed derived from {@link Spec#seed()}), features encoded on the training
 * rows (or words hashed for text), a model (logistic or softmax regression, an MLP, an embedding-bag text
 * classifier) trained with DP-SGD to a target (ε, δ) ({@link DpTraining}) — or with plain SGD for
 * comparison — and its held-out and training accuracy. Only the model weights are covered by ε: feature
 * scaling and category levels are fitted on the training rows without privacy; text hashing is
 * data-independent. The DP noise is always cryptographically secure; the seed fixes only the split and
 * the initial weights.
 */
public final class TrainingRun {
    private TrainingRun() {}

    /** The models a run can train. */
    public enum ModelKind {
        /** Binary logistic regression (exactly two classes). */
        LOGISTIC,
        /** Softmax (multinomial logistic) regression. */
        SOFTMAX,
        /** A one-hidden-layer ReLU network. */
        MLP,
        /** An embedding bag over hashed words of a text column. */
        TEXT;

        /** Parses logistic, softmax, mlp or text (any case). */
        public static ModelKind parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--model must be logistic, softmax, mlp or text, got '" + text + "'");
            }
        }

        /** The lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to train and how.
     *
     * @param kind          the model
     * @param label         the categorical label column
     * @param features      feature columns, or {@code null}/empty for all but the label and the text column
     * @param text          the text column (for {@link ModelKind#TEXT}), or {@code null}
     * @param buckets       hash buckets (embedding rows) for text
     * @param dim           embedding dimension for text
     * @param hidden        hidden units of the MLP
     * @param testFraction  held-out share, in (0, 1)
     * @param seed          seed of the split and the initial weights
     * @param epochs        passes over the training rows
     * @param batchSize     expected batch size
     * @param clip          per-example clip norm (DP only)
     * @param learningRate  SGD step size
     * @param dp            whether to train with DP-SGD (else plain SGD)
     * @param targetEpsilon the privacy budget ε (DP only)
     * @param delta         the privacy parameter δ (DP only)
     * @param accountant    RDP or PRV (DP only)
     * @param noiseMode     standard or floating-point hardened noise (DP only)
     */
    public record Spec(ModelKind kind, String label, List<String> features, String text, int buckets, int dim, int hidden,
                       double testFraction, long seed, int epochs, int batchSize, double clip, double learningRate, boolean dp,
                       Double targetEpsilon, Double delta, Accountant accountant, PrivacyRandom.NoiseMode noiseMode) {
        /** Checks every setting; messages name the command-line option. */
        public Spec {
            features = features == null ? List.of() : List.copyOf(features);
            if (accountant == Accountant.GDP) {
                throw new IllegalArgumentException("--accountant must be rdp or prv for training (gdp is not a bound)");
            }
            if (dp && (targetEpsilon == null || delta == null)) {
                throw new IllegalArgumentException("--target-epsilon and --delta are required for DP training (or use --no-dp)");
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
            }
            if (epochs < 1 || batchSize < 1 || !(clip > 0) || !(learningRate > 0)) {
                throw new IllegalArgumentException("--epochs and --batch-size must be >= 1, --clip and --learning-rate > 0");
            }
        }
    }

    /** Progress and warnings of a run (printed by the command line, logged by a server). */
    public interface Listener {
        /** Plain SGD finished epoch {@code epoch} of {@code total}. */
        void epoch(int epoch, int total);

        /** DP-SGD finished step {@code step} of {@code total}. */
        void step(long step, long total);

        /** Something the user should know, e.g. a δ that is not below 1/rows. */
        void warning(String message);
    }

    /**
     * What a run produced.
     *
     * @param kind          the model trained
     * @param shape         the model's shape and parameter count, e.g. {@code 5 features -> 3 classes, 18 parameters}
     * @param classes       the label's classes, in code order
     * @param trainRows     training rows
     * @param testRows      held-out rows
     * @param testAccuracy  accuracy on the held-out rows
     * @param trainAccuracy accuracy on the training rows
     * @param steps         SGD steps taken
     * @param dp            the DP-SGD outcome (σ, q, ledger, ε spent), or {@code null} for plain SGD
     * @param dataSha256    hash of the data
     * @param spec          the settings of the run
     */
    public record Result(ModelKind kind, String shape, List<String> classes, int trainRows, int testRows, double testAccuracy,
                         double trainAccuracy, long steps, DpTraining.Result dp, String dataSha256, Spec spec) {
        /** Copies the classes. */
        public Result {
            classes = List.copyOf(classes);
        }
    }

    private record Labels(int[] codes, List<String> classes) {}

    private record Prepared<E extends Examples>(GradientModel<E> model, E train, E test, String shape) {}

    /**
     * Splits, encodes, trains and evaluates.
     *
     * @throws DataFileException        when a label is missing (every such row named)
     * @throws IllegalArgumentException when a column is unknown, the label has fewer than 2 or (logistic) more
     *                                  than 2 classes, the table is too small to hold rows out, or no noise can meet the budget
     */
    public static Result run(Table table, Spec spec, Listener listener) throws DataFileException {
        Labels labels = labels(table, spec.label());
        if (spec.kind() == ModelKind.LOGISTIC && labels.classes().size() != 2) {
            throw new IllegalArgumentException("--model logistic needs exactly 2 label values in '" + spec.label() + "', found "
                    + labels.classes().size() + ": " + labels.classes() + " (use --model softmax)");
        }
        int n = table.rowCount();
        int test = (int) Math.round(n * spec.testFraction());
        if (test < 1 || test >= n) {
            throw new IllegalArgumentException("need at least 2 rows to hold some out for testing; " + table.source() + " has " + n);
        }
        int[][] split = Splits.trainTest(n, spec.testFraction(), Seeds.derive(spec.seed(), 7));
        Table trainTable = table.select(split[0]);
        Table testTable = table.select(split[1]);
        int[] trainY = pick(labels.codes(), split[0]);
        int[] testY = pick(labels.codes(), split[1]);
        int k = labels.classes().size();
        Prepared<?> prepared = spec.kind() == ModelKind.TEXT ? prepareText(spec, table, trainTable, testTable, trainY, testY, k)
                : prepareDense(spec, table, trainTable, testTable, trainY, testY, k);
        return train(prepared, spec, labels, split, table.sha256(), listener);
    }

    private static Labels labels(Table table, String label) throws DataFileException {
        if (!table.hasColumn(label)) {
            throw new IllegalArgumentException("--label '" + label + "' is not a column of " + table.source() + " (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        Column c = table.column(label);
        if (!c.isCategorical() || c.levels().size() > 1000) {
            throw new IllegalArgumentException("the label column '" + label + "' must be categorical (at most 1000 distinct values)");
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
            throw new IllegalArgumentException("the label column '" + label + "' has a single value " + c.levels()
                    + "; need at least 2 classes");
        }
        return new Labels(codes, c.levels());
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static Prepared<DenseExamples> prepareDense(Spec spec, Table all, Table train, Table test, int[] trainY, int[] testY,
                                                        int k) throws DataFileException {
        List<String> cols = new ArrayList<>();
        if (!spec.features().isEmpty()) {
            for (String f : spec.features()) {
                if (!all.hasColumn(f)) {
                    throw new IllegalArgumentException("--features: '" + f + "' is not a column of " + all.source());
                }
                cols.add(f);
            }
        } else {
            for (String name : all.columnNames()) {
                if (!name.equals(spec.label()) && !name.equals(spec.text())) {
                    cols.add(name);
                }
            }
        }
        FeatureEncoder.checkValues(all, cols); // the whole file, before the split: NaN/inf spellings, |x| > 1e150
        FeatureEncoder enc = FeatureEncoder.fit(train, cols);
        DenseExamples tr = DenseExamples.of(enc.transform(train), trainY, k);
        DenseExamples te = DenseExamples.of(enc.transform(test), testY, k);
        int d = enc.width();
        GradientModel<DenseExamples> m = switch (spec.kind()) {
            case LOGISTIC -> DenseNetwork.logistic(d);
            case SOFTMAX -> DenseNetwork.softmax(d, k);
            default -> DenseNetwork.mlp(d, new int[] {spec.hidden()}, k, spec.seed());
        };
        String shape = switch (spec.kind()) {
            case LOGISTIC -> d + " features -> 1 logit (sigmoid)";
            case SOFTMAX -> d + " features -> " + k + " classes";
            default -> d + " features -> " + spec.hidden() + " ReLU -> " + k + " classes";
        };
        return new Prepared<>(m, tr, te, shape + ", " + m.parameterCount() + " parameters");
    }

    private static Prepared<TokenExamples> prepareText(Spec spec, Table all, Table train, Table test, int[] trainY, int[] testY,
                                                       int k) throws DataFileException {
        if (spec.text() == null) {
            throw new IllegalArgumentException("--model text needs --text COL, the column holding the text");
        }
        if (!all.hasColumn(spec.text())) {
            throw new IllegalArgumentException("--text '" + spec.text() + "' is not a column of " + all.source());
        }
        if (spec.buckets() < 1 || spec.dim() < 1) {
            throw new IllegalArgumentException("--buckets and --dim must be >= 1");
        }
        TokenExamples tr = TokenExamples.hashed(texts(train, spec.text()), trainY, k, spec.buckets());
        TokenExamples te = TokenExamples.hashed(texts(test, spec.text()), testY, k, spec.buckets());
        EmbeddingBagClassifier m = EmbeddingBagClassifier.create(spec.buckets(), spec.dim(), k, spec.seed());
        return new Prepared<>(m, tr, te, "embedding bag " + spec.buckets() + " x " + spec.dim() + " -> " + k + " classes, "
                + m.parameterCount() + " parameters");
    }

    private static List<String> texts(Table t, String column) throws DataFileException {
        Column c = t.column(column);
        List<String> out = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            String s = c.text(i);
            out.add(s == null ? "" : s);
        }
        return out;
    }

    private static <E extends Examples> Result train(Prepared<E> p, Spec spec, Labels labels, int[][] split, String sha256,
                                                      Listener listener) {
        int n = p.train().size();
        if (!spec.dp()) {
            long steps = Sgd.train(p.model(), p.train(), new Sgd.Config(spec.learningRate(), spec.epochs(), spec.batchSize(),
                    spec.seed()), e -> listener.epoch(e, spec.epochs()));
            return new Result(spec.kind(), p.shape(), labels.classes(), split[0].length, split[1].length,
                    p.model().accuracy(p.test()), p.model().accuracy(p.train()), steps, null, sha256, spec);
        }
        if (!(spec.delta() < 1.0 / n)) {
            listener.warning("--delta " + spec.delta() + " is not below 1/rows = " + (1.0 / n)
                    + "; a mechanism could then publish a whole row and still claim this delta");
        }
        long total = DpTraining.steps(n, spec.batchSize(), spec.epochs());
        DpTraining.Result r = DpTraining.train(p.model(), p.train(), new DpTraining.Settings(spec.targetEpsilon(), spec.delta(),
                spec.epochs(), spec.batchSize(), spec.clip(), spec.learningRate(), spec.accountant(), spec.noiseMode()),
                s -> listener.step(s, total));
        for (String w : r.spent().warnings()) {
            listener.warning(w);
        }
        return new Result(spec.kind(), p.shape(), labels.classes(), split[0].length, split[1].length,
                p.model().accuracy(p.test()), p.model().accuracy(p.train()), r.steps(), r, sha256, spec);
    }
}
