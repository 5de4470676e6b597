package org.rai4j.text;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.TokenExamples;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A binary embedding-bag text classifier over hashed words ({@link TokenExamples#hashTokens}: lower-cased runs of
 * letters and digits, FNV-1a into {@code buckets} rows): {@code h = mean of the words' embedding rows},
 * {@code P(1 | text) = softmax(W·h + b)₁}. Trained by minibatch SGD on hard labels or on soft targets (a teacher's
 * probabilities, for distillation); saved to and loaded from a small binary file. Immutable once built; scoring is
 * thread-safe.
 */
public final class EmbeddingBagTextClassifier implements TextClassifier {
    private static final int MAGIC = 0x52414934; // "RAI4"
    private static final String FORMAT = "rai4j.embedding-bag/1";

    private final EmbeddingBagClassifier model;
    private final String name;

    /**
     * Training settings.
     *
     * @param buckets      hash buckets (embedding rows) ≥ 1
     * @param dim          embedding dimension ≥ 1
     * @param epochs       passes over the data ≥ 1
     * @param learningRate SGD step size &gt; 0
     * @param batchSize    texts per step ≥ 1
     * @param seed         initialisation and shuffling seed
     */
    public record Settings(int buckets, int dim, int epochs, double learningRate, int batchSize, long seed) {
        public Settings {
            Preconditions.checkAtLeast(buckets, 1, "buckets");
            Preconditions.checkAtLeast(dim, 1, "embedding dimension");
            Preconditions.checkAtLeast(epochs, 1, "epochs");
            Preconditions.checkPositive(learningRate, "learning rate");
            Preconditions.checkAtLeast(batchSize, 1, "batch size");
        }

        /** 4,096 buckets, 16 dimensions, 30 epochs, learning rate 0.5, batches of 16, seed 1. */
        public static Settings defaults() {
            return new Settings(4096, 16, 30, 0.5, 16, 1);
        }
    }

    private EmbeddingBagTextClassifier(EmbeddingBagClassifier model, String name) {
        Preconditions.checkArgument(model.classes() == 2, "a binary text classifier needs 2 classes, got " + model.classes());
        this.model = model;
        this.name = name;
    }

    /**
     * Trains on hard labels.
     *
     * @param texts  training texts
     * @param labels one label per text, each 0 or 1
     */
    public static EmbeddingBagTextClassifier train(List<String> texts, int[] labels, Settings settings) {
        Preconditions.checkArgument(texts.size() == labels.length, "need one label per text: " + labels.length + " for " + texts.size());
        double[] targets = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Preconditions.checkArgument(labels[i] == 0 || labels[i] == 1, "label of text " + (i + 1) + " must be 0 or 1, got " + labels[i]);
            targets[i] = labels[i];
        }
        return trainSoft(texts, targets, settings);
    }

    /**
     * Trains on soft targets: minimises the cross-entropy {@code −q·log p − (1−q)·log(1−p)} against a target
     * probability q per text (knowledge distillation from a teacher's scores; hard labels are q ∈ {0, 1}).
     * Exact: the gradient {@code p − q} is q times the label-1 gradient plus (1 − q) times the label-0 one.
     *
     * @param targets one target probability per text, in [0, 1]
     */
    public static EmbeddingBagTextClassifier trainSoft(List<String> texts, double[] targets, Settings settings) {
        int n = texts.size();
        Preconditions.checkArgument(n == targets.length, "need one target per text: " + targets.length + " for " + n);
        Preconditions.checkArgument(n > 0, "no training texts");
        int[][] bags = new int[2 * n][];
        int[] labels = new int[2 * n];
        for (int i = 0; i < n; i++) {
            double q = targets[i];
            Preconditions.checkArgument(q >= 0 && q <= 1, "target of text " + (i + 1) + " must be in [0, 1], got " + q);
            int[] bag = TokenExamples.hashTokens(texts.get(i), settings.buckets());
            bags[2 * i] = bag;
            bags[2 * i + 1] = bag;
            labels[2 * i + 1] = 1;
        }
        TokenExamples data = TokenExamples.of(bags, labels, 2, settings.buckets());
        EmbeddingBagClassifier model = EmbeddingBagClassifier.create(settings.buckets(), settings.dim(), 2, settings.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = Seeds.stream(settings.seed(), 1);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += settings.batchSize()) {
                int size = Math.min(n, from + settings.batchSize()) - from;
                int[] batch = new int[2 * size];
                double[] weights = new double[2 * size];
                for (int k = 0; k < size; k++) {
                    int i = order[from + k];
                    batch[2 * k] = 2 * i;
                    batch[2 * k + 1] = 2 * i + 1;
                    weights[2 * k] = 1 - targets[i];
                    weights[2 * k + 1] = targets[i];
                }
                BackwardPass pass = model.backward(data, batch);
                pass.accumulateGradient(weights, -settings.learningRate() / size, model.parameters());
            }
        }
        return new EmbeddingBagTextClassifier(model, "embedding-bag");
    }

    @Override
    public double[] scores(List<String> texts) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = score(texts.get(i));
        }
        return out;
    }

    @Override
    public double score(String text) {
        double[] z = logits(text);
        return 1.0 / (1.0 + Math.exp(z[0] - z[1]));
    }

    /** The two class logits {@code W·h + b} of a text. */
    public double[] logits(String text) {
        double[] h = pooledEmbedding(text);
        double[] p = model.parameters();
        int dim = model.dimension();
        int w = model.vocabulary() * dim;
        int b = w + 2 * dim;
        double[] z = {p[b], p[b + 1]};
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j < dim; j++) {
                z[c] += p[w + c * dim + j] * h[j];
            }
        }
        return z;
    }

    /** The mean of the text's word embeddings (zeros for a text without words). */
    public double[] pooledEmbedding(String text) {
        int dim = model.dimension();
        double[] h = new double[dim];
        int[] tokens = tokens(text);
        double[] p = model.parameters();
        for (int t : tokens) {
            for (int j = 0; j < dim; j++) {
                h[j] += p[t * dim + j];
            }
        }
        if (tokens.length > 0) {
            for (int j = 0; j < dim; j++) {
                h[j] /= tokens.length;
            }
        }
        return h;
    }

    /** The embedding row ids of a text's words, in order (repeats kept). */
    public int[] tokens(String text) {
        return TokenExamples.hashTokens(text, model.vocabulary());
    }

    /** The embedding row of token id {@code t} (a copy). */
    public double[] embedding(int t) {
        Preconditions.checkArgument(t >= 0 && t < model.vocabulary(), "token id must be in [0, " + model.vocabulary() + "), got " + t);
        int dim = model.dimension();
        return Arrays.copyOfRange(model.parameters(), t * dim, (t + 1) * dim);
    }

    /** {@code W₁ − W₀}: the direction in embedding space that raises the positive-class logit (a copy). */
    public double[] logitDirection() {
        int dim = model.dimension();
        int w = model.vocabulary() * dim;
        double[] p = model.parameters();
        double[] d = new double[dim];
        for (int j = 0; j < dim; j++) {
            d[j] = p[w + dim + j] - p[w + j];
        }
        return d;
    }

    /** Hash buckets (embedding rows). */
    public int buckets() {
        return model.vocabulary();
    }

    /** Embedding dimension. */
    public int dimension() {
        return model.dimension();
    }

    /** All parameters (a copy): E (buckets × dim), W (2 × dim), b (2). */
    public double[] parameters() {
        return model.parameters().clone();
    }

    @Override
    public String name() {
        return name;
    }

    /** The same model under another report name (e.g. its file name). */
    public EmbeddingBagTextClassifier named(String newName) {
        return new EmbeddingBagTextClassifier(model, newName);
    }

    /**
     * Writes the model to {@code file} atomically (a temporary file in the same folder, then a move), so a failed
     * save leaves any earlier file intact.
     */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
                out.writeInt(MAGIC);
                out.writeUTF(FORMAT);
                out.writeInt(model.vocabulary());
                out.writeInt(model.dimension());
                out.writeInt(model.classes());
                for (double v : model.parameters()) {
                    out.writeDouble(v);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a model written by {@link #save}; its {@link #name()} is the file name.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not such a model (named, with what was expected)
     */
    public static EmbeddingBagTextClassifier load(Path file) throws IOException {
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
            if (in.readInt() != MAGIC || !FORMAT.equals(in.readUTF())) {
                throw new IllegalArgumentException(file + ": not a rai4j embedding-bag model (expected a file written by "
                        + "`rai4j text train`, format " + FORMAT + ")");
            }
            int vocabulary = in.readInt();
            int dim = in.readInt();
            int classes = in.readInt();
            long count = (long) vocabulary * dim + (long) classes * dim + classes;
            if (vocabulary < 1 || dim < 1 || classes != 2 || count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": damaged model header (buckets " + vocabulary + ", dim " + dim
                        + ", classes " + classes + "; expected positive sizes and 2 classes)");
            }
            double[] p = new double[(int) count];
            for (int i = 0; i < p.length; i++) {
                p[i] = in.readDouble();
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(file + ": trailing bytes after " + count + " parameters; the file is damaged");
            }
            return new EmbeddingBagTextClassifier(EmbeddingBagClassifier.of(vocabulary, dim, classes, p),
                    file.getFileName().toString());
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": the model file ends early (truncated or damaged)", e);
        }
    }
}
