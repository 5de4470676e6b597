package org.rai4j.bounty;

import java.math.BigDecimal;

/**
 * What a {@link HoldoutGuard} sees about one submission that passed the exact acceptance test:
 * the per-row statistic φ(x, y) = g(x)·(ℓ(f(x), y) − ℓ(h(x), y)) summarised over the n holdout rows,
 * and, when the bounty publishes a training split, the same weighted improvement measured there.
 *
 * @param n                holdout size
 * @param sumPhi           Σ φ = E_f(g) − E_h(g)
 * @param sumPhiSquared    Σ φ²
 * @param trainImprovement W on the public training split, or NaN when not available
 * @param alpha            α
 */
public record GuardQuery(long n, double sumPhi, double sumPhiSquared, double trainImprovement, BigDecimal alpha) {
    /** Ŵ = Σφ / n. */
    public double holdoutImprovement() {
        return sumPhi / n;
    }
}
