package org.rai4j.privacy.audit;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.rai4j.core.Preconditions;

/**
 * An empirical lower bound on ε from one membership test's confusion counts (Jagielski, Ullman and Oprea 2020,
 * arXiv 2006.07709; Nasr et al. 2021). For an (ε, δ)-DP training algorithm every test satisfies
 * TPR ≤ e^ε·FPR + δ and TNR ≤ e^ε·FNR + δ, hence
 * <pre>ε ≥ max( ln((TPR_lo − δ)/FPR_hi), ln((1 − FPR_hi − δ)/(1 − TPR_lo)) )</pre>
 * where TPR_lo and FPR_hi are one-sided Clopper–Pearson bounds each at level β/2, so both hold together with
 * probability at least 1 − β and the maximum is a valid bound at confidence 1 − β. With δ = 0 the first term is
 * TensorFlow Privacy's {@code RatioBound} Clopper–Pearson bound ({@code epsilon_lower_bound.py}, which spends
 * α/2 on each proportion). Negative values are reported as 0.
 *
 * <p>The counts must come from a threshold fixed before looking at them (chosen on separate data): picking the
 * best of many thresholds on the same counts voids the confidence statement.
 */
public final class EmpiricalEpsilon {
    private static final double INVERSE_ACCURACY = 1e-15;

    private EmpiricalEpsilon() {}

    /**
     * A Clopper–Pearson ε lower bound and the pieces it came from.
     *
     * @param truePositives     members the test called members
     * @param members           members tested
     * @param falsePositives    non-members the test called members
     * @param nonMembers        non-members tested
     * @param delta             δ of the guarantee being tested
     * @param beta              β = 1 − confidence
     * @param tprLower          one-sided lower Clopper–Pearson bound on TPR at level β/2
     * @param fprUpper          one-sided upper Clopper–Pearson bound on FPR at level β/2
     * @param epsilonLowerBound the bound (≥ 0)
     */
    public record Bound(long truePositives, long members, long falsePositives, long nonMembers, double delta,
                        double beta, double tprLower, double fprUpper, double epsilonLowerBound) {}

    /**
     * The ε lower bound at confidence 1 − β from a test's counts.
     *
     * @param truePositives  0 ≤ tp ≤ members
     * @param members        ≥ 1
     * @param falsePositives 0 ≤ fp ≤ nonMembers
     * @param nonMembers     ≥ 1
     * @param delta          δ in [0, 1)
     * @param beta           β in (0, 1)
     */
    public static Bound clopperPearson(long truePositives, long members, long falsePositives, long nonMembers,
                                       double delta, double beta) {
        Preconditions.checkArgument(members >= 1 && nonMembers >= 1,
                "need at least one member and one non-member, got " + members + " and " + nonMembers);
        Preconditions.checkArgument(truePositives >= 0 && truePositives <= members,
                "true positives must be in [0, members=" + members + "], got " + truePositives);
        Preconditions.checkArgument(falsePositives >= 0 && falsePositives <= nonMembers,
                "false positives must be in [0, non-members=" + nonMembers + "], got " + falsePositives);
        Preconditions.checkArgument(delta >= 0 && delta < 1, "delta must be in [0, 1), got " + delta);
        Preconditions.checkArgument(beta > 0 && beta < 1,
                "beta (1 - confidence) must be in (0, 1), e.g. 0.05 for 95% confidence; got " + beta);
        double tprLo = lower(truePositives, members, beta / 2);
        double fprHi = upper(falsePositives, nonMembers, beta / 2);
        double eps = Math.max(0.0, Math.max(logRatio(tprLo - delta, fprHi), logRatio(1 - fprHi - delta, 1 - tprLo)));
        return new Bound(truePositives, members, falsePositives, nonMembers, delta, beta, tprLo, fprHi, eps);
    }

    /** One-sided lower Clopper–Pearson bound on a proportion k/n at level a: the a-quantile of Beta(k, n − k + 1); 0 when k = 0. */
    public static double lower(long k, long n, double a) {
        if (k == 0) {
            return 0.0;
        }
        return new BetaDistribution(k, n - k + 1.0, INVERSE_ACCURACY).inverseCumulativeProbability(a);
    }

    /** One-sided upper Clopper–Pearson bound on a proportion k/n at level a: the (1 − a)-quantile of Beta(k + 1, n − k); 1 when k = n. */
    public static double upper(long k, long n, double a) {
        if (k == n) {
            return 1.0;
        }
        return 1.0 - lower(n - k, n, a);
    }

    private static double logRatio(double num, double den) {
        if (!(num > 0)) {
            return 0.0;
        }
        if (!(den > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(num / den);
    }
}
