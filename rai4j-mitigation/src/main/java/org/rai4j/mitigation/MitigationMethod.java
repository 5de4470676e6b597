package org.rai4j.mitigation;

/** How a mitigation changes the decisions. */
public enum MitigationMethod {
    /** Post-processing: group-specific randomised thresholds on a score (Hardt et al. 2016; Fairlearn ThresholdOptimizer). */
    THRESHOLD,
    /** Pre-processing: Kamiran &amp; Calders reweighing, then the logistic regression retrained with the weights. */
    REWEIGH,
    /** In-processing: exponentiated-gradient reductions over the logistic regression (Agarwal et al. 2018). */
    EXPGRAD
}
