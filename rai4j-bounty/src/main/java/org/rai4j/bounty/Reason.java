package org.rai4j.bounty;

/**
 * Why a submission was rejected. A rejected decision released to a hunter carries only this code
 * (feedback minimisation, spec §2.6): no holdout number.
 */
public enum Reason {
    /** The group has no row in the holdout. */
    EMPTY_GROUP,
    /** The group has fewer holdout rows than max(minimum size, ⌈minimum mass·n⌉). */
    GROUP_TOO_SMALL,
    /** The group or model could not be loaded or run, or predicted NaN / a value that is not a class on the group. */
    INVALID_MODEL,
    /** The model is not better than the current model on the group: E_f(g) − E_h(g) ≤ 0. */
    NO_IMPROVEMENT,
    /** Better, but the weighted improvement (E_f(g) − E_h(g))/n is below α. */
    BELOW_ALPHA,
    /** The exact test passed but the holdout guard's gate did not (significance test or Thresholdout answer). */
    NOT_SIGNIFICANT,
    /** The holdout guard's budget is spent: the holdout must be rotated before more submissions are verified. */
    BUDGET_EXHAUSTED
}
