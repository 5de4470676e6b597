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
 * {@code Gᵀ·diag(w)·A} per layer from the same pass (book-keeping, Bu et al. 2023). The matrix products
 * run through BLAS (dev.ludovic.netlib: the system's OpenBLAS through JNI when installed, which also uses
 * every core, else a pure-Java implementation), in double or, with {@link #withPrecision}, single precision.
 * Not thread-safe.
 */
public final class DenseNetwork implements GradientModel<DenseExamples> {
    /** The output layer and its loss. */
    public enum Output {
        /** One logit, P(y=1) = σ(z), binary cross-entropy: logistic regression's output. */
        SIGMOID,
        /** k logits, softmax, categorical cross-entropy. */
        SOFTMAX
    }

    /** The floating-point precision of the forward and backward pass (parameters are always double). */
    public enum Precision {
        /** Activations, gradients and products in double precision (the default; exact to ~1e-15). */
        FLOAT64,
        /**
         * Activations, gradients and matrix products in single precision, as PyTorch trains by default; about
         * twice the arithmetic throughput and half the memory traffic. The parameters stay double and receive
         * the float gradient (relative error ~1e-6 per step).
         */
        FLOAT32
    }

    private final int[] sizes;
    private final Precision precision;
    private final Output output;
    private final double[] params;
    private final int[] weightOffset;
    private final int[] biasOffset;

    private DenseNetwork(int[] sizes, Output output, double[] params, Precision precision) {
        this.sizes = sizes.clone();
        this.precision = Preconditions.checkNotNull(precision, "precision");
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
        return new DenseNetwork(new int[] {features, 1}, Output.SIGMOID, new double[features + 1], Precision.FLOAT64);
    }

    /** Softmax (multinomial logistic) regression, d features → k classes, all parameters 0. */
    public static DenseNetwork softmax(int features, int classes) {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkAtLeast(classes, 2, "classes");
        return new DenseNetwork(new int[] {features, classes}, Output.SOFTMAX, new double[(features + 1) * classes],
                Precision.FLOAT64);
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
        DenseNetwork net = new DenseNetwork(sizes, Output.SOFTMAX, new double[count], Precision.FLOAT64);
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
        return new DenseNetwork(sizes, output, params.clone(), precision);
    }

    /** The precision of the passes. */
    public Precision precision() {
        return precision;
    }

    /** A copy (same architecture and parameter values) whose passes run in {@code precision}. */
    public DenseNetwork withPrecision(Precision precision) {
        return new DenseNetwork(sizes, output, params.clone(), precision);
    }

    /** Which BLAS implementation the matrix products use (native OpenBLAS through JNI, or pure Java). */
    public static String kernelDescription() {
        return Kernels.description();
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

    /**
     * One forward (and optionally backward) pass; holds A (layer inputs) and G (output gradients) per layer,
     * in double or float precision. The three matrix products per layer (forward, back to the input,
     * weight gradient) go through BLAS ({@link Kernels}).
     */
    private final class Pass implements BackwardPass {
        private final int b;
        private final int layers = sizes.length - 1;
        private final boolean f32 = precision == Precision.FLOAT32;
        /** Layer inputs (B × sizes[l]) and gradients at the outputs (B × sizes[l+1]), double precision. */
        private final double[][] inD;
        private final double[][] grD;
        /** The same in single precision. */
        private final float[][] inF;
        private final float[][] grF;
        /** Single-precision copies of the weights (FLOAT32 only). */
        private final float[][] wF;
        private final double[] logits;
        private final double[] probabilities;
        private double loss;

        Pass(DenseExamples data, int[] batch, boolean backward) {
            b = batch.length;
            inD = f32 ? null : new double[layers][];
            grD = f32 ? null : new double[layers][];
            inF = f32 ? new float[layers][] : null;
            grF = f32 ? new float[layers][] : null;
            wF = f32 ? new float[layers][] : null;
            int d = sizes[0];
            if (f32) {
                float[] a = new float[b * d];
                for (int i = 0; i < b; i++) {
                    int src = batch[i] * d;
                    int dst = i * d;
                    for (int k = 0; k < d; k++) {
                        a[dst + k] = (float) data.x[src + k];
                    }
                }
                inF[0] = a;
            } else {
                double[] a = new double[b * d];
                for (int i = 0; i < b; i++) {
                    System.arraycopy(data.x, batch[i] * d, a, i * d, d);
                }
                inD[0] = a;
            }
            double[] z = null;
            for (int l = 0; l < layers; l++) {
                if (f32) {
                    float[] zf = affineF(l);
                    if (l + 1 < layers) {
                        for (int k = 0; k < zf.length; k++) {
                            if (zf[k] < 0) {
                                zf[k] = 0;
                            }
                        }
                        inF[l + 1] = zf;
                    } else {
                        z = new double[zf.length];
                        for (int k = 0; k < zf.length; k++) {
                            z[k] = zf[k];
                        }
                    }
                } else {
                    double[] zd = affineD(l);
                    if (l + 1 < layers) {
                        for (int k = 0; k < zd.length; k++) {
                            if (zd[k] < 0) {
                                zd[k] = 0;
                            }
                        }
                        inD[l + 1] = zd;
                    } else {
                        z = zd;
                    }
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
            if (f32) {
                float[] gf = new float[g.length];
                for (int k = 0; k < g.length; k++) {
                    gf[k] = (float) g[k];
                }
                grF[layers - 1] = gf;
                for (int l = layers - 1; l >= 1; l--) {
                    grF[l - 1] = backToInputF(l);
                }
            } else {
                grD[layers - 1] = g;
                for (int l = layers - 1; l >= 1; l--) {
                    grD[l - 1] = backToInputD(l);
                }
            }
        }

        /** z = a·Wᵀ + b for layer l (B × out): one GEMM on the row-major arrays seen as column-major transposes. */
        private double[] affineD(int l) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = new double[b * out];
            for (int i = 0; i < b; i++) {
                System.arraycopy(params, biasOffset[l], z, i * out, out);
            }
            if (b > 0) {
                Kernels.BLAS.dgemm("T", "N", out, b, in, 1.0, params, weightOffset[l], in, inD[l], 0, in, 1.0, z, 0, out);
            }
            return z;
        }

        private float[] affineF(int l) {
            int in = sizes[l];
            int out = sizes[l + 1];
            float[] w = new float[in * out];
            int wo = weightOffset[l];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) params[wo + k];
            }
            wF[l] = w;
            float[] z = new float[b * out];
            int bias = biasOffset[l];
            for (int i = 0; i < b; i++) {
                for (int o = 0; o < out; o++) {
                    z[i * out + o] = (float) params[bias + o];
                }
            }
            if (b > 0) {
                Kernels.BLAS.sgemm("T", "N", out, b, in, 1f, w, 0, in, inF[l], 0, in, 1f, z, 0, out);
            }
            return z;
        }

        /** ∂ℓ/∂z of layer l−1 from ∂ℓ/∂z of layer l: (G·W) ⊙ 1[relu input &gt; 0]. */
        private double[] backToInputD(int l) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] prev = new double[b * in];
            if (b > 0) {
                Kernels.BLAS.dgemm("N", "N", in, b, out, 1.0, params, weightOffset[l], in, grD[l], 0, out, 0.0, prev, 0, in);
            }
            double[] a = inD[l];
            for (int k = 0; k < prev.length; k++) {
                if (a[k] <= 0) {
                    prev[k] = 0;
                }
            }
            return prev;
        }

        private float[] backToInputF(int l) {
            int in = sizes[l];
            int out = sizes[l + 1];
            float[] prev = new float[b * in];
            if (b > 0) {
                Kernels.BLAS.sgemm("N", "N", in, b, out, 1f, wF[l], 0, in, grF[l], 0, out, 0f, prev, 0, in);
            }
            float[] a = inF[l];
            for (int k = 0; k < prev.length; k++) {
                if (a[k] <= 0) {
                    prev[k] = 0;
                }
            }
            return prev;
        }

        private double input(int l, int k) {
            return f32 ? inF[l][k] : inD[l][k];
        }

        private double grad(int l, int k) {
            return f32 ? grF[l][k] : grD[l][k];
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
                for (int i = 0; i < b; i++) {
                    double an = 1;
                    for (int k = i * in; k < (i + 1) * in; k++) {
                        double v = input(l, k);
                        an += v * v;
                    }
                    double gn = 0;
                    for (int k = i * o; k < (i + 1) * o; k++) {
                        double v = grad(l, k);
                        gn += v * v;
                    }
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
                if (b == 0) {
                    continue;
                }
                // G' = diag(scale·weights)·G, then W += G'ᵀ·A (one GEMM) and b += column sums of G'.
                if (f32) {
                    float[] gs = new float[b * out];
                    float[] g = grF[l];
                    for (int i = 0; i < b; i++) {
                        float c = (float) (scale * weights[i]);
                        for (int o = 0; o < out; o++) {
                            gs[i * out + o] = c * g[i * out + o];
                            target[bias + o] += gs[i * out + o];
                        }
                    }
                    float[] gw = new float[in * out];
                    Kernels.BLAS.sgemm("N", "T", in, out, b, 1f, inF[l], 0, in, gs, 0, out, 0f, gw, 0, in);
                    for (int k = 0; k < gw.length; k++) {
                        target[w + k] += gw[k];
                    }
                } else {
                    double[] gs = new double[b * out];
                    double[] g = grD[l];
                    for (int i = 0; i < b; i++) {
                        double c = scale * weights[i];
                        for (int o = 0; o < out; o++) {
                            gs[i * out + o] = c * g[i * out + o];
                            target[bias + o] += gs[i * out + o];
                        }
                    }
                    Kernels.BLAS.dgemm("N", "T", in, out, b, 1.0, inD[l], 0, in, gs, 0, out, 1.0, target, w, in);
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
                    double gr = grad(l, i * o + r);
                    int wr = weightOffset[l] + r * in;
                    for (int k = 0; k < in; k++) {
                        out[wr + k] = gr * input(l, i * in + k);
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
