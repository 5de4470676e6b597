package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * The alignment counts of one utterance: at the word level and at the character level (spaces count
 * as characters).
 *
 * <p>Immutable and thread-safe.
 *
 * @param words      word-level H, S, D, I
 * @param characters character-level H, S, D, I
 */
public record UtteranceScore(EditCounts words, EditCounts characters) {
    public UtteranceScore {
        Preconditions.checkNotNull(words, "words");
        Preconditions.checkNotNull(characters, "characters");
    }

    /** True when the word-level alignment has any substitution, deletion or insertion. */
    public boolean hasError() {
        return words.errors() > 0;
    }

    /** This utterance's word error rate, jiwer v4 rules (the insertion count when the reference is empty). */
    public double wordErrorRate() {
        return words.errorRate();
    }
}
