package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * The mergeable sufficient statistics of speech recognition accuracy for one group of utterances: word
 * and character edit counts, the number of utterances, of utterances with at least one word error, of
 * utterances with an empty reference, and the sum of per-utterance word error rates. Every
 * {@link SpeechMetric} is a pure function of these counts, and counts of disjoint groups add up
 * ({@link #plus(SpeechCounts)} is associative and commutative with identity {@link #ZERO}), so groups,
 * shards and bootstrap replicates ({@link #times(long)}) are all formed by addition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param utterances          number of utterances
 * @param utterancesWithError utterances whose word alignment has S+D+I &gt; 0
 * @param emptyReferences     utterances whose normalised reference has no words
 * @param words               summed word-level H, S, D, I
 * @param characters          summed character-level H, S, D, I
 * @param sumUtteranceWer     sum over utterances of their own WER (jiwer v4 rules per utterance)
 */
public record SpeechCounts(long utterances, long utterancesWithError, long emptyReferences, EditCounts words,
                           EditCounts characters, double sumUtteranceWer) {
    /** No utterances: the identity of {@link #plus(SpeechCounts)}. */
    public static final SpeechCounts ZERO = new SpeechCounts(0, 0, 0, EditCounts.ZERO, EditCounts.ZERO, 0.0);

    public SpeechCounts {
        Preconditions.checkAtLeast(utterances, 0L, "utterances");
        // the messages are built only on failure: audits construct these counts millions of times
        if (utterancesWithError < 0 || utterancesWithError > utterances) {
            throw new IllegalArgumentException("utterancesWithError must be in [0, utterances=" + utterances + "], got "
                    + utterancesWithError);
        }
        if (emptyReferences < 0 || emptyReferences > utterances) {
            throw new IllegalArgumentException("emptyReferences must be in [0, utterances=" + utterances + "], got "
                    + emptyReferences);
        }
        Preconditions.checkNotNull(words, "words");
        Preconditions.checkNotNull(characters, "characters");
        Preconditions.checkNonNegative(sumUtteranceWer, "sumUtteranceWer");
    }

    /** The counts of a single scored utterance. */
    public static SpeechCounts of(UtteranceScore score) {
        return new SpeechCounts(1, score.hasError() ? 1 : 0, score.words().referenceLength() == 0 ? 1 : 0,
                score.words(), score.characters(), score.wordErrorRate());
    }

    /** Component-wise sum (merging two groups or shards). */
    public SpeechCounts plus(SpeechCounts o) {
        return new SpeechCounts(utterances + o.utterances, utterancesWithError + o.utterancesWithError,
                emptyReferences + o.emptyReferences, words.plus(o.words), characters.plus(o.characters),
                sumUtteranceWer + o.sumUtteranceWer);
    }

    /** These counts taken {@code weight} times (a bootstrap multiplicity), {@code weight >= 0}. */
    public SpeechCounts times(long weight) {
        Preconditions.checkAtLeast(weight, 0L, "weight");
        return new SpeechCounts(utterances * weight, utterancesWithError * weight, emptyReferences * weight,
                words.times(weight), characters.times(weight), sumUtteranceWer * weight);
    }

    /** Reference words N_ref = H + S + D. */
    public long referenceWords() {
        return words.referenceLength();
    }

    /** Hypothesis words N_hyp = H + S + I. */
    public long hypothesisWords() {
        return words.hypothesisLength();
    }
}
