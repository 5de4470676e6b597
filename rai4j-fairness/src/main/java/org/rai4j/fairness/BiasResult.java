package org.rai4j.fairness;

import java.util.Map;
import org.rai4j.core.Estimate;

/**
 * The bias metrics of one monitored group against its reference group.
 *
 * @param facetValue  the monitored facet value(s) or threshold, as Clarify's {@code value_or_threshold}
 * @param monitored   description of the monitored group (facet d), e.g. {@code "sex = female"}
 * @param monitoredN  its rows
 * @param reference   description of the reference group (facet a, the complement)
 * @param referenceN  its rows
 * @param metrics     metric name → estimate (value, n, interval in strict mode, status and reason)
 */
public record BiasResult(String facetValue, String monitored, long monitoredN, String reference, long referenceN,
                         Map<String, Estimate> metrics) {
    public BiasResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
