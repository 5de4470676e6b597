package org.rai4j.fairness;

/**
 * Numeric conventions of {@link BiasAnalysis}.
 */
public enum BiasMode {
    /**
     * SageMaker Clarify's conventions exactly (smclarify {@code common.divide}): 0/0 → 0, x/0 → ±∞, a difference
     * of two infinite rates → 0; KL, JS, LP, TVD and KS over the label values present in both groups only
     * ("aligned support"); an empty group or a whole data set without positives (CDD) is an error, reported as
     * {@code UNDEFINED}. No intervals.
     */
    CLARIFY,
    /**
     * Every zero denominator is {@code UNDEFINED} with a reason; divergences over the full label support (KL is
     * undefined when the monitored group lacks a label value the reference group has); every defined metric
     * carries a bootstrap percentile interval.
     */
    STRICT
}
