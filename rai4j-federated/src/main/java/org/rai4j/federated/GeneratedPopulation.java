package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.Examples;

import java.util.SplittableRandom;

/**
 * A population of any size whose clients hold no memory until loaded: client k's data are generated from
 * its own seeded stream on every {@link #load}. Binary labels from a shared logistic model w* with a
 * per-client feature shift (mild non-IID); n_k = min(500, ⌊exp(3 + z_k)⌋ + 5). Evaluation uses a fixed set
 * of 2000 examples from the population mixture. For scale tests and benchmarks. Thread-safe.
 */
public final class GeneratedPopulation implements ClientPopulation {
    private final int size;
    private final int features;
    private final long seed;
    private final double[] wStar;
    private final DenseExamples evaluation;

    /**
     * @param size     number of clients ≥ 1
     * @param features d ≥ 1
     * @param seed     seed of everything
     */
    public GeneratedPopulation(int size, int features, long seed) {
        this.size = (int) Preconditions.checkAtLeast((long) size, 1L, "size");
        this.features = (int) Preconditions.checkAtLeast((long) features, 1L, "features");
        this.seed = seed;
        SplittableRandom r = Seeds.stream(seed, 0);
        wStar = new double[features + 1];
        for (int j = 0; j < wStar.length; j++) {
            wStar[j] = r.nextGaussian();
        }
        int m = 2000;
        double[] x = new double[m * features];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            int k = r.nextInt(size);
            example(shift(k), r, x, y, i);
        }
        evaluation = DenseExamples.wrap(x, m, features, y, 2);
    }

    private double shift(int id) {
        return 0.5 * Seeds.stream(Seeds.derive(seed, 2), id).nextGaussian();
    }

    private void example(double shift, SplittableRandom r, double[] x, int[] y, int i) {
        double z = wStar[features];
        for (int j = 0; j < features; j++) {
            double v = shift + r.nextGaussian();
            x[i * features + j] = v;
            z += wStar[j] * v;
        }
        y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public int trainCount(int id, int period) {
        double z = Seeds.stream(Seeds.derive(seed, 1), id).nextGaussian();
        return (int) Math.min(500, Math.exp(3 + z)) + 5;
    }

    @Override
    public ClientData load(int id, int period) {
        int n = trainCount(id, period);
        SplittableRandom r = Seeds.stream(Seeds.derive(seed, 3), id);
        double s = shift(id);
        double[] x = new double[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            example(s, r, x, y, i);
        }
        return new ClientData(id, DenseExamples.wrap(x, n, features, y, 2), DenseExamples.wrap(new double[0], 0, features, new int[0], 2));
    }

    @Override
    public Examples evaluationTest() {
        return evaluation;
    }

    @Override
    public Examples evaluationTrain(int period) {
        return evaluation;
    }
}
