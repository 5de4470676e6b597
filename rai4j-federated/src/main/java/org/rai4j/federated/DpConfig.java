package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * User-level DP-FedAvg (McMahan, Ramage, Talwar, Zhang, ICLR 2018) with the fixed-denominator estimator:
 * clients are Poisson-sampled with probability q; each update is clipped to L2 norm S
 * ({@code Δ_k · min(1, S/‖Δ_k‖)}); the server averages with uniform weights over the <em>expected</em>
 * cohort, {@code Σ_{k∈C} Δ_k / (qN)} (sensitivity S/(qN)), and adds {@code N(0, (z·S/(qN))²)} to every
 * coordinate. ε is that of the Poisson-subsampled Gaussian mechanism with (q, z) composed over the rounds,
 * from the RDP accountant of {@code rai4j-privacy}. Immutable.
 *
 * @param clipNorm        S &gt; 0
 * @param noiseMultiplier z ≥ 0
 * @param delta           δ in (0, 1) at which ε is reported
 */
public record DpConfig(double clipNorm, double noiseMultiplier, double delta) {
    public DpConfig {
        Preconditions.checkPositive(clipNorm, "clip norm");
        Preconditions.checkNonNegative(noiseMultiplier, "noise multiplier");
        Preconditions.checkArgument(delta > 0 && delta < 1, "delta must be in (0, 1), got " + delta);
    }
}
