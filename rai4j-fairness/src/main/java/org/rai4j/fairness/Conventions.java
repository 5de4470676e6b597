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
 *       aggregates and fairness metrics, and listed as excluded. The same minimum applies to each
 *       metric's own sample: the rows of a proportion's denominator (actual negatives for the false
 *       positive rate), min(actual positives, actual negatives) for AUC and balanced accuracy; a metric
 *       below it is {@code INSUFFICIENT_DATA} for that metric even in a large slice.</li>
 *   <li><b>Ratios.</b> {@code ratio_between_groups} = min/max; {@code ratio_to_overall} = min over
 *       groups of m_g/overall, inverted when above 1 (Fairlearn). A ratio whose denominator is 0 is
 *       {@code UNDEFINED}.</li>
 *   <li><b>Differences</b> are unsigned (Fairlearn): max − min between groups, max |m_g − overall| to
 *       overall.</li>
 *   <li><b>Intervals.</b> Proportions: Wilson score interval (with sample weights: Kish's effective n).
 *       Other per-slice metrics: bootstrap percentile interval over whole-data resamples. Aggregates and
 *       fairness metrics: derived from simultaneous (max-|t|) bootstrap intervals of the family of
 *       pairwise differences, log ratios, differences to overall or values ({@link GapIntervals}), so
 *       they cover the true gap, 0 included, at the stated confidence.</li>
 *   <li><b>Significance</b> of a gap: its interval excludes "no gap" (difference &gt; 0, ratio &lt; 1).</li>
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
                "Small slices: slices with fewer rows than min_group_size are INSUFFICIENT_DATA; shown, but left out of aggregates and fairness metrics. The minimum also applies to each metric's own denominator (e.g. actual negatives for the false positive rate; min(positives, negatives) for AUC and balanced accuracy).",
                "Aggregates are computed over the finest slices (the intersection of all group columns), within each control level when control columns are given (Fairlearn semantics).",
                "Differences are unsigned (max - min between groups; max |group - overall| to overall); ratios are min/max and min(group/overall, overall/group).",
                "Intervals: proportions use the Wilson score interval (weighted: Kish effective n); other metrics use bootstrap percentile intervals over whole-data resamples; aggregates and fairness metrics use intervals derived from simultaneous (max-|t|) bootstrap intervals of all pairwise differences or log ratios of eligible slices, which cover the true gap (0 included) at the stated confidence.",
                "Significance of a gap: its interval excludes no gap (difference > 0, ratio < 1), i.e. some pair of slices differs at family-wise level 1 - confidence; the p-value shown is the smallest single-step max-|t| adjusted p of the pairs. Pairwise tests in the JSON (aggregates.<metric>.pairs) carry Wald p-values adjusted by --adjust.");
    }
}
