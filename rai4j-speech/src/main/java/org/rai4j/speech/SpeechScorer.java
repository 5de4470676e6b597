package org.rai4j.speech;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.Preconditions;

/**
 * Scores reference/hypothesis pairs: normalises both with the same {@link TextNormalizer}, aligns their
 * words with {@link EditDistance} and the code points of the normalised texts (words joined by one
 * space) for the character error rate.
 *
 * <p>Immutable and thread-safe.
 *
 * @param normalizer the normalisation applied to both sides
 */
public record SpeechScorer(TextNormalizer normalizer) {
    public SpeechScorer {
        Preconditions.checkNotNull(normalizer, "normalizer");
    }

    /** Scores one pair; null counts as an empty text. */
    public UtteranceScore score(String reference, String hypothesis) {
        String ref = normalizer.normalize(reference);
        String hyp = normalizer.normalize(hypothesis);
        return new UtteranceScore(countWords(ref, hyp), countCharacters(ref, hyp));
    }

    /** Word-level counts of one pair (normalised with this scorer's normaliser); null counts as empty. */
    public EditCounts scoreWords(String reference, String hypothesis) {
        return countWords(normalizer.normalize(reference), normalizer.normalize(hypothesis));
    }

    /** The full alignment of one pair, for showing where the errors are. */
    public Alignment align(String reference, String hypothesis) {
        return Alignment.of(normalizer.words(reference), normalizer.words(hypothesis));
    }

    private static EditCounts countWords(String ref, String hyp) {
        Map<String, Integer> ids = new HashMap<>();
        return EditDistance.countEdits(ids(ref, ids), ids(hyp, ids));
    }

    /** Word ids of a normalised text (words separated by single spaces), shared vocabulary {@code ids}. */
    private static int[] ids(String text, Map<String, Integer> ids) {
        if (text.isEmpty()) {
            return new int[0];
        }
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                count++;
            }
        }
        int[] out = new int[count];
        int start = 0;
        for (int k = 0; k < count; k++) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = text.length();
            }
            String w = text.substring(start, end);
            Integer id = ids.get(w);
            if (id == null) {
                id = ids.size();
                ids.put(w, id);
            }
            out[k] = id;
            start = end + 1;
        }
        return out;
    }

    private static EditCounts countCharacters(String ref, String hyp) {
        return EditDistance.countEdits(ref.codePoints().toArray(), hyp.codePoints().toArray());
    }

    /** Scores many pairs (equal-length lists) and sums their counts into one {@link SpeechCounts}. */
    public SpeechCounts scoreAll(List<String> references, List<String> hypotheses) {
        Preconditions.checkArgument(references.size() == hypotheses.size(), "references and hypotheses must have equal length, got "
                + references.size() + " references and " + hypotheses.size() + " hypotheses");
        SpeechCounts total = SpeechCounts.ZERO;
        for (int i = 0; i < references.size(); i++) {
            total = total.plus(SpeechCounts.of(score(references.get(i), hypotheses.get(i))));
        }
        return total;
    }
}
