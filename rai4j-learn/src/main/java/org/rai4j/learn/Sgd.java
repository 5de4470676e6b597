package org.rai4j.learn;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Plain minibatch stochastic gradient descent on the mean cross-entropy of a batch,
 * {@code θ ← θ − η·(1/|B|)·Σ_{i∈B} ∇ℓ_i}, with the examples reshuffled every epoch (seeded). The
 * non-private baseline for DP-SGD. Stateless; the model is updated in place.
 */
public final class Sgd {
    private Sgd() {}

    /**
     * Settings for {@link #train}.
     *
     * @param learningRate η &gt; 0
     * @param epochs       passes over the data ≥ 1
     * @param batchSize    examples per step ≥ 1 (the last batch of an epoch may be smaller)
     * @param seed         shuffling seed
     */
    public record Config(double learningRate, int epochs, int batchSize, long seed) {
        public Config {
            Preconditions.checkPositive(learningRate, "learning rate");
            Preconditions.checkAtLeast(epochs, 1, "epochs");
            Preconditions.checkAtLeast(batchSize, 1, "batch size");
        }
    }

    /**
     * One step on {@code batch}: one forward/backward pass and the update fused into the parameters.
     *
     * @return the batch's mean loss before the step
     */
    public static <E extends Examples> double step(GradientModel<E> model, E data, int[] batch, double learningRate) {
        BackwardPass pass = model.backward(data, batch);
        if (batch.length == 0) {
            return Double.NaN;
        }
        double[] ones = new double[batch.length];
        Arrays.fill(ones, 1.0);
        pass.accumulateGradient(ones, -learningRate / batch.length, model.parameters());
        return pass.loss() / batch.length;
    }

    /**
     * Trains for the configured epochs; {@code afterEpoch} is called with the epoch number (1-based).
     *
     * @return the number of steps taken
     */
    public static <E extends Examples> long train(GradientModel<E> model, E data, Config config, IntConsumer afterEpoch) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = Seeds.stream(config.seed(), 1);
        long steps = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += config.batchSize()) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + config.batchSize()));
                step(model, data, batch, config.learningRate());
                steps++;
            }
            afterEpoch.accept(epoch);
        }
        return steps;
    }
}
