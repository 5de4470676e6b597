package org.rai4j.privacy;

import org.rai4j.privacy.internal.AesCtrKeystream;
import org.rai4j.privacy.internal.GaussianBlocks;
import org.rai4j.privacy.internal.Ziggurat;

import java.security.SecureRandom;

/**
 * The randomness differential privacy rests on: Gaussian noise for the mechanism and uniforms for Poisson
 * sampling. Obtain one from a factory:
 * <ul>
 *   <li>{@link #secure()} — the AES-256-CTR keystream keyed from {@link SecureRandom} (re-keyed every GiB),
 *       turned into N(0, 1) by the ziggurat method. Cryptographically secure; tens of millions of draws
 *       per second per core with AES-NI.</li>
 *   <li>{@link #secure(NoiseMode)} with {@link NoiseMode#FLOATING_POINT_HARDENED} — additionally resists
 *       the floating-point attacks on sampled noise (Mironov 2012; Jin et al. 2021, arXiv 2112.05307) the way
 *       Opacus's {@code secure_mode} does (Holohan and Braghin 2021, arXiv 2107.10138): each call first
 *       discards one draw, then every coordinate receives four independent draws, each scaled by std/2 —
 *       in total exactly N(0, std²), but no longer a single sampled floating-point value whose set of
 *       attainable values could reveal the unnoised value. Four times the cost. (A heuristic defence, as in
 *       Opacus, not a proof.)</li>
 *   <li>{@link #seededForSimulation(long)} — a deterministic stream for tests, benchmarks and simulations.
 *       <b>Never use it to protect real data</b>: anyone who knows the seed can remove the noise.</li>
 * </ul>
 * Uniforms and Gaussian draws come from independent keystreams (keys from {@link SecureRandom}, or derived
 * from the seed). The Gaussian draws are made in chunks, each from its own keystream, ahead of their use —
 * on a spare core while the caller computes, when the machine has one; the caller never waits for that core
 * and computes a chunk itself when it is not ready. That changes who does the work and when, never the
 * values: a seeded instance gives the same draws whatever the timing (see {@code GaussianBlocks}).
 * Instances are not thread-safe: use one per thread.
 */
public final class PrivacyRandom {
    private final AesCtrKeystream uniforms;
    private final GaussianBlocks normals;
    private final NoiseMode mode;
    private final boolean secure;

    private PrivacyRandom(AesCtrKeystream uniforms, GaussianBlocks normals, NoiseMode mode, boolean secure) {
        this.uniforms = uniforms;
        this.normals = normals;
        this.mode = mode;
        this.secure = secure;
    }

    /** How Gaussian noise is drawn from the secure stream. */
    public enum NoiseMode {
        /** One ziggurat draw per coordinate. */
        STANDARD,
        /** Opacus's secure mode: discard one draw per call, then four draws scaled by 1/2 per coordinate. */
        FLOATING_POINT_HARDENED
    }

    /** The noise mode of {@link #secure()}. */
    public static final NoiseMode DEFAULT_MODE = NoiseMode.STANDARD;

    /** Secure randomness with the {@link #DEFAULT_MODE default} noise mode. */
    public static PrivacyRandom secure() {
        return secure(DEFAULT_MODE);
    }

    /** Secure randomness with the given noise mode. */
    public static PrivacyRandom secure(NoiseMode mode) {
        return secure(mode, true);
    }

    /** Secure randomness; {@code prefetch} false keeps all drawing on the caller's thread (for benchmarks). */
    static PrivacyRandom secure(NoiseMode mode, boolean prefetch) {
        SecureRandom entropy = new SecureRandom();
        byte[] master = new byte[32];
        entropy.nextBytes(master);
        return new PrivacyRandom(AesCtrKeystream.secure(entropy), GaussianBlocks.of(master, prefetch), mode, true);
    }

    /**
     * Reproducible randomness for tests and simulations only: the same seed gives the same draws on every
     * JVM. Provides no privacy.
     */
    public static PrivacyRandom seededForSimulation(long seed) {
        return seededForSimulation(seed, NoiseMode.STANDARD);
    }

    /** Reproducible randomness with the given noise mode, for tests and simulations only. */
    public static PrivacyRandom seededForSimulation(long seed, NoiseMode mode) {
        return new PrivacyRandom(AesCtrKeystream.seeded(seed), GaussianBlocks.of(seededMaster(seed), true), mode, false);
    }

    /** SHA-256("rai4j-simulation-normal" ‖ seed): the master secret of a seeded instance's Gaussian draws. */
    private static byte[] seededMaster(long seed) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("rai4j-simulation-normal".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(seed).array());
            return sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True when the stream is keyed from {@link SecureRandom}; false for simulation streams. */
    public boolean isSecure() {
        return secure;
    }

    /** The noise mode. */
    public NoiseMode mode() {
        return mode;
    }

    /** One N(0, 1) draw (in hardened mode, the sum of four draws divided by 2). */
    public double nextGaussian() {
        if (mode == NoiseMode.STANDARD) {
            return normals.next();
        }
        return 0.5 * (normals.next() + normals.next() + normals.next() + normals.next());
    }

    /** A uniform in [0, 1) with 53 random bits. */
    public double nextUniform() {
        return Ziggurat.uniform(uniforms);
    }

    /**
     * Adds independent N(0, std²) noise to each of {@code target[from..to)}.
     *
     * @param std the noise standard deviation ≥ 0 (0 adds nothing)
     */
    public void addGaussianNoise(double[] target, int from, int to, double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("noise standard deviation must be >= 0 and finite, got " + std);
        }
        if (from < 0 || to > target.length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of an array of " + target.length);
        }
        if (std == 0) {
            return;
        }
        if (mode == NoiseMode.STANDARD) {
            normals.addScaled(target, from, to, std);
            return;
        }
        normals.next(); // discarded, as Opacus's secure mode does
        double half = 0.5 * std;
        for (int round = 0; round < 4; round++) { // target += (std/2)·(z₁ + z₂ + z₃ + z₄), one bulk pass per draw
            normals.addScaled(target, from, to, half);
        }
    }
}
