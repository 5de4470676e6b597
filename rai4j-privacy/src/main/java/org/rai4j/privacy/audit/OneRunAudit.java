package org.rai4j.privacy.audit;

import org.hipparchus.special.Gamma;
import org.rai4j.core.Preconditions;

/**
 * The one-run privacy audit of Steinke, Nasr and Jagielski, "Privacy Auditing with One (1) Training Run"
 * (NeurIPS 2023, arXiv 2305.08846): m canaries are each included in the training data independently with
 * probability ½; after one training run the auditor guesses in or out for r of them (abstaining on the rest)
 * and is right v times. If training is (ε, δ)-DP, the number of correct guesses is stochastically dominated
 * by Binomial(r, e^ε/(1+e^ε)) up to a δ term (their Theorem 3.1), so a large v rejects ε.
 *
 * <p>This class reproduces the paper's reference procedure (its Appendix D code, also shipped by
 * ML Privacy Meter {@code audit.py}): the p-value is P[Binomial(r, q_ε) ≥ v] + α·δ·2m with
 * α = max_{1≤i≤v} P[v &gt; Binomial(r, q_ε) ≥ v − i]/i, capped at 1; the bound is found by stepping
 * ε_max = 1, 2, … until the p-value reaches β, then 30 bisections of [0, ε_max], returning the lower end
 * (the largest ε known to be rejected). Binomial probabilities are computed in log space, so large r and
 * large ε do not underflow.
 */
public final class OneRunAudit {
    private static final int BISECTIONS = 30;

    private OneRunAudit() {}

    /**
     * An ε lower bound of the one-run audit and the counts it came from.
     *
     * @param canaries          m, the number of canaries (each included with probability ½)
     * @param guesses           r, the number of guesses (canaries not abstained on)
     * @param correct           v, the number of correct guesses
     * @param delta             δ of the null hypothesis
     * @param beta              β = 1 − confidence
     * @param epsilonLowerBound the largest ε the counts reject at confidence 1 − β (0 when none)
     */
    public record Bound(int canaries, int guesses, int correct, double delta, double beta, double epsilonLowerBound) {}

    /**
     * The ε lower bound at confidence 1 − β: training is not (ε, δ)-DP for any ε below it, unless an event of
     * probability at most β happened.
     *
     * @param canaries m ≥ 1
     * @param guesses  r with 0 ≤ r ≤ m
     * @param correct  v with 0 ≤ v ≤ r
     * @param delta    δ in [0, 1]
     * @param beta     β in (0, 1), e.g. 0.05 for 95% confidence
     */
    public static Bound epsilonLowerBound(int canaries, int guesses, int correct, double delta, double beta) {
        checkCounts(canaries, guesses, correct);
        checkDelta(delta);
        Preconditions.checkArgument(beta > 0 && beta < 1,
                "beta (1 - confidence) must be in (0, 1), e.g. 0.05 for 95% confidence; got " + beta);
        double[] logChoose = logChoose(guesses);
        double epsMin = 0;
        double epsMax = 1;
        while (pValue(canaries, correct, epsMax, delta, logChoose) < beta) {
            epsMax += 1;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double eps = (epsMin + epsMax) / 2;
            if (pValue(canaries, correct, eps, delta, logChoose) < beta) {
                epsMin = eps;
            } else {
                epsMax = eps;
            }
        }
        return new Bound(canaries, guesses, correct, delta, beta, epsMin);
    }

    /**
     * The p-value of v or more correct guesses out of r under the null hypothesis "training is (ε, δ)-DP":
     * P[Binomial(r, q) ≥ v] + α·δ·2m with q = 1/(1 + e^{−ε}), capped at 1.
     */
    public static double pValue(int canaries, int guesses, int correct, double epsilon, double delta) {
        checkCounts(canaries, guesses, correct);
        checkDelta(delta);
        Preconditions.checkArgument(epsilon >= 0, "epsilon must be >= 0, got " + epsilon);
        return pValue(canaries, correct, epsilon, delta, logChoose(guesses));
    }

    private static double pValue(int canaries, int v, double epsilon, double delta, double[] logChoose) {
        int r = logChoose.length - 1;
        double[] pmf = binomialPmf(epsilon, logChoose);
        double tail = 0;
        for (int k = r; k >= v; k--) {
            tail += pmf[k];
        }
        double p = tail;
        if (delta > 0) {
            double alpha = 0;
            double sum = 0;
            for (int i = 1; i <= v; i++) {
                sum += pmf[v - i];
                if (sum > i * alpha) {
                    alpha = sum / i;
                }
            }
            p = tail + alpha * delta * 2.0 * canaries;
        }
        return Math.min(p, 1.0);
    }

    /** P[Binomial(r, q) = k] for k = 0..r with q = 1/(1 + e^{−ε}), from logarithms (ln q and ln(1 − q) exact for large ε). */
    private static double[] binomialPmf(double epsilon, double[] logChoose) {
        int r = logChoose.length - 1;
        double log1pE = Math.log1p(Math.exp(-epsilon));
        double logQ = -log1pE;
        double log1mQ = -epsilon - log1pE;
        double[] pmf = new double[r + 1];
        for (int k = 0; k <= r; k++) {
            pmf[k] = Math.exp(logChoose[k] + k * logQ + (r - k) * log1mQ);
        }
        return pmf;
    }

    /** ln C(r, k) for k = 0..r. */
    private static double[] logChoose(int r) {
        double logRFact = Gamma.logGamma(r + 1.0);
        double[] out = new double[r + 1];
        for (int k = 0; k <= r; k++) {
            out[k] = logRFact - Gamma.logGamma(k + 1.0) - Gamma.logGamma(r - k + 1.0);
        }
        return out;
    }

    private static void checkCounts(int m, int r, int v) {
        Preconditions.checkArgument(m >= 1, "the number of canaries must be >= 1, got " + m);
        Preconditions.checkArgument(r >= 0 && r <= m,
                "the number of guesses must be in [0, canaries=" + m + "], got " + r);
        Preconditions.checkArgument(v >= 0 && v <= r,
                "the number of correct guesses must be in [0, guesses=" + r + "], got " + v);
    }

    private static void checkDelta(double delta) {
        Preconditions.checkArgument(delta >= 0 && delta <= 1, "delta must be in [0, 1], got " + delta);
    }
}
