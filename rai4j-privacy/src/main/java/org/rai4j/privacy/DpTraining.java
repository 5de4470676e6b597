package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

import java.util.function.LongConsumer;

/**
 * Trains a model with DP-SGD to a target (ε, δ): derives the sampling rate q = B/n and the number of steps
 * ⌈epochs·n/B⌉, calibrates σ with {@link NoiseCalibration#noiseMultiplier} (Opacus's search), runs
 * {@link DpSgd} with secure noise, and reports ε actually spent according to the ledger. Stateless.
 */
public final class DpTraining {
    private DpTraining() {}

    /**
     * What to train for.
     *
     * @param targetEpsilon ε &gt; 0 to stay within
     * @param delta         δ in (0, 1), usually below 1/n
     * @param epochs        passes over the data (in expectation) ≥ 1
     * @param batchSize     expected batch size B ≥ 1 (q = B/n)
     * @param clipNorm      per-example clip norm C &gt; 0
     * @param learningRate  SGD step size η &gt; 0
     * @param accountant    accountant used to calibrate σ and report ε (RDP or PRV)
     * @param noiseMode     how noise is drawn from the secure stream
     */
    public record Settings(double targetEpsilon, double delta, int epochs, int batchSize, double clipNorm,
                           double learningRate, Accountant accountant, PrivacyRandom.NoiseMode noiseMode) {
        public Settings {
            Preconditions.checkPositive(targetEpsilon, "target epsilon");
            Rdp.checkDelta(delta);
            Preconditions.checkAtLeast(epochs, 1, "epochs");
            Preconditions.checkAtLeast(batchSize, 1, "batch size");
            Preconditions.checkPositive(clipNorm, "clip norm");
            Preconditions.checkPositive(learningRate, "learning rate");
            Preconditions.checkArgument(accountant != Accountant.GDP,
                    "GDP is an approximation, not a bound; calibrate DP-SGD with the rdp or prv accountant");
            Preconditions.checkNotNull(noiseMode, "noise mode");
        }
    }

    /**
     * The outcome of a DP-SGD run.
     *
     * @param noiseMultiplier σ used
     * @param sampleRate      q used
     * @param steps           steps taken
     * @param ledger          the privacy ledger
     * @param spent           ε spent at δ according to the settings' accountant
     * @param clippedFraction fraction of sampled examples whose gradient was clipped
     */
    public record Result(double noiseMultiplier, double sampleRate, long steps, PrivacyLedger ledger, PrivacySpent spent,
                         double clippedFraction) {}

    /** The sampling rate B/n (capped at 1). */
    public static double sampleRate(int examples, int batchSize) {
        return Math.min(1.0, batchSize / (double) examples);
    }

    /** ⌈epochs·n/B⌉ steps. */
    public static long steps(int examples, int batchSize, int epochs) {
        return (long) Math.ceil(epochs * (double) examples / batchSize);
    }

    /**
     * Trains {@code model} in place with DP-SGD on {@code data}.
     *
     * @param afterStep called after every step with the number of steps done (for progress)
     * @throws IllegalArgumentException when the target ε cannot be met with σ ≤ 10⁶
     */
    public static <E extends Examples> Result train(GradientModel<E> model, E data, Settings settings, LongConsumer afterStep) {
        int n = data.size();
        Preconditions.checkArgument(n > 0, "need at least one training example");
        double q = sampleRate(n, settings.batchSize());
        long steps = steps(n, settings.batchSize(), settings.epochs());
        NoiseCalibration.Calibrated sigma = NoiseCalibration.noiseMultiplier(settings.targetEpsilon(), settings.delta(), q,
                steps, settings.accountant());
        DpSgdConfig config = DpSgdConfig.of(settings.clipNorm(), sigma.noiseMultiplier(), q, steps, settings.learningRate());
        DpSgd<E> dp = new DpSgd<>(model, data, config, PrivacyRandom.secure(settings.noiseMode()));
        PrivacyLedger ledger = dp.train(afterStep);
        PrivacySpent spent = ledger.epsilon(settings.accountant(), settings.delta());
        return new Result(sigma.noiseMultiplier(), q, steps, ledger, spent, dp.clippedFraction());
    }
}
