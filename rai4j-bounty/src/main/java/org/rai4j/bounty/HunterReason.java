package org.rai4j.bounty;

/**
 * The reason codes a hunter may see for a rejected submission ({@link HunterDecision}). Each is decided
 * on public data (the submission itself, the public schema and training split), or on the hunter's
 * quota, except {@link #NOT_ACCEPTED}, the one holdout-dependent bit: "verified on the holdout, not
 * accepted". No code says why the holdout said no.
 */
public enum HunterReason {
    /** The group or rule predicate does not parse or does not fit the schema. */
    INVALID_PREDICATE,
    /** The group or model cannot be loaded, or cannot run (or predicts invalid values) on the public training split. */
    INVALID_MODEL,
    /** The group singles out individuals (long {@code in} list or narrow {@code between} on a high-cardinality column). */
    IDENTIFIER_LIKE,
    /** No row of the public training split is in the group. */
    EMPTY_GROUP,
    /** Too few rows of the public training split are in the group. */
    GROUP_TOO_SMALL,
    /** On the public training split, h differs from the current model on too few rows of the group. */
    NO_DIFFERENCE,
    /** On the public training split, h is not better than the current model on the group. */
    NO_TRAIN_IMPROVEMENT,
    /** The team has used its holdout-query budget. */
    TEAM_BUDGET_EXHAUSTED,
    /** The bounty's holdout-query budget is spent until the holdout is rotated. */
    BUDGET_EXHAUSTED,
    /** Verified on the holdout and not accepted. */
    NOT_ACCEPTED
}
