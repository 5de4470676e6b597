package org.rai4j.privacy;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * ε(σ) for one calibration (fixed q, T, δ): memoised evaluations, and comparisons that are decided from
 * evaluated neighbours when ε is monotone — ε(σ) ≥ ε(p) for p &gt; σ and ε(σ) ≤ ε(p) for p &lt; σ — without
 * evaluating. A neighbour counts only when it is at least 1e-9 relative away (far beyond the floating-point
 * noise of an evaluation), so every comparison has the outcome that evaluating would give, and a search
 * written with these comparisons returns exactly what it returns with plain evaluations; {@link #locate}
 * only adds evaluations near the roots so that most comparisons of a bisection need none. Not thread-safe.
 */
final class EpsilonCurve {
    private static final double MARGIN = 1e-9;
    private final DoubleUnaryOperator epsilon;
    private final boolean monotone;
    private final TreeMap<Double, Double> points = new TreeMap<>();
    private int evaluations;

    /**
     * @param epsilon  σ ↦ ε(σ)
     * @param monotone whether ε is non-increasing in σ (false: every comparison evaluates)
     */
    EpsilonCurve(DoubleUnaryOperator epsilon, boolean monotone) {
        this.epsilon = epsilon;
        this.monotone = monotone;
    }

    /** ε(σ), evaluated once. */
    double value(double sigma) {
        Double v = points.get(sigma);
        if (v == null) {
            v = epsilon.applyAsDouble(sigma);
            points.put(sigma, v);
            evaluations++;
        }
        return v;
    }

    /** Number of evaluations so far. */
    int evaluations() {
        return evaluations;
    }

    /** A lower bound on ε(σ) from an evaluated point to its right (−∞ without one). */
    private double lower(double sigma) {
        if (!monotone) {
            return Double.NEGATIVE_INFINITY;
        }
        Map.Entry<Double, Double> e = points.ceilingEntry(sigma * (1 + MARGIN));
        return e == null ? Double.NEGATIVE_INFINITY : e.getValue();
    }

    /** An upper bound on ε(σ) from an evaluated point to its left (+∞ without one). */
    private double upper(double sigma) {
        if (!monotone) {
            return Double.POSITIVE_INFINITY;
        }
        Map.Entry<Double, Double> e = points.floorEntry(sigma * (1 - MARGIN));
        return e == null ? Double.POSITIVE_INFINITY : e.getValue();
    }

    /** ε(σ) &gt; t. */
    boolean above(double sigma, double t) {
        Double v = points.get(sigma);
        if (v == null) {
            if (lower(sigma) > t) {
                return true;
            }
            if (upper(sigma) <= t) {
                return false;
            }
            v = value(sigma);
        }
        return v > t;
    }

    /** ε(σ) &lt; t. */
    boolean below(double sigma, double t) {
        Double v = points.get(sigma);
        if (v == null) {
            if (lower(sigma) >= t) {
                return false;
            }
            if (upper(sigma) < t) {
                return true;
            }
            v = value(sigma);
        }
        return v < t;
    }

    /** {@code target − ε(σ) > tolerance}, as computed in floating point (subtraction rounds monotonically). */
    boolean shortOfTarget(double sigma, double target, double tolerance) {
        Double v = points.get(sigma);
        if (v == null) {
            if (target - upper(sigma) > tolerance) {
                return true;
            }
            if (target - lower(sigma) <= tolerance) {
                return false;
            }
            v = value(sigma);
        }
        return target - v > tolerance;
    }

    /**
     * Evaluates ε near the σ in (low, high] where it crosses each level (secant steps on log ε against log σ,
     * safeguarded by the bracket), until an evaluated pair brackets each crossing to 1% (the bisection evaluates inside a bracket itself) or eight
     * evaluations per level are spent. Changes no outcome; only makes later comparisons cheap.
     */
    void locate(double low, double high, double... levels) {
        if (!monotone) {
            return;
        }
        for (double t : levels) {
            if (!(t > 0)) {
                continue;
            }
            double x0 = Double.NaN;
            double x1 = Double.NaN;
            for (int i = 0; i < 8; i++) {
                Map.Entry<Double, Double> b = null; // smallest evaluated σ in (low, high] with ε ≤ t
                Map.Entry<Double, Double> a = null; // largest evaluated σ in (low, b) with ε > t
                for (Map.Entry<Double, Double> e : points.subMap(low, false, high, true).entrySet()) {
                    if (e.getValue() <= t) {
                        b = e;
                        break;
                    }
                    a = e;
                }
                if (b == null) {
                    break;
                }
                double lo = a == null ? low : a.getKey();
                double hi = b.getKey();
                if (a != null && hi - lo <= 1e-2 * hi) {
                    break;
                }
                double x = Double.NaN;
                if (!Double.isNaN(x0) && !Double.isNaN(x1) && x0 != x1) { // secant through the two latest points
                    double f0 = Math.log(points.get(x0)) - Math.log(t);
                    double f1 = Math.log(points.get(x1)) - Math.log(t);
                    double l0 = Math.log(x0);
                    double l1 = Math.log(x1);
                    if (f1 != f0 && Double.isFinite(f0) && Double.isFinite(f1)) {
                        x = Math.exp(l1 - f1 * (l1 - l0) / (f1 - f0));
                        if (Math.abs(x - x1) < 2e-6 * x1) { // converged: step just across the crossing
                            x = points.get(x1) > t ? x1 * (1 + 4e-6) : x1 * (1 - 4e-6);
                        }
                    }
                } else if (b.getValue() > 0) { // ε roughly ∝ 1/σ
                    x = hi * b.getValue() / t;
                }
                if (!(x > lo && x < hi)) {
                    x = lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
                }
                if (points.containsKey(x)) {
                    break;
                }
                value(x);
                x0 = Double.isNaN(x1) ? hi : x1;
                x1 = x;
            }
        }
    }
}
