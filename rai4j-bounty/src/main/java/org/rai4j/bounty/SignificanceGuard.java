package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.util.Map;
import java.util.Optional;

/**
 * The paired one-sided significance gate (spec §2.6 item 3; the Ladder's parameter-free variant
 * uses the same statistic): with φ_i = g(x_i)(ℓ(f(x_i), y_i) − ℓ(h(x_i), y_i)) over all n holdout rows,
 * Ŵ = mean φ and ŝ their sample standard deviation, accept only if Ŵ − z·ŝ/√n ≥ α
 * ({@link Reason#NOT_SIGNIFICANT} otherwise), and the exact test. z = 1.645 is a one-sided 95% gate per
 * query: with many queries on one holdout, noise gets through ({@link AlphaSpendingGuard} spends the
 * level over the queries instead). Stateless.
 *
 * @param z the critical value (&gt; 0)
 */
public record SignificanceGuard(double z) implements HoldoutGuard {
    public SignificanceGuard {
        Preconditions.checkPositive(z, "z");
    }

    /** z = 1.645. */
    public static SignificanceGuard oneSided95() {
        return new SignificanceGuard(1.645);
    }

    @Override
    public String name() {
        return "significance";
    }

    /** Ŵ − z·ŝ/√n. */
    public double lowerBound(GuardQuery q) {
        return lowerBound(q, z);
    }

    /** Ŵ − z·ŝ/√n for a given z. */
    static double lowerBound(GuardQuery q, double z) {
        double n = q.n();
        double mean = q.sumPhi() / n;
        double var = n > 1 ? Math.max(0, (q.sumPhiSquared() - n * mean * mean) / (n - 1)) : 0;
        return mean - z * Math.sqrt(var) / Math.sqrt(n);
    }

    @Override
    public Optional<Reason> decide(GuardQuery q) {
        if (!q.exactPasses()) {
            return Optional.of(q.exactReason());
        }
        return lowerBound(q) >= q.alpha().doubleValue() ? Optional.empty() : Optional.of(Reason.NOT_SIGNIFICANT);
    }

    @Override
    public Map<String, String> state() {
        return Map.of("guard", "significance", "z", Double.toString(z));
    }
}
