package org.rai4j.core;

/** How an interval was computed. */
public enum IntervalMethod {
    /** Wilson score interval for a proportion (Wilson 1927). */
    WILSON,
    /**
     * Fisher z interval for a correlation: {@code tanh(atanh(r) ± z·se)} with se = 1/sqrt(n − 3) for Pearson's r
     * (Fisher 1921) and sqrt(1.06/(n − 3)) for Spearman's ρ (Fieller, Hartley &amp; Pearson 1957).
     */
    FISHER_Z,
    /** Percentile interval of bootstrap replicates (Efron &amp; Tibshirani 1993, §13.3). */
    BOOTSTRAP_PERCENTILE,
    /**
     * Simultaneous bootstrap interval: one member of a family of intervals (e.g. every pairwise difference
     * between groups) that cover all their targets together with the stated confidence — estimate ± c·SE with
     * c the quantile of the bootstrap maximum of |t| over the family (max-|t| or sup-t intervals; Westfall
     * &amp; Young 1993, Montiel Olea &amp; Plagborg-Møller 2019). An aggregate such as max − min derived from
     * such a family covers its target whenever the family does.
     */
    BOOTSTRAP_SIMULTANEOUS,
    /**
     * Delete-one-cluster jackknife standard error with a Student t quantile on G − 1 degrees of freedom,
     * for cluster audits with few clusters (Cameron &amp; Miller 2015; MacKinnon, Nielsen &amp; Webb 2023).
     */
    CLUSTER_JACKKNIFE_T,
    /**
     * Simultaneous delete-one-cluster jackknife interval, for gaps between groups in cluster audits: one
     * member of a family (e.g. every pairwise difference) whose critical value is the quantile of the
     * maximum |t| of a multivariate t with the jackknife covariance of the slices and (fewest clusters − 1)
     * degrees of freedom — the simultaneous version of {@link #CLUSTER_JACKKNIFE_T}.
     */
    CLUSTER_JACKKNIFE_SIMULTANEOUS
}
