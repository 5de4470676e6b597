package org.rai4j.privacy;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.rai4j.core.Gaussian;

import java.util.List;

/**
 * Gaussian differential privacy via the central limit theorem (Bu, Dong, Long and Su 2019, "Deep learning
 * with Gaussian differential privacy", arXiv 1911.11607), as in Opacus's {@code GaussianAccountant} with
 * Poisson sampling: {@code μ = q·√(T·(e^{1/σ²} − 1))}, and ε solves
 * {@code δ = Φ(−ε/μ + μ/2) − e^ε·Φ(−ε/μ − μ/2)} (Brent's method on [0, 500]).
 *
 * <p><b>Informational only: this is an approximation, not an upper bound.</b> It can underestimate ε
 * badly when few steps are composed or q is large (e.g. q = 0.01, σ = 1, T = 1 gives 0.037 against a
 * tight 0.199). Heterogeneous segments combine as {@code μ² = Σ T·q²·(e^{1/σ²} − 1)} (the same CLT;
 * Opacus refuses them). Pure static functions; thread-safe.
 */
public final class Gdp {
    private Gdp() {}

    /** μ of the composed mechanism under the CLT. */
    public static double mu(List<Segment> segments) {
        double mu2 = 0;
        for (Segment s : segments) {
            if (s.steps() == 0 || s.sampleRate() == 0) {
                continue;
            }
            if (s.noiseMultiplier() == 0) {
                return Double.POSITIVE_INFINITY;
            }
            double q = s.sampleRate();
            mu2 += s.steps() * q * q * Math.expm1(1 / (s.noiseMultiplier() * s.noiseMultiplier()));
        }
        return Math.sqrt(mu2);
    }

    /** δ(ε) of μ-GDP: {@code Φ(−ε/μ + μ/2) − e^ε·Φ(−ε/μ − μ/2)}. */
    public static double delta(double epsilon, double mu) {
        return Gaussian.cdf(-epsilon / mu + mu / 2) - Math.exp(epsilon) * Gaussian.cdf(-epsilon / mu - mu / 2);
    }

    /**
     * ε of μ-GDP at δ: the root of δ(ε) = δ in [0, 500] (absolute accuracy 2e-12, as scipy's brentq).
     * Returns 0 when even ε = 0 meets δ, and +∞ when μ is infinite or ε would exceed 500.
     */
    public static double epsilon(double mu, double delta) {
        Rdp.checkDelta(delta);
        if (mu == 0) {
            return 0;
        }
        if (Double.isInfinite(mu)) {
            return Double.POSITIVE_INFINITY;
        }
        if (delta(0, mu) <= delta) {
            return 0;
        }
        if (delta(500, mu) > delta) {
            return Double.POSITIVE_INFINITY;
        }
        BrentSolver solver = new BrentSolver(8.881784197001252e-16, 2e-12);
        return solver.solve(1000, e -> delta(e, mu) - delta, 0, 500);
    }

    /** ε of the composition of the segments at δ. */
    public static double epsilon(List<Segment> segments, double delta) {
        return epsilon(mu(segments), delta);
    }
}
