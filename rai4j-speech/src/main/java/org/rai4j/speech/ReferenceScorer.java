package org.rai4j.speech;

import java.util.HashMap;
import java.util.Map;

/**
 * The previous, straightforward path from strings to counts, kept as the in-process baseline of
 * {@code rai4j bench speech} and as a second oracle in tests: {@link TextNormalizer#normalize} (one
 * {@link String} per step), a {@link HashMap} vocabulary per pair, one {@link String} per word, and
 * {@link EditDistance#countEdits(int[], int[])} on words and on the normalised text's code points.
 *
 * <p>Pure static functions; thread-safe.
 */
final class ReferenceScorer {
    private ReferenceScorer() {}

    /** Word and character counts of one pair (null counts as empty). */
    static UtteranceScore score(TextNormalizer normalizer, String reference, String hypothesis) {
        String ref = normalizer.normalize(reference);
        String hyp = normalizer.normalize(hypothesis);
        Map<String, Integer> ids = new HashMap<>();
        EditCounts words = EditDistance.countEdits(ids(ref, ids), ids(hyp, ids));
        EditCounts characters = EditDistance.countEdits(ref.codePoints().toArray(), hyp.codePoints().toArray());
        return new UtteranceScore(words, characters);
    }

    /** Word ids of a normalised text (words separated by single spaces), shared vocabulary {@code ids}. */
    private static int[] ids(String text, Map<String, Integer> ids) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] words = text.split(" ");
        int[] out = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            Integer id = ids.get(words[k]);
            if (id == null) {
                id = ids.size();
                ids.put(words[k], id);
            }
            out[k] = id;
        }
        return out;
    }
}
