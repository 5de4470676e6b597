package org.rai4j.fairness;

import java.util.List;

/**
 * rai4j's numeric conventions, written down once (and printed in every report):
 * <ul>
 *   <li><b>Zero denominators.</b> A metric whose denominator is zero in a slice (e.g. the true
 *       positive rate of a slice with no actual positives) has status {@code UNDEFINED} with a reason;
 *       it is never silently 0 (sklearn's {@code zero_division}) nor NaN without explanation. Undefined
 *       slice values are left out of aggregates, and listed.</li>
 *   <li><b>Small slices.</b> A slice with fewer rows than {@code minGroupSize} has status
 *       {@code INSUFFICIENT_DATA}: its numbers are shown with their intervals, but it is left out of
 *       aggregates and fairness metrics, and listed as excluded.</li>
 *   <li><b>Ratios.</b> {@code ratio_between_groups} = min/max; {@code ratio_to_overall} = min over
 *       groups of m_g/overall, inverted when above 1 (Fairlearn). A ratio whose denominator is 0 is
 *       {@code UNDEFINED}.</li>
 *   <li><b>Differences</b> are unsigned (Fairlearn): max − min between groups, max |m_g − overall| to
 *       overall. Their significance is decided by signed pairwise tests (see {@link Auditor}).</li>
 *   <li><b>Intervals.</b> Proportions: Wilson score interval (with sample weights: Kish's effective n).
 *       Everything else: bootstrap percentile interval over whole-data resamples.</li>
 * </ul>
 */
public final class Conventions {
    /** The level given to missing group values under {@link MissingGroupPolicy#OWN_GROUP}. */
    public static final String MISSING_LEVEL = "(missing)";

    private Conventions() {}

    /** The conventions as sentences, for reports. */
    public static List<String> describe() {
        return List.of(
                "Zero denominators: a metric whose denominator is 0 in a slice is UNDEFINED (with a reason), never 0; undefined values are left out of aggregates.",
                "Small slices: slices with fewer rows than min_group_size are INSUFFICIENT_DATA; shown, but left out of aggregates and fairness metrics.",
                "Aggregates are computed over the finest slices (the intersection of all group columns), within each control level when control columns are given (Fairlearn semantics).",
                "Differences are unsigned (max - min between groups; max |group - overall| to overall); ratios are min/max and min(group/overall, overall/group).",
                "Intervals: proportions use the Wilson score interval (weighted: Kish effective n); other metrics and all aggregates use bootstrap percentile intervals over whole-data resamples.",
                "Significance of a gap: signed Wald tests (bootstrap standard error) of every pair of eligible slices, adjusted for multiple comparisons; a gap is significant when the pair that attains it is.");
    }
}
