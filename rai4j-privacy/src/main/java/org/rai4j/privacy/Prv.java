package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.privacy.internal.DiscretePrv;
import org.rai4j.privacy.internal.PrvGrid;
import org.rai4j.privacy.internal.SubsampledGaussianPrv;

import java.util.ArrayList;
import java.util.List;

/**
 * The PRV accountant (Gopi, Lee and Wutschitz, "Numerical composition of differential privacy", NeurIPS
 * 2021, arXiv 2106.02848): the privacy loss random variable of each step is discretised on a grid and
 * the composition computed by FFT convolution; ε is read off the composed distribution with rigorous
 * error bars. Follows Opacus's {@code PRVAccountant} step for step: domain half-width
 * {@code L = max(ε_RDP(all steps, δerr/4), max_segment ε_RDP(one step, δerr/(8·N)), εerr) + 3}, mesh
 * {@code εerr/√(N·ln(12/δerr)/2)}, cell masses from the truncated distribution function, the mean
 * correction, FFT self-composition and pairwise convolution of segments. Defaults: εerr = 0.01,
 * δerr = δ/1000. Pure static functions; thread-safe. Costs O(G log G) time and O(G) memory for a grid
 * of G ≈ 2L/mesh points (about 10⁶ for 10⁵ steps).
 */
public final class Prv {
    /**
     * The largest grid the accountant builds: 2²⁵ points (about 40 s and 1.5 GB of working memory on one
     * core here). Beyond it the call fails with a message instead of running for minutes or hours.
     */
    public static final long MAX_GRID_POINTS = 1L << 25;

    /** The default ε error of the accountant (Opacus's default). */
    public static final double DEFAULT_EPSILON_ERROR = 0.01;

    private Prv() {}

    /** ε with the default errors (εerr = 0.01, δerr = δ/1000). */
    public static PrvEpsilon epsilon(List<Segment> segments, double delta) {
        return epsilon(segments, delta, DEFAULT_EPSILON_ERROR, delta / 1000);
    }

    /**
     * ε after the composition of the segments.
     *
     * @param segments     the training segments (σ, q, steps)
     * @param delta        δ in (0, 1)
     * @param epsilonError εerr &gt; 0: the reported upper bound exceeds the estimate by at most about 2·εerr
     * @param deltaError   δerr in (0, δ)
     * @throws IllegalStateException when the discretisation cannot represent these parameters (the
     *                               reference implementation fails in the same cases)
     */
    public static PrvEpsilon epsilon(List<Segment> segments, double delta, double epsilonError, double deltaError) {
        Rdp.checkDelta(delta);
        Preconditions.checkPositive(epsilonError, "epsilon error");
        Preconditions.checkArgument(deltaError > 0 && deltaError < delta,
                "delta error must be in (0, delta=" + delta + "), got " + deltaError);
        List<Segment> active = new ArrayList<>();
        for (Segment s : segments) {
            if (s.steps() > 0 && s.sampleRate() > 0) {
                if (s.noiseMultiplier() == 0) {
                    return new PrvEpsilon(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
                }
                active.add(s);
            }
        }
        if (active.isEmpty()) {
            return new PrvEpsilon(0, 0, 0, 0);
        }
        long total = 0;
        for (Segment s : active) {
            total += s.steps();
        }
        double halfWidth = safeDomainHalfWidth(active, total, epsilonError, deltaError);
        double mesh = epsilonError / Math.sqrt(total * Math.log(12 / deltaError) / 2);
        double points = 2 * halfWidth / mesh;
        if (!(points <= MAX_GRID_POINTS)) {
            double smallest = Double.POSITIVE_INFINITY;
            for (Segment s : active) {
                smallest = Math.min(smallest, s.noiseMultiplier());
            }
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "the PRV accountant would need a grid of %.3g points (the privacy loss reaches %.6g with noise "
                            + "multiplier %s), more than its limit of %d; use the rdp accountant or a larger epsilon "
                            + "error", points, halfWidth - 3, smallest, MAX_GRID_POINTS));
        }
        PrvGrid grid = PrvGrid.aligned(-halfWidth, halfWidth, mesh);
        List<DiscretePrv> discrete = new ArrayList<>();
        long[] times = new long[active.size()];
        for (int i = 0; i < active.size(); i++) {
            Segment s = active.get(i);
            discrete.add(DiscretePrv.discretise(new SubsampledGaussianPrv(s.sampleRate(), s.noiseMultiplier()), grid));
            times[i] = s.steps();
        }
        DiscretePrv composed = DiscretePrv.composeAll(discrete, times);
        double[] eps = composed.epsilon(delta, deltaError, epsilonError);
        return new PrvEpsilon(eps[2], eps[1], eps[0], grid.size());
    }

    /** Gopi et al. Remark 5.6, with ε bounds from the RDP accountant (Opacus's default orders). */
    private static double safeDomainHalfWidth(List<Segment> segments, long total, double epsilonError, double deltaError) {
        double l = Rdp.epsilon(segments, deltaError / 4, RdpOrders.OPACUS_DEFAULT).epsilon();
        for (Segment s : segments) {
            Segment one = new Segment(s.noiseMultiplier(), s.sampleRate(), 1);
            l = Math.max(l, Rdp.epsilon(List.of(one), deltaError / (8.0 * total), RdpOrders.OPACUS_DEFAULT).epsilon());
        }
        return Math.max(l, epsilonError) + 3;
    }
}
