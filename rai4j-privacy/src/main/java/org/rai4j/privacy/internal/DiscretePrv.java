package org.rai4j.privacy.internal;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.ArrayList;
import java.util.List;

/**
 * A privacy loss random variable discretised on a grid: {@code pmf[i]} is the mass at {@code grid.t_i}.
 * Composition is convolution of mass functions: N-fold self-composition by FFT (circular, with the
 * index bookkeeping that keeps t = 0 in place), different variables by linear convolution truncated to
 * the grid (Gopi, Lee and Wutschitz 2021, §5). The arrays are owned by the instance and never exposed to
 * callers outside this package's algorithms.
 *
 * @param pmf  mass at each grid point
 * @param grid the grid
 */
public record DiscretePrv(double[] pmf, PrvGrid grid) {
    public DiscretePrv {
        if (pmf.length != grid.size()) {
            throw new IllegalArgumentException("pmf has " + pmf.length + " points, grid has " + grid.size());
        }
    }

    /**
     * Discretises a truncated PRV on {@code grid}: mass of cell i = F(t_i + dt/2) − F(t_i − dt/2) under
     * the distribution truncated to [tMin, tMax] and renormalised, then shifts the grid so that the
     * discrete mean equals the continuous (truncated) mean.
     *
     * @throws IllegalStateException when the mean correction is half a grid cell or more
     */
    public static DiscretePrv discretise(SubsampledGaussianPrv prv, PrvGrid grid) {
        int n = grid.size();
        double[] t = grid.points();
        double dt = grid.dt();
        double cdfMin = prv.cdf(grid.tMin());
        double mass = prv.cdf(grid.tMax()) - cdfMin;
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double edge = i < n ? t[i] - dt / 2 : t[n - 1] + dt / 2;
            edges[i] = truncatedCdf(prv, edge, grid.tMin(), grid.tMax(), cdfMin, mass);
        }
        double[] pmf = new double[n];
        double meanDiscrete = 0;
        for (int i = 0; i < n; i++) {
            pmf[i] = edges[i + 1] - edges[i];
            meanDiscrete += t[i] * pmf[i];
        }
        double meanContinuous = prv.truncatedMean(grid.tMin(), grid.tMax());
        double shift = meanContinuous - meanDiscrete;
        if (Math.abs(shift) >= dt / 2) {
            throw new IllegalStateException("the discrete PRV mean differs from the continuous mean by " + shift
                    + ", more than half a grid cell (" + dt / 2 + "); the discretisation is unreliable for these parameters");
        }
        return new DiscretePrv(pmf, grid.shiftRight(shift));
    }

    private static double truncatedCdf(SubsampledGaussianPrv prv, double t, double tMin, double tMax, double cdfMin,
                                       double mass) {
        if (t < tMin) {
            return 0.0;
        }
        if (t < tMax) {
            return (prv.cdf(t) - cdfMin) / mass;
        }
        return 1.0;
    }

    /**
     * The N-fold composition {@code irfft(rfft(pmf)^N)}, rolled by N−1 (plus size/2 for even N) so that
     * t = 0 stays at its index, on the grid shifted by (N−1)·shift.
     */
    public DiscretePrv selfCompose(long times) {
        if (times == 1) {
            return this;
        }
        int n = pmf.length;
        double[] a = pmf.clone();
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.realForward(a);
        // Packed layout for even n: a[0] = Re F_0, a[1] = Re F_{n/2}, a[2k], a[2k+1] = Re, Im F_k.
        a[0] = realPower(a[0], times);
        a[1] = realPower(a[1], times);
        for (int k = 1; k < n / 2; k++) {
            double[] z = complexPower(a[2 * k], a[2 * k + 1], times);
            a[2 * k] = z[0];
            a[2 * k + 1] = z[1];
        }
        fft.realInverse(a, true);
        long m = times - 1;
        if (times % 2 == 0) {
            m += n / 2;
        }
        int shift = (int) Math.floorMod(m, (long) n);
        double[] rolled = new double[n];
        for (int i = 0; i < n; i++) {
            rolled[(i + shift) % n] = a[i];
        }
        return new DiscretePrv(rolled, grid.shiftRight(grid.shifts() * (times - 1)));
    }

    /**
     * Linear convolution with {@code other} (same grid size), keeping the central {@code size} values
     * ({@code scipy.signal.convolve(mode="same")}), on this grid shifted by the other's shift.
     */
    public DiscretePrv compose(DiscretePrv other) {
        int n = pmf.length;
        int m = 2 * n;
        double[] a = new double[m];
        double[] b = new double[m];
        System.arraycopy(pmf, 0, a, 0, n);
        System.arraycopy(other.pmf, 0, b, 0, n);
        DoubleFFT_1D fft = new DoubleFFT_1D(m);
        fft.realForward(a);
        fft.realForward(b);
        a[0] *= b[0];
        a[1] *= b[1];
        for (int k = 1; k < m / 2; k++) {
            double re = a[2 * k] * b[2 * k] - a[2 * k + 1] * b[2 * k + 1];
            double im = a[2 * k] * b[2 * k + 1] + a[2 * k + 1] * b[2 * k];
            a[2 * k] = re;
            a[2 * k + 1] = im;
        }
        fft.realInverse(a, true);
        double[] same = new double[n];
        System.arraycopy(a, (n - 1) / 2, same, 0, n);
        return new DiscretePrv(same, grid.shiftRight(other.grid.shifts()));
    }

    /**
     * Composes heterogeneous PRVs, each {@code times[i]}-fold: self-compositions by FFT, then pairwise
     * convolution in a tree (an odd one out moves to the front of the next round).
     */
    public static DiscretePrv composeAll(List<DiscretePrv> prvs, long[] times) {
        List<DiscretePrv> level = new ArrayList<>();
        for (int i = 0; i < prvs.size(); i++) {
            level.add(prvs.get(i).selfCompose(times[i]));
        }
        while (level.size() > 1) {
            List<DiscretePrv> next = new ArrayList<>();
            if (level.size() % 2 == 1) {
                next.add(level.remove(level.size() - 1));
            }
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(level.get(i).compose(level.get(i + 1)));
            }
            level = next;
        }
        return level.get(0);
    }

    /**
     * ε such that the composed mechanism is (ε, δ′)-DP according to this discrete PRV, for δ′ = δ − δerr
     * (upper), δ (estimate), δ + δerr (lower), with ±εerr added to the bounds.
     *
     * @return {lower, estimate, upper}
     */
    public double[] epsilon(double delta, double deltaError, double epsilonError) {
        int n = pmf.length;
        if (Math.ulp(1.0) / 2048 * n > delta - deltaError) { // long-double epsilon (2^-63), as the reference
            throw new IllegalArgumentException("floating-point errors dominate for delta " + delta
                    + " with a PRV grid of " + n + " points; increase delta or the epsilon error");
        }
        double[] t = grid.points();
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double s1 = 0;
        double s2 = 0;
        for (int i = n - 1; i >= 0; i--) {
            s1 += pmf[i];
            s2 += pmf[i] * Math.exp(-t[i]);
            d1[i] = s1;
            d2[i] = s2;
        }
        double[] ndelta = new double[n];
        for (int i = 0; i < n; i++) {
            ndelta[i] = Math.exp(t[i]) * d2[i] - d1[i];
        }
        double upper = epsilonAt(delta - deltaError, ndelta, d1, d2) + epsilonError;
        double lower = epsilonAt(delta + deltaError, ndelta, d1, d2) - epsilonError;
        double estimate = epsilonAt(delta, ndelta, d1, d2);
        return new double[] {lower, estimate, upper};
    }

    private static double epsilonAt(double delta, double[] ndelta, double[] d1, double[] d2) {
        int i = searchSortedLeft(ndelta, -delta);
        if (i <= 0 || i >= ndelta.length) {
            throw new IllegalStateException("cannot compute epsilon for delta " + delta
                    + ": it lies outside the range the PRV grid covers");
        }
        return Math.log((d1[i] - delta) / d2[i]);
    }

    /** numpy.searchsorted(a, v, side="left"): the first i with a[i] ≥ v, by bisection. */
    static int searchSortedLeft(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double realPower(double x, long n) {
        return Math.pow(x, (double) n);
    }

    /** (re + i·im)^n: by repeated squaring for n &lt; 100, else in polar form (as numpy does). */
    private static double[] complexPower(double re, double im, long n) {
        if (n < 100) {
            double rr = 1;
            double ri = 0;
            double br = re;
            double bi = im;
            long e = n;
            while (e > 0) {
                if ((e & 1) == 1) {
                    double t = rr * br - ri * bi;
                    ri = rr * bi + ri * br;
                    rr = t;
                }
                e >>= 1;
                if (e > 0) {
                    double t = br * br - bi * bi;
                    bi = 2 * br * bi;
                    br = t;
                }
            }
            return new double[] {rr, ri};
        }
        double r = Math.hypot(re, im);
        if (r == 0) {
            return new double[] {0, 0};
        }
        double mag = Math.exp(n * Math.log(r));
        double phase = n * Math.atan2(im, re);
        return new double[] {mag * Math.cos(phase), mag * Math.sin(phase)};
    }
}
