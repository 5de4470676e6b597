package org.rai4j.privacy;

import org.rai4j.core.Preconditions;

/**
 * Settings of a DP-SGD run (Abadi et al. 2016, with Opacus's conventions). Each step: Poisson-sample a
 * batch with rate q; clip every example's gradient to L2 norm C (factor {@code min(1, C/(‖g‖ + 1e-6))});
 * sum; add N(0, (σC)²) to every coordinate; divide by the expected batch size q·n; take an SGD step of
 * size η. Immutable; every check runs before the object exists.
 *
 * @param clipNorm        C &gt; 0
 * @param noiseMultiplier σ ≥ 0 (0 gives no privacy)
 * @param sampleRate      q in (0, 1]
 * @param steps           number of steps ≥ 1
 * @param learningRate    η &gt; 0
 * @param clipping        how per-example norms are obtained
 * @param embeddingNoise  when embedding rows receive their noise
 */
public record DpSgdConfig(double clipNorm, double noiseMultiplier, double sampleRate, long steps, double learningRate,
                          Clipping clipping, EmbeddingNoise embeddingNoise) {

    /** How the per-example gradient norms are computed. */
    public enum Clipping {
        /** Ghost norms and book-keeping: one pass, no per-example gradients materialised (the default). */
        GHOST_NORM,
        /** The naive reference: materialise every example's full gradient, clip it, add it up. Slow. */
        MATERIALISED
    }

    /** When the noise of embedding-table rows is drawn. */
    public enum EmbeddingNoise {
        /**
         * Noise owed to a row is drawn in one piece, N(0, k·s²) for the k steps since it was last brought up
         * to date, just before the row is read and at the end of training. For plain SGD this gives every
         * parameter value that is ever read, and the final model, exactly the distribution of eager noise,
         * at the cost of the rows actually read (the default).
         */
        DEFERRED,
        /** Every row gets its noise at every step, as in the textbook algorithm. */
        EAGER
    }

    public DpSgdConfig {
        Preconditions.checkPositive(clipNorm, "clip norm");
        Preconditions.checkNonNegative(noiseMultiplier, "noise multiplier");
        Preconditions.checkArgument(sampleRate > 0 && sampleRate <= 1, "sample rate must be in (0, 1], got " + sampleRate);
        Preconditions.checkAtLeast(steps, 1L, "steps");
        Preconditions.checkPositive(learningRate, "learning rate");
        Preconditions.checkNotNull(clipping, "clipping");
        Preconditions.checkNotNull(embeddingNoise, "embedding noise");
    }

    /** Ghost-norm clipping and deferred embedding noise. */
    public static DpSgdConfig of(double clipNorm, double noiseMultiplier, double sampleRate, long steps, double learningRate) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, Clipping.GHOST_NORM,
                EmbeddingNoise.DEFERRED);
    }

    /** The same settings with another clipping method. */
    public DpSgdConfig withClipping(Clipping method) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, method, embeddingNoise);
    }

    /** The same settings with another embedding-noise schedule. */
    public DpSgdConfig withEmbeddingNoise(EmbeddingNoise mode) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, clipping, mode);
    }
}
