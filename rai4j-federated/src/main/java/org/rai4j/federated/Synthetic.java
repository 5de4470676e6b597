package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.DenseExamples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Synthetic(α, β) federated data set of the FedProx paper (Li et al., MLSys 2020, §5.1), generated as
 * the reference code {@code litian96/FedProx data/synthetic_*}{@code /generate_*.py} does:
 * <ul>
 *   <li>30 devices; device k holds {@code ⌊exp(4 + 2·z)⌋ + 50} examples, z ~ N(0, 1) (numpy
 *       {@code lognormal(4, 2).astype(int) + 50});</li>
 *   <li>u_k ~ N(0, α), B_k ~ N(0, β); v_k ~ N(B_k, 1)^60 (per-coordinate);</li>
 *   <li>W_k ~ N(u_k, 1)^{60×10}, b_k ~ N(u_k, 1)^{10}; x ~ N(v_k, Σ) with Σ = diag(j^{−1.2}), j = 1 … 60;
 *       y = argmax(softmax(x·W_k + b_k));</li>
 *   <li>IID variant ({@code synthetic_iid}): v_k = B_k·1 with α = β = 0 (so 0) and one W, b ~ N(0, 1)
 *       shared by all devices;</li>
 *   <li>each device's examples are shuffled and split 90 % / 10 % into train and test
 *       ({@code train_len = int(0.9·n)}).</li>
 * </ul>
 * The draws come from a seeded {@link SplittableRandom} in the reference's order, not from numpy's
 * Mersenne Twister, so the distribution is the reference's but the numbers are not numpy's.
 */
public final class Synthetic {
    /** Feature dimension of the reference generator. */
    public static final int DIMENSION = 60;
    /** Number of classes of the reference generator. */
    public static final int CLASSES = 10;
    /** Number of devices of the reference generator. */
    public static final int DEVICES = 30;

    private Synthetic() {}

    /** Synthetic(α, β) with the reference's 30 devices. */
    public static FederatedData generate(double alpha, double beta, long seed) {
        return generate(alpha, beta, false, DEVICES, seed);
    }

    /** Synthetic-IID with the reference's 30 devices. */
    public static FederatedData iid(long seed) {
        return generate(0, 0, true, DEVICES, seed);
    }

    /**
     * The generator with any number of devices.
     *
     * @param alpha   α ≥ 0: how much the local models differ
     * @param beta    β ≥ 0: how much the local feature distributions differ
     * @param iid     the IID variant (α and β must then be 0, as in the reference)
     * @param devices number of devices ≥ 1
     * @param seed    seed of the one random stream
     */
    public static FederatedData generate(double alpha, double beta, boolean iid, int devices, long seed) {
        Preconditions.checkNonNegative(alpha, "alpha");
        Preconditions.checkNonNegative(beta, "beta");
        Preconditions.checkAtLeast(devices, 1, "devices");
        Preconditions.checkArgument(!iid || (alpha == 0 && beta == 0), "the IID variant has alpha = beta = 0, got " + alpha + ", " + beta);
        SplittableRandom rng = Seeds.stream(seed, 0);
        int d = DIMENSION;
        int c = CLASSES;
        int[] samples = new int[devices];
        for (int k = 0; k < devices; k++) {
            double ln = Math.exp(4 + 2 * rng.nextGaussian());
            Preconditions.checkState(ln < 1e7, "device " + k + " would hold " + ln + " examples; use another seed");
            samples[k] = (int) ln + 50;
        }
        double[] meanW = new double[devices];
        for (int k = 0; k < devices; k++) {
            meanW[k] = alpha * rng.nextGaussian();
        }
        double[] bias = new double[devices];
        for (int k = 0; k < devices; k++) {
            bias[k] = beta * rng.nextGaussian();
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(Math.pow(j + 1, -1.2));
        }
        double[][] meanX = new double[devices][d];
        for (int k = 0; k < devices; k++) {
            for (int j = 0; j < d; j++) {
                meanX[k][j] = iid ? bias[k] : bias[k] + rng.nextGaussian();
            }
        }
        double[] wGlobal = null;
        double[] bGlobal = null;
        if (iid) {
            wGlobal = gaussians(rng, 0, d * c);
            bGlobal = gaussians(rng, 0, c);
        }
        List<ClientData> clients = new ArrayList<>(devices);
        for (int k = 0; k < devices; k++) {
            double[] w = gaussians(rng, meanW[k], d * c);
            double[] b = gaussians(rng, meanW[k], c);
            if (iid) {
                w = wGlobal;
                b = bGlobal;
            }
            int n = samples[k];
            double[] x = new double[n * d];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = meanX[k][j] + sd[j] * rng.nextGaussian();
                }
                int best = 0;
                double bestLogit = Double.NEGATIVE_INFINITY;
                for (int cl = 0; cl < c; cl++) {
                    double z = b[cl];
                    for (int j = 0; j < d; j++) {
                        z += x[i * d + j] * w[j * c + cl];
                    }
                    if (z > bestLogit) {
                        bestLogit = z;
                        best = cl;
                    }
                }
                y[i] = best;
            }
            clients.add(split(k, x, y, n, d, c, rng));
        }
        return new FederatedData(clients);
    }

    private static double[] gaussians(SplittableRandom rng, double mean, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = mean + rng.nextGaussian();
        }
        return out;
    }

    /** Shuffles the device's examples, then the first int(0.9 n) train and the rest test. */
    private static ClientData split(int id, double[] x, int[] y, int n, int d, int classes, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int trainLen = (int) (0.9 * n);
        return new ClientData(id, rows(x, y, order, 0, trainLen, d, classes), rows(x, y, order, trainLen, n, d, classes));
    }

    private static DenseExamples rows(double[] x, int[] y, int[] order, int from, int to, int d, int classes) {
        int m = to - from;
        double[] sx = new double[m * d];
        int[] sy = new int[m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x, order[from + i] * d, sx, i * d, d);
            sy[i] = y[order[from + i]];
        }
        return DenseExamples.wrap(sx, m, d, sy, classes);
    }
}
