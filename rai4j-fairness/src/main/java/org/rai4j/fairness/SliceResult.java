package org.rai4j.fairness;

import org.rai4j.core.Estimate;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;

import java.util.Map;

/**
 * Every metric of one slice, each with its n, interval and status, and the slice's sufficient
 * statistics (so that audits can be merged and compared later without the rows).
 *
 * @param slice   which rows (empty key = all rows of the analysis)
 * @param n       number of rows
 * @param status  OK, or INSUFFICIENT_DATA when n &lt; min group size
 * @param reason  why not OK, or null
 * @param metrics metric name → estimate, in catalogue order
 * @param counts  named sufficient statistics (binary: tp, fp, tn, fn, rows)
 */
public record SliceResult(SliceKey slice, long n, Status status, String reason, Map<String, Estimate> metrics,
                          Map<String, Double> counts) {
    public SliceResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    /** The estimate of {@code metric}, or null when this task has no such metric. */
    public Estimate metric(String metric) {
        return metrics.get(metric);
    }
}
