package org.rai4j.fairness;

import java.util.List;

/**
 * Result of {@link BiasAnalysis#run}: one {@link BiasResult} per monitored group.
 *
 * @param source        the data file
 * @param sha256        its SHA-256
 * @param spec          what was measured
 * @param positiveRule  which labels (and predictions) count as positive, e.g. {@code "credit_risk ∈ {good}"}
 * @param rows          rows in the file
 * @param rowsExcluded  rows left out because the facet, label, prediction or group variable was missing
 * @param results       one per monitored group
 */
public record BiasReport(String source, String sha256, BiasSpec spec, String positiveRule, long rows,
                         long rowsExcluded, List<BiasResult> results) {
    public BiasReport {
        results = List.copyOf(results);
    }

    /** True when post-training metrics were computed (a prediction column was given). */
    public boolean postTraining() {
        return spec.prediction() != null;
    }
}
