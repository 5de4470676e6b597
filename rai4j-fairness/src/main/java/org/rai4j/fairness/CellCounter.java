package org.rai4j.fairness;

/**
 * The counting pass: one sequential sweep over the rows that adds each row to the statistics of its
 * finest cell. For unweighted binary data without scores it counts confusion cells in a flat
 * {@code long[]} (the fast path); otherwise it adds each row's full contribution. Stateless.
 */
public final class CellCounter {
    private CellCounter() {}

    /** Statistics per finest cell: {@code [cell][slot]} in the task's layout. */
    static double[][] count(EncodedData d, Layout layout) {
        return count(d, layout, null);
    }

    /**
     * Statistics per finest cell, each row counted {@code multiplicity[row]} times (all once when
     * null). Multiplicities are how a row-level bootstrap replicate is accumulated.
     */
    static double[][] count(EncodedData d, Layout layout, int[] multiplicity) {
        int cells = d.cellCount();
        if (d.counted != null && multiplicity == null) {
            return d.counted.accumulate(d.counted.counts(), layout);
        }
        double[][] stats = new double[cells][layout.size];
        if (layout.task == Task.BINARY && d.weight == null && !layout.hasScore && multiplicity == null) {
            long[] flat = countBinary(d);
            for (int c = 0; c < cells; c++) {
                for (int o = 0; o < 4; o++) {
                    double v = flat[c * 4 + o];
                    stats[c][o] = v;
                    stats[c][layout.w2Offset + o] = v;
                    stats[c][layout.countOffset + o] = v;
                    stats[c][layout.rowsSlot] += v;
                }
            }
            return stats;
        }
        for (int r = 0; r < d.rows; r++) {
            int m = multiplicity == null ? 1 : multiplicity[r];
            if (m > 0) {
                layout.add(d, r, m, stats[d.cell[r]]);
            }
        }
        return stats;
    }

    /**
     * The fast path: confusion counts of unweighted binary data, {@code [cell * 4 + outcome]} with
     * outcome order tp, fp, tn, fn.
     */
    public static long[] countBinary(EncodedData d) {
        long[] flat = new long[d.cellCount() * 4];
        int[] cell = d.cell;
        int[] truth = d.truth;
        int[] pred = d.predicted;
        // outcome = OUTCOME[2 * truth + pred]: (0,0)->tn, (0,1)->fp, (1,0)->fn, (1,1)->tp
        int[] outcome = {Layout.TN, Layout.FP, Layout.FN, Layout.TP};
        for (int r = 0, n = d.rows; r < n; r++) {
            flat[(cell[r] << 2) + outcome[(truth[r] << 1) | pred[r]]]++;
        }
        return flat;
    }
}
