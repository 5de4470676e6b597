package org.rai4j.fairness;

import org.rai4j.core.Intervals;
import org.rai4j.core.Sampling;
import org.rai4j.core.Seeds;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulation of the gap intervals on sufficient statistics, as the audit computes them: each data set has
 * k groups with n_g rows and a known selection rate per group; the bootstrap draws N rows from the whole
 * data set (a multinomial over the 2k (group, outcome) cells, exactly as the audit's multinomial-cells
 * path) and the interval of max − min (or min/max) is computed from the replicates by the method under
 * test. Shared by the default-suite test and the bigger sweep.
 */
final class GapSimulation {
    /** A gap-interval method: the audit's component (rates, replicates, variances) → interval of max − min. */
    interface Method {
        /** {lo, hi} of max − min between groups, or null when undefined. */
        double[] difference(GapIntervals.Component c, double confidence);

        /** {lo, hi} of min/max between groups, or null when undefined. */
        default double[] ratio(GapIntervals.Component c, double confidence) {
            return null;
        }
    }

    /** The audit's method: {@link GapIntervals} over simultaneous intervals, studentized per replicate. */
    static final Method SIMULTANEOUS = new Method() {
        @Override
        public double[] difference(GapIntervals.Component c, double confidence) {
            GapIntervals.Bound b = GapIntervals.difference(List.of(c), confidence);
            return b == null ? null : new double[] {b.lo(), b.hi()};
        }

        @Override
        public double[] ratio(GapIntervals.Component c, double confidence) {
            GapIntervals.Bound b = GapIntervals.ratio(List.of(c), confidence);
            return b == null ? null : new double[] {b.lo(), b.hi()};
        }
    };

    /** Simultaneous intervals with a fixed scale (the bootstrap SD): valid in theory, too liberal with many small groups. */
    static final Method FIXED_SCALE = new Method() {
        @Override
        public double[] difference(GapIntervals.Component c, double confidence) {
            return SIMULTANEOUS.difference(withoutVariances(c), confidence);
        }

        @Override
        public double[] ratio(GapIntervals.Component c, double confidence) {
            return SIMULTANEOUS.ratio(withoutVariances(c), confidence);
        }
    };

    private static GapIntervals.Component withoutVariances(GapIntervals.Component c) {
        return new GapIntervals.Component(c.point(), c.reps(), c.overall(), c.overallReps());
    }

    /** The first release's method: percentile interval of the replicates' max − min (biased upward). */
    static final Method PERCENTILE = (c, confidence) -> {
        double[][] reps = c.reps();
        int b = reps[0].length;
        double[] gap = new double[b];
        for (int r = 0; r < b; r++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] g : reps) {
                if (!Double.isNaN(g[r])) {
                    min = Math.min(min, g[r]);
                    max = Math.max(max, g[r]);
                }
            }
            gap[r] = max - min;
        }
        org.rai4j.core.Interval ci = Intervals.percentile(gap, confidence);
        return new double[] {ci.lo(), ci.hi()};
    };


    /** One configuration: group sizes and true rates. */
    record Config(String name, int[] sizes, double[] rates) {
        double trueGap() {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double p : rates) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            return max - min;
        }

        double trueRatio() {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double p : rates) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
            return min / max;
        }

        static Config equal(int groups, int size, double rate) {
            int[] n = new int[groups];
            double[] p = new double[groups];
            java.util.Arrays.fill(n, size);
            java.util.Arrays.fill(p, rate);
            return new Config(groups + " groups x " + size + " rows, rate " + rate, n, p);
        }

        /** Rates spread evenly from lo to hi. */
        static Config spread(int groups, int size, double lo, double hi) {
            int[] n = new int[groups];
            double[] p = new double[groups];
            for (int g = 0; g < groups; g++) {
                n[g] = size;
                p[g] = groups == 1 ? lo : lo + (hi - lo) * g / (groups - 1);
            }
            return new Config(groups + " groups x " + size + " rows, rates " + lo + ".." + hi, n, p);
        }

        /** Unequal sizes from small to large (a group of each size in turn), equal rates. */
        static Config unequal(int groups, int smallest, int largest, double rate) {
            int[] n = new int[groups];
            double[] p = new double[groups];
            for (int g = 0; g < groups; g++) {
                n[g] = smallest + (largest - smallest) * g / Math.max(1, groups - 1);
                p[g] = rate;
            }
            return new Config(groups + " groups x " + smallest + ".." + largest + " rows, rate " + rate, n, p);
        }
    }

    /** Counts of one simulation run. */
    record Outcome(int dataSets, int gateFired, int covered, int ratioFired, int ratioCovered, int undefined) {}

    private GapSimulation() {}

    /**
     * Simulates {@code dataSets} data sets of {@code c}; counts how often the difference interval's lower
     * bound is above 0 (the gate {@code ci_lo > 0}), how often it covers the true gap, and the same for the
     * ratio (fires when its upper bound is below 1).
     */
    static Outcome run(Config c, Method method, int dataSets, int replicates, double confidence, long seed) {
        int k = c.sizes().length;
        java.util.concurrent.atomic.AtomicInteger fired = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger covered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger ratioFired = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger ratioCovered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger undefined = new java.util.concurrent.atomic.AtomicInteger();
        double gap = c.trueGap();
        double ratio = c.trueRatio();
        long total = java.util.Arrays.stream(c.sizes()).asLongStream().sum();
        java.util.stream.IntStream.range(0, dataSets).parallel().forEach(d -> {
            double[] cells = new double[2 * k];
            long[] draw = new long[2 * k];
            SplittableRandom rng = Seeds.stream(seed, d);
            double[] point = new double[k];
            double[] pointVar = new double[k];
            for (int g = 0; g < k; g++) {
                long pos = Sampling.binomial(rng, c.sizes()[g], c.rates()[g]);
                cells[2 * g] = pos;
                cells[2 * g + 1] = c.sizes()[g] - pos;
                point[g] = (double) pos / c.sizes()[g];
                pointVar[g] = point[g] * (1 - point[g]) / c.sizes()[g];
            }
            double[][] reps = new double[k][replicates];
            double[][] repVar = new double[k][replicates];
            for (int b = 0; b < replicates; b++) {
                Sampling.multinomial(rng, total, cells, draw);
                for (int g = 0; g < k; g++) {
                    long n = draw[2 * g] + draw[2 * g + 1];
                    double v = n > 0 ? (double) draw[2 * g] / n : Double.NaN;
                    reps[g][b] = v;
                    repVar[g][b] = n > 0 ? v * (1 - v) / n : Double.NaN;
                }
            }
            GapIntervals.Component comp = new GapIntervals.Component(point, reps, Double.NaN, new double[replicates],
                    pointVar, repVar);
            double[] ci = method.difference(comp, confidence);
            if (ci == null) {
                undefined.incrementAndGet();
            } else {
                fired.addAndGet(ci[0] > 0 ? 1 : 0);
                covered.addAndGet(ci[0] <= gap && gap <= ci[1] ? 1 : 0);
            }
            double[] rci = method.ratio(comp, confidence);
            if (rci != null) {
                ratioFired.addAndGet(rci[1] < 1 ? 1 : 0);
                ratioCovered.addAndGet(rci[0] <= ratio && ratio <= rci[1] ? 1 : 0);
            }
        });
        return new Outcome(dataSets, fired.get(), covered.get(), ratioFired.get(), ratioCovered.get(), undefined.get());
    }

    /** P(X ≥ x) for X ~ Binomial(n, p), exactly (log-space recurrence of the terms). */
    static double upperTail(int n, double p, int x) {
        double logPmf = n * Math.log1p(-p);
        double s = 0;
        for (int i = 0; i <= n; i++) {
            if (i >= x) {
                s += Math.exp(logPmf);
            }
            logPmf += Math.log(n - i) - Math.log(i + 1) + Math.log(p) - Math.log1p(-p);
        }
        return Math.min(1.0, s);
    }

    /** P(X ≤ x) for X ~ Binomial(n, p). */
    static double lowerTail(int n, double p, int x) {
        return 1 - upperTail(n, p, x + 1);
    }

    /** The smallest t with P(Binomial(n, p) ≥ t) ≤ alpha: a count at or above t rejects "rate ≤ p". */
    static int upperThreshold(int n, double p, double alpha) {
        int t = 0;
        while (upperTail(n, p, t) > alpha) {
            t++;
        }
        return t;
    }

    /** The largest t with P(Binomial(n, p) ≤ t) ≤ alpha: a count at or below t rejects "rate ≥ p". */
    static int lowerThreshold(int n, double p, double alpha) {
        int t = -1;
        while (lowerTail(n, p, t + 1) <= alpha) {
            t++;
        }
        return t;
    }
}
