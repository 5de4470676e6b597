package org.rai4j.core;

/** Whether a number can be trusted, and if not, why. */
public enum Status {
    /** Computed from enough data. */
    OK,
    /** The slice has fewer rows than the minimum group size; listed, but left out of aggregates. */
    INSUFFICIENT_DATA,
    /** The metric's denominator is zero (0/0); the estimate carries a reason. */
    UNDEFINED,
    /**
     * A cluster audit (e.g. utterances clustered by speaker) whose slice has fewer clusters than the
     * cluster bootstrap needs (see rai4j-fairness {@code ClusterStatistics#MIN_CLUSTERS}); the value is
     * reported with a wider small-sample interval (delete-one-cluster jackknife with a t quantile on
     * G − 1 degrees of freedom), and the slice is left out of gaps between groups.
     */
    FEW_CLUSTERS
}
