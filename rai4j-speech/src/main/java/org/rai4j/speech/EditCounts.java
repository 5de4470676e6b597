package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * The counts of one minimum-edit alignment between a reference and a hypothesis token sequence:
 * hits (H), substitutions (S), deletions (D) and insertions (I). The reference length is H+S+D and the
 * hypothesis length H+S+I. Counts add up over utterances ({@link #plus(EditCounts)}), which is how a
 * corpus or group total is formed (jiwer pools counts the same way).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hits          tokens aligned to an equal token
 * @param substitutions tokens aligned to a different token
 * @param deletions     reference tokens with no hypothesis counterpart
 * @param insertions    hypothesis tokens with no reference counterpart
 */
public record EditCounts(long hits, long substitutions, long deletions, long insertions) {
    /** No tokens at all: the identity of {@link #plus(EditCounts)}. */
    public static final EditCounts ZERO = new EditCounts(0, 0, 0, 0);

    public EditCounts {
        Preconditions.checkAtLeast(hits, 0L, "hits");
        Preconditions.checkAtLeast(substitutions, 0L, "substitutions");
        Preconditions.checkAtLeast(deletions, 0L, "deletions");
        Preconditions.checkAtLeast(insertions, 0L, "insertions");
    }

    /** Reference length N_ref = H + S + D. */
    public long referenceLength() {
        return hits + substitutions + deletions;
    }

    /** Hypothesis length N_hyp = H + S + I. */
    public long hypothesisLength() {
        return hits + substitutions + insertions;
    }

    /** The edit distance S + D + I. */
    public long errors() {
        return substitutions + deletions + insertions;
    }

    /** Component-wise sum. */
    public EditCounts plus(EditCounts other) {
        return new EditCounts(hits + other.hits, substitutions + other.substitutions,
                deletions + other.deletions, insertions + other.insertions);
    }

    /** Every count multiplied by {@code weight} (a bootstrap multiplicity), {@code weight >= 0}. */
    public EditCounts times(long weight) {
        Preconditions.checkAtLeast(weight, 0L, "weight");
        return new EditCounts(hits * weight, substitutions * weight, deletions * weight, insertions * weight);
    }

    /**
     * The error rate of these counts as jiwer v4 defines it: (S+D+I)/N_ref; when N_ref = 0 the number of
     * insertions (a count, not a rate: 0 when both sides are empty).
     */
    public double errorRate() {
        long nRef = referenceLength();
        return nRef == 0 ? (double) insertions : (double) errors() / nRef;
    }
}
