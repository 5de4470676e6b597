package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.math.BigDecimal;

/**
 * The parameters of a bounty's decisions (spec §1.2, §1.4, §2.6). Exact decimals so that 0-1-loss
 * decisions compare integers with α·n exactly. Immutable.
 *
 * @param alpha        α &gt; 0: accept iff E_f(g) − E_h(g) ≥ α·n
 * @param repairAlpha  α_r ≥ 0: repair a group when its error count rose more than α_r·n above its best
 *                     since introduction (0 = group errors never rise)
 * @param minGroupSize n_min ≥ 1: minimum rows of a group, in the public training split (a public check)
 *                     and in the holdout (part of the exact test)
 * @param minGroupMass μ_min in [0, 1]: minimum mass of a group (rows ≥ ⌈μ_min·n⌉ of each split)
 * @param teamBudget   holdout queries allowed per team (≥ 1); further submissions of the team are
 *                     rejected as {@link Reason#TEAM_BUDGET_EXHAUSTED} without touching the holdout
 * @param globalBudget holdout queries allowed in total before the holdout must be rotated (≥ 1);
 *                     then every submission is {@link Reason#BUDGET_EXHAUSTED}
 */
public record BountyConfig(BigDecimal alpha, BigDecimal repairAlpha, int minGroupSize, BigDecimal minGroupMass,
                           int teamBudget, int globalBudget) {
    /** Default holdout queries per team. */
    public static final int DEFAULT_TEAM_BUDGET = 50;
    /** Default holdout queries per holdout. */
    public static final int DEFAULT_GLOBAL_BUDGET = 1000;

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
        Preconditions.checkAtLeast(teamBudget, 1, "teamBudget");
        Preconditions.checkAtLeast(globalBudget, 1, "globalBudget");
    }

    /** The given decision parameters with the default budgets (50 holdout queries per team, 1,000 in all). */
    public BountyConfig(BigDecimal alpha, BigDecimal repairAlpha, int minGroupSize, BigDecimal minGroupMass) {
        this(alpha, repairAlpha, minGroupSize, minGroupMass, DEFAULT_TEAM_BUDGET, DEFAULT_GLOBAL_BUDGET);
    }

    /** α as given, α_r = 0, at least 30 rows (spec §2.6), no mass minimum, default budgets. */
    public static BountyConfig of(String alpha) {
        return new BountyConfig(new BigDecimal(alpha), BigDecimal.ZERO, 30, BigDecimal.ZERO);
    }

    /** This configuration with other budgets. */
    public BountyConfig withBudgets(int perTeam, int global) {
        return new BountyConfig(alpha, repairAlpha, minGroupSize, minGroupMass, perTeam, global);
    }
}
