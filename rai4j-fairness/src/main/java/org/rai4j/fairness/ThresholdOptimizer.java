package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;

/**
 * Post-processing by group-specific randomised thresholds (Hardt, Price &amp; Srebro 2016), as Fairlearn's
 * {@code ThresholdOptimizer} with {@code flip=True}, objective accuracy and {@code grid_size=1000}:
 * <ol>
 *   <li>per group, the ROC points of every threshold between distinct scores (predict 1 when score &gt; t),
 *       a point below the diagonal replaced by its flip (predict 1 when score &lt; t), sorted by (FPR, TPR);</li>
 *   <li>their upper convex hull (mixing two neighbouring operations at random reaches every point between);</li>
 *   <li>demographic parity / TPR parity: on the grid 0, 0.001, …, 1 of the constrained rate (selection rate or
 *       TPR) the hull is interpolated in every group; the grid value with the smallest population error
 *       (Σ_g n_g/n · error_g) wins (first on ties) and each group mixes its two neighbouring operations;</li>
 *   <li>equalized odds: every group's hull is interpolated on the FPR grid; the common TPR is the smallest
 *       group TPR; the FPR with the smallest error (FP + FN at that (FPR, TPR)) wins; a group above the common
 *       TPR is pulled down by predicting, with probability p_ignore, a coin with P(1) = FPR (the diagonal).</li>
 * </ol>
 * The result is a {@link Rule}: for a row of group g with score s, P(ŷ = 1) = p_ignore·c + (1 − p_ignore)·
 * (p0·op0(s) + p1·op1(s)); {@link Rule#predict} draws from it with a seeded generator. Stateless.
 */
public final class ThresholdOptimizer {
    /** Fairlearn's default grid: 1,000 steps on [0, 1]. */
    public static final int GRID_SIZE = 1000;

    /** The fairness constraint. */
    public enum Constraint {
        /** Equal selection rates (Fairlearn {@code demographic_parity}). */
        DEMOGRAPHIC_PARITY,
        /** Equal TPR and FPR (Fairlearn {@code equalized_odds}). */
        EQUALIZED_ODDS,
        /** Equal TPR: equal opportunity (Fairlearn {@code true_positive_rate_parity}). */
        TRUE_POSITIVE_RATE_PARITY
    }

    private ThresholdOptimizer() {}

    /** Predict 1 when score &gt; threshold ({@code greater}) or score &lt; threshold. */
    public record Operation(boolean greater, double threshold) {
        /** 1 or 0 for {@code score}. */
        public int apply(double score) {
            return greater ? (score > threshold ? 1 : 0) : (score < threshold ? 1 : 0);
        }

        @Override
        public String toString() {
            String t = Double.isInfinite(threshold) ? (threshold > 0 ? "∞" : "−∞")
                    : String.format(java.util.Locale.ROOT, "%.4f", threshold);
            return "score " + (greater ? ">" : "<") + " " + t;
        }
    }

    /**
     * One group's randomised rule.
     *
     * @param pIgnore   probability of ignoring the score and predicting 1 with probability {@code constant}
     * @param constant  that probability (EO: the chosen FPR)
     * @param p0        weight of {@code op0}
     * @param op0       first operation
     * @param p1        weight of {@code op1}
     * @param op1       second operation
     */
    public record GroupRule(double pIgnore, double constant, double p0, Operation op0, double p1, Operation op1) {
        /** P(ŷ = 1 | score). */
        public double probability(double score) {
            return pIgnore * constant + (1 - pIgnore) * (p0 * op0.apply(score) + p1 * op1.apply(score));
        }
    }

    /**
     * The fitted post-processor: one rule per group code.
     *
     * @param constraint the constraint
     * @param groups     rule per group code
     * @param level      the chosen grid value of the constrained rate (EO: the FPR)
     */
    public record Rule(Constraint constraint, List<GroupRule> groups, double level) {
        public Rule {
            groups = List.copyOf(groups);
        }

        /** P(ŷ = 1) for a row of group {@code group} with {@code score}. */
        public double probability(int group, double score) {
            return groups.get(group).probability(score);
        }

        /** Randomised predictions, reproducible from {@code seed}. */
        public int[] predict(double[] scores, int[] group, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] out = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                out[i] = rng.nextDouble() < probability(group[i], scores[i]) ? 1 : 0;
            }
            return out;
        }
    }

    /** A point of a group's ROC hull. */
    record Point(double x, double y, Operation op) {}

    /**
     * Fits the rule.
     *
     * @param scores     scores, higher = more likely positive (any scale)
     * @param labels     0/1 labels
     * @param group      group code per row, 0 … groups−1
     * @param groups     number of groups
     * @param constraint the constraint
     * @throws IllegalArgumentException when a group has only one label value (Fairlearn: "degenerate labels")
     */
    public static Rule fit(double[] scores, int[] labels, int[] group, int groups, Constraint constraint) {
        Preconditions.checkArgument(scores.length == labels.length && labels.length == group.length,
                "scores, labels and groups must have one entry per row");
        int n = scores.length;
        List<List<Point>> hulls = new ArrayList<>();
        long[] nGroup = new long[groups];
        long[] posGroup = new long[groups];
        for (int g = 0; g < groups; g++) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (group[i] == g) {
                    rows.add(new double[] {scores[i], labels[i]});
                    nGroup[g]++;
                    posGroup[g] += labels[i];
                }
            }
            Preconditions.checkArgument(posGroup[g] > 0 && posGroup[g] < nGroup[g],
                    "group " + g + " has only one label value (degenerate labels); the ROC curve needs both");
            hulls.add(hull(rocPoints(rows, posGroup[g], nGroup[g] - posGroup[g])));
        }
        double[] grid = new double[GRID_SIZE + 1];
        double step = 1.0 / GRID_SIZE; // as numpy.linspace(0, 1, GRID_SIZE + 1): k · step, the last point exactly 1
        for (int k = 0; k < GRID_SIZE; k++) {
            grid[k] = k * step;
        }
        grid[GRID_SIZE] = 1.0;
        return constraint == Constraint.EQUALIZED_ODDS
                ? equalizedOdds(hulls, nGroup, posGroup, n, grid)
                : simple(hulls, nGroup, posGroup, n, grid, constraint);
    }

    /** ROC points of one group (rows: score, label), Fairlearn's {@code _calculate_roc_points} with flip. */
    static List<Point> rocPoints(List<double[]> rows, long pos, long neg) {
        rows.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(0, 0, new Operation(true, Double.POSITIVE_INFINITY)));
        long[] count = new long[2];
        int i = 0;
        int n = rows.size();
        while (i < n) {
            double t = rows.get(i)[0];
            while (i < n && rows.get(i)[0] == t) {
                count[(int) rows.get(i)[1]]++;
                i++;
            }
            double next = i < n ? rows.get(i)[0] : Double.NEGATIVE_INFINITY;
            double threshold = (t + next) / 2;
            double x = (double) count[0] / neg;
            double y = (double) count[1] / pos;
            Operation op = new Operation(true, threshold);
            if (x > y) {
                x = 1 - x;
                y = 1 - y;
                op = new Operation(false, threshold);
            }
            pts.add(new Point(x, y, op));
        }
        pts.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        return pts;
    }

    /** Upper convex hull of points sorted by (x, y); a middle point on or below the chord is dropped. */
    static List<Point> hull(List<Point> sorted) {
        List<Point> h = new ArrayList<>();
        for (Point p3 : sorted) {
            while (h.size() >= 2) {
                Point p1 = h.get(h.size() - 2);
                Point p2 = h.get(h.size() - 1);
                double cross = (p2.x() - p1.x()) * (p3.y() - p1.y()) - (p2.y() - p1.y()) * (p3.x() - p1.x());
                if (cross >= 0) {
                    h.remove(h.size() - 1);
                } else {
                    break;
                }
            }
            h.add(p3);
        }
        return h;
    }

    /** Interpolation of a curve (points sorted by xs, non-decreasing) at x: index i of the segment and p0. */
    private record Segment(int i, double p0) {}

    private static Segment locate(double[] xs, double x) {
        int i = 0;
        while (i + 2 < xs.length && x > xs[i + 1]) {
            i++;
        }
        while (i + 2 < xs.length && xs[i + 1] == xs[i]) {
            i++; // a zero-width segment has no interior; use the next one
        }
        double width = xs[i + 1] - xs[i];
        double p0 = width == 0 ? 1.0 : (xs[i + 1] - x) / width;
        return new Segment(i, p0);
    }

    private static Rule simple(List<List<Point>> hulls, long[] nGroup, long[] posGroup, int n, double[] grid, Constraint c) {
        int groups = hulls.size();
        double[] total = new double[grid.length];
        double[][] xsByGroup = new double[groups][];
        for (int g = 0; g < groups; g++) {
            List<Point> h = hulls.get(g);
            long ng = nGroup[g];
            long pos = posGroup[g];
            long neg = ng - pos;
            double[] xs = new double[h.size()];
            double[] err = new double[h.size()];
            for (int k = 0; k < h.size(); k++) {
                Point p = h.get(k);
                xs[k] = c == Constraint.DEMOGRAPHIC_PARITY ? p.x() * neg / ng + p.y() * pos / ng : p.y();
                err[k] = p.x() * neg / ng + (1 - p.y()) * pos / ng;
            }
            xsByGroup[g] = xs;
            for (int k = 0; k < grid.length; k++) {
                Segment s = locate(xs, grid[k]);
                double e = s.p0 * err[s.i] + (1 - s.p0) * err[s.i + 1];
                total[k] += (double) ng / n * e;
            }
        }
        int best = argmin(total);
        List<GroupRule> rules = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Segment s = locate(xsByGroup[g], grid[best]);
            List<Point> h = hulls.get(g);
            rules.add(new GroupRule(0, 0, s.p0, h.get(s.i).op(), 1 - s.p0, h.get(s.i + 1).op()));
        }
        return new Rule(c, rules, grid[best]);
    }

    private static Rule equalizedOdds(List<List<Point>> hulls, long[] nGroup, long[] posGroup, int n, double[] grid) {
        int groups = hulls.size();
        double[][] yAt = new double[groups][grid.length];
        Segment[][] seg = new Segment[groups][grid.length];
        for (int g = 0; g < groups; g++) {
            List<Point> h = hulls.get(g);
            double[] xs = h.stream().mapToDouble(Point::x).toArray();
            for (int k = 0; k < grid.length; k++) {
                Segment s = locate(xs, grid[k]);
                seg[g][k] = s;
                yAt[g][k] = s.p0 * h.get(s.i).y() + (1 - s.p0) * h.get(s.i + 1).y();
            }
        }
        long pos = 0;
        for (long p : posGroup) {
            pos += p;
        }
        long neg = n - pos;
        double[] error = new double[grid.length];
        double[] yMin = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double m = Double.POSITIVE_INFINITY;
            for (int g = 0; g < groups; g++) {
                m = Math.min(m, yAt[g][k]);
            }
            yMin[k] = m;
            error[k] = ((double) neg / n) * grid[k] + ((double) pos / n) * (1 - m); // Fairlearn's expression, for identical ties
        }
        int best = argmin(error);
        double xBest = grid[best];
        double yBest = yMin[best];
        List<GroupRule> rules = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Segment s = seg[g][best];
            double y = yAt[g][best];
            double pIgnore = y == xBest ? 0.0 : (y - yBest) / (y - xBest);
            List<Point> h = hulls.get(g);
            rules.add(new GroupRule(pIgnore, xBest, s.p0, h.get(s.i).op(), 1 - s.p0, h.get(s.i + 1).op()));
        }
        return new Rule(Constraint.EQUALIZED_ODDS, rules, xBest);
    }

    private static int argmin(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] < v[best]) {
                best = k;
            }
        }
        return best;
    }
}
