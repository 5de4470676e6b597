package org.rai4j.mitigation;

import java.util.List;
import org.rai4j.core.Interval;
import org.rai4j.fairness.AuditResult;

/**
 * Before and after a mitigation, on the held-out rows.
 *
 * @param spec            what was done
 * @param source          the data file
 * @param sha256          its SHA-256
 * @param trainRows       rows used to fit
 * @param testRows        rows compared
 * @param groups          the group values
 * @param comparisons     accuracy and the three parity gaps, before/after/change with paired-bootstrap intervals
 * @param before          audit of the baseline decisions on the test rows
 * @param after           audit of the mitigated decisions on the test rows
 * @param split           per row of the file: 0 train, 1 test, −1 left out (missing label or group)
 * @param predictionBefore per row: baseline decision (−1 left out)
 * @param predictionAfter per row: mitigated decision (−1 left out)
 * @param details         what the mitigation learned, one line each (thresholds, weights, mixture size, …)
 */
public record MitigationResult(MitigationSpec spec, String source, String sha256, int trainRows, int testRows,
                               List<String> groups, List<Comparison> comparisons, AuditResult before, AuditResult after,
                               int[] split, int[] predictionBefore, int[] predictionAfter, List<String> details) {
    public MitigationResult {
        groups = List.copyOf(groups);
        comparisons = List.copyOf(comparisons);
        details = List.copyOf(details);
        split = split.clone();
        predictionBefore = predictionBefore.clone();
        predictionAfter = predictionAfter.clone();
    }

    @Override
    public int[] split() {
        return split.clone();
    }

    @Override
    public int[] predictionBefore() {
        return predictionBefore.clone();
    }

    @Override
    public int[] predictionAfter() {
        return predictionAfter.clone();
    }

    /**
     * One quantity before and after, with paired bootstrap percentile intervals (test rows resampled together).
     *
     * @param metric    accuracy, demographic_parity_difference, equalized_odds_difference, equal_opportunity_difference
     * @param before    baseline value
     * @param beforeCi  its interval
     * @param after     mitigated value
     * @param afterCi   its interval
     * @param change    after − before
     * @param changeCi  its interval
     */
    public record Comparison(String metric, double before, Interval beforeCi, double after, Interval afterCi,
                             double change, Interval changeCi) {}
}
