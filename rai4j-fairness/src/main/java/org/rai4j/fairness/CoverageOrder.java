package org.rai4j.fairness;

/**
 * Coverage of all level combinations of one interaction order t (t = 1: every level of every dimension;
 * t = 2: every pair of levels of every pair of dimensions; …; t = number of dimensions: the full cross
 * product). Following t-way coverage in combinatorial testing (Kuhn, Kacker &amp; Lei 2013), the score is
 * the share of t-way combinations that are adequately represented (n ≥ the minimum count).
 *
 * @param order        the interaction order t
 * @param combinations number of t-way level combinations (over all t-subsets of dimensions)
 * @param ok           combinations with n ≥ minimum count
 * @param thin         combinations with 0 &lt; n &lt; minimum count
 * @param empty        combinations with n = 0
 */
public record CoverageOrder(int order, long combinations, long ok, long thin, long empty) {
    /** Share of combinations with status OK (the coverage score), in [0, 1]. */
    public double score() {
        return combinations == 0 ? 0.0 : (double) ok / combinations;
    }

    /** Share of combinations observed at least once (OK or THIN), in [0, 1]. */
    public double observed() {
        return combinations == 0 ? 0.0 : (double) (ok + thin) / combinations;
    }
}
