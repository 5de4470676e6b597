package org.rai4j.core;

/** How an interval was computed. */
public enum IntervalMethod {
    /** Wilson score interval for a proportion (Wilson 1927). */
    WILSON,
    /** Percentile interval of bootstrap replicates (Efron &amp; Tibshirani 1993, §13.3). */
    BOOTSTRAP_PERCENTILE,
    /**
     * Delete-one-cluster jackknife standard error with a Student t quantile on G − 1 degrees of freedom,
     * for cluster audits with few clusters (Cameron &amp; Miller 2015; MacKinnon, Nielsen &amp; Webb 2023).
     */
    CLUSTER_JACKKNIFE_T
}
