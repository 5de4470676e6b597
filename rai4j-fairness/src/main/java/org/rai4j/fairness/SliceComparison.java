package org.rai4j.fairness;

import org.rai4j.core.Estimate;
import org.rai4j.core.SliceKey;

/**
 * One slice of a last-mile comparison.
 *
 * @param slice        which rows ({@link SliceKey#OVERALL} for the overall row)
 * @param baseline     the metric in the baseline audit (as that audit reported it), or null when absent
 * @param candidate    the metric in the candidate audit, or null when absent
 * @param change       candidate − baseline
 * @param differential the slice's change minus the change of the rest (or of the reference slice)
 * @param flag         the verdict
 * @param reason       the verdict in words, with the numbers that decided it
 */
public record SliceComparison(SliceKey slice, Estimate baseline, Estimate candidate, ChangeEstimate change,
                              ChangeEstimate differential, ChangeFlag flag, String reason) {
}
