package org.rai4j.text;

/**
 * A one-sided permutation p-value with how it was obtained.
 *
 * @param pValue       Pr[S_i ≥ S] over the partitions evaluated
 * @param permutations number of partitions evaluated
 * @param exact        true when all C(n, |X|) partitions were enumerated
 */
public record PermutationP(double pValue, long permutations, boolean exact) {}
