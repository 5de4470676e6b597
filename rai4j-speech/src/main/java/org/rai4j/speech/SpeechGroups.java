package org.rai4j.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.Preconditions;

/**
 * Pooled speech counts per group label: the utterances of each group scored and summed, groups in order
 * of first appearance. A point-estimate summary; the fairness engine adds intervals and comparisons.
 * Pure static functions.
 */
public final class SpeechGroups {
    private SpeechGroups() {}

    /** Counts per group; {@code groups}, {@code references} and {@code hypotheses} are parallel lists. */
    public static Map<String, SpeechCounts> pooled(List<String> groups, List<String> references, List<String> hypotheses,
                                                   SpeechScorer scorer) {
        Preconditions.checkArgument(groups.size() == references.size() && groups.size() == hypotheses.size(),
                "groups, references and hypotheses must have equal length, got " + groups.size() + ", "
                        + references.size() + " and " + hypotheses.size());
        Map<String, SpeechCounts> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            SpeechCounts c = SpeechCounts.of(scorer.score(references.get(i), hypotheses.get(i)));
            out.merge(groups.get(i), c, SpeechCounts::plus);
        }
        return out;
    }
}
