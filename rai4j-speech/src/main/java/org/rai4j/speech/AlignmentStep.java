package org.rai4j.speech;

/**
 * One step of an alignment: which operation, and the reference and hypothesis token positions it
 * covers (-1 where the operation has no token on that side).
 *
 * @param operation      hit, substitution, deletion or insertion
 * @param referenceIndex 0-based reference position, or -1 for an insertion
 * @param hypothesisIndex 0-based hypothesis position, or -1 for a deletion
 */
public record AlignmentStep(Operation operation, int referenceIndex, int hypothesisIndex) {
    /** The four edit operations of a Levenshtein alignment. */
    public enum Operation {
        /** Equal tokens aligned. */
        HIT,
        /** Different tokens aligned. */
        SUBSTITUTION,
        /** A reference token with no hypothesis counterpart. */
        DELETION,
        /** A hypothesis token with no reference counterpart. */
        INSERTION
    }
}
