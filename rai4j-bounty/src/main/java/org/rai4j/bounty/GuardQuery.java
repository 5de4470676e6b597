package org.rai4j.bounty;

import java.math.BigDecimal;

/**
 * Everything a {@link HoldoutGuard} sees about one holdout query (a submission that passed every
 * public check): the per-row statistic φ(x, y) = g(x)·(ℓ(f(x), y) − ℓ(h(x), y)) summarised over the n
 * holdout rows, the verdict of the exact acceptance test, the same weighted improvement on the public
 * training split, and the query's index among the holdout queries so far.
 *
 * @param n                holdout size
 * @param sumPhi           Σ φ = E_f(g) − E_h(g)
 * @param sumPhiSquared    Σ φ²
 * @param trainImprovement W on the public training split (NaN when not computed)
 * @param alpha            α
 * @param exactReason      why the exact test ({@link AcceptanceTest}) fails, or null when it passes
 * @param queryIndex       t ≥ 1: this is the t-th query that reached the holdout
 */
public record GuardQuery(long n, double sumPhi, double sumPhiSquared, double trainImprovement, BigDecimal alpha,
                         Reason exactReason, long queryIndex) {
    /** A query whose exact test passed (the first holdout query); for tests of the gates alone. */
    public GuardQuery(long n, double sumPhi, double sumPhiSquared, double trainImprovement, BigDecimal alpha) {
        this(n, sumPhi, sumPhiSquared, trainImprovement, alpha, null, 1);
    }

    /** Ŵ = Σφ / n. */
    public double holdoutImprovement() {
        return sumPhi / n;
    }

    /** True when the exact acceptance test passed. */
    public boolean exactPasses() {
        return exactReason == null;
    }
}
