package org.rai4j.fairness;

import org.rai4j.core.Preconditions;
import org.rai4j.core.SliceKey;

/**
 * What a last-mile comparison compares and how. Immutable; checked in the constructor.
 *
 * @param metric     the metric compared, e.g. {@code error_rate} (a proportion or balanced accuracy / F1)
 * @param direction  which way is worse, or null to use {@link Direction#defaultFor} of the metric
 * @param reference  the slice every slice's change is compared with, or null for "the rest" (the
 *                   complement of the slice: all other rows)
 * @param confidence interval level; significance level is 1 − confidence
 * @param bootstrap  bootstrap replicates (≥ 100); the smallest attainable p-value is 2/(B+1)
 * @param seed       master seed; replicate b draws the baseline with stream 2b and the candidate with 2b+1
 * @param adjust     multiple-comparison adjustment, applied separately to the family of change tests and
 *                   to the family of differential tests
 */
public record ComparisonSpec(String metric, Direction direction, SliceKey reference, double confidence, int bootstrap,
                             long seed, Adjustment adjust) {
    /** Default number of bootstrap replicates. */
    public static final int DEFAULT_BOOTSTRAP = 2000;

    public ComparisonSpec {
        Preconditions.checkNotNull(metric, "metric");
        Preconditions.checkArgument(reference == null || !reference.isOverall(),
                "reference must be a slice such as accent=scottish, not overall");
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        Preconditions.checkAtLeast(bootstrap, 100, "bootstrap (replicates for the comparison)");
        Preconditions.checkNotNull(adjust, "adjust");
    }

    /** Compares {@code metric} against the rest, 95%, B = 2000, seed 42, Holm. */
    public static ComparisonSpec of(String metric) {
        return new ComparisonSpec(metric, null, null, 0.95, DEFAULT_BOOTSTRAP, 42L, Adjustment.HOLM);
    }

    /** The significance level 1 − confidence. */
    public double alpha() {
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(confidence)).doubleValue();
    }
}
