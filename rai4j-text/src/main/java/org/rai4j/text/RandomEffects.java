package org.rai4j.text;

import org.rai4j.core.Gaussian;
import org.rai4j.core.Preconditions;

/**
 * Random-effects meta-analysis with the DerSimonian–Laird (1986) moment estimator of the between-study variance,
 * exactly as CEAT combines its sampled effect sizes (Guo &amp; Caliskan 2021, {@code ceat_meta}):
 * {@code w_i = 1/v_i}, {@code Q = Σ w_i e_i² − (Σ w_i e_i)²/Σ w_i}, {@code df = k − 1},
 * {@code c = Σ w_i − Σ w_i²/Σ w_i}, {@code τ² = max(0, (Q − df)/c)}, {@code w*_i = 1/(v_i + τ²)},
 * {@code μ = Σ w*_i e_i / Σ w*_i}, {@code Var(μ) = 1/Σ w*_i}, {@code z = μ/sqrt(Var)}, one-sided
 * {@code p = 1 − Φ(z)}. Also reports the heterogeneity {@code I² = max(0, (Q − df)/Q)} (not in CEAT's code).
 * Pure function; thread-safe.
 */
public final class RandomEffects {
    private RandomEffects() {}

    /**
     * The combined estimate.
     *
     * @param estimate  μ, the combined effect size (CES)
     * @param variance  Var(μ) = 1/Σ w*_i
     * @param z         μ / sqrt(Var)
     * @param pValue    one-sided 1 − Φ(z)
     * @param tau2      τ², the between-study variance (0 when Q ≤ df)
     * @param q         Cochran's Q
     * @param df        k − 1
     * @param iSquared  max(0, (Q − df)/Q), 0 when Q = 0
     */
    public record Result(double estimate, double variance, double z, double pValue, double tau2, double q, int df,
                         double iSquared) {}

    /**
     * DerSimonian–Laird over effects {@code e} with within-study variances {@code v}.
     *
     * @throws IllegalArgumentException when fewer than 2 studies, lengths differ, or a variance is not > 0 and
     *                                  finite, or an effect is not finite
     */
    public static Result derSimonianLaird(double[] e, double[] v) {
        Preconditions.checkNotNull(e, "effects");
        Preconditions.checkNotNull(v, "variances");
        Preconditions.checkArgument(e.length == v.length,
                "effects and variances must have the same length, got " + e.length + " and " + v.length);
        Preconditions.checkArgument(e.length >= 2, "need at least 2 effects, got " + e.length);
        double sw = 0;
        double sw2 = 0;
        double swe = 0;
        double swe2 = 0;
        for (int i = 0; i < e.length; i++) {
            Preconditions.checkArgument(Double.isFinite(e[i]), "effect " + i + " must be finite, got " + e[i]);
            Preconditions.checkArgument(v[i] > 0 && Double.isFinite(v[i]),
                    "variance " + i + " must be > 0 and finite, got " + v[i]);
            double w = 1 / v[i];
            sw += w;
            sw2 += w * w;
            swe += w * e[i];
            swe2 += w * e[i] * e[i];
        }
        double q = swe2 - swe * swe / sw;
        int df = e.length - 1;
        double c = sw - sw2 / sw;
        double tau2 = q > df ? (q - df) / c : 0.0;
        double sws = 0;
        double swse = 0;
        for (int i = 0; i < e.length; i++) {
            double w = 1 / (v[i] + tau2);
            sws += w;
            swse += w * e[i];
        }
        double mu = swse / sws;
        double var = 1 / sws;
        double z = mu / Math.sqrt(var);
        double p = Gaussian.cdf(-z);
        double i2 = q > 0 ? Math.max(0, (q - df) / q) : 0.0;
        return new Result(mu, var, z, p, tau2, q, df, i2);
    }
}
