package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;

/**
 * A named fairness metric (e.g. {@code equalized_odds_difference}) with its bootstrap interval and
 * whether the gap is statistically significant after multiple-comparison adjustment.
 *
 * @param value       the metric ({@code NaN} when undefined)
 * @param interval    bootstrap percentile interval, or null
 * @param status      OK or UNDEFINED
 * @param reason      why undefined, or null
 * @param significant true when the pair of slices attaining the gap differs significantly (adjusted);
 *                    null when there is no bootstrap
 * @param pValue      the adjusted two-sided bootstrap p-value of that pair, or NaN
 * @param metric      the underlying metric attaining the value (for equalized odds: TPR or FPR)
 * @param high        the slice with the larger value of that metric
 * @param low         the slice with the smaller value
 */
public record FairnessValue(double value, Interval interval, Status status, String reason, Boolean significant,
                            double pValue, String metric, SliceKey high, SliceKey low) {
}
