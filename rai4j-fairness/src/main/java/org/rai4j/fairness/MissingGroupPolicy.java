package org.rai4j.fairness;

/** What to do with a row whose group (or control) value is missing. */
public enum MissingGroupPolicy {
    /** Report every such row as an error (the default: missing group data is never silently dropped). */
    ERROR,
    /** Keep such rows as a group of their own, labelled {@link Conventions#MISSING_LEVEL}. */
    OWN_GROUP
}
