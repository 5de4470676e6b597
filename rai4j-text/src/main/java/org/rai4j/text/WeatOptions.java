package org.rai4j.text;

import org.rai4j.core.Preconditions;

/**
 * Options of a WEAT permutation test.
 *
 * @param permutations the requested number of equal-size partitions: when C(|X|+|Y|, |X|) is at most this, every
 *                     partition is enumerated (exact p); otherwise this many are sampled, the observed one included
 *                     (sent-bias's convention), so p ≥ 1/permutations. At least 1.
 * @param std          the divisor of the effect size's standard deviation
 * @param seed         the seed of the sampled partitions (unused when exact)
 */
public record WeatOptions(long permutations, StdConvention std, long seed) {
    /** sent-bias's default number of partitions. */
    public static final long DEFAULT_PERMUTATIONS = 100_000;

    /** Caliskan's definition (sample std), 100,000 partitions, seed 1. */
    public static final WeatOptions DEFAULT = new WeatOptions(DEFAULT_PERMUTATIONS, StdConvention.SAMPLE, 1L);

    /** Validates the options. */
    public WeatOptions {
        Preconditions.checkAtLeast(permutations, 1L, "permutations");
        Preconditions.checkNotNull(std, "std");
    }
}
