package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.SliceKey;

/**
 * The comparison of one pair of eligible slices for one metric.
 *
 * @param high            the slice with the larger value
 * @param low             the slice with the smaller value
 * @param difference      high − low (≥ 0)
 * @param interval        simultaneous interval of high − low over the metric's family of pairs (covers all
 *                        pairs' differences together at the audit's confidence), or null without bootstrap
 * @param pValue          two-sided bootstrap Wald p-value of "no difference" for this pair alone
 * @param pValueAdjusted  {@code pValue} adjusted over the metric's family of pairs by the audit's
 *                        {@link Adjustment} ({@code --adjust})
 */
public record PairTest(SliceKey high, SliceKey low, double difference, Interval interval, double pValue,
                       double pValueAdjusted) {
}
