package org.rai4j.core;

import java.util.SplittableRandom;

/**
 * Seeded randomness for simulations and the bootstrap: one master seed, one derived seed per
 * replicate or task (SplitMix64 finaliser), recorded in outputs so that every number can be
 * reproduced. Not for privacy noise, which uses a cryptographically secure generator.
 */
public final class Seeds {
    private Seeds() {}

    /** The seed for stream {@code index} under {@code master}. */
    public static long derive(long master, long index) {
        long z = master + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A generator for stream {@code index} under {@code master}. */
    public static SplittableRandom stream(long master, long index) {
        return new SplittableRandom(derive(master, index));
    }
}
