package org.rai4j.fairness;

import java.util.Comparator;

/** Multiple-comparison adjustment of a family of p-values. */
public enum Adjustment {
    /** No adjustment. */
    NONE,
    /** Holm's step-down method (1979): controls the family-wise error rate. */
    HOLM,
    /** Benjamini–Hochberg step-up method (1995): controls the false discovery rate. */
    BH;

    /**
     * Adjusted p-values, in the input order, each capped at 1. NaN entries stay NaN and do not count
     * towards the family size.
     */
    public double[] adjust(double[] p) {
        double[] out = p.clone();
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i]))
                .boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int m = order.length;
        if (this == NONE || m == 0) {
            return out;
        }
        if (this == HOLM) {
            double running = 0;
            for (int k = 0; k < m; k++) {
                double adj = Math.min(1.0, (m - k) * p[order[k]]);
                running = Math.max(running, adj);
                out[order[k]] = running;
            }
        } else {
            double running = 1.0;
            for (int k = m - 1; k >= 0; k--) {
                double adj = Math.min(1.0, p[order[k]] * m / (k + 1));
                running = Math.min(running, adj);
                out[order[k]] = running;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
