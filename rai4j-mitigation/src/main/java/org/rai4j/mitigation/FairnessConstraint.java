package org.rai4j.mitigation;

/** The parity a mitigation enforces. */
public enum FairnessConstraint {
    /** Equal selection rates across groups. */
    DEMOGRAPHIC_PARITY,
    /** Equal true and false positive rates across groups. */
    EQUALIZED_ODDS,
    /** Equal true positive rates across groups (equal opportunity). */
    TRUE_POSITIVE_RATE_PARITY
}
