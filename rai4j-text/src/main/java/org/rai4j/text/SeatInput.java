package org.rai4j.text;

/** What a SEAT list holds. */
public enum SeatInput {
    /** Words, each put into SEAT's templates ({@link SeatTemplates}). */
    WORDS,
    /** Whole sentences, encoded as given (one per line). */
    SENTENCES
}
