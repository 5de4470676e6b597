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
 * @param optimizer       what the noisy gradient drives: plain SGD (the default), SGD with momentum, or Adam —
 *                        post-processing of the noisy gradient, so the privacy guarantee is the same
 */
public record DpSgdConfig(double clipNorm, double noiseMultiplier, double sampleRate, long steps, double learningRate,
                          Clipping clipping, EmbeddingNoise embeddingNoise, Optimizer optimizer) {

    /**
     * The optimiser applied to the privatised gradient ĝ = (Σ c_i∇ℓ_i + N(0, (σC)²I)) / (q·n) of each step.
     * Noise is added to the clipped sum first; the optimiser only ever sees ĝ (as Opacus's DPOptimizer wraps
     * torch's optimisers), so its state is post-processing.
     *
     * @param kind     which update rule
     * @param momentum μ in [0, 1) for {@link Kind#MOMENTUM} (v ← μv + ĝ, θ ← θ − ηv; PyTorch's SGD with
     *                 momentum, dampening 0)
     * @param beta1    β₁ in [0, 1) for {@link Kind#ADAM}
     * @param beta2    β₂ in [0, 1) for {@link Kind#ADAM}
     * @param epsilon  ε̂ &gt; 0 for {@link Kind#ADAM} (Kingma and Ba 2015, with bias correction)
     */
    public record Optimizer(Kind kind, double momentum, double beta1, double beta2, double epsilon) {
        /** The update rules. */
        public enum Kind {
            /** θ ← θ − ηĝ. */
            SGD,
            /** v ← μv + ĝ, θ ← θ − ηv. */
            MOMENTUM,
            /** Adam with bias correction: m ← β₁m + (1−β₁)ĝ, v ← β₂v + (1−β₂)ĝ², θ ← θ − η m̂/(√v̂ + ε̂). */
            ADAM
        }

        public Optimizer {
            Preconditions.checkNotNull(kind, "optimizer kind");
            Preconditions.checkArgument(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
            Preconditions.checkArgument(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
            Preconditions.checkArgument(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
            Preconditions.checkPositive(epsilon, "Adam epsilon");
        }

        /** Plain SGD. */
        public static Optimizer sgd() {
            return new Optimizer(Kind.SGD, 0, 0, 0, 1e-8);
        }

        /** SGD with momentum μ. */
        public static Optimizer momentum(double momentum) {
            return new Optimizer(Kind.MOMENTUM, momentum, 0, 0, 1e-8);
        }

        /** Adam with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε̂ = 1e-8. */
        public static Optimizer adam() {
            return adam(0.9, 0.999, 1e-8);
        }

        /** Adam with the given constants. */
        public static Optimizer adam(double beta1, double beta2, double epsilon) {
            return new Optimizer(Kind.ADAM, 0, beta1, beta2, epsilon);
        }
    }

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
         * at the cost of the rows actually read (the default). With momentum the owed noise of the row and of
         * its momentum buffer is drawn jointly from their exact (correlated) Gaussian law, together with the
         * momentum's deterministic decay over the missed steps. Adam's update is not linear in the noise, so
         * Adam with an embedding table requires {@link #EAGER}.
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
        Preconditions.checkNotNull(optimizer, "optimizer");
    }

    /** Ghost-norm clipping, deferred embedding noise, plain SGD. */
    public static DpSgdConfig of(double clipNorm, double noiseMultiplier, double sampleRate, long steps, double learningRate) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, Clipping.GHOST_NORM,
                EmbeddingNoise.DEFERRED, Optimizer.sgd());
    }

    /** The same settings with another clipping method. */
    public DpSgdConfig withClipping(Clipping method) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, method, embeddingNoise, optimizer);
    }

    /** The same settings with another embedding-noise schedule. */
    public DpSgdConfig withEmbeddingNoise(EmbeddingNoise mode) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, clipping, mode, optimizer);
    }

    /** The same settings with another optimiser. */
    public DpSgdConfig withOptimizer(Optimizer rule) {
        return new DpSgdConfig(clipNorm, noiseMultiplier, sampleRate, steps, learningRate, clipping, embeddingNoise, rule);
    }
}
