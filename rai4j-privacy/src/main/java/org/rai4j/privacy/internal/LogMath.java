package org.rai4j.privacy.internal;

import org.rai4j.core.Gaussian;

/**
 * Arithmetic on numbers held as their natural logarithm (0 is {@code -∞}), and {@code log erfc(x)}
 * accurate far into the upper tail where {@code erfc} itself underflows. Pure static functions.
 */
public final class LogMath {
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double CF_THRESHOLD = 2.5;

    private LogMath() {}

    /** log(e^a + e^b). */
    public static double logAdd(double a, double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return Math.log1p(Math.exp(lo - hi)) + hi;
    }

    /**
     * log(e^a − e^b) for a ≥ b.
     *
     * @throws ArithmeticException when a &lt; b (the difference would be negative)
     */
    public static double logSub(double a, double b) {
        if (a < b) {
            throw new ArithmeticException("log-space subtraction with a negative result: log(e^" + a + " - e^" + b + ")");
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        double em1 = Math.expm1(a - b);
        if (Double.isInfinite(em1)) {
            return a; // e^b is negligible next to e^a
        }
        return Math.log(em1) + b;
    }

    /**
     * log erfc(x) for any finite x, with about 1e-13 relative accuracy of erfc below x = 2.5 (where it is
     * 1 − erf by a series of positive terms) and full double accuracy above (the Laplace continued
     * fraction, evaluated in log space so that it never underflows).
     */
    public static double logErfc(double x) {
        if (x < CF_THRESHOLD) {
            return Math.log(Gaussian.erfc(x));
        }
        // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), modified Lentz.
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k * 0.5;
            d = x + a * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = x + a / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return -x * x - LOG_SQRT_PI - Math.log(f);
    }
}
