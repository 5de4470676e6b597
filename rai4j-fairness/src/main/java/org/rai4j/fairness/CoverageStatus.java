package org.rai4j.fairness;

/** How well one combination of levels is represented in the data. */
public enum CoverageStatus {
    /** No rows at all: the combination was never observed. */
    EMPTY,
    /** Some rows, but fewer than the minimum count: estimates for it are unreliable. */
    THIN,
    /** At least the minimum count of rows. */
    OK;

    /** The status of a combination with {@code n} rows under {@code minCount}. */
    public static CoverageStatus of(long n, long minCount) {
        return n == 0 ? EMPTY : n < minCount ? THIN : OK;
    }
}
