package org.rai4j.privacy.audit;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.Sgd;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The shadow-model attack of Shokri, Stronati, Song and Shmatikov, "Membership Inference Attacks Against
 * Machine Learning Models" (S&amp;P 2017): shadow models are trained like the target on data from the same
 * distribution with known membership; their output vectors on examples they did and did not train on become
 * the training set of an attack classifier, one per true class, which is then applied to the target's outputs.
 *
 * <p>Here the shadow models are the audit's reference models (each pool example IN about half of them). The
 * attack input is the vector of log-probabilities (floored at −30), standardised with the attack training
 * set's means and standard deviations; each class's attack model is a small MLP (classes → 16 ReLU → 2)
 * trained by seeded minibatch SGD on at most {@value #MAX_ROWS_PER_CLASS} (shadow model, example) pairs of
 * that class. The score of a target example is the attack model's log-odds of "member".
 */
public final class ShadowAttack {
    /** Attack training pairs kept per class (a seeded subsample beyond it). */
    public static final int MAX_ROWS_PER_CLASS = 100_000;
    private static final double FLOOR = -30;
    private static final int HIDDEN = 16;
    private static final int EPOCHS = 8;

    private ShadowAttack() {}

    /**
     * Membership scores of the target's examples (larger = more likely a member).
     *
     * @param target  the target's class probabilities on the pool, row-major n × classes
     * @param labels  each pool example's true class
     * @param classes number of classes
     * @param shadows each shadow model's class probabilities on the pool, row-major n × classes
     * @param in      in[k][i]: whether shadow model k trained on pool example i
     * @param seed    seed of the subsample, the attack models' initial weights and their batches
     */
    public static double[] scores(double[] target, int[] labels, int classes, List<double[]> shadows, boolean[][] in, long seed) {
        int n = labels.length;
        Preconditions.checkArgument(target.length == n * classes, "the target needs n x classes probabilities");
        Preconditions.checkArgument(!shadows.isEmpty() && shadows.size() == in.length, "need one membership row per shadow model");
        double[] score = new double[n];
        for (int c = 0; c < classes; c++) {
            int[] rows = rowsOfClass(labels, c);
            if (rows.length == 0) {
                continue;
            }
            DenseExamples train = trainingSet(rows, classes, shadows, in, Seeds.derive(seed, c));
            boolean bothKinds = hasBoth(train);
            double[][] x = features(target, rows, classes);
            if (!bothKinds) {
                continue; // every pair IN (or every pair OUT): no attack can be learnt for this class; scores stay 0
            }
            double[] mean = new double[classes];
            double[] sd = new double[classes];
            moments(train, mean, sd);
            DenseExamples scaled = standardise(train, mean, sd);
            DenseNetwork attack = DenseNetwork.mlp(classes, new int[] {HIDDEN}, 2, Seeds.derive(seed, 100 + c));
            Sgd.train(attack, scaled, new Sgd.Config(0.1, EPOCHS, 64, Seeds.derive(seed, 200 + c)), e -> { });
            int[] zeros = new int[rows.length];
            DenseExamples test = standardise(DenseExamples.of(x, zeros, 2), mean, sd);
            double[] p = new double[2];
            for (int j = 0; j < rows.length; j++) {
                attack.probabilities(test, j, p);
                score[rows[j]] = Math.log(Math.max(p[1], Double.MIN_NORMAL)) - Math.log(Math.max(p[0], Double.MIN_NORMAL));
            }
        }
        return score;
    }

    private static int[] rowsOfClass(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }

    private static DenseExamples trainingSet(int[] rows, int classes, List<double[]> shadows, boolean[][] in, long seed) {
        long total = (long) rows.length * shadows.size();
        int keep = (int) Math.min(total, MAX_ROWS_PER_CLASS);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] flat = new double[keep * classes];
        int[] y = new int[keep];
        int filled = 0;
        long seen = 0;
        // selection sampling (Knuth's algorithm S): each pair kept with the right probability, in order
        for (int k = 0; k < shadows.size() && filled < keep; k++) {
            double[] probs = shadows.get(k);
            for (int row : rows) {
                if (filled == keep) {
                    break;
                }
                if ((total - seen) * rng.nextDouble() < keep - filled) {
                    for (int c = 0; c < classes; c++) {
                        flat[filled * classes + c] = Math.max(FLOOR, Math.log(probs[row * classes + c]));
                    }
                    y[filled++] = in[k][row] ? 1 : 0;
                }
                seen++;
            }
        }
        return DenseExamples.wrap(flat, keep, classes, y, 2);
    }

    private static boolean hasBoth(DenseExamples d) {
        boolean one = false;
        boolean zero = false;
        for (int i = 0; i < d.size(); i++) {
            one |= d.label(i) == 1;
            zero |= d.label(i) == 0;
        }
        return one && zero;
    }

    private static double[][] features(double[] probs, int[] rows, int classes) {
        double[][] x = new double[rows.length][classes];
        for (int j = 0; j < rows.length; j++) {
            for (int c = 0; c < classes; c++) {
                x[j][c] = Math.max(FLOOR, Math.log(probs[rows[j] * classes + c]));
            }
        }
        return x;
    }

    private static void moments(DenseExamples d, double[] mean, double[] sd) {
        int cols = mean.length;
        for (int i = 0; i < d.size(); i++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += d.feature(i, c);
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= d.size();
        }
        for (int i = 0; i < d.size(); i++) {
            for (int c = 0; c < cols; c++) {
                double e = d.feature(i, c) - mean[c];
                sd[c] += e * e;
            }
        }
        for (int c = 0; c < cols; c++) {
            sd[c] = Math.sqrt(sd[c] / Math.max(1, d.size() - 1));
            if (!(sd[c] > 1e-12)) {
                sd[c] = 1;
            }
        }
    }

    private static DenseExamples standardise(DenseExamples d, double[] mean, double[] sd) {
        int cols = mean.length;
        double[] flat = new double[d.size() * cols];
        int[] y = new int[d.size()];
        for (int i = 0; i < d.size(); i++) {
            for (int c = 0; c < cols; c++) {
                flat[i * cols + c] = (d.feature(i, c) - mean[c]) / sd[c];
            }
            y[i] = d.label(i);
        }
        return DenseExamples.wrap(flat, d.size(), cols, y, 2);
    }
}
