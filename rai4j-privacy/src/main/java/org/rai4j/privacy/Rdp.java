package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.privacy.internal.LogMath;

import java.util.List;

/**
 * Rényi differential privacy (RDP) of the Poisson-subsampled Gaussian mechanism and its conversion to
 * (ε, δ)-DP. Pure static functions on primitives; thread-safe.
 *
 * <p><b>Definition.</b> One step with sampling rate q and noise multiplier σ has RDP at order α equal to
 * {@code log(A_α)/(α−1)} with {@code A_α = E_{z∼N(0,σ²)}[((1−q) + q·e^{(2z−1)/(2σ²)})^α]} (Mironov, Talwar
 * and Zhang 2019, arXiv 1908.10530, §3.3). For integer α, A_α is the binomial sum
 * {@code Σ_k C(α,k)(1−q)^{α−k} q^k e^{(k²−k)/(2σ²)}}; for fractional α it is the two-sided series of that
 * paper, summed with the <em>sign</em> of each generalised binomial coefficient kept (as Opacus does; the
 * {@code dp_accounting} library takes absolute values, which gives a looser bound). Special cases: q = 0 →
 * 0; σ = 0 → ∞; q = 1 → α/(2σ²). T steps compose additively: T·RDP; segments with different (σ, q) add.
 *
 * <p><b>Conversion.</b> {@code ε(α) = RDP(α) − (ln δ + ln α)/(α−1) + ln((α−1)/α)} (Balle et al. 2020,
 * "Hypothesis testing interpretations and Rényi differential privacy", Thm 21), minimised over the order
 * list; NaN values are ignored and all-NaN gives ε = ∞. This is exactly Opacus's {@code get_privacy_spent},
 * including that ε is not clamped at 0 — except that an infinite ε (σ = 0) reports no optimal order and no
 * edge warning, where Opacus would name the first order.
 */
public final class Rdp {
    private Rdp() {}

    /**
     * RDP of one step of the sampled Gaussian mechanism at order α.
     *
     * @param q     sampling rate in [0, 1]
     * @param sigma noise multiplier ≥ 0
     * @param alpha order &gt; 1 (may be fractional or +∞)
     * @return RDP(α) ≥ 0, possibly +∞
     */
    public static double rdp(double q, double sigma, double alpha) {
        checkRate(q);
        if (!(sigma >= 0)) { // messages built only on failure: this runs for every order of every evaluation
            throw new IllegalArgumentException("noise multiplier must be >= 0, got " + sigma);
        }
        if (!(alpha > 1)) {
            throw new IllegalArgumentException("RDP order alpha must be > 1, got " + alpha);
        }
        if (q == 0) {
            return 0;
        }
        if (sigma == 0 || Double.isInfinite(1 / (sigma * sigma))) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 1.0) {
            return alpha / (2 * sigma * sigma);
        }
        if (Double.isInfinite(alpha)) {
            return Double.POSITIVE_INFINITY;
        }
        return logA(q, sigma, alpha) / (alpha - 1);
    }

    /** RDP of a segment (steps × one-step RDP) at each order. */
    public static double[] rdp(Segment segment, double[] orders) {
        double[] out = new double[orders.length];
        addRdp(segment, orders, out);
        return out;
    }

    /** RDP of a heterogeneous composition (the sum over segments) at each order. */
    public static double[] rdp(List<Segment> segments, double[] orders) {
        double[] out = new double[orders.length];
        for (Segment s : segments) {
            addRdp(s, orders, out);
        }
        return out;
    }

    private static void addRdp(Segment s, double[] orders, double[] out) {
        if (s.steps() == 0) {
            return;
        }
        for (int i = 0; i < orders.length; i++) {
            out[i] += rdp(s.sampleRate(), s.noiseMultiplier(), orders[i]) * s.steps();
        }
    }

    /**
     * ε for a target δ from RDP values (Balle et al. 2020, Thm 21), minimised over the orders.
     *
     * @param orders the orders α (each &gt; 1), as evaluated
     * @param rdp    RDP at each order
     * @param delta  δ in (0, 1)
     */
    public static RdpEpsilon epsilon(double[] orders, double[] rdp, double delta) {
        Preconditions.checkArgument(orders.length == rdp.length && orders.length > 0,
                "orders and rdp must have the same, non-zero length; got " + orders.length + " and " + rdp.length);
        checkDelta(delta);
        double logDelta = Math.log(delta);
        int best = -1;
        double bestEps = Double.NaN;
        for (int i = 0; i < orders.length; i++) {
            double eps = epsilonAtOrder(rdp[i], orders[i], logDelta);
            if (!Double.isNaN(eps) && (best < 0 || eps < bestEps)) {
                best = i;
                bestEps = eps;
            }
        }
        if (best < 0 || bestEps == Double.POSITIVE_INFINITY) {
            return new RdpEpsilon(Double.POSITIVE_INFINITY, Double.NaN, false, orders[0], orders[orders.length - 1]);
        }
        boolean edge = best == 0 || best == orders.length - 1;
        return new RdpEpsilon(bestEps, orders[best], edge, orders[0], orders[orders.length - 1]);
    }

    /**
     * ε after a heterogeneous composition, under the given order list: the same value and optimal order
     * as {@link #epsilon(double[], double[], double)} over all orders, computed faster. Every integer order
     * is evaluated (cheap binomial sums); a fractional order α is skipped only when a lower bound on ε(α)
     * exceeds the best ε found by more than 1e-6·max(1, ε). The bound uses that
     * {@code F(α) = (α−1)·RDP(α) = Σ T·log A_α} is convex in α (a log moment-generating function) and
     * non-negative, so F lies above the extensions of its chords over neighbouring integers. Skipping can
     * therefore never lower ε; it only avoids evaluating orders that cannot be optimal.
     */
    public static RdpEpsilon epsilon(List<Segment> segments, double delta, RdpOrders orders) {
        return epsilon(segments, delta, orders.orders());
    }

    /** As {@link #epsilon(List, double, RdpOrders)} for any ascending list of orders &gt; 1. */
    public static RdpEpsilon epsilon(List<Segment> segments, double delta, double[] orders) {
        checkDelta(delta);
        Preconditions.checkArgument(orders.length > 0, "need at least one RDP order");
        for (int i = 0; i < orders.length; i++) {
            if (!(orders[i] > 1 && (i == 0 || orders[i] > orders[i - 1]))) { // message built only on failure
                throw new IllegalArgumentException("RDP orders must be > 1 and strictly ascending, got " + orders[i]
                        + " at position " + i);
            }
        }
        boolean regular = true;
        for (Segment s : segments) {
            if (s.steps() > 0 && (s.sampleRate() == 0 || s.sampleRate() == 1 || s.noiseMultiplier() == 0
                    || Double.isInfinite(1 / (s.noiseMultiplier() * s.noiseMultiplier())))) {
                regular = false;
            }
        }
        if (!regular || Double.isInfinite(orders[orders.length - 1])) {
            return epsilon(orders, rdp(segments, orders), delta);
        }
        return new PrunedSearch(segments, orders, Math.log(delta)).run();
    }

    /** The order search with convexity-based skipping of fractional orders (see {@link #epsilon(List, double, RdpOrders)}). */
    private static final class PrunedSearch {
        private final List<Segment> segments;
        private final double[] orders;
        private final double logDelta;
        /** Memo of log A_k per segment, indexed by k (null until computed). */
        private double[][] integerLogA = new double[66][];

        PrunedSearch(List<Segment> segments, double[] orders, double logDelta) {
            this.segments = segments;
            this.orders = orders;
            this.logDelta = logDelta;
        }

        /** log A_k per segment for an integer order k ≥ 2, memoised. */
        private double[] integerLogA(int k) {
            if (k >= integerLogA.length) {
                integerLogA = java.util.Arrays.copyOf(integerLogA, Math.max(2 * integerLogA.length, k + 1));
            }
            double[] la = integerLogA[k];
            if (la == null) {
                la = new double[segments.size()];
                for (int s = 0; s < la.length; s++) {
                    Segment seg = segments.get(s);
                    la[s] = seg.steps() > 0 ? logAIntegerOrder(seg.sampleRate(), seg.noiseMultiplier(), k) : 0;
                }
                integerLogA[k] = la;
            }
            return la;
        }

        /** F(k) = Σ_s T_s·log A_k(q_s, σ_s) for an integer k ≥ 1 (F(1) = 0). */
        private double integerF(int k) {
            if (k <= 1) {
                return 0;
            }
            double[] la = integerLogA(k);
            double f = 0;
            for (int s = 0; s < la.length; s++) {
                f += segments.get(s).steps() * la[s];
            }
            return f;
        }

        /** Total RDP at an integer order, rounded exactly as {@link Rdp#rdp(List, double[])} rounds it. */
        private double integerRdp(int k) {
            double[] la = integerLogA(k);
            double r = 0;
            for (int s = 0; s < la.length; s++) {
                long steps = segments.get(s).steps();
                if (steps > 0) {
                    r += la[s] / (k - 1) * steps;
                }
            }
            return r;
        }

        /** Per segment, the fractional series' α-independent erfc terms (see {@link #logAFractionalOrder}). */
        private double[][][] logE0 = null;

        /** Total RDP at a fractional order (regular segments only: 0 &lt; q &lt; 1, σ &gt; 0), as {@link Rdp#rdp} computes it. */
        private double exactRdp(double alpha) {
            if (logE0 == null) {
                logE0 = new double[segments.size()][1][0];
            }
            double r = 0;
            for (int k = 0; k < segments.size(); k++) {
                Segment s = segments.get(k);
                if (s.steps() > 0) {
                    r += logAFractionalOrder(s.sampleRate(), s.noiseMultiplier(), alpha, logE0[k]) / (alpha - 1) * s.steps();
                }
            }
            return r;
        }

        /** A lower bound on F(α) for fractional α from convexity: chord extensions over integers, and F ≥ 0. */
        private double lowerBoundF(double alpha) {
            int k = (int) Math.floor(alpha);
            double lb = 0;
            if (k >= 2) { // chord over (k−1, k), extended to the right
                lb = Math.max(lb, integerF(k) + (alpha - k) * (integerF(k) - integerF(k - 1)));
            }
            // chord over (k+1, k+2), extended to the left
            lb = Math.max(lb, integerF(k + 1) + (alpha - k - 1) * (integerF(k + 2) - integerF(k + 1)));
            return lb;
        }

        /**
         * ε at the integer orders (positions {@code idx} of the order list) that can be optimal, into
         * {@code eps} (NaN where skipped); returns the smallest. Branch and bound on the convexity of F: the
         * evaluated integers (and F(1) = 0) bound F at every other integer from below by the extensions of
         * chords through neighbouring evaluated points; the order with the smallest bound is evaluated next,
         * until no bound is within 1e-6·max(1, ε) of the best ε — so every order that could be optimal, or
         * tie with the optimum, is evaluated, exactly as when all are.
         */
        private double integerOrders(int[] idx, double[] eps) {
            int m = idx.length;
            double best = Double.POSITIVE_INFINITY;
            if (m == 0) {
                return best;
            }
            java.util.TreeMap<Integer, Double> f = new java.util.TreeMap<>();
            f.put(1, 0.0);
            boolean[] done = new boolean[m];
            int next = startPosition(idx);
            for (int round = 0; next >= 0; round++) {
                int k = (int) orders[idx[next]];
                eps[idx[next]] = epsilonAtOrder(integerRdp(k), k, logDelta);
                f.put(k, integerF(k));
                done[next] = true;
                best = Math.min(best, eps[idx[next]]);
                if (round == 0 && m > 1) { // a second point, so that chords exist on both sides
                    next = next + 1 < m ? next + 1 : next - 1;
                    continue;
                }
                next = -1;
                double nextBound = Double.POSITIVE_INFINITY;
                double limit = best + 1e-6 * Math.max(1.0, Math.abs(best));
                for (int j = 0; j < m; j++) {
                    if (done[j]) {
                        continue;
                    }
                    int kj = (int) orders[idx[j]];
                    double b = epsilonAtOrder(lowerBoundF(f, kj) / (kj - 1), kj, logDelta);
                    if (!(b > limit) && (next < 0 || b < nextBound)) { // NaN bound: must evaluate
                        next = j;
                        nextBound = b;
                    }
                }
            }
            return best;
        }

        /** The integer order to start from: near α* = 1 + √(log(1/δ)/ρ), ρ = Σ T·q²/σ² (small-q RDP ≈ α·ρ). */
        private int startPosition(int[] idx) {
            double rho = 0;
            for (Segment s : segments) {
                rho += s.steps() * s.sampleRate() * s.sampleRate() / (s.noiseMultiplier() * s.noiseMultiplier());
            }
            double guess = 1 + Math.sqrt(-logDelta / rho);
            int bestPos = 0;
            for (int j = 1; j < idx.length; j++) {
                if (Math.abs(orders[idx[j]] - guess) < Math.abs(orders[idx[bestPos]] - guess)) {
                    bestPos = j;
                }
            }
            return bestPos;
        }

        /**
         * A lower bound on F(k) from convexity: the extensions of the chords through the two evaluated points
         * nearest below k and through the two nearest above it, and F ≥ 0.
         */
        private static double lowerBoundF(java.util.TreeMap<Integer, Double> f, int k) {
            double lb = 0;
            Integer p2 = f.lowerKey(k);
            Integer p1 = p2 == null ? null : f.lowerKey(p2);
            if (p1 != null) {
                double v = f.get(p2) + (k - p2) * (f.get(p2) - f.get(p1)) / (p2 - p1);
                if (v > lb) {
                    lb = v;
                }
            }
            Integer r1 = f.higherKey(k);
            Integer r2 = r1 == null ? null : f.higherKey(r1);
            if (r2 != null) {
                double v = f.get(r1) + (k - r1) * (f.get(r2) - f.get(r1)) / (r2 - r1);
                if (v > lb) {
                    lb = v;
                }
            }
            return lb;
        }

        RdpEpsilon run() {
            int n = orders.length;
            double[] eps = new double[n];
            java.util.Arrays.fill(eps, Double.NaN);
            int fractional = 0;
            int[] integerIdx = new int[n];
            int integers = 0;
            for (int i = 0; i < n; i++) {
                double a = orders[i];
                if (a == Math.rint(a) && a <= Integer.MAX_VALUE) {
                    integerIdx[integers++] = i;
                } else {
                    fractional++;
                }
            }
            double best = integerOrders(java.util.Arrays.copyOf(integerIdx, integers), eps);
            // Fractional orders, most promising (smallest lower bound) first.
            int[] idx = new int[fractional];
            double[] bound = new double[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                double a = orders[i];
                if (a != Math.rint(a)) {
                    bound[i] = epsilonAtOrder(lowerBoundF(a) / (a - 1), a, logDelta);
                    idx[m++] = i;
                }
            }
            Integer[] sorted = new Integer[m];
            for (int j = 0; j < m; j++) {
                sorted[j] = idx[j];
            }
            java.util.Arrays.sort(sorted, (x, y) -> Double.compare(bound[x], bound[y]));
            for (int i : sorted) {
                if (bound[i] > best + 1e-6 * Math.max(1.0, Math.abs(best))) {
                    continue;
                }
                eps[i] = epsilonAtOrder(exactRdp(orders[i]), orders[i], logDelta);
                if (eps[i] < best) {
                    best = eps[i];
                }
            }
            int arg = -1;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(eps[i]) && (arg < 0 || eps[i] < eps[arg])) {
                    arg = i;
                }
            }
            if (arg < 0 || eps[arg] == Double.POSITIVE_INFINITY) {
                return new RdpEpsilon(Double.POSITIVE_INFINITY, Double.NaN, false, orders[0], orders[n - 1]);
            }
            return new RdpEpsilon(eps[arg], orders[arg], arg == 0 || arg == n - 1, orders[0], orders[n - 1]);
        }
    }

    /** ε(α) of Balle et al. 2020, Thm 21, for one order. */
    static double epsilonAtOrder(double rdp, double alpha, double logDelta) {
        return rdp - (logDelta + Math.log(alpha)) / (alpha - 1) + Math.log((alpha - 1) / alpha);
    }

    static void checkRate(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("sample rate must be in [0, 1], got " + q);
        }
    }

    static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
    }

    /** Terms of the fractional-order series evaluated before giving up (bounded work; see below). */
    static final int MAX_SERIES_TERMS = 1_000_000;

    /**
     * log A_α, for 0 &lt; q &lt; 1, σ &gt; 0, finite α &gt; 1. When 1/σ² overflows (σ below about 1e-154) the
     * series cannot be evaluated; its true value is then astronomically large (RDP(α) ≥ α/(2σ²) + α·ln q/(α−1)),
     * and +∞ — a valid upper bound — is returned. The same holds when the fractional series produces a
     * non-number or has not converged after {@link #MAX_SERIES_TERMS} terms.
     */
    static double logA(double q, double sigma, double alpha) {
        if (Double.isInfinite(1 / (sigma * sigma))) {
            return Double.POSITIVE_INFINITY;
        }
        if (alpha == Math.rint(alpha)) {
            return logAIntegerOrder(q, sigma, (int) alpha);
        }
        return logAFractionalOrder(q, sigma, alpha);
    }

    /**
     * Σ_{i=0}^{α} C(α,i) q^i (1−q)^{α−i} e^{(i²−i)/(2σ²)} in log space; every term is positive. The log
     * terms are formed with a table of ln k, then summed as max + ln Σ e^{term − max} (one exponential per
     * term).
     */
    static double logAIntegerOrder(double q, double sigma, int alpha) {
        if (Double.isInfinite(1 / (sigma * sigma))) {
            return Double.POSITIVE_INFINITY;
        }
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoSigma2 = 2 * sigma * sigma;
        double[] terms = new double[alpha + 1];
        double logBinom = 0; // log C(alpha, 0)
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinom += logInt(alpha - i + 1) - logInt(i);
            }
            double s = logBinom + i * logQ + (alpha - i) * log1mQ + ((double) i * i - i) / twoSigma2;
            terms[i] = s;
            max = Math.max(max, s);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double s : terms) {
            sum += Math.exp(s - max);
        }
        return max + Math.log(sum);
    }

    private static final double[] LOG_INT = logTable(2048);

    private static double[] logTable(int n) {
        double[] t = new double[n];
        for (int k = 1; k < n; k++) {
            t[k] = Math.log(k);
        }
        return t;
    }

    private static double logInt(int k) {
        return k < LOG_INT.length ? LOG_INT[k] : Math.log(k);
    }

    /**
     * The two-sided series for fractional α (Mironov, Talwar and Zhang 2019, §3.3), split at
     * z₀ = σ²·ln(1/q − 1) + ½. Terms whose generalised binomial coefficient C(α, i) is negative are
     * subtracted in log space. Stops once both new terms are below e^{−30}.
     */
    static double logAFractionalOrder(double q, double sigma, double alpha) {
        return logAFractionalOrder(q, sigma, alpha, null);
    }

    /**
     * As {@link #logAFractionalOrder(double, double, double)}, reusing {@code logE0Cache[0]}: the terms
     * log(½·erfc((i − z0)/(√2σ))) depend on i, q and σ but not on α, so one array (NaN where not yet
     * computed, grown as needed) serves every order of one (q, σ). Same arithmetic, same result.
     */
    static double logAFractionalOrder(double q, double sigma, double alpha, double[][] logE0Cache) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double sigma2 = sigma * sigma;
        double twoSigma2 = 2 * sigma2;
        double sqrt2Sigma = Math.sqrt(2) * sigma;
        double z0 = sigma2 * Math.log(1 / q - 1) + 0.5;
        double logA0 = Double.NEGATIVE_INFINITY;
        double logA1 = Double.NEGATIVE_INFINITY;
        double coef = 1; // C(alpha, 0)
        for (int i = 0; ; i++) {
            if (i >= MAX_SERIES_TERMS) {
                return Double.POSITIVE_INFINITY; // not converged: +∞ is a valid upper bound
            }
            if (i > 0) {
                coef *= (alpha - (i - 1)) / i;
            }
            double logCoef = Math.log(Math.abs(coef));
            double j = alpha - i;
            double logT0 = logCoef + i * logQ + j * log1mQ;
            double logT1 = logCoef + j * logQ + i * log1mQ;
            double logE0;
            if (logE0Cache == null) {
                logE0 = Math.log(0.5) + LogMath.logErfc((i - z0) / sqrt2Sigma);
            } else {
                double[] c = logE0Cache[0];
                if (i >= c.length) {
                    int old = c.length;
                    c = java.util.Arrays.copyOf(c, Math.max(2 * old, i + 1));
                    java.util.Arrays.fill(c, old, c.length, Double.NaN);
                    logE0Cache[0] = c;
                }
                logE0 = c[i];
                if (Double.isNaN(logE0)) {
                    logE0 = Math.log(0.5) + LogMath.logErfc((i - z0) / sqrt2Sigma);
                    c[i] = logE0;
                }
            }
            double logE1 = Math.log(0.5) + LogMath.logErfc((z0 - j) / sqrt2Sigma);
            double logS0 = logT0 + ((double) i * i - i) / twoSigma2 + logE0;
            double logS1 = logT1 + (j * j - j) / twoSigma2 + logE1;
            if (Double.isNaN(logS0) || Double.isNaN(logS1)) {
                return Double.POSITIVE_INFINITY; // overflow (∞ − ∞) at extreme σ: +∞ is a valid upper bound
            }
            if (coef > 0) {
                logA0 = LogMath.logAdd(logA0, logS0);
                logA1 = LogMath.logAdd(logA1, logS1);
            } else {
                logA0 = LogMath.logSub(logA0, logS0);
                logA1 = LogMath.logSub(logA1, logS1);
            }
            if (Math.max(logS0, logS1) < -30) {
                break;
            }
        }
        return LogMath.logAdd(logA0, logA1);
    }
}
