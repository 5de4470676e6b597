package org.rai4j.fairness;

import org.rai4j.core.SliceKey;

import java.util.List;
import java.util.Map;

/**
 * One disaggregated analysis: of all rows, or of the rows of one control level.
 *
 * @param control    the control level (empty key for the main analysis)
 * @param overall    the metrics of all rows in scope
 * @param groups     every group alone and their intersections, in a stable order
 * @param aggregates metric name → aggregates over the finest slices
 * @param fairness   named fairness metric → value (binary tasks)
 */
public record Analysis(SliceKey control, SliceResult overall, List<SliceResult> groups,
                       Map<String, MetricAggregates> aggregates, Map<String, FairnessValue> fairness) {
    public Analysis {
        groups = List.copyOf(groups);
        aggregates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aggregates));
        fairness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fairness));
    }

    /** The result of the slice with exactly these attribute values, or null. */
    public SliceResult group(SliceKey key) {
        for (SliceResult r : groups) {
            if (r.slice().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
