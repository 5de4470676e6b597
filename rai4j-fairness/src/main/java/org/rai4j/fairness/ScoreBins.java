package org.rai4j.fairness;

import org.rai4j.core.Sampling;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bootstrap cells of a binary audit with a score column: rows grouped by (finest cell, score bin,
 * calibration bin, outcome, weight value), with each group's row count, mean (s − y)² and mean score.
 * A replicate draws N rows as one multinomial over these counts (as {@link Bootstrap.CellTable} does for
 * count-based audits) and computes every slice's AUC from its binned positive and negative counts, pairs
 * within one bin counting 1/2. Cost per replicate: O(bootstrap cells + slices' bins), independent of N
 * once N exceeds the cells.
 *
 * <p><b>The grid.</b> With at most {@value #MAX_BINS} distinct scores every score is its own bin (exact).
 * Otherwise the bin edges are the union of {@value #GRID} equal-width edges on [0, 1] and {@value #GRID}
 * quantile edges of the observed scores, so no bin is wider than 1/{@value #GRID} and none holds much
 * more than N/{@value #GRID} rows unless they share one score; a score held by N/{@value #GRID} rows or
 * more (say exactly 0 or 1) is a bin of its own. See {@link ScoreBinning} for what this
 * costs in accuracy; the bounds are measured on the replicates actually drawn.
 *
 * <p>Immutable after construction; {@link #draw} is thread-safe.
 */
final class ScoreBins {
    /** Most bins when every distinct score gets its own. */
    static final int MAX_BINS = 1024;
    /** Equal-width and quantile edges each, with more distinct scores than {@link #MAX_BINS}. */
    static final int GRID = 512;

    final int bins;
    final boolean exact;
    private final double[] edges;
    private final int cells;
    private final int[] cellOf;
    private final int[] binOf;
    private final int[] eceOf;
    private final int[] outcomeOf;
    private final double[] weightOf;
    private final double[] count;
    private final double[] meanSquaredError;
    private final double[] meanScore;
    /** Keys of cell c are cellStart[c] … cellStart[c + 1] − 1, in bin order. */
    private final int[] cellStart;
    final double brierErrorBound;
    final double eceErrorBound;
    private final long[] keys;
    private final Map<Double, Integer> levelOf;
    private final int weights;
    /** Bins whose rows all have one score: pairs within them are true ties, not binning error. */
    private final boolean[] oneScore;

    private ScoreBins(int bins, boolean exact, double[] edges, int cells, int[] cellOf, int[] binOf, int[] eceOf,
                      int[] outcomeOf, double[] weightOf, double[] count, double[] meanSquaredError, double[] meanScore,
                      int[] cellStart, double brierErrorBound, double eceErrorBound, long[] keys,
                      Map<Double, Integer> levelOf, int weights, boolean[] oneScore) {
        this.oneScore = oneScore;
        this.keys = keys;
        this.levelOf = levelOf;
        this.weights = weights;
        this.bins = bins;
        this.exact = exact;
        this.edges = edges;
        this.cells = cells;
        this.cellOf = cellOf;
        this.binOf = binOf;
        this.eceOf = eceOf;
        this.outcomeOf = outcomeOf;
        this.weightOf = weightOf;
        this.count = count;
        this.meanSquaredError = meanSquaredError;
        this.meanScore = meanScore;
        this.cellStart = cellStart;
        this.brierErrorBound = brierErrorBound;
        this.eceErrorBound = eceErrorBound;
    }

    /**
     * The bins and bootstrap cells of {@code d} (binary, with scores in [0, 1]).
     *
     * @param weightLevels the weight value of each level (index = level), from {@code levelOf}
     * @param levelOf      weight level of each distinct weight value
     */
    static ScoreBins of(EncodedData d, Layout layout, Map<Double, Integer> levelOf, double[] weightLevels) {
        double[] sorted = d.score.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        boolean exact = distinct <= MAX_BINS;
        double[] edges = exact ? distinctAfterFirst(sorted, distinct) : mixedEdges(sorted);
        int bins = edges.length + 1;
        int w = weightLevels.length;
        long[] code = new long[d.rows];
        for (int r = 0; r < d.rows; r++) {
            code[r] = code(d.cell[r], bin(edges, d.score[r]), Layout.eceBin(d.score[r]), layout.outcome(d, r),
                    d.weight == null ? 0 : levelOf.get(d.weight[r]), bins, w);
        }
        long[] keys = code.clone();
        Arrays.sort(keys);
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[k++] = keys[i];
            }
        }
        keys = Arrays.copyOf(keys, k);
        double[] count = new double[k];
        double[] sq = new double[k];
        double[] sc = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < d.rows; r++) {
            int i = Arrays.binarySearch(keys, code[r]);
            double s = d.score[r];
            double e = s - d.truth[r];
            count[i]++;
            sq[i] += e * e;
            sc[i] += s;
            lo[i] = Math.min(lo[i], s);
            hi[i] = Math.max(hi[i], s);
        }
        int[] cellOf = new int[k];
        int[] binOf = new int[k];
        int[] eceOf = new int[k];
        int[] outcomeOf = new int[k];
        double[] weightOf = new double[k];
        int[] cellStart = new int[d.cellCount() + 1];
        double[] binLo = new double[bins];
        double[] binHi = new double[bins];
        Arrays.fill(binLo, Double.POSITIVE_INFINITY);
        Arrays.fill(binHi, Double.NEGATIVE_INFINITY);
        double brierBound = 0;
        double eceBound = 0;
        for (int i = 0; i < k; i++) {
            long c = keys[i];
            int wl = (int) (c % w);
            c /= w;
            outcomeOf[i] = (int) (c % 4);
            c /= 4;
            eceOf[i] = (int) (c % Layout.ECE_BINS);
            c /= Layout.ECE_BINS;
            binOf[i] = (int) (c % bins);
            cellOf[i] = (int) (c / bins);
            weightOf[i] = weightLevels[wl];
            cellStart[cellOf[i] + 1]++;
            sq[i] /= count[i];
            sc[i] /= count[i];
            double y = outcomeOf[i] == Layout.TP || outcomeOf[i] == Layout.FN ? 1 : 0;
            // (s − y)² is monotone in s on [0, 1], so its spread is that of its values at the extremes
            brierBound = Math.max(brierBound, Math.abs((hi[i] - y) * (hi[i] - y) - (lo[i] - y) * (lo[i] - y)));
            eceBound = Math.max(eceBound, hi[i] - lo[i]);
            binLo[binOf[i]] = Math.min(binLo[binOf[i]], lo[i]);
            binHi[binOf[i]] = Math.max(binHi[binOf[i]], hi[i]);
        }
        boolean[] oneScore = new boolean[bins];
        for (int b = 0; b < bins; b++) {
            oneScore[b] = binLo[b] == binHi[b];
        }
        for (int c = 0; c < d.cellCount(); c++) {
            cellStart[c + 1] += cellStart[c];
        }
        return new ScoreBins(bins, exact, edges, d.cellCount(), cellOf, binOf, eceOf, outcomeOf, weightOf, count, sq, sc,
                cellStart, brierBound, eceBound, keys, levelOf, w, oneScore);
    }

    /** The bootstrap cell of row {@code r} of the data these bins were made from. */
    int keyOf(EncodedData d, Layout layout, int r) {
        return Arrays.binarySearch(keys, code(d.cell[r], bin(edges, d.score[r]), Layout.eceBin(d.score[r]),
                layout.outcome(d, r), d.weight == null ? 0 : levelOf.get(d.weight[r]), bins, weights));
    }

    /** Number of bootstrap cells. */
    int size() {
        return count.length;
    }

    /** The bin of a score: the number of edges at or below it. */
    int binOf(double score) {
        return bin(edges, score);
    }

    private static int bin(double[] edges, double score) {
        int i = Arrays.binarySearch(edges, score);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static long code(int cell, int bin, int ece, int outcome, int weightLevel, int bins, int weights) {
        return ((((long) cell * bins + bin) * Layout.ECE_BINS + ece) * 4 + outcome) * weights + weightLevel;
    }

    private static double[] distinctAfterFirst(double[] sorted, int distinct) {
        double[] out = new double[Math.max(0, distinct - 1)];
        int k = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                if (k >= 0) {
                    out[k] = sorted[i];
                }
                k++;
            }
        }
        return out;
    }

    private static double[] mixedEdges(double[] sorted) {
        double[] e = new double[4 * GRID];
        int k0 = 0;
        for (int j = 1; j < GRID; j++) {
            e[k0++] = (double) j / GRID;
            e[k0++] = sorted[(int) ((long) sorted.length * j / GRID)];
        }
        // a score held by at least N/GRID rows (e.g. exactly 0 or 1) gets a bin of its own: its pairs are true ties
        long heavy = Math.max(2, sorted.length / GRID);
        for (int i = 0, j; i < sorted.length && k0 + 2 <= e.length; i = j) {
            for (j = i + 1; j < sorted.length && sorted[j] == sorted[i]; j++) {
                // run of one value
            }
            if (j - i >= heavy) {
                e[k0++] = sorted[i];
                e[k0++] = Math.nextUp(sorted[i]);
            }
        }
        e = Arrays.copyOf(e, k0);
        Arrays.sort(e);
        int k = 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i] > sorted[0] && (k == 0 || e[i] != e[k - 1])) {
                e[k++] = e[i];
            }
        }
        return Arrays.copyOf(e, k);
    }

    /**
     * One replicate: finest-cell statistics, AUC per [scope][slice], and the largest half-share of
     * positive–negative pairs that share a bin without sharing a score (the replicate's AUC error bound).
     */
    record Draw(double[][] cellStats, double[][] auc, double aucErrorBound) {}

    /** Draws one replicate of {@code n} rows. */
    Draw draw(SplittableRandom rng, long n, Layout layout, SlicePlan plan) {
        long[] m = new long[count.length];
        Sampling.multinomial(rng, n, count, m);
        return evaluate(m, layout, plan);
    }

    /** The replicate whose bootstrap cells were drawn {@code m} times. */
    Draw evaluate(long[] m, Layout layout, SlicePlan plan) {
        double[][] stats = new double[cells][layout.size];
        for (int i = 0; i < m.length; i++) {
            if (m[i] > 0) {
                layout.addScoreCell(stats[cellOf[i]], outcomeOf[i], m[i], weightOf[i], eceOf[i], meanSquaredError[i],
                        meanScore[i]);
            }
        }
        double[][] auc = new double[plan.scopes.size()][];
        double[] pos = new double[bins];
        double[] neg = new double[bins];
        double bound = 0;
        for (int sc = 0; sc < auc.length; sc++) {
            int[][] members = plan.scopes.get(sc).members();
            auc[sc] = new double[members.length];
            for (int s = 0; s < members.length; s++) {
                double[] r = members[s].length == 1 ? sparse(m, members[s][0]) : dense(m, members[s], pos, neg);
                auc[sc][s] = r[0];
                if (!Double.isNaN(r[0])) {
                    bound = Math.max(bound, r[1]);
                }
            }
        }
        return new Draw(stats, auc, bound);
    }

    /** {AUC, half tied-pair share} of one finest cell: its keys are already in bin order. */
    private double[] sparse(long[] m, int cell) {
        Acc a = new Acc();
        int i = cellStart[cell];
        int end = cellStart[cell + 1];
        while (i < end) {
            int b = binOf[i];
            double p = 0;
            double q = 0;
            for (; i < end && binOf[i] == b; i++) {
                if (m[i] > 0) {
                    double w = m[i] * weightOf[i];
                    if (outcomeOf[i] == Layout.TP || outcomeOf[i] == Layout.FN) {
                        p += w;
                    } else {
                        q += w;
                    }
                }
            }
            a.add(p, q, oneScore[b]);
        }
        return a.result();
    }

    /** {AUC, half tied-pair share} of a slice of several cells, through per-bin sums (left zeroed). */
    private double[] dense(long[] m, int[] members, double[] pos, double[] neg) {
        int lo = bins;
        int hi = -1;
        for (int c : members) {
            for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
                if (m[i] > 0) {
                    double w = m[i] * weightOf[i];
                    if (outcomeOf[i] == Layout.TP || outcomeOf[i] == Layout.FN) {
                        pos[binOf[i]] += w;
                    } else {
                        neg[binOf[i]] += w;
                    }
                    lo = Math.min(lo, binOf[i]);
                    hi = Math.max(hi, binOf[i]);
                }
            }
        }
        Acc a = new Acc();
        for (int b = lo; b <= hi; b++) {
            a.add(pos[b], neg[b], oneScore[b]);
            pos[b] = 0;
            neg[b] = 0;
        }
        return a.result();
    }

    /** Mann–Whitney sum over bins in score order, ties within a bin counting 1/2. */
    private static final class Acc {
        double negBelow;
        double sum;
        double tied;
        double pos;
        double neg;

        void add(double p, double q, boolean trueTies) {
            sum += p * (negBelow + 0.5 * q);
            if (!trueTies) {
                tied += p * q;
            }
            negBelow += q;
            pos += p;
            neg += q;
        }

        double[] result() {
            if (!(pos > 0 && neg > 0)) {
                return new double[] {Double.NaN, 0};
            }
            return new double[] {sum / (pos * neg), 0.5 * tied / (pos * neg)};
        }
    }
}
