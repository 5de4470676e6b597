package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.List;

/**
 * Intervals of between-group aggregates derived from simultaneous families ({@link Simultaneous}), so that
 * they are valid when there is no gap at all (the percentile bootstrap of max − min is biased upward and
 * excludes 0 on fair data).
 *
 * <p><b>Difference between groups.</b> For every pair i &lt; j of eligible slices (of every component metric:
 * TPR and FPR for equalized odds) the family holds m_i − m_j. With simultaneous intervals [lo_ij, hi_ij],
 * the ordered pair (j, i) has [−hi_ij, −lo_ij], and max − min = max over ordered pairs of m_i − m_j lies in
 * [max lo, max hi] (clamped below at 0) whenever every pairwise interval covers its target. The gap is
 * significant exactly when that lower bound is above 0, i.e. when some pair's interval excludes 0.
 *
 * <p><b>Ratio between groups.</b> The same on log m_i − log m_j: min/max = min over ordered pairs of m_i/m_j
 * lies in [exp(min lo), exp(min hi)] (clamped to [0, 1]); significant when the upper bound is below 1.
 * A pair with a zero value gives no bound (0 from below, none from above); replicates where a value is
 * 0 are left out of that pair's standard error.
 *
 * <p><b>To overall, minimum, maximum.</b> Families of m_g − overall, log(m_g/overall) and m_g, with
 * max_g |d_g| in [max_g dist(0, [lo_g, hi_g]), max_g max(|lo_g|, |hi_g|)] and likewise for the others.
 *
 * <p>Proportions carry their plug-in variance v(1 − v)/n per slice and replicate, and the families are
 * then studentized per replicate (bootstrap-t); contrasts with the overall value (which contains the
 * group) use the fixed bootstrap scale.
 */
final class GapIntervals {
    /**
     * One component metric: the point values of its eligible slices and their replicates.
     *
     * @param point   value per eligible slice
     * @param reps    reps[slice][b]
     * @param overall the overall value
     * @param overallReps the overall value's replicates
     */
    record Component(double[] point, double[][] reps, double overall, double[] overallReps, double[] pointVar,
                     double[][] repVar) {
        /** A component without analytic variances (fixed-scale intervals). */
        Component(double[] point, double[][] reps, double overall, double[] overallReps) {
            this(point, reps, overall, overallReps, null, null);
        }

        int slices() {
            return point.length;
        }

        /** Variance of slice i's value (b &lt; 0: at the point estimate), or NaN. */
        double variance(int i, int b) {
            if (pointVar == null) {
                return Double.NaN;
            }
            return b < 0 ? pointVar[i] : repVar[i][b];
        }
    }

    /** SE of transform(v_i) − transform(v_j) by the delta method (log: Var(v)/v²), NaN when unknown. */
    private static double contrastSe(Component c, int i, int j, int b, boolean log) {
        double vi = c.variance(i, b);
        double vj = c.variance(j, b);
        if (!log) {
            return Math.sqrt(vi + vj);
        }
        double xi = b < 0 ? c.point()[i] : c.reps()[i][b];
        double xj = b < 0 ? c.point()[j] : c.reps()[j][b];
        if (!(xi > 0) || !(xj > 0)) {
            return Double.NaN;
        }
        return Math.sqrt(vi / (xi * xi) + vj / (xj * xj));
    }

    /** An interval with the single-step adjusted p-value of "no gap" and whether it excludes "no gap". */
    record Bound(double lo, double hi, double pValue, boolean significant) {}

    /** A pair i &lt; j of one component's slices with its simultaneous interval and p-values. */
    record PairResult(int component, int i, int j, double difference, double lo, double hi, double se, double pSimultaneous) {}

    private GapIntervals() {}

    private record PairIndex(int component, int i, int j) {}

    private static List<PairIndex> pairs(List<Component> comps) {
        List<PairIndex> out = new ArrayList<>();
        for (int c = 0; c < comps.size(); c++) {
            int k = comps.get(c).slices();
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    out.add(new PairIndex(c, i, j));
                }
            }
        }
        return out;
    }

    private static double transform(double x, boolean log) {
        if (!log) {
            return x;
        }
        return x > 0 ? Math.log(x) : Double.NaN;
    }

    private static Simultaneous.Contrasts pairContrasts(List<Component> comps, List<PairIndex> pairs, boolean log) {
        int b = comps.isEmpty() || comps.get(0).reps().length == 0 ? 0 : comps.get(0).reps()[0].length;
        return new Simultaneous.Contrasts() {
            @Override
            public int size() {
                return pairs.size();
            }

            @Override
            public int replicates() {
                return b;
            }

            @Override
            public double point(int k) {
                PairIndex p = pairs.get(k);
                Component c = comps.get(p.component());
                return transform(c.point()[p.i()], log) - transform(c.point()[p.j()], log);
            }

            @Override
            public double replicate(int k, int r) {
                PairIndex p = pairs.get(k);
                Component c = comps.get(p.component());
                return transform(c.reps()[p.i()][r], log) - transform(c.reps()[p.j()][r], log);
            }

            @Override
            public double pointSe(int k) {
                PairIndex p = pairs.get(k);
                return contrastSe(comps.get(p.component()), p.i(), p.j(), -1, log);
            }

            @Override
            public double replicateSe(int k, int r) {
                PairIndex p = pairs.get(k);
                return contrastSe(comps.get(p.component()), p.i(), p.j(), r, log);
            }
        };
    }

    /** The pairwise differences of all components, with their simultaneous intervals. */
    static List<PairResult> pairDifferences(List<Component> comps, double confidence) {
        List<PairIndex> pairs = pairs(comps);
        Simultaneous.Family f = Simultaneous.of(pairContrasts(comps, pairs, false), confidence);
        List<PairResult> out = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            PairIndex p = pairs.get(k);
            Component c = comps.get(p.component());
            out.add(new PairResult(p.component(), p.i(), p.j(), c.point()[p.i()] - c.point()[p.j()], f.lo()[k], f.hi()[k],
                    f.se()[k], f.pValue()[k]));
        }
        return out;
    }

    /** max − min over the slices of each component, maximised over components. */
    static Bound difference(List<Component> comps, double confidence) {
        List<PairResult> pairs = pairDifferences(comps, confidence);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double p = 1.0;
        for (PairResult r : pairs) {
            if (Double.isNaN(r.lo())) {
                return null;
            }
            lo = Math.max(lo, Math.max(r.lo(), -r.hi()));
            hi = Math.max(hi, Math.max(r.hi(), -r.lo()));
            p = Math.min(p, r.pSimultaneous());
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return new Bound(Math.max(0, lo), Math.max(0, hi), p, lo > 0);
    }

    /** min/max over the slices of each component, minimised over components. */
    static Bound ratio(List<Component> comps, double confidence) {
        List<PairIndex> pairs = pairs(comps);
        if (pairs.isEmpty()) {
            return null;
        }
        Simultaneous.Family f = Simultaneous.of(pairContrasts(comps, pairs, true), confidence);
        double logLo = Double.POSITIVE_INFINITY;
        double logHi = Double.POSITIVE_INFINITY;
        double p = 1.0;
        for (int k = 0; k < pairs.size(); k++) {
            double a = f.lo()[k];
            double b = f.hi()[k];
            if (Double.isNaN(a)) {
                // a zero value (or no variation to estimate): the pair bounds the ratio only by 0 from below
                logLo = Double.NEGATIVE_INFINITY;
                continue;
            }
            logLo = Math.min(logLo, Math.min(a, -b));
            logHi = Math.min(logHi, Math.min(b, -a));
            p = Math.min(p, f.pValue()[k]);
        }
        double hi = Math.min(1.0, Math.exp(Math.min(0, logHi)));
        double lo = Math.min(hi, Math.exp(logLo));
        return new Bound(lo, hi, p, hi < 1);
    }

    /** [group_min, group_max, difference_to_overall, ratio_to_overall] bounds of one component (null entries when undefined). */
    static Bound[] perGroup(Component c, double confidence) {
        int k = c.slices();
        int b = c.reps().length == 0 ? 0 : c.reps()[0].length;
        Simultaneous.Family values = Simultaneous.of(new Simultaneous.Contrasts() {
            @Override
            public int size() {
                return k;
            }

            @Override
            public int replicates() {
                return b;
            }

            @Override
            public double point(int g) {
                return c.point()[g];
            }

            @Override
            public double replicate(int g, int r) {
                return c.reps()[g][r];
            }

            @Override
            public double pointSe(int g) {
                return Math.sqrt(c.variance(g, -1));
            }

            @Override
            public double replicateSe(int g, int r) {
                return Math.sqrt(c.variance(g, r));
            }
        }, confidence);
        double minLo = Double.POSITIVE_INFINITY;
        double minHi = Double.POSITIVE_INFINITY;
        double maxLo = Double.NEGATIVE_INFINITY;
        double maxHi = Double.NEGATIVE_INFINITY;
        boolean ok = k > 0;
        for (int g = 0; g < k; g++) {
            if (Double.isNaN(values.lo()[g])) {
                ok = false;
                break;
            }
            minLo = Math.min(minLo, values.lo()[g]);
            minHi = Math.min(minHi, values.hi()[g]);
            maxLo = Math.max(maxLo, values.lo()[g]);
            maxHi = Math.max(maxHi, values.hi()[g]);
        }
        Bound[] out = new Bound[4];
        if (ok) {
            out[0] = new Bound(minLo, minHi, Double.NaN, false);
            out[1] = new Bound(maxLo, maxHi, Double.NaN, false);
        }
        out[2] = toOverall(c, b, confidence, false);
        out[3] = toOverall(c, b, confidence, true);
        return out;
    }

    private static Bound toOverall(Component c, int b, double confidence, boolean log) {
        int k = c.slices();
        if (k == 0 || !Double.isFinite(transform(c.overall(), log))) {
            return null;
        }
        Simultaneous.Family f = Simultaneous.of(new Simultaneous.Contrasts() {
            @Override
            public int size() {
                return k;
            }

            @Override
            public int replicates() {
                return b;
            }

            @Override
            public double point(int g) {
                return transform(c.point()[g], log) - transform(c.overall(), log);
            }

            @Override
            public double replicate(int g, int r) {
                return transform(c.reps()[g][r], log) - transform(c.overallReps()[r], log);
            }
        }, confidence);
        double aMax = 0;
        double bMax = 0;
        for (int g = 0; g < k; g++) {
            double lo = f.lo()[g];
            double hi = f.hi()[g];
            if (Double.isNaN(lo)) {
                if (!log) {
                    return null;
                }
                bMax = Double.POSITIVE_INFINITY;
                continue;
            }
            double near = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
            double far = Math.max(Math.abs(lo), Math.abs(hi));
            aMax = Math.max(aMax, near);
            bMax = Math.max(bMax, far);
        }
        if (!log) {
            return new Bound(aMax, bMax, Double.NaN, aMax > 0);
        }
        return new Bound(Math.exp(-bMax), Math.exp(-aMax), Double.NaN, aMax > 0);
    }
}
