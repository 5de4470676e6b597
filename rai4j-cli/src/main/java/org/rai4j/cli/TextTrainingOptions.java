package org.rai4j.cli;

import org.rai4j.text.EmbeddingBagTextClassifier;
import picocli.CommandLine.Option;

/** The embedding-bag training settings that {@code text train} and {@code text augment --compare} share. */
final class TextTrainingOptions {
    @Option(names = "--buckets", paramLabel = "N", defaultValue = "4096", description = "Hash buckets (default 4096).")
    int buckets;

    @Option(names = "--dim", paramLabel = "N", defaultValue = "16", description = "Embedding dimension (default 16).")
    int dim;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "Passes over the data (default 30).")
    int epochs;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.5", description = "SGD step size (default 0.5).")
    double learningRate;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16", description = "Texts per SGD step (default 16).")
    int batchSize;

    /** The settings with {@code seed}; a {@link UserException} names the bad option. */
    EmbeddingBagTextClassifier.Settings settings(long seed) {
        try {
            return new EmbeddingBagTextClassifier.Settings(buckets, dim, epochs, learningRate, batchSize, seed);
        } catch (IllegalArgumentException e) {
            throw new UserException("bad training setting: " + e.getMessage()
                    + " (--buckets, --dim, --epochs, --batch-size >= 1; --learning-rate > 0)");
        }
    }
}
