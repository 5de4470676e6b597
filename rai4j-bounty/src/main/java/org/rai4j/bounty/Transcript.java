package org.rai4j.bounty;

/**
 * How much a bounty has touched its holdout so far (the inputs of the adaptivity bound, spec §2.2).
 *
 * @param n        holdout size
 * @param queries  m: submissions verified
 * @param accepted U: accepted updates
 * @param repairs  R: repairs
 * @param groups   K: groups introduced
 * @param versions V: model versions
 */
public record Transcript(long n, long queries, long accepted, long repairs, long groups, long versions) {}
