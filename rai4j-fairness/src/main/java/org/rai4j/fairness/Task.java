package org.rai4j.fairness;

/** What the model does, which decides the metrics that fit it. */
public enum Task {
    /** Two classes, one of them the positive label. */
    BINARY,
    /** Several classes; rates are one-vs-rest per class. */
    MULTICLASS,
    /** A numeric prediction of a numeric label. */
    REGRESSION,
    /**
     * Speech recognition: a reference and a hypothesis transcript per utterance. The per-utterance
     * statistics (word and character edit counts) and the metrics (WER, CER, …) come from
     * {@code rai4j-speech} as {@link RowStatistics}; see {@link Auditor#run(org.rai4j.core.Table, AuditSpec,
     * RowStatistics, String, java.util.function.IntConsumer)}.
     */
    SPEECH;

    /** The lower-case name used in JSON and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
