package org.rai4j.core;

/** How an interval was computed. */
public enum IntervalMethod {
    /** Wilson score interval for a proportion (Wilson 1927). */
    WILSON,
    /** Percentile interval of bootstrap replicates (Efron &amp; Tibshirani 1993, §13.3). */
    BOOTSTRAP_PERCENTILE
}
