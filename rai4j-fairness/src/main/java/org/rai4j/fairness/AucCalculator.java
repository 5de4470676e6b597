package org.rai4j.fairness;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact ROC AUC of a slice: the probability that a random positive scores above a random negative,
 * ties counting one half (Mann–Whitney U / (n₊·n₋)), weighted and with row multiplicities. Rows are
 * sorted by score once per slice; each evaluation is then one pass.
 */
final class AucCalculator {
    private final int[][][] sortedRows;

    private AucCalculator(int[][][] sortedRows) {
        this.sortedRows = sortedRows;
    }

    /** Sorts the rows of every slice of every scope by score. */
    static AucCalculator of(EncodedData d, SlicePlan plan) {
        int scopes = plan.scopes.size();
        int[][][] sorted = new int[scopes][][];
        Integer[] byScore = new Integer[d.rows];
        for (int i = 0; i < d.rows; i++) {
            byScore[i] = i;
        }
        Arrays.sort(byScore, Comparator.comparingDouble(i -> d.score[i]));
        for (int sc = 0; sc < scopes; sc++) {
            int slices = plan.scopes.get(sc).slices().size();
            int[] sizes = new int[slices];
            for (int r = 0; r < d.rows; r++) {
                for (int s : plan.cellSlices[sc][d.cell[r]]) {
                    sizes[s]++;
                }
            }
            sorted[sc] = new int[slices][];
            for (int s = 0; s < slices; s++) {
                sorted[sc][s] = new int[sizes[s]];
            }
            int[] fill = new int[slices];
            for (int r : byScore) {
                for (int s : plan.cellSlices[sc][d.cell[r]]) {
                    sorted[sc][s][fill[s]++] = r;
                }
            }
        }
        return new AucCalculator(sorted);
    }

    /** AUC of slice {@code s} of scope {@code sc}; NaN without both classes. */
    double auc(EncodedData d, int sc, int s, int[] multiplicity) {
        int[] rows = sortedRows[sc][s];
        double negBelow = 0;
        double sum = 0;
        double pos = 0;
        double neg = 0;
        int i = 0;
        while (i < rows.length) {
            double score = d.score[rows[i]];
            double tiePos = 0;
            double tieNeg = 0;
            int j = i;
            while (j < rows.length && d.score[rows[j]] == score) {
                int r = rows[j];
                double w = d.weight(r) * (multiplicity == null ? 1 : multiplicity[r]);
                if (d.truth[r] == 1) {
                    tiePos += w;
                } else {
                    tieNeg += w;
                }
                j++;
            }
            sum += tiePos * (negBelow + 0.5 * tieNeg);
            negBelow += tieNeg;
            pos += tiePos;
            neg += tieNeg;
            i = j;
        }
        return pos > 0 && neg > 0 ? sum / (pos * neg) : Double.NaN;
    }
}
