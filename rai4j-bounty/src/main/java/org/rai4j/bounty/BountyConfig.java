package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.math.BigDecimal;

/**
 * The parameters of a bounty's decisions (spec §1.2, §1.4). Exact decimals so that 0-1-loss
 * decisions compare integers with α·n exactly. Immutable.
 *
 * @param alpha        α &gt; 0: accept iff E_f(g) − E_h(g) ≥ α·n
 * @param repairAlpha  α_r ≥ 0: repair a group when its error count rose more than α_r·n above its best
 *                     since introduction (0 = group errors never rise)
 * @param minGroupSize n_min ≥ 1: minimum holdout rows in a group
 * @param minGroupMass μ_min in [0, 1]: minimum holdout mass of a group (rows ≥ ⌈μ_min·n⌉)
 */
public record BountyConfig(BigDecimal alpha, BigDecimal repairAlpha, int minGroupSize, BigDecimal minGroupMass) {
    public BountyConfig {
        Preconditions.checkNotNull(alpha, "alpha");
        Preconditions.checkNotNull(repairAlpha, "repairAlpha");
        Preconditions.checkNotNull(minGroupMass, "minGroupMass");
        Preconditions.checkArgument(alpha.signum() > 0,
                "alpha must be > 0, got " + alpha);
        Preconditions.checkArgument(repairAlpha.signum() >= 0, "repair alpha must be >= 0, got " + repairAlpha);
        Preconditions.checkAtLeast(minGroupSize, 1, "minGroupSize");
        Preconditions.checkArgument(minGroupMass.signum() >= 0 && minGroupMass.compareTo(BigDecimal.ONE) <= 0,
                "minimum group mass must be in [0, 1], got " + minGroupMass);
    }

    /** α as given, α_r = 0, at least 30 rows (spec §2.6), no mass minimum. */
    public static BountyConfig of(String alpha) {
        return new BountyConfig(new BigDecimal(alpha), BigDecimal.ZERO, 30, BigDecimal.ZERO);
    }
}
