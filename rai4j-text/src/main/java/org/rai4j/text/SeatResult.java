package org.rai4j.text;

/**
 * The outcome of one SEAT: WEAT's statistics over sentence vectors.
 *
 * @param weat       effect size, p-value, partitions and divisor, with X and Y counted in sentences
 * @param encoder    the encoder's name
 * @param sentencesA the number of sentences of attribute A
 * @param sentencesB the number of sentences of attribute B
 */
public record SeatResult(WeatResult weat, String encoder, int sentencesA, int sentencesB) {}
