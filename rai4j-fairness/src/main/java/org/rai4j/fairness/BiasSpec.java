package org.rai4j.fairness;

import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * What {@link BiasAnalysis} measures: which column is the label (and which of its values are positive), the
 * optional prediction column, the facet and how its monitored group is chosen, the optional group variable
 * (CDDL/CDDPL) and feature columns (FT), the numeric conventions and the bootstrap settings.
 *
 * <p>The monitored group (Clarify's facet d) is: the rows whose facet value is one of {@code facetValues}; or
 * whose numeric facet is {@code > facetThreshold} (Clarify's interval (t, max]); or, when neither is given,
 * each observed facet value in turn (one-vs-all). The reference group (facet a) is every other row with a
 * facet value. A label (and a prediction) is positive when it is one of {@code positiveLabels}, or when it is
 * numerically {@code > labelThreshold}.
 *
 * @param label          label column
 * @param positiveLabels positive label values (several are collapsed into "positive", as Clarify does); empty
 *                       when {@code labelThreshold} is given
 * @param labelThreshold numeric label threshold, or null
 * @param prediction     predicted-label column, or null for pre-training metrics only
 * @param facet          facet (sensitive attribute) column
 * @param facetValues    the monitored group's facet values; empty for a threshold or one-vs-all
 * @param facetThreshold numeric facet threshold, or null
 * @param groupVariable  group variable column for CDDL/CDDPL, or null
 * @param features       numeric feature columns for FT's k-NN; empty: FT is not computed
 * @param mode           numeric conventions
 * @param replicates     bootstrap replicates in {@link BiasMode#STRICT} mode (≥ 100)
 * @param confidence     interval confidence, in (0, 1)
 * @param seed           master seed of the bootstrap (replicate b uses {@code Seeds.stream(seed, b)})
 */
public record BiasSpec(String label, List<String> positiveLabels, Double labelThreshold, String prediction,
                       String facet, List<String> facetValues, Double facetThreshold, String groupVariable,
                       List<String> features, BiasMode mode, int replicates, double confidence, long seed) {
    public BiasSpec {
        Preconditions.checkNotNull(label, "label");
        Preconditions.checkNotNull(facet, "facet");
        Preconditions.checkNotNull(mode, "mode");
        positiveLabels = positiveLabels == null ? List.of() : List.copyOf(positiveLabels);
        facetValues = facetValues == null ? List.of() : List.copyOf(facetValues);
        features = features == null ? List.of() : List.copyOf(features);
        Preconditions.checkArgument(positiveLabels.isEmpty() != (labelThreshold == null),
                "give exactly one of the positive label values (--positive-label) and a label threshold (--label-threshold)");
        Preconditions.checkArgument(labelThreshold == null || Double.isFinite(labelThreshold),
                "label threshold must be finite, got " + labelThreshold);
        Preconditions.checkArgument(facetValues.isEmpty() || facetThreshold == null,
                "give facet values (--facet-values) or a facet threshold (--facet-threshold), not both");
        Preconditions.checkArgument(facetThreshold == null || Double.isFinite(facetThreshold),
                "facet threshold must be finite, got " + facetThreshold);
        Preconditions.checkArgument(mode != BiasMode.STRICT || replicates >= 100,
                "strict mode needs at least 100 bootstrap replicates, got " + replicates);
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
    }

    /** Clarify mode, positive labels by value, no prediction, one-vs-all facet (for tests and quick use). */
    public static BiasSpec clarify(String label, List<String> positiveLabels, String facet) {
        return new BiasSpec(label, positiveLabels, null, null, facet, List.of(), null, null, List.of(),
                BiasMode.CLARIFY, 0, 0.95, 1L);
    }
}
