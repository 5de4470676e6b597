package org.rai4j.bounty;

import org.rai4j.core.Gaussian;
import org.rai4j.core.Preconditions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default holdout guard: the paired one-sided significance gate of {@link SignificanceGuard}, with
 * the false-acceptance level δ spent over the queries that reach the holdout (an alpha-spending
 * sequence, as in sequential testing). The t-th holdout query is accepted iff the exact test passes and
 * <pre>
 *   Ŵ − z_t·ŝ/√n ≥ α,   z_t = Φ⁻¹(1 − δ_t),   δ_t = 6δ / (π² t²)      (Σ_t δ_t = δ)
 * </pre>
 * where Ŵ is the mean and ŝ the sample standard deviation of φ = g·(ℓ(f, y) − ℓ(h, y)) over the n holdout
 * rows. Guarantee (union bound, normal approximation of each gate): for a stream of submissions fixed
 * before the holdout was drawn, none of which truly improves the model by α, the probability that any
 * of them is ever accepted is at most δ, however long the stream. Against adaptive hunters the only
 * feedback is the accept/reject bit, and the transcript bound ({@link AdaptivityBound}) applies. Early
 * queries meet a mild gate, later ones a strict one (δ = 0.05: z_1 = 1.88, z_2 = 2.43, z_10 = 3.43,
 * z_100 = 4.52, z_1000 = 5.42): an honest fix submitted early is accepted, a stream of noise is not, and a
 * holdout that has answered many queries should be rotated anyway. Stateless: t comes with the query.
 *
 * @param delta total false-acceptance probability δ in (0, 1)
 */
public record AlphaSpendingGuard(double delta) implements HoldoutGuard {
    /** The default δ = 0.05. */
    public static final double DEFAULT_DELTA = 0.05;

    public AlphaSpendingGuard {
        Preconditions.checkOpenInterval(delta, 0, 1, "delta");
    }

    /** δ = 0.05. */
    public static AlphaSpendingGuard standard() {
        return new AlphaSpendingGuard(DEFAULT_DELTA);
    }

    /** δ_t = 6δ/(π²t²), the level spent on the t-th holdout query. */
    public double levelAt(long t) {
        Preconditions.checkArgument(t >= 1, "the query index must be >= 1, got " + t);
        return 6 * delta / (Math.PI * Math.PI * (double) t * (double) t);
    }

    /** z_t = Φ⁻¹(1 − δ_t). */
    public double criticalValueAt(long t) {
        return -Gaussian.quantile(levelAt(t));
    }

    @Override
    public String name() {
        return "spending";
    }

    @Override
    public Optional<Reason> decide(GuardQuery q) {
        if (!q.exactPasses()) {
            return Optional.of(q.exactReason());
        }
        double bound = SignificanceGuard.lowerBound(q, criticalValueAt(q.queryIndex()));
        return bound >= q.alpha().doubleValue() ? Optional.empty() : Optional.of(Reason.NOT_SIGNIFICANT);
    }

    @Override
    public Map<String, String> state() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("guard", "spending");
        m.put("delta", Double.toString(delta));
        return m;
    }
}
