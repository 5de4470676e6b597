package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.EmbeddingRows;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

import java.util.Arrays;
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
 * With {@link DpSgdConfig.Optimizer momentum or Adam} step 4 adds the noise to the clipped sum and hands
 * ĝ = (Σ c_i∇ℓ_i + noise)/(q·n) to the optimiser. Embedding rows receive their noise deferred or eagerly
 * ({@link DpSgdConfig.EmbeddingNoise}); with
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
    private final DpSgdConfig.Optimizer optimizer;
    /** The privatised gradient's clipped sum, (1/(q·n))·Σ c_i∇ℓ_i, for optimisers with state; kept all zero between steps. */
    private final double[] gradient;
    /** Momentum buffer (MOMENTUM) or first moment (ADAM). */
    private final double[] first;
    /** Second moment (ADAM). */
    private final double[] second;
    /** Embedding rows read by the current step (deferred noise with an optimiser that has state). */
    private int[] rowsRead = new int[16];
    private int rowsReadCount;
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
        this.optimizer = config.optimizer();
        Preconditions.checkArgument(optimizer.kind() != DpSgdConfig.Optimizer.Kind.ADAM || rowNoisedThrough == null,
                "Adam's update is not linear in the noise, so deferred embedding noise cannot reproduce it; "
                        + "use EmbeddingNoise.EAGER with Adam");
        boolean stateful = optimizer.kind() != DpSgdConfig.Optimizer.Kind.SGD;
        int p = model.parameterCount();
        this.gradient = stateful ? new double[p] : null;
        this.first = stateful ? new double[p] : null;
        this.second = optimizer.kind() == DpSgdConfig.Optimizer.Kind.ADAM ? new double[p] : null;
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
        if (stepsDone >= config.steps()) {
            throw new IllegalStateException("all " + config.steps() + " configured steps are done");
        }
        return stepOn(samplePoissonBatch());
    }

    /**
     * Steps 2–5 on a batch already sampled (package-private: the benchmark samples both of its timed steps
     * from identical streams so that they do identical work).
     */
    StepReport stepOn(int[] batch) {
        if (stepsDone >= config.steps()) {
            throw new IllegalStateException("all " + config.steps() + " configured steps are done");
        }
        boolean stateful = gradient != null;
        double scale = stateful ? 1.0 / expectedBatchSize : -config.learningRate() / expectedBatchSize;
        rowsReadCount = 0;
        BackwardPass pass = rowNoisedThrough == null ? model.backward(data, batch)
                : model.backward(data, batch, this::bringEmbeddingRowUpToDate);
        double[] target = stateful ? gradient : model.parameters();
        int clipped;
        if (config.clipping() == DpSgdConfig.Clipping.GHOST_NORM) {
            double[] factors = clipPerExample(pass);
            clipped = countClipped(factors);
            accumulate(pass, factors, scale, target);
        } else {
            clipped = accumulateMaterialised(pass, scale, target);
        }
        double loss = pass.loss();
        if (stateful) {
            addNoiseAndOptimise();
        } else {
            addNoise(scale);
        }
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

    /**
     * Step 3: target += scale·Σ c_i∇ℓ_i, formed layer by layer from the pass (book-keeping); the target is the
     * parameters themselves for plain SGD (a fused update), else the gradient buffer.
     */
    void accumulate(BackwardPass pass, double[] factors, double scale, double[] target) {
        pass.accumulateGradient(factors, scale, target);
    }

    /** The slow reference for steps 2–3: materialise each ∇ℓ_i, clip it by its own norm, add it up. */
    private int accumulateMaterialised(BackwardPass pass, double scale, double[] p) {
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
     * Step 4 with an optimiser that has state: ĝ = gradient + N(0, s²) per coordinate (s = σC/(q·n)), then the
     * optimiser's update from ĝ, then the gradient buffer is cleared. With deferred embedding noise only the
     * rows this step read are updated (their earlier steps were brought up to date before the read); the
     * rest are brought up to date when next read or by {@link #finish()}.
     */
    private void addNoiseAndOptimise() {
        double s = config.noiseMultiplier() * config.clipNorm() / expectedBatchSize;
        int p = gradient.length;
        long t = stepsDone + 1;
        if (rowNoisedThrough == null) {
            noisyUpdate(0, p, s, t);
            return;
        }
        noisyUpdate(0, embedding.offset(), s, t);
        noisyUpdate(embedding.end(), p, s, t);
        for (int k = 0; k < rowsReadCount; k++) {
            int r = rowsRead[k];
            int from = embedding.offset() + r * embedding.width();
            noisyUpdate(from, from + embedding.width(), s, t);
            rowNoisedThrough[r] = t;
        }
    }

    /** ĝ = gradient + N(0, s²) on [from, to), the optimiser's update there for step t (1-based), gradient cleared. */
    private void noisyUpdate(int from, int to, double s, long t) {
        random.addGaussianNoise(gradient, from, to, s);
        double[] theta = model.parameters();
        double eta = config.learningRate();
        if (optimizer.kind() == DpSgdConfig.Optimizer.Kind.MOMENTUM) {
            double mu = optimizer.momentum();
            for (int k = from; k < to; k++) {
                double v = mu * first[k] + gradient[k];
                first[k] = v;
                theta[k] -= eta * v;
                gradient[k] = 0;
            }
            return;
        }
        double b1 = optimizer.beta1();
        double b2 = optimizer.beta2();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        double eps = optimizer.epsilon();
        for (int k = from; k < to; k++) {
            double g = gradient[k];
            double m = b1 * first[k] + (1 - b1) * g;
            double v = b2 * second[k] + (1 - b2) * g * g;
            first[k] = m;
            second[k] = v;
            theta[k] -= eta * (m / c1) / (Math.sqrt(v / c2) + eps);
            gradient[k] = 0;
        }
    }

    /**
     * Deferred noise: a row about to be read (the model calls this just before its first read in a pass)
     * receives what the k steps it missed would have given it. For plain SGD that is N(0, k·s²) per
     * coordinate in one draw. With momentum μ, a missed step is v ← μv + z, θ ← θ − ηv with z ~ N(0, s²), so
     * after k of them θ moves by −η·v·μ(1−μᵏ)/(1−μ) + n_θ and v becomes μᵏv + n_v, where (n_θ, n_v) is
     * jointly Gaussian with
     * Var n_v = s²(1−μ²ᵏ)/(1−μ²), Var n_θ = η²s²/(1−μ)²·[k − 2μ(1−μᵏ)/(1−μ) + μ²(1−μ²ᵏ)/(1−μ²)] and
     * Cov = −ηs²/(1−μ)·[(1−μᵏ)/(1−μ) − μ(1−μ²ᵏ)/(1−μ²)] (sums of geometric series); drawn per coordinate from
     * two independent normals by the 2×2 Cholesky factor.
     */
    private void bringEmbeddingRowUpToDate(int r) {
        if (gradient != null) {
            if (rowsReadCount == rowsRead.length) {
                rowsRead = Arrays.copyOf(rowsRead, 2 * rowsReadCount);
            }
            rowsRead[rowsReadCount++] = r;
        }
        long owed = stepsDone - rowNoisedThrough[r];
        if (owed <= 0) {
            return;
        }
        int from = embedding.offset() + r * embedding.width();
        int to = from + embedding.width();
        if (gradient == null) {
            double perStep = config.learningRate() / expectedBatchSize * config.noiseMultiplier() * config.clipNorm();
            random.addGaussianNoise(model.parameters(), from, to, perStep * Math.sqrt(owed));
        } else {
            catchUpMomentum(from, to, owed);
        }
        rowNoisedThrough[r] = stepsDone;
    }

    private void catchUpMomentum(int from, int to, long k) {
        double mu = optimizer.momentum();
        double eta = config.learningRate();
        double s = config.noiseMultiplier() * config.clipNorm() / expectedBatchSize;
        double muK = Math.pow(mu, k);
        double mu2K = muK * muK;
        double geo1 = (1 - muK) / (1 - mu);             // Σ_{m=0}^{k-1} μ^m
        double geo2 = (1 - mu2K) / (1 - mu * mu);        // Σ_{m=0}^{k-1} μ^{2m}
        double drift = mu * geo1;                        // Σ_{j=1}^{k} μ^j
        double varV = s * s * geo2;
        double varTheta = eta * eta * s * s / ((1 - mu) * (1 - mu)) * (k - 2 * mu * geo1 + mu * mu * geo2);
        double cov = -eta * s * s / (1 - mu) * (geo1 - mu * geo2);
        double sdV = Math.sqrt(varV);
        double a = sdV > 0 ? cov / sdV : 0;
        double b = Math.sqrt(Math.max(0, varTheta - a * a));
        double[] theta = model.parameters();
        for (int k2 = from; k2 < to; k2++) {
            double v = first[k2];
            theta[k2] -= eta * drift * v;
            first[k2] = muK * v;
        }
        if (s == 0) {
            return;
        }
        double[] z1 = new double[to - from];
        double[] z2 = new double[to - from];
        random.addGaussianNoise(z1, 0, z1.length, 1.0);
        random.addGaussianNoise(z2, 0, z2.length, 1.0);
        for (int j = 0; j < z1.length; j++) {
            first[from + j] += sdV * z1[j];
            theta[from + j] += a * z1[j] + b * z2[j];
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
