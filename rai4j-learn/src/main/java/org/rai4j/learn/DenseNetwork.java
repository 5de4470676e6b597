package org.rai4j.learn;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected network with ReLU hidden layers and a softmax (or, for binary logistic regression, a
 * single sigmoid) output, trained on the summed cross-entropy. Covers three models:
 * {@link #logistic(int) logistic regression} (d → 1, sigmoid), {@link #softmax(int, int) softmax
 * regression} (d → k) and the {@link #mlp(int, int[], int, long) multilayer perceptron}
 * (d → h₁ → … → k).
 *
 * <p>Parameters are stored layer by layer, each as its weight matrix (out × in, row-major) followed by its
 * bias. Per-example squared gradient norms use the ghost-norm identity for a dense layer,
 * {@code ‖g aᵀ‖² + ‖g‖² = ‖g‖²(‖a‖² + 1)} with a the layer input and g the gradient at its output
 * (Goodfellow 2015, arXiv 1510.01799), summed over layers; weighted gradient sums are formed as
 * {@code Gᵀ·diag(w)·A} per layer from the same pass (book-keeping, Bu et al. 2023). Not thread-safe.
 */
public final class DenseNetwork implements GradientModel<DenseExamples> {
    /** The output layer and its loss. */
    public enum Output {
        /** One logit, P(y=1) = σ(z), binary cross-entropy: logistic regression's output. */
        SIGMOID,
        /** k logits, softmax, categorical cross-entropy. */
        SOFTMAX
    }

    private static final int BLOCK = 32;
    /** Layers with at least this many outputs compute their forward pass through transposed weights. */
    private static final int WIDE = 32;

    private final int[] sizes;
    private final Output output;
    private final double[] params;
    private final int[] weightOffset;
    private final int[] biasOffset;

    private DenseNetwork(int[] sizes, Output output, double[] params) {
        this.sizes = sizes.clone();
        this.output = output;
        int layers = sizes.length - 1;
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = at;
            at += sizes[l] * sizes[l + 1];
            biasOffset[l] = at;
            at += sizes[l + 1];
        }
        Preconditions.checkArgument(params.length == at, "expected " + at + " parameters, got " + params.length);
        this.params = params;
    }

    /** Binary logistic regression on d features, all parameters 0. Labels are 0 and 1. */
    public static DenseNetwork logistic(int features) {
        Preconditions.checkAtLeast(features, 1, "features");
        return new DenseNetwork(new int[] {features, 1}, Output.SIGMOID, new double[features + 1]);
    }

    /** Softmax (multinomial logistic) regression, d features → k classes, all parameters 0. */
    public static DenseNetwork softmax(int features, int classes) {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkAtLeast(classes, 2, "classes");
        return new DenseNetwork(new int[] {features, classes}, Output.SOFTMAX, new double[(features + 1) * classes]);
    }

    /**
     * A multilayer perceptron d → hidden… → k with ReLU hidden layers and a softmax output. Weights are
     * drawn from N(0, 2/fan-in) (He et al. 2015) with a generator seeded by {@code seed}; biases are 0.
     */
    public static DenseNetwork mlp(int features, int[] hidden, int classes, long seed) {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkAtLeast(classes, 2, "classes");
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = features;
        for (int h = 0; h < hidden.length; h++) {
            Preconditions.checkAtLeast(hidden[h], 1, "hidden layer size");
            sizes[h + 1] = hidden[h];
        }
        sizes[sizes.length - 1] = classes;
        int count = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            count += (sizes[l] + 1) * sizes[l + 1];
        }
        DenseNetwork net = new DenseNetwork(sizes, Output.SOFTMAX, new double[count]);
        SplittableRandom rng = Seeds.stream(seed, 0);
        for (int l = 0; l + 1 < sizes.length; l++) {
            double sd = Math.sqrt(2.0 / sizes[l]);
            for (int k = 0; k < sizes[l] * sizes[l + 1]; k++) {
                net.params[net.weightOffset[l] + k] = sd * rng.nextGaussian();
            }
        }
        return net;
    }

    /** Layer widths, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The output layer type. */
    public Output output() {
        return output;
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
        return output == Output.SIGMOID ? 2 : sizes[sizes.length - 1];
    }

    @Override
    public EmbeddingRows embeddingRows() {
        return EmbeddingRows.NONE;
    }

    @Override
    public int[] embeddingRowsRead(DenseExamples data, int[] batch) {
        return new int[0];
    }

    @Override
    public DenseNetwork copy() {
        return new DenseNetwork(sizes, output, params.clone());
    }

    @Override
    public void probabilities(DenseExamples data, int row, double[] out) {
        checkData(data);
        Pass p = new Pass(data, new int[] {row}, false);
        if (output == Output.SIGMOID) {
            double p1 = sigmoid(p.logits[0]);
            out[0] = 1 - p1;
            out[1] = p1;
        } else {
            System.arraycopy(p.probabilities, 0, out, 0, sizes[sizes.length - 1]);
        }
    }

    @Override
    public BackwardPass backward(DenseExamples data, int[] batch) {
        checkData(data);
        return new Pass(data, batch, true);
    }

    private void checkData(DenseExamples data) {
        Preconditions.checkArgument(data.columns == sizes[0],
                "the model takes " + sizes[0] + " features, the examples have " + data.columns);
        Preconditions.checkArgument(data.classes() == classes(),
                "the model predicts " + classes() + " classes, the examples have " + data.classes());
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** log(1 + e^z) without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** One forward (and optionally backward) pass; holds A (layer inputs) and G (output gradients) per layer. */
    private final class Pass implements BackwardPass {
        private final int b;
        private final int layers = sizes.length - 1;
        /** inputs[l]: the input of layer l (B × sizes[l]). */
        private final double[][] inputs = new double[layers][];
        /** grads[l]: ∂ℓ_i/∂z at the output of layer l (B × sizes[l+1]). */
        private final double[][] grads = new double[layers][];
        private final double[] logits;
        private final double[] probabilities;
        private double loss;

        Pass(DenseExamples data, int[] batch, boolean backward) {
            b = batch.length;
            int d = sizes[0];
            double[] a = new double[b * d];
            for (int i = 0; i < b; i++) {
                System.arraycopy(data.x, batch[i] * d, a, i * d, d);
            }
            double[] z = null;
            for (int l = 0; l < layers; l++) {
                inputs[l] = a;
                z = affine(l, a);
                if (l + 1 < layers) {
                    double[] next = new double[z.length];
                    for (int k = 0; k < z.length; k++) {
                        next[k] = z[k] > 0 ? z[k] : 0;
                    }
                    a = next;
                }
            }
            logits = z;
            int out = sizes[layers];
            double[] g = new double[b * out];
            probabilities = output == Output.SOFTMAX ? new double[b * out] : null;
            for (int i = 0; i < b; i++) {
                int y = data.labels[batch[i]];
                if (output == Output.SIGMOID) {
                    double zi = z[i];
                    loss += y == 1 ? softplus(-zi) : softplus(zi);
                    g[i] = sigmoid(zi) - y;
                } else {
                    int o = i * out;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < out; c++) {
                        max = Math.max(max, z[o + c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < out; c++) {
                        double e = Math.exp(z[o + c] - max);
                        probabilities[o + c] = e;
                        sum += e;
                    }
                    for (int c = 0; c < out; c++) {
                        probabilities[o + c] /= sum;
                        g[o + c] = probabilities[o + c];
                    }
                    g[o + y] -= 1;
                    loss += -(z[o + y] - max - Math.log(sum));
                }
            }
            if (!backward) {
                return;
            }
            grads[layers - 1] = g;
            for (int l = layers - 1; l >= 1; l--) {
                grads[l - 1] = backToInput(l, grads[l], inputs[l]);
            }
        }

        /**
         * z = a·Wᵀ + b for layer l, a of shape B × in. Wide layers go through a transposed copy of W so that
         * the inner loop is a vectorisable axpy over the outputs; narrow ones use dot products over the inputs.
         */
        private double[] affine(int l, double[] a) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            int bias = biasOffset[l];
            double[] z = new double[b * out];
            if (out >= WIDE && b >= 4) {
                double[] wt = transposedWeights(l);
                // Blocks of examples whose output rows stay in cache while each weight row streams by once.
                int block = Math.max(1, Math.min(BLOCK, 4096 / out));
                for (int i0 = 0; i0 < b; i0 += block) {
                    int i1 = Math.min(b, i0 + block);
                    for (int i = i0; i < i1; i++) {
                        System.arraycopy(params, bias, z, i * out, out);
                    }
                    for (int k = 0; k < in; k++) {
                        int wk = k * out;
                        for (int i = i0; i < i1; i++) {
                            double aik = a[i * in + k];
                            if (aik != 0) {
                                axpy(aik, wt, wk, z, i * out, out);
                            }
                        }
                    }
                }
                return z;
            }
            for (int i0 = 0; i0 < b; i0 += BLOCK) {
                int i1 = Math.min(b, i0 + BLOCK);
                for (int o = 0; o < out; o++) {
                    int wo = w + o * in;
                    for (int i = i0; i < i1; i++) {
                        z[i * out + o] = params[bias + o] + dot(a, i * in, params, wo, in);
                    }
                }
            }
            return z;
        }

        /** Layer l's weights as an in × out row-major matrix. */
        private double[] transposedWeights(int l) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            double[] wt = new double[in * out];
            for (int o = 0; o < out; o++) {
                int wo = w + o * in;
                for (int k = 0; k < in; k++) {
                    wt[k * out + o] = params[wo + k];
                }
            }
            return wt;
        }

        /** ∂ℓ/∂z of layer l−1 from ∂ℓ/∂z of layer l: (G·W) ⊙ 1[relu input &gt; 0]. */
        private double[] backToInput(int l, double[] g, double[] layerInput) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int w = weightOffset[l];
            double[] prev = new double[b * in];
            for (int i = 0; i < b; i++) {
                int pi = i * in;
                for (int o = 0; o < out; o++) {
                    double go = g[i * out + o];
                    if (go != 0) {
                        axpy(go, params, w + o * in, prev, pi, in);
                    }
                }
                for (int k = 0; k < in; k++) {
                    if (layerInput[pi + k] <= 0) {
                        prev[pi + k] = 0;
                    }
                }
            }
            return prev;
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
            Arrays.fill(out, 0, b, 0.0);
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int o = sizes[l + 1];
                double[] a = inputs[l];
                double[] g = grads[l];
                for (int i = 0; i < b; i++) {
                    double an = dot(a, i * in, a, i * in, in) + 1;
                    double gn = dot(g, i * o, g, i * o, o);
                    out[i] += gn * an;
                }
            }
        }

        @Override
        public void accumulateGradient(double[] weights, double scale, double[] target) {
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                int w = weightOffset[l];
                int bias = biasOffset[l];
                double[] a = inputs[l];
                double[] g = grads[l];
                for (int i0 = 0; i0 < b; i0 += BLOCK) {
                    int i1 = Math.min(b, i0 + BLOCK);
                    for (int o = 0; o < out; o++) {
                        int wo = w + o * in;
                        double biasSum = 0;
                        for (int i = i0; i < i1; i++) {
                            double c = scale * weights[i] * g[i * out + o];
                            if (c != 0) {
                                axpy(c, a, i * in, target, wo, in);
                                biasSum += c;
                            }
                        }
                        target[bias + o] += biasSum;
                    }
                }
            }
        }

        @Override
        public void exampleGradient(int i, double[] out) {
            Arrays.fill(out, 0.0);
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int o = sizes[l + 1];
                for (int r = 0; r < o; r++) {
                    double gr = grads[l][i * o + r];
                    int wr = weightOffset[l] + r * in;
                    for (int k = 0; k < in; k++) {
                        out[wr + k] = gr * inputs[l][i * in + k];
                    }
                    out[biasOffset[l] + r] = gr;
                }
            }
        }
    }

    /** Σ_k x[xo+k]·y[yo+k], with four partial sums for instruction-level parallelism. */
    static double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += x[xo + k] * y[yo + k];
            s1 += x[xo + k + 1] * y[yo + k + 1];
            s2 += x[xo + k + 2] * y[yo + k + 2];
            s3 += x[xo + k + 3] * y[yo + k + 3];
        }
        for (; k < n; k++) {
            s0 += x[xo + k] * y[yo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[yo..yo+n) += a·x[xo..xo+n). */
    static void axpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        for (int k = 0; k < n; k++) {
            y[yo + k] += a * x[xo + k];
        }
    }
}
