package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;

/**
 * A named fairness metric (e.g. {@code equalized_odds_difference}) with its interval and whether the gap
 * is statistically significant. Interval and verdict come from the same simultaneous intervals of all
 * pairwise differences (ratios) of eligible slices, so they always agree.
 *
 * @param value       the metric ({@code NaN} when undefined)
 * @param interval    interval derived from simultaneous bootstrap intervals of all pairs (covers the true gap
 *                    whenever all pairwise intervals cover theirs), or null without bootstrap
 * @param status      OK or UNDEFINED
 * @param reason      why undefined, or null
 * @param significant true when the interval excludes "no gap" (a difference above 0, a ratio below 1):
 *                    some pair of slices differs at the family-wise level 1 − confidence; null without bootstrap
 * @param pValue      the smallest single-step max-|t| adjusted p-value over the pairs (significant exactly
 *                    when it is ≤ 1 − confidence), or NaN
 * @param metric      the underlying metric attaining the value (for equalized odds: TPR or FPR)
 * @param high        the slice with the larger value of that metric
 * @param low         the slice with the smaller value
 */
public record FairnessValue(double value, Interval interval, Status status, String reason, Boolean significant,
                            double pValue, String metric, SliceKey high, SliceKey low) {
}
