package org.rai4j.cli;

import picocli.CommandLine.Option;

/** The bootstrap settings of the counterfactual gap's interval, shared by {@code text counterfactual} and {@code text augment --compare}. */
final class TextGapOptions {
    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Interval confidence (default 0.95).")
    double confidence;

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "1000", description = "Bootstrap replicates (default 1000).")
    int replicates;

    /** Checks the settings; a {@link UserException} names the bad option. */
    TextGapOptions validated() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new UserException("--confidence must be between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        if (replicates < 1) {
            throw new UserException("--replicates must be at least 1, got " + replicates);
        }
        return this;
    }
}
