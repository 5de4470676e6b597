package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.EmbeddingRows;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

import java.util.function.LongConsumer;

/**
 * Differentially private SGD (Abadi et al. 2016, "Deep learning with differential privacy"), step for step
 * as Opacus performs it, over a {@link GradientModel} trained in place. One {@link #step()} is
 * <ol>
 *   <li>{@link #samplePoissonBatch() sample} a batch, each example independently with probability q;</li>
 *   <li>one forward/backward pass; {@link #clipPerExample clip}: c_i = min(1, C/(‖∇ℓ_i‖ + 1e-6)), the norms
 *       from ghost norms (no per-example gradient is materialised) or, as a slow reference, from
 *       materialised gradients;</li>
 *   <li>{@link #accumulate accumulate} Σ c_i∇ℓ_i and {@link #addNoise add noise} N(0, (σC)²) per
 *       coordinate — also for an empty batch;</li>
 *   <li>scale by −η/(q·n) (the expected batch size, not the drawn one) and apply to the parameters;</li>
 *   <li>{@link #record() record} (σ, q) in the {@link PrivacyLedger}.</li>
 * </ol>
 * Embedding rows receive their noise deferred or eagerly ({@link DpSgdConfig.EmbeddingNoise}); with
 * deferred noise call {@link #finish()} (or use {@link #train}) before using the model. The privacy
 * guarantee is that of the ledger's segments under Poisson sampling with add/remove-one adjacency; it
 * covers the model parameters, not any preprocessing fitted on the data. Not thread-safe.
 *
 * @param <E> the kind of examples
 */
public final class DpSgd<E extends Examples> {
    private final GradientModel<E> model;
    private final E data;
    private final DpSgdConfig config;
    private final PrivacyRandom random;
    private final double expectedBatchSize;
    private final EmbeddingRows embedding;
    private final long[] rowNoisedThrough;
    private PrivacyLedger ledger = PrivacyLedger.empty();
    private long stepsDone;
    private long examplesSeen;
    private long examplesClipped;

    /**
     * A DP-SGD run over {@code data} that will update {@code model} in place.
     *
     * @param random the noise and sampling source: {@link PrivacyRandom#secure()} to protect real data
     */
    public DpSgd(GradientModel<E> model, E data, DpSgdConfig config, PrivacyRandom random) {
        this.model = Preconditions.checkNotNull(model, "model");
        this.data = Preconditions.checkNotNull(data, "data");
        this.config = Preconditions.checkNotNull(config, "config");
        this.random = Preconditions.checkNotNull(random, "random");
        Preconditions.checkArgument(data.size() > 0, "need at least one training example");
        this.expectedBatchSize = config.sampleRate() * data.size();
        this.embedding = model.embeddingRows();
        this.rowNoisedThrough = embedding.present() && config.embeddingNoise() == DpSgdConfig.EmbeddingNoise.DEFERRED
                ? new long[embedding.rows()] : null;
    }

    /**
     * What one step did.
     *
     * @param batchSize      number of examples sampled
     * @param meanLoss       mean loss over the batch before the update (NaN for an empty batch)
     * @param clippedExamples number of examples whose gradient was scaled down
     */
    public record StepReport(int batchSize, double meanLoss, int clippedExamples) {}

    /** Runs all configured steps, brings deferred noise up to date, and reports progress after each step. */
    public PrivacyLedger train(LongConsumer afterStep) {
        while (stepsDone < config.steps()) {
            step();
            afterStep.accept(stepsDone);
        }
        finish();
        return ledger;
    }

    /** One DP-SGD step. */
    public StepReport step() {
        Preconditions.checkState(stepsDone < config.steps(), "all " + config.steps() + " configured steps are done");
        int[] batch = samplePoissonBatch();
        double scale = -config.learningRate() / expectedBatchSize;
        BackwardPass pass = rowNoisedThrough == null ? model.backward(data, batch)
                : model.backward(data, batch, this::bringEmbeddingRowUpToDate);
        int clipped;
        if (config.clipping() == DpSgdConfig.Clipping.GHOST_NORM) {
            double[] factors = clipPerExample(pass);
            clipped = countClipped(factors);
            accumulate(pass, factors, scale);
        } else {
            clipped = accumulateMaterialised(pass, scale);
        }
        double loss = pass.loss();
        addNoise(scale);
        record();
        examplesSeen += batch.length;
        examplesClipped += clipped;
        return new StepReport(batch.length, batch.length == 0 ? Double.NaN : loss / batch.length, clipped);
    }

    /** Step 1: the examples of this step's batch (Poisson sampling with rate q). */
    int[] samplePoissonBatch() {
        return PoissonSampling.sample(data.size(), config.sampleRate(), random);
    }

    /** Step 2: the clip factors c_i = min(1, C/(‖∇ℓ_i‖ + 1e-6)) from ghost norms. */
    double[] clipPerExample(BackwardPass pass) {
        double[] norms = new double[pass.size()];
        pass.squaredGradientNorms(norms);
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Math.min(1.0, config.clipNorm() / (Math.sqrt(norms[i]) + 1e-6));
        }
        return norms;
    }

    /** Step 3: θ += scale·Σ c_i∇ℓ_i, formed layer by layer from the pass (book-keeping). */
    void accumulate(BackwardPass pass, double[] factors, double scale) {
        pass.accumulateGradient(factors, scale, model.parameters());
    }

    /** The slow reference for steps 2–3: materialise each ∇ℓ_i, clip it by its own norm, add it up. */
    private int accumulateMaterialised(BackwardPass pass, double scale) {
        double[] p = model.parameters();
        double[] sum = new double[p.length];
        double[] g = new double[p.length];
        int clipped = 0;
        for (int i = 0; i < pass.size(); i++) {
            pass.exampleGradient(i, g);
            double norm2 = 0;
            for (double v : g) {
                norm2 += v * v;
            }
            double c = Math.min(1.0, config.clipNorm() / (Math.sqrt(norm2) + 1e-6));
            if (c < 1) {
                clipped++;
            }
            for (int k = 0; k < g.length; k++) {
                sum[k] += c * g[k];
            }
        }
        for (int k = 0; k < p.length; k++) {
            p[k] += scale * sum[k];
        }
        return clipped;
    }

    /** Step 4: N(0, (σC)²) per coordinate, scaled like the gradient sum; embedding rows possibly deferred. */
    void addNoise(double scale) {
        double std = Math.abs(scale) * config.noiseMultiplier() * config.clipNorm();
        double[] p = model.parameters();
        if (embedding.present()) {
            random.addGaussianNoise(p, 0, embedding.offset(), std);
            random.addGaussianNoise(p, embedding.end(), p.length, std);
            if (rowNoisedThrough == null) {
                random.addGaussianNoise(p, embedding.offset(), embedding.end(), std);
            }
        } else {
            random.addGaussianNoise(p, 0, p.length, std);
        }
    }

    /** Step 5: the privacy ledger gains one step (σ, q). */
    void record() {
        ledger = ledger.record(config.noiseMultiplier(), config.sampleRate());
        stepsDone++;
    }

    /**
     * Deferred noise: a row about to be read (the model calls this just before its first read in a pass)
     * gets, in one draw, the noise of the k steps it missed: N(0, k·s²) per coordinate.
     */
    private void bringEmbeddingRowUpToDate(int r) {
        long owed = stepsDone - rowNoisedThrough[r];
        if (owed > 0) {
            double perStep = config.learningRate() / expectedBatchSize * config.noiseMultiplier() * config.clipNorm();
            int from = embedding.offset() + r * embedding.width();
            random.addGaussianNoise(model.parameters(), from, from + embedding.width(), perStep * Math.sqrt(owed));
            rowNoisedThrough[r] = stepsDone;
        }
    }

    /** Brings every embedding row's deferred noise up to date; call before using the model. */
    public void finish() {
        if (rowNoisedThrough == null) {
            return;
        }
        for (int r = 0; r < embedding.rows(); r++) {
            bringEmbeddingRowUpToDate(r);
        }
    }

    private static int countClipped(double[] factors) {
        int n = 0;
        for (double f : factors) {
            if (f < 1) {
                n++;
            }
        }
        return n;
    }

    /** The privacy ledger so far. */
    public PrivacyLedger ledger() {
        return ledger;
    }

    /** Steps taken so far. */
    public long stepsDone() {
        return stepsDone;
    }

    /** Fraction of sampled examples whose gradient was clipped so far (NaN before any example). */
    public double clippedFraction() {
        return examplesSeen == 0 ? Double.NaN : examplesClipped / (double) examplesSeen;
    }

    /** The settings. */
    public DpSgdConfig config() {
        return config;
    }
}
