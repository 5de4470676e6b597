/**
 * Mitigation measured before and after (issue 12): {@link org.rai4j.mitigation.Mitigation#run} trains or takes
 * a baseline, applies reweighing (Kamiran &amp; Calders), group-specific randomised thresholds (Hardt et al.,
 * Fairlearn's ThresholdOptimizer) or exponentiated-gradient reductions (Agarwal et al. 2018) over rai4j's
 * logistic regression, and compares the two on held-out rows with intervals.
 */
package org.rai4j.mitigation;
