package org.rai4j.privacy.internal;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.rai4j.core.Gaussian;

/**
 * The privacy loss random variable (PRV) of one step of the Poisson-subsampled Gaussian mechanism
 * (Gopi, Lee and Wutschitz 2021, arXiv 2106.02848, Props. B1 and B4): {@code Y = L(X)} with
 * {@code L(x) = ln(1 − q + q·e^{(2x−1)/(2σ²)})} and {@code X ∼ (1−q)·N(0, σ²) + q·N(1, σ²)}. Its
 * distribution function is, for {@code t > ln(1−q)} and {@code z = ln((e^t + q − 1)/q)},
 * {@code F(t) = 1 − (q/2)·erfc((2zσ² − 1)/(2√2σ)) − ((1−q)/2)·erfc((2zσ² + 1)/(2√2σ))}, and 0 below.
 * Immutable.
 */
public final class SubsampledGaussianPrv {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private final double q;
    private final double sigma;
    private final double lowerSupport;

    /** The PRV for sampling rate q in (0, 1] and noise multiplier σ &gt; 0. */
    public SubsampledGaussianPrv(double q, double sigma) {
        this.q = q;
        this.sigma = sigma;
        this.lowerSupport = Math.log(1 - q);
    }

    /** F(t) = P(Y ≤ t). */
    public double cdf(double t) {
        if (!(t > lowerSupport)) {
            return 0.0;
        }
        double z = Math.log((Math.exp(t) + q - 1) / q);
        double s2 = sigma * sigma;
        double denom = 2 * SQRT2 * sigma;
        return -q * Gaussian.erfc((2 * z * s2 - 1) / denom) / 2
                - (1 - q) * Gaussian.erfc((2 * z * s2 + 1) / denom) / 2
                + 1.0;
    }

    /**
     * The mean of Y conditioned on {@code tMin ≤ Y ≤ tMax}: {@code ∫ L(x)p(x)dx / ∫ p(x)dx} over the x with
     * L(x) in that range, by composite 16-point Gauss–Legendre quadrature on panels of width σ/4 (the
     * integrand is smooth on the scale σ; the error is far below 1e-13). Mass further than 40σ from the
     * mixture components is ignored (below e^{−800}).
     */
    public double truncatedMean(double tMin, double tMax) {
        double xLo = tMin > lowerSupport ? xOf(tMin) : Double.NEGATIVE_INFINITY;
        double xHi = xOf(tMax);
        xLo = Math.max(xLo, -40 * sigma);
        xHi = Math.min(xHi, 1 + 40 * sigma);
        if (!(xHi > xLo)) {
            return 0.5 * (tMin + tMax);
        }
        double width = sigma / 4;
        int panels = (int) Math.ceil((xHi - xLo) / width);
        double h = (xHi - xLo) / panels;
        double num = 0;
        double den = 0;
        GaussIntegrator unit = GAUSS.legendreHighPrecision(16, 0, 1);
        int n = unit.getNumberOfPoints();
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            nodes[k] = unit.getPoint(k);
            weights[k] = unit.getWeight(k);
        }
        for (int p = 0; p < panels; p++) {
            double a = xLo + p * h;
            for (int k = 0; k < n; k++) {
                double x = a + nodes[k] * h;
                double w = weights[k] * h * density(x);
                num += w * loss(x);
                den += w;
            }
        }
        return num / den;
    }

    /** The x with L(x) = t, for t &gt; ln(1−q). */
    private double xOf(double t) {
        double z = Math.log((Math.exp(t) + q - 1) / q);
        return z * sigma * sigma + 0.5;
    }

    private double loss(double x) {
        double z = (2 * x - 1) / (2 * sigma * sigma);
        // ln(1 − q + q·e^z), stably for large z
        if (z > 0) {
            return z + Math.log(q + (1 - q) * Math.exp(-z));
        }
        return Math.log1p(q * Math.expm1(z));
    }

    private double density(double x) {
        return ((1 - q) * Gaussian.pdf(x / sigma) + q * Gaussian.pdf((x - 1) / sigma)) / sigma;
    }
}
