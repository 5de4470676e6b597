package org.rai4j.fairness;

/**
 * The verdict on one slice in a last-mile comparison ({@link LastMileComparison}). Significance is
 * always after multiple-comparison adjustment, at level 1 − confidence.
 */
public enum ChangeFlag {
    /** The slice got significantly worse than the rest (or the reference slice) did: its differential change is a significant degradation. */
    DIFFERENTIAL_DEGRADATION,
    /** The slice got significantly worse, but not significantly more than the rest: a degradation shared with everyone. */
    DEGRADED,
    /** The slice got significantly better, and not differentially worse. */
    IMPROVED,
    /** No significant change. */
    OK,
    /** The baseline has no usable evidence on this slice (absent, or below its minimum group size): the baseline says nothing about it. */
    NEW_SLICE,
    /** The candidate has too few rows in this slice, or the metric is undefined there: nothing can be concluded. */
    INSUFFICIENT_DATA
}
