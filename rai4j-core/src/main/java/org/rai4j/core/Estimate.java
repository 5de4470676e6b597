package org.rai4j.core;

/**
 * A number that always travels with its sample count, its interval and its status.
 *
 * @param value    the point estimate; {@code NaN} when the status is not {@link Status#OK}
 * @param n        the number of rows (or units) it rests on
 * @param interval the confidence interval, or null when none could be computed
 * @param status   whether it can be used
 * @param reason   why not, when the status is not OK (null otherwise)
 */
public record Estimate(double value, long n, Interval interval, Status status, String reason) {
    public Estimate {
        Preconditions.checkNotNull(status, "status");
        Preconditions.checkArgument(status == Status.OK || reason != null, "a non-OK estimate needs a reason");
        Preconditions.checkArgument(n >= 0, "n must be >= 0, got " + n);
    }

    /** A usable estimate. */
    public static Estimate ok(double value, long n, Interval interval) {
        return new Estimate(value, n, interval, Status.OK, null);
    }

    /** An estimate whose definition gives 0/0 here. */
    public static Estimate undefined(long n, String reason) {
        return new Estimate(Double.NaN, n, null, Status.UNDEFINED, reason);
    }

    /** An estimate withheld because its slice is too small. */
    public static Estimate insufficient(double value, long n, Interval interval, String reason) {
        return new Estimate(value, n, interval, Status.INSUFFICIENT_DATA, reason);
    }

    /** True when the status is OK. */
    public boolean isOk() {
        return status == Status.OK;
    }
}
