package org.rai4j.learn;

import java.util.function.IntConsumer;

/**
 * A classifier trained by gradient descent on the summed cross-entropy loss, whose per-example gradients
 * can be clipped without materialising them (ghost norms and book-keeping, Goodfellow 2015; Li et al.
 * 2022; Bu et al. 2023). All parameters live in one flat vector, {@link #parameters()}, which training
 * updates in place. Not thread-safe: one model per thread.
 *
 * @param <E> the kind of examples the model reads
 */
public interface GradientModel<E extends Examples> {
    /** Number of parameters. */
    int parameterCount();

    /** The live parameter vector (not a copy): optimisers update it in place. */
    double[] parameters();

    /** Number of classes predicted. */
    int classes();

    /** Where the rows of an embedding table sit in the parameter vector ({@link EmbeddingRows#NONE} if none). */
    EmbeddingRows embeddingRows();

    /**
     * The embedding rows that a forward pass over {@code batch} reads, without duplicates, in order of first
     * appearance (empty without an embedding table). Lets an optimiser bring exactly those rows up to date first.
     */
    int[] embeddingRowsRead(E data, int[] batch);

    /**
     * One forward and backward pass over the examples {@code batch} (indices into {@code data}; may be empty
     * or repeat indices). The pass keeps the activations and output gradients it needs, so that per-example
     * gradient norms and any weighted sum of per-example gradients come without a second pass.
     */
    BackwardPass backward(E data, int[] batch);

    /**
     * As {@link #backward(Examples, int[])}, calling {@code beforeFirstRead} with each embedding row just
     * before the pass first reads it (once per row and pass) — the place for an optimiser to bring a row
     * up to date while it is in cache. The default calls it for {@link #embeddingRowsRead} first.
     */
    default BackwardPass backward(E data, int[] batch, IntConsumer beforeFirstRead) {
        for (int row : embeddingRowsRead(data, batch)) {
            beforeFirstRead.accept(row);
        }
        return backward(data, batch);
    }

    /** Class probabilities for example {@code row} into {@code out} (length {@link #classes()}). */
    void probabilities(E data, int row, double[] out);

    /** The most probable class of example {@code row}. */
    default int predict(E data, int row) {
        double[] p = new double[classes()];
        probabilities(data, row, p);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of examples whose predicted class equals the label. */
    default double accuracy(E data) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (predict(data, i) == data.label(i)) {
                correct++;
            }
        }
        return data.size() == 0 ? Double.NaN : correct / (double) data.size();
    }

    /** An independent copy with the same architecture and parameter values. */
    GradientModel<E> copy();
}
