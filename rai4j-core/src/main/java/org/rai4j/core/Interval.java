package org.rai4j.core;

/**
 * A closed confidence interval [lo, hi] and how it was computed.
 *
 * @param lo     lower bound
 * @param hi     upper bound, {@code >= lo}
 * @param method how it was computed (e.g. {@link IntervalMethod#WILSON})
 */
public record Interval(double lo, double hi, IntervalMethod method) {
    public Interval {
        Preconditions.checkArgument(!Double.isNaN(lo) && !Double.isNaN(hi), "interval bounds must not be NaN, got [" + lo + ", " + hi + "]");
        Preconditions.checkArgument(lo <= hi, "interval lo must be <= hi, got [" + lo + ", " + hi + "]");
        Preconditions.checkNotNull(method, "method");
    }

    /** True when zero lies strictly outside the interval. */
    public boolean excludesZero() {
        return lo > 0 || hi < 0;
    }

    /** True when {@code x} lies in [lo, hi]. */
    public boolean contains(double x) {
        return x >= lo && x <= hi;
    }
}
