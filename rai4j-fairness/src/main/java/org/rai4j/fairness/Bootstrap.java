package org.rai4j.fairness;

import org.rai4j.core.Sampling;
import org.rai4j.core.Seeds;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Bootstrap replicates of every metric of every slice, resampling the whole data set with replacement
 * (as Fairlearn's {@code MetricFrame} does), so that slice sizes vary between replicates.
 *
 * <p><b>Multinomial cells (count-based metrics).</b> A row's contribution to every count-based metric
 * depends only on its bootstrap cell: (finest slice, outcome cell, weight value). Drawing N rows with
 * replacement is therefore exactly a multinomial draw of N over the cells with probabilities
 * n_cell/N, and the replicate's statistics are Σ draws × contribution. Each replicate costs
 * O(cells · log N) (exact binomial splitting), independent of N. Used for binary and multiclass tasks
 * without a score column, unweighted or with at most {@value #MAX_WEIGHT_LEVELS} distinct weights.
 *
 * <p><b>Multinomial score bins (binary with a score).</b> The same multinomial over cells that also
 * carry the score's bin on a fine grid ({@link ScoreBins}); AUC per replicate from binned counts, pairs in
 * one bin counting 1/2. Exact when the distinct scores are few; otherwise the replicates' distance from
 * row resampling is bounded and reported ({@link ScoreBinning}). O(cells · bins) per replicate.
 *
 * <p><b>Rows.</b> Otherwise (regression sums, speech, more than {@value #MAX_WEIGHT_LEVELS} distinct
 * weights) each replicate draws N row indices uniformly and accumulates the rows with their
 * multiplicities: O(N) per replicate.
 *
 * <p><b>Clusters.</b> When a cluster column is given (e.g. the speaker of each utterance), each replicate
 * draws as many clusters as there are, uniformly with replacement, and takes every row of a drawn
 * cluster as many times as the cluster was drawn (the cluster bootstrap of Davison &amp; Hinkley 1997,
 * §3.8): rows of one cluster are not independent, and resampling them separately would understate the
 * uncertainty.
 *
 * <p>Replicate b uses the generator {@code Seeds.stream(seed, b)}, so results do not depend on the
 * number of threads. Replicates run in parallel.
 */
final class Bootstrap {
    static final int MAX_WEIGHT_LEVELS = 64;

    /** How replicates are drawn. */
    enum Method {
        MULTINOMIAL_CELLS("multinomial-cells"),
        /** Binary with a score: multinomial over cells that carry the score bin (see {@link ScoreBins}). */
        MULTINOMIAL_SCORE_BINS("multinomial-score-bins"),
        ROWS("rows"),
        /** Whole clusters (e.g. a speaker's utterances) resampled with replacement: rows within a cluster are not independent. */
        CLUSTERS("clusters");

        final String id;

        Method(String id) {
            this.id = id;
        }
    }

    private Bootstrap() {}

    static Method choose(EncodedData d, Layout layout) {
        if (d.cluster != null) {
            return Method.CLUSTERS;
        }
        if (layout.task == Task.REGRESSION || layout.task == Task.SPEECH) {
            return Method.ROWS;
        }
        if (d.weight != null && distinctWeights(d).size() > MAX_WEIGHT_LEVELS) {
            return Method.ROWS;
        }
        return layout.hasScore ? Method.MULTINOMIAL_SCORE_BINS : Method.MULTINOMIAL_CELLS;
    }

    private static Map<Double, Integer> distinctWeights(EncodedData d) {
        Map<Double, Integer> levels = new LinkedHashMap<>();
        for (int r = 0; r < d.rows && levels.size() <= MAX_WEIGHT_LEVELS; r++) {
            levels.putIfAbsent(d.weight[r], levels.size());
        }
        return levels;
    }

    /**
     * Replicate metric values and, for proportion metrics, their plug-in variances v(1 − v)/n_eff in the same
     * replicate (NaN for other metrics), both {@code [scope][slice][metric][replicate]}. The variances let
     * gap intervals studentize each replicate ({@link Simultaneous}).
     */
    record Replicates(double[][][][] values, double[][][][] variances, ScoreBinning binning) {}

    /** Replicate metric values {@code [scope][slice][metric][replicate]}. */
    static double[][][][] replicates(EncodedData d, Layout layout, SlicePlan plan, AucCalculator auc, int replicates,
                                     long seed, Method method, IntConsumer progress) {
        return replicatesWithVariances(d, layout, plan, auc, replicates, seed, method, progress).values();
    }

    /** The plug-in variance of metric {@code def} on statistics {@code s}: v(1 − v)/n_eff for proportions, else NaN. */
    static double variance(Layout layout, MetricDef def, double[] s, double value) {
        if (!def.isProportion() || Double.isNaN(value)) {
            return Double.NaN;
        }
        double w = MetricDef.sum(s, def.denominator());
        double w2 = layout.sumSquaredWeights(s, def.denominator());
        if (!(w > 0) || !(w2 > 0)) {
            return Double.NaN;
        }
        return value * (1 - value) / (w * w / w2);
    }

    /** Replicate values with the variances of proportions (see {@link Replicates}). */
    static Replicates replicatesWithVariances(EncodedData d, Layout layout, SlicePlan plan, AucCalculator auc,
                                              int replicates, long seed, Method method, IntConsumer progress) {
        double[][][][] out = new double[plan.scopes.size()][][][];
        double[][][][] var = new double[plan.scopes.size()][][][];
        for (int sc = 0; sc < out.length; sc++) {
            int slices = plan.scopes.get(sc).slices().size();
            out[sc] = new double[slices][layout.metrics.size()][replicates];
            var[sc] = new double[slices][layout.metrics.size()][replicates];
        }
        CellTable cells = method == Method.MULTINOMIAL_CELLS ? CellTable.of(d, layout) : null;
        ScoreBins scoreBins = method == Method.MULTINOMIAL_SCORE_BINS ? scoreBins(d, layout) : null;
        DoubleAccumulator aucBound = new DoubleAccumulator(Math::max, 0);
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, replicates).parallel().forEach(b -> {
            SplittableRandom rng = Seeds.stream(seed, b);
            double[][] cellStats;
            int[] mult = null;
            double[][] binnedAuc = null;
            if (cells != null) {
                cellStats = cells.draw(rng, d.rows, layout);
            } else if (scoreBins != null) {
                ScoreBins.Draw draw = scoreBins.draw(rng, d.rows, layout, plan);
                cellStats = draw.cellStats();
                binnedAuc = draw.auc();
                aucBound.accumulate(draw.aucErrorBound());
            } else if (method == Method.CLUSTERS) {
                int[] draws = new int[d.clusterCount];
                for (int i = 0; i < d.clusterCount; i++) {
                    draws[rng.nextInt(d.clusterCount)]++;
                }
                mult = new int[d.rows];
                for (int r = 0; r < d.rows; r++) {
                    mult[r] = draws[d.cluster[r]];
                }
                cellStats = CellCounter.count(d, layout, mult);
            } else {
                mult = new int[d.rows];
                for (int i = 0; i < d.rows; i++) {
                    mult[rng.nextInt(d.rows)]++;
                }
                cellStats = CellCounter.count(d, layout, mult);
            }
            double[][][] stats = plan.sliceStats(layout, cellStats);
            for (int sc = 0; sc < stats.length; sc++) {
                for (int s = 0; s < stats[sc].length; s++) {
                    if (binnedAuc != null) {
                        stats[sc][s][layout.aucSlot] = binnedAuc[sc][s];
                    } else if (auc != null) {
                        stats[sc][s][layout.aucSlot] = auc.auc(d, sc, s, mult);
                    }
                    for (int m = 0; m < layout.metrics.size(); m++) {
                        MetricDef def = layout.metrics.get(m);
                        double v = def.apply(stats[sc][s]);
                        out[sc][s][m][b] = v;
                        var[sc][s][m][b] = variance(layout, def, stats[sc][s], v);
                    }
                }
            }
            progress.accept(done.incrementAndGet());
        });
        ScoreBinning binning = scoreBins == null ? null : new ScoreBinning(scoreBins.bins, scoreBins.exact,
                replicates > 0 ? aucBound.get() : 0, scoreBins.brierErrorBound, scoreBins.eceErrorBound);
        return new Replicates(out, var, binning);
    }

    /** The score bins of a binary audit with a score, with the weight levels of {@link CellTable}. */
    static ScoreBins scoreBins(EncodedData d, Layout layout) {
        Map<Double, Integer> levels = d.weight == null ? Map.of(1.0, 0) : distinctWeights(d);
        double[] weightOf = new double[levels.size()];
        levels.forEach((value, i) -> weightOf[i] = value);
        return ScoreBins.of(d, layout, levels, weightOf);
    }

    /** The bootstrap cells of a count-based task: (finest cell, outcome, weight value) with their counts. */
    static final class CellTable {
        final int[] cell;
        final int[] outcome;
        final double[] weight;
        final double[] count;
        final int cells;

        private CellTable(int cells, int[] cell, int[] outcome, double[] weight, double[] count) {
            this.cells = cells;
            this.cell = cell;
            this.outcome = outcome;
            this.weight = weight;
            this.count = count;
        }

        /** Cells already counted elsewhere (see {@link CountedEncoder}), unweighted. */
        static CellTable counted(int cells, int[] cell, int[] outcome, double[] count) {
            double[] ones = new double[cell.length];
            java.util.Arrays.fill(ones, 1.0);
            return new CellTable(cells, cell.clone(), outcome.clone(), ones, count.clone());
        }

        /** The cells' row counts, as whole numbers. */
        long[] counts() {
            long[] m = new long[count.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = (long) count[i];
            }
            return m;
        }

        static CellTable of(EncodedData d, Layout layout) {
            if (d.counted != null) {
                return d.counted;
            }
            Map<Double, Integer> levels = d.weight == null ? Map.of(1.0, 0) : distinctWeights(d);
            int w = levels.size();
            Map<Long, Integer> index = new HashMap<>();
            java.util.List<long[]> keys = new java.util.ArrayList<>();
            java.util.List<Double> counts = new java.util.ArrayList<>();
            for (int r = 0; r < d.rows; r++) {
                int o = layout.outcome(d, r);
                int wl = levels.get(d.weight(r));
                long key = ((long) d.cell[r] * layout.outcomes + o) * w + wl;
                Integer k = index.get(key);
                if (k == null) {
                    k = keys.size();
                    index.put(key, k);
                    keys.add(new long[] {d.cell[r], o, wl});
                    counts.add(0.0);
                }
                counts.set(k, counts.get(k) + 1);
            }
            double[] weightOf = new double[w];
            levels.forEach((value, i) -> weightOf[i] = value);
            int k = keys.size();
            int[] cell = new int[k];
            int[] outcome = new int[k];
            double[] weight = new double[k];
            double[] count = new double[k];
            for (int i = 0; i < k; i++) {
                cell[i] = (int) keys.get(i)[0];
                outcome[i] = (int) keys.get(i)[1];
                weight[i] = weightOf[(int) keys.get(i)[2]];
                count[i] = counts.get(i);
            }
            return new CellTable(d.cellCount(), cell, outcome, weight, count);
        }

        /** Number of bootstrap cells. */
        int size() {
            return cell.length;
        }

        /** One replicate's finest-cell statistics. */
        double[][] draw(SplittableRandom rng, long n, Layout layout) {
            long[] m = new long[cell.length];
            Sampling.multinomial(rng, n, count, m);
            return accumulate(m, layout);
        }

        double[][] accumulate(long[] m, Layout layout) {
            double[][] stats = new double[cells][layout.size];
            for (int i = 0; i < m.length; i++) {
                if (m[i] == 0) {
                    continue;
                }
                double[] s = stats[cell[i]];
                double times = m[i];
                s[outcome[i]] += times * weight[i];
                s[layout.w2Offset + outcome[i]] += times * weight[i] * weight[i];
                s[layout.countOffset + outcome[i]] += times;
                s[layout.rowsSlot] += times;
            }
            return stats;
        }
    }
}
