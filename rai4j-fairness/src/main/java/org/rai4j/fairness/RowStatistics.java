package org.rai4j.fairness;

import org.rai4j.core.Preconditions;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Additive per-row statistics supplied by a task-specific module, with the metrics computed from their
 * sums: how a task whose rows are not labels and predictions (speech: reference and hypothesis
 * transcripts) plugs into the {@link Auditor}. The engine sums the statistics per slice (and per
 * bootstrap replicate), then applies each metric to the sums.
 *
 * <p>A metric's function receives a vector {@code s} with {@code s[i]} = Σ of statistic i over the slice's
 * rows for i &lt; names.size(), and {@code s[names.size()]} = the number of rows; it returns {@code NaN}
 * when undefined. Metrics get bootstrap percentile intervals (never Wilson intervals, which would assume
 * independent rows).
 *
 * <p>Immutable (the value matrix is the caller's: do not change it after handing it over); thread-safe.
 *
 * @param names   statistic names, shown as a slice's counts, e.g. {@code hits}
 * @param values  {@code values[row][i]}: statistic i of row {@code row}; finite
 * @param metrics the metrics, in report order
 * @param config  settings to record in the audit's provenance (e.g. the text normalisation)
 */
public record RowStatistics(List<String> names, double[][] values, List<Metric> metrics, Map<String, String> config) {
    /**
     * One metric of the sums.
     *
     * @param name            public name, e.g. {@code wer}
     * @param function        the metric of a slice's sums vector (see the class comment)
     * @param undefinedReason why it can be undefined
     */
    public record Metric(String name, ToDoubleFunction<double[]> function, String undefinedReason) {
        public Metric {
            Preconditions.checkArgument(name != null && !name.isBlank(), "metric name must not be blank");
            Preconditions.checkNotNull(function, "function");
            Preconditions.checkNotNull(undefinedReason, "undefinedReason");
        }
    }

    public RowStatistics {
        names = List.copyOf(names);
        metrics = List.copyOf(metrics);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Preconditions.checkNotNull(values, "values");
        Preconditions.checkArgument(!metrics.isEmpty(), "at least one metric is needed");
        Preconditions.checkArgument(new HashSet<>(names).size() == names.size(), "statistic names must be distinct, got " + names);
        Preconditions.checkArgument(metrics.stream().map(Metric::name).distinct().count() == metrics.size(),
                "metric names must be distinct");
        for (int r = 0; r < values.length; r++) {
            Preconditions.checkArgument(values[r].length == names.size(), "row " + r + " has " + values[r].length
                    + " statistics, expected " + names.size());
            for (double v : values[r]) {
                Preconditions.checkArgument(Double.isFinite(v), "row " + r + " has a non-finite statistic: " + v);
            }
        }
    }
}
