package org.rai4j.learn;

/**
 * Labelled training or evaluation examples for the gradient-trained classifiers: dense feature rows
 * ({@link DenseExamples}) or bags of token ids ({@link TokenExamples}). Labels are class indices
 * 0 … classes−1. Implementations are immutable and thread-safe.
 */
public sealed interface Examples permits DenseExamples, TokenExamples {
    /** Number of examples. */
    int size();

    /** Number of classes (≥ 2). */
    int classes();

    /** The label (class index) of example {@code row}. */
    int label(int row);

    /** The examples at the given rows, in that order (rows may repeat), as a new set of the same kind. */
    Examples select(int[] rowIndices);
}
