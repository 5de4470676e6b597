package org.rai4j.learn;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * An embedding-bag text classifier, the shape of production intent classifiers: each token id indexes a
 * row of an embedding table E (vocabulary × dim), the example is the mean of its tokens' rows
 * {@code h = (1/T)·Σ_t E[tok_t]} (0 for an empty bag), and a linear softmax layer {@code z = W·h + b}
 * predicts k classes. Parameters: E (row-major) first, then W (k × dim), then b.
 *
 * <p>Per-example squared gradient norms without materialisation: with g = p − onehot(y) and
 * δh = Wᵀg, the linear layer contributes {@code ‖g‖²(‖h‖² + 1)} and the embedding, whose gradient is
 * {@code (n_v/T)·δh} on the row of each distinct token v (n_v occurrences), contributes
 * {@code ‖δh‖²·Σ_v (n_v/T)²} — the embedding ghost norm {@code Σ_{t,s}[tok_t = tok_s] g_t·g_s} for a
 * mean-pooled bag. Gradient sums touch only the rows of tokens present in the batch. Not thread-safe.
 */
public final class EmbeddingBagClassifier implements GradientModel<TokenExamples> {
    private final int vocabulary;
    private final int dim;
    private final int classes;
    private final double[] params;
    private final int wOffset;
    private final int bOffset;
    private int[] stamp;
    private int stampValue;

    private EmbeddingBagClassifier(int vocabulary, int dim, int classes, double[] params) {
        this.vocabulary = vocabulary;
        this.dim = dim;
        this.classes = classes;
        this.params = params;
        this.wOffset = vocabulary * dim;
        this.bOffset = wOffset + classes * dim;
        Preconditions.checkArgument(params.length == bOffset + classes,
                "expected " + (bOffset + classes) + " parameters, got " + params.length);
    }

    /**
     * A classifier with embeddings drawn from N(0, 1/dim) and the linear layer from N(0, 1/dim) (seeded),
     * biases 0.
     */
    public static EmbeddingBagClassifier create(int vocabulary, int dim, int classes, long seed) {
        Preconditions.checkAtLeast(vocabulary, 1, "vocabulary");
        Preconditions.checkAtLeast(dim, 1, "embedding dimension");
        Preconditions.checkAtLeast(classes, 2, "classes");
        long count = (long) vocabulary * dim + (long) classes * dim + classes;
        Preconditions.checkArgument(count < Integer.MAX_VALUE - 8, "the model would have " + count + " parameters; too many");
        double[] p = new double[(int) count];
        SplittableRandom rng = Seeds.stream(seed, 0);
        double sd = Math.sqrt(1.0 / dim);
        for (int k = 0; k < vocabulary * dim + classes * dim; k++) {
            p[k] = sd * rng.nextGaussian();
        }
        return new EmbeddingBagClassifier(vocabulary, dim, classes, p);
    }

    /**
     * A classifier with the given parameters (copied): E (vocabulary × dim, row-major), then W (classes × dim),
     * then b (classes) — the layout of {@link #parameters()}, e.g. of a saved model.
     */
    public static EmbeddingBagClassifier of(int vocabulary, int dim, int classes, double[] parameters) {
        Preconditions.checkAtLeast(vocabulary, 1, "vocabulary");
        Preconditions.checkAtLeast(dim, 1, "embedding dimension");
        Preconditions.checkAtLeast(classes, 2, "classes");
        return new EmbeddingBagClassifier(vocabulary, dim, classes, parameters.clone());
    }

    /** Embedding dimension. */
    public int dimension() {
        return dim;
    }

    /** Vocabulary size (rows of the embedding table). */
    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public double[] parameters() {
        return params;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public EmbeddingRows embeddingRows() {
        return new EmbeddingRows(0, vocabulary, dim);
    }

    @Override
    public EmbeddingBagClassifier copy() {
        return new EmbeddingBagClassifier(vocabulary, dim, classes, params.clone());
    }

    @Override
    public int[] embeddingRowsRead(TokenExamples data, int[] batch) {
        checkData(data);
        int stampNow = newStamp();
        int count = 0;
        int[] rows = new int[16];
        for (int i : batch) {
            for (int k = data.offsets[i]; k < data.offsets[i + 1]; k++) {
                int t = data.tokens[k];
                if (stamp[t] != stampNow) {
                    stamp[t] = stampNow;
                    if (count == rows.length) {
                        rows = Arrays.copyOf(rows, 2 * count);
                    }
                    rows[count++] = t;
                }
            }
        }
        return Arrays.copyOf(rows, count);
    }

    @Override
    public void probabilities(TokenExamples data, int row, double[] out) {
        checkData(data);
        Pass p = new Pass(data, new int[] {row}, false, null);
        System.arraycopy(p.prob, 0, out, 0, classes);
    }

    @Override
    public BackwardPass backward(TokenExamples data, int[] batch) {
        checkData(data);
        return new Pass(data, batch, true, null);
    }

    @Override
    public BackwardPass backward(TokenExamples data, int[] batch, IntConsumer beforeFirstRead) {
        checkData(data);
        return new Pass(data, batch, true, beforeFirstRead);
    }

    /** Marks a new pass for {@link #firstRead}: returns the stamp value to compare with. */
    private int newStamp() {
        if (stamp == null) {
            stamp = new int[vocabulary];
        }
        if (++stampValue == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            stampValue = 1;
        }
        return stampValue;
    }

    private void checkData(TokenExamples data) {
        Preconditions.checkArgument(data.vocabulary() <= vocabulary,
                "the examples use " + data.vocabulary() + " token ids, the model has " + vocabulary + " embedding rows");
        Preconditions.checkArgument(data.classes() == classes,
                "the model predicts " + classes + " classes, the examples have " + data.classes());
    }

    private final class Pass implements BackwardPass {
        private final TokenExamples data;
        private final int[] batch;
        private final int b;
        private final double[] h;     // B × dim pooled embeddings
        private final double[] prob;  // B × k
        private final double[] g;     // B × k, p − onehot(y)
        private final double[] dh;    // B × dim, Wᵀ g
        private double loss;

        Pass(TokenExamples data, int[] batch, boolean backward, IntConsumer beforeFirstRead) {
            int stampNow = beforeFirstRead == null ? 0 : newStamp();
            this.data = data;
            this.batch = batch.clone();
            this.b = batch.length;
            h = new double[b * dim];
            prob = new double[b * classes];
            g = new double[b * classes];
            dh = backward ? new double[b * dim] : null;
            for (int i = 0; i < b; i++) {
                int ex = batch[i];
                int from = data.offsets[ex];
                int to = data.offsets[ex + 1];
                int hi = i * dim;
                for (int k = from; k < to; k++) {
                    int t = data.tokens[k];
                    if (beforeFirstRead != null && stamp[t] != stampNow) {
                        stamp[t] = stampNow;
                        beforeFirstRead.accept(t);
                    }
                    DenseNetwork.axpy(1.0, params, t * dim, h, hi, dim);
                }
                if (to > from) {
                    double inv = 1.0 / (to - from);
                    for (int j = 0; j < dim; j++) {
                        h[hi + j] *= inv;
                    }
                }
                int oi = i * classes;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double z = params[bOffset + c] + DenseNetwork.dot(params, wOffset + c * dim, h, hi, dim);
                    prob[oi + c] = z;
                    max = Math.max(max, z);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    double e = Math.exp(prob[oi + c] - max);
                    sum += e;
                    prob[oi + c] = e;
                }
                int y = data.labels[ex];
                loss += -Math.log(prob[oi + y] / sum);
                for (int c = 0; c < classes; c++) {
                    prob[oi + c] /= sum;
                    g[oi + c] = prob[oi + c];
                }
                g[oi + y] -= 1;
                if (backward) {
                    for (int c = 0; c < classes; c++) {
                        DenseNetwork.axpy(g[oi + c], params, wOffset + c * dim, dh, hi, dim);
                    }
                }
            }
        }

        @Override
        public int size() {
            return b;
        }

        @Override
        public double loss() {
            return loss;
        }

        @Override
        public void squaredGradientNorms(double[] out) {
            for (int i = 0; i < b; i++) {
                double gn = DenseNetwork.dot(g, i * classes, g, i * classes, classes);
                double hn = DenseNetwork.dot(h, i * dim, h, i * dim, dim);
                double dn = DenseNetwork.dot(dh, i * dim, dh, i * dim, dim);
                out[i] = gn * (hn + 1) + dn * data.sumSquaredFrequencies[batch[i]];
            }
        }

        @Override
        public void accumulateGradient(double[] weights, double scale, double[] target) {
            for (int i = 0; i < b; i++) {
                double c = scale * weights[i];
                if (c == 0) {
                    continue;
                }
                int oi = i * classes;
                int hi = i * dim;
                for (int k = 0; k < classes; k++) {
                    double gk = c * g[oi + k];
                    DenseNetwork.axpy(gk, h, hi, target, wOffset + k * dim, dim);
                    target[bOffset + k] += gk;
                }
                int ex = batch[i];
                int from = data.offsets[ex];
                int to = data.offsets[ex + 1];
                if (to > from) {
                    double ct = c / (to - from);
                    for (int k = from; k < to; k++) {
                        DenseNetwork.axpy(ct, dh, hi, target, data.tokens[k] * dim, dim);
                    }
                }
            }
        }

        @Override
        public void exampleGradient(int i, double[] out) {
            Arrays.fill(out, 0.0);
            double[] ones = new double[b];
            ones[i] = 1;
            accumulateGradient(ones, 1.0, out);
        }
    }
}
