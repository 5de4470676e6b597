package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.Status;

/**
 * A change between two audits (candidate − baseline), or a differential change (the slice's change
 * minus the change of the rest), with its bootstrap percentile interval and two-sided bootstrap
 * p-values of "the true change is 0", raw and adjusted for multiple comparisons.
 *
 * @param value     the point estimate from the audits' counts, NaN when not computed
 * @param interval  percentile interval of the bootstrap replicates, or null
 * @param pValue    two-sided bootstrap p-value, NaN when not computed
 * @param pAdjusted the p-value adjusted over the family of tested slices, NaN when not computed
 * @param status    OK, or INSUFFICIENT_DATA / UNDEFINED with a reason
 * @param reason    why not computed, or null
 */
public record ChangeEstimate(double value, Interval interval, double pValue, double pAdjusted, Status status,
                             String reason) {
    static ChangeEstimate notComputed(Status status, String reason) {
        return new ChangeEstimate(Double.NaN, null, Double.NaN, Double.NaN, status, reason);
    }

    ChangeEstimate withAdjusted(double p) {
        return new ChangeEstimate(value, interval, pValue, p, status, reason);
    }

    /** True when computed. */
    public boolean isOk() {
        return status == Status.OK;
    }
}
