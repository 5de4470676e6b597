package org.rai4j.privacy;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.rai4j.core.Preconditions;

/**
 * The noise multiplier σ that makes training meet a target (ε, δ). Pure static functions; thread-safe.
 *
 * <p>{@link #noiseMultiplier} reproduces Opacus's {@code get_noise_multiplier} (same search, same
 * tolerance, so the same σ): start with σ_high = 10 and double it until ε(σ_high) ≤ target (failing
 * beyond 10⁶: "budget too low"), then bisect [0, σ_high], keeping the upper end where ε &lt; target, until
 * target − ε(σ_high) ≤ 0.01. The result is guaranteed to meet the target and is within 0.01 of it in ε.
 * {@link #exactNoiseMultiplier} continues with Brent's method to the σ with ε(σ) = target (to 1e-12 in σ).
 */
public final class NoiseCalibration {
    /** Opacus's {@code epsilon_tolerance}. */
    public static final double OPACUS_EPSILON_TOLERANCE = 0.01;
    /** Opacus's {@code MAX_SIGMA}. */
    public static final double MAX_NOISE_MULTIPLIER = 1e6;
    /**
     * Bisection steps before the search gives up (bounded work). Opacus's loop has no cap; for any target
     * that σ can resolve it stops after about 20–40 steps, and 100 halvings of [0, 2·10⁶] reach 1.6e-24.
     */
    public static final int MAX_BISECTION_STEPS = 100;

    private NoiseCalibration() {}

    /**
     * A noise multiplier and the ε it gives.
     *
     * @param noiseMultiplier σ
     * @param epsilon         ε(σ) under the accountant used
     */
    public record Calibrated(double noiseMultiplier, double epsilon) {}

    /** Opacus's bisection ({@code get_noise_multiplier}, tolerance 0.01). */
    public static Calibrated noiseMultiplier(double targetEpsilon, double delta, double sampleRate, long steps,
                                             Accountant accountant) {
        return noiseMultiplier(targetEpsilon, delta, sampleRate, steps, accountant, OPACUS_EPSILON_TOLERANCE);
    }

    /**
     * Opacus's bisection with a chosen ε tolerance.
     *
     * @throws IllegalArgumentException when no σ ≤ 10⁶ meets the target ("the privacy budget is too low")
     */
    public static Calibrated noiseMultiplier(double targetEpsilon, double delta, double sampleRate, long steps,
                                             Accountant accountant, double epsilonTolerance) {
        check(targetEpsilon, delta, sampleRate, steps);
        Preconditions.checkPositive(epsilonTolerance, "epsilon tolerance");
        // RDP and GDP are monotone in σ, so comparisons far from the two roots are decided from evaluated
        // neighbours; PRV's grid makes it only approximately monotone, so every comparison evaluates.
        EpsilonCurve eps = new EpsilonCurve(s -> accountant.epsilon(s, sampleRate, steps, delta),
                accountant != Accountant.PRV);
        double low = 0;
        double high = 10;
        do {
            high = 2 * high;
            if (high > MAX_NOISE_MULTIPLIER) {
                throw new IllegalArgumentException("the privacy budget is too low: even noise multiplier " + high
                        + " gives epsilon " + eps.value(high) + " > target " + targetEpsilon + " (q=" + sampleRate
                        + ", steps=" + steps + ", delta=" + delta + ")");
            }
        } while (eps.above(high, targetEpsilon));
        eps.locate(low, high, targetEpsilon, targetEpsilon - epsilonTolerance);
        int bisections = 0;
        while (eps.shortOfTarget(high, targetEpsilon, epsilonTolerance)) {
            if (++bisections > MAX_BISECTION_STEPS) {
                throw new IllegalArgumentException("cannot calibrate to target epsilon " + targetEpsilon + " within "
                        + epsilonTolerance + ": after " + MAX_BISECTION_STEPS + " bisection steps noise multiplier "
                        + high + " gives epsilon " + eps.value(high) + " (a target this large is no meaningful privacy "
                        + "guarantee; choose a smaller target)");
            }
            double sigma = (low + high) / 2;
            if (eps.below(sigma, targetEpsilon)) {
                high = sigma;
            } else {
                low = sigma;
            }
        }
        return new Calibrated(high, eps.value(high));
    }

    /**
     * The σ with ε(σ) = target, to 1e-12 absolute in σ (Brent's method, bracketed by the bisection), rounded
     * to the safe side: the result always has ε(σ) ≤ target. When Brent's root lands a hair above the target
     * (ε is evaluated in floating point), bisection between it and the bracket's safe end moves it to the
     * smallest σ found with ε(σ) ≤ target.
     *
     * @throws IllegalArgumentException when no σ ≤ 10⁶ meets the target
     */
    public static Calibrated exactNoiseMultiplier(double targetEpsilon, double delta, double sampleRate, long steps,
                                                  Accountant accountant) {
        Calibrated upper = noiseMultiplier(targetEpsilon, delta, sampleRate, steps, accountant);
        if (upper.epsilon() == targetEpsilon) {
            return upper;
        }
        double high = upper.noiseMultiplier();
        double low = high / 2;
        while (accountant.epsilon(low, sampleRate, steps, delta) <= targetEpsilon) {
            high = low;
            low = low / 2;
            if (low < 1e-6) {
                return upper; // ε stays below the target as σ → 0 only when q = 0; keep the bisection answer
            }
        }
        BrentSolver solver = new BrentSolver(1e-15, 1e-12);
        double sigma = solver.solve(200, s -> accountant.epsilon(s, sampleRate, steps, delta) - targetEpsilon, low, high);
        double eps = accountant.epsilon(sigma, sampleRate, steps, delta);
        if (eps <= targetEpsilon) {
            return new Calibrated(sigma, eps);
        }
        // ε(high) ≤ target by construction: bisect [sigma, high] keeping the safe end.
        double unsafe = sigma;
        double safe = high;
        double safeEps = accountant.epsilon(high, sampleRate, steps, delta);
        for (int i = 0; i < MAX_BISECTION_STEPS && Math.nextUp(unsafe) < safe; i++) {
            double mid = unsafe + (safe - unsafe) / 2;
            double e = accountant.epsilon(mid, sampleRate, steps, delta);
            if (e <= targetEpsilon) {
                safe = mid;
                safeEps = e;
            } else {
                unsafe = mid;
            }
        }
        return new Calibrated(safe, safeEps);
    }

    private static void check(double targetEpsilon, double delta, double sampleRate, long steps) {
        Preconditions.checkPositive(targetEpsilon, "target epsilon");
        Rdp.checkDelta(delta);
        Preconditions.checkArgument(sampleRate > 0 && sampleRate <= 1, "sample rate must be in (0, 1], got " + sampleRate);
        Preconditions.checkAtLeast(steps, 1L, "steps");
    }
}
