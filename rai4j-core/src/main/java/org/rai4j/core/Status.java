package org.rai4j.core;

/** Whether a number can be trusted, and if not, why. */
public enum Status {
    /** Computed from enough data. */
    OK,
    /** The slice has fewer rows than the minimum group size; listed, but left out of aggregates. */
    INSUFFICIENT_DATA,
    /** The metric's denominator is zero (0/0); the estimate carries a reason. */
    UNDEFINED
}
