package org.rai4j.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bias AUCs of a scored, labelled text set (Borkan et al. 2019; the Jigsaw Unintended Bias in Toxicity
 * Classification score).
 *
 * @param rows             the number of examples
 * @param overallAuc       AUC on all examples
 * @param identities       per identity term, in the order the terms were given
 * @param power            the exponent p of the generalised means (−5)
 * @param subgroupMean     generalised mean M_p of the defined subgroup AUCs
 * @param bpsnMean         M_p of the defined BPSN AUCs
 * @param bnspMean         M_p of the defined BNSP AUCs
 * @param overallWeight    the weight w₀ of the overall AUC in the final score (0.25)
 * @param finalScore       w₀·AUC_overall + (1 − w₀)·(M_p(subgroup) + M_p(BPSN) + M_p(BNSP))/3
 */
public record BiasAucResult(long rows, double overallAuc, Map<String, IdentityAucs> identities, double power,
                            double subgroupMean, double bpsnMean, double bnspMean, double overallWeight,
                            double finalScore) {
    /** Copies the map, keeping its order. */
    public BiasAucResult {
        identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
    }
}
