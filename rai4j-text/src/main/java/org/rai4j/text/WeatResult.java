package org.rai4j.text;

/**
 * The outcome of one WEAT.
 *
 * @param statistic    S(X,Y,A,B) = Σ_{x∈X} s(x,A,B) − Σ_{y∈Y} s(y,A,B)
 * @param effectSize   (mean_X s − mean_Y s) / std_{X∪Y} s, with the divisor {@code std}
 * @param pValue       one-sided permutation p-value Pr[S_i ≥ S] (ties count as ≥)
 * @param permutations the number of equal-size partitions evaluated (all of them when {@code exact})
 * @param exact        whether every partition was enumerated
 * @param std          the divisor used for the effect size
 * @param seed         the seed of the sampled partitions (meaningless when {@code exact})
 * @param sizeX        |X|
 * @param sizeY        |Y|
 */
public record WeatResult(double statistic, double effectSize, double pValue, long permutations, boolean exact,
                         StdConvention std, long seed, int sizeX, int sizeY) {
    /** The recorded delta degrees of freedom of the effect size: 1 (sample) or 0 (population). */
    public int stdDdof() {
        return std.ddof();
    }
}
