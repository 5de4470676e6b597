package org.rai4j.fairness;

/** What the model does, which decides the metrics that fit it. */
public enum Task {
    /** Two classes, one of them the positive label. */
    BINARY,
    /** Several classes; rates are one-vs-rest per class. */
    MULTICLASS,
    /** A numeric prediction of a numeric label. */
    REGRESSION;

    /** The lower-case name used in JSON and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
