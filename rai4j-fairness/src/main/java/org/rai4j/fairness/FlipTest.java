package org.rai4j.fairness;

/**
 * SageMaker Clarify's FlipTest (FT; smclarify {@code posttraining.FT}, after Black, Yeom &amp; Fredrikson 2020):
 * a k-nearest-neighbour classifier (Euclidean distance, uniform vote; k = 5, or k = 1 when the reference group
 * has at most 9 rows) is fitted on the reference group's feature vectors and the model's predictions; for
 * every monitored row it predicts "what the model would have said to a similar reference-group member".
 * FT = (#[model 1, k-NN 0] − #[model 0, k-NN 1]) / n_d — note the sign: positive means the monitored group
 * received <em>more</em> positive predictions than its reference-group neighbours.
 *
 * <p>Exact brute-force search, O(n_a · n_d · features); ties in distance are broken by the lower row index.
 * Not a mergeable statistic (it needs the rows), so it has no bootstrap interval.
 */
final class FlipTest {
    /** Above this many distance evaluations the exact search is refused (UNDEFINED with a reason). */
    static final long MAX_PAIRS = 2_000_000_000L;

    private FlipTest() {}

    /**
     * @param features  row-major feature vectors (all rows)
     * @param monitored per row: 1 monitored (d), 0 reference (a), −1 left out
     * @param predicted per row: 1 positive prediction, else 0
     */
    static BiasMetrics.Value compute(double[][] features, byte[] monitored, byte[] predicted) {
        int nA = 0;
        int nD = 0;
        for (byte g : monitored) {
            nA += g == 0 ? 1 : 0;
            nD += g == 1 ? 1 : 0;
        }
        if (nD == 0) {
            return BiasMetrics.Value.undefined("the monitored group (facet d) is empty");
        }
        if (nA == 0) {
            return BiasMetrics.Value.undefined("the reference group (facet a) is empty");
        }
        if ((long) nA * nD > MAX_PAIRS / Math.max(1, features.length == 0 ? 1 : features[0].length)) {
            return BiasMetrics.Value.undefined("exact k-NN over " + nA + " × " + nD + " rows is too large; sample the data");
        }
        int[] ref = new int[nA];
        int j = 0;
        for (int i = 0; i < monitored.length; i++) {
            if (monitored[i] == 0) {
                ref[j++] = i;
            }
        }
        int k = nA > 9 ? 5 : 1;
        int[] bestIdx = new int[k];
        double[] bestDist = new double[k];
        long flipPos = 0;
        long flipNeg = 0;
        for (int i = 0; i < monitored.length; i++) {
            if (monitored[i] != 1) {
                continue;
            }
            int found = 0;
            for (int r : ref) {
                double dist = squaredDistance(features[i], features[r]);
                if (found < k) {
                    insert(bestIdx, bestDist, found++, r, dist);
                } else if (dist < bestDist[k - 1]) {
                    insert(bestIdx, bestDist, k - 1, r, dist);
                }
            }
            int votes = 0;
            for (int q = 0; q < k; q++) {
                votes += predicted[bestIdx[q]];
            }
            int knn = 2 * votes > k ? 1 : 0;
            if (predicted[i] == 1 && knn == 0) {
                flipPos++;
            } else if (predicted[i] == 0 && knn == 1) {
                flipNeg++;
            }
        }
        return BiasMetrics.Value.of((double) (flipPos - flipNeg) / nD);
    }

    /** Inserts (idx, dist) at position {@code slot} or earlier, keeping the list sorted; equal distances keep earlier rows first. */
    private static void insert(int[] idx, double[] dist, int slot, int r, double d) {
        int p = slot;
        while (p > 0 && dist[p - 1] > d) {
            idx[p] = idx[p - 1];
            dist[p] = dist[p - 1];
            p--;
        }
        idx[p] = r;
        dist[p] = d;
    }

    private static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int f = 0; f < x.length; f++) {
            double t = x[f] - y[f];
            s += t * t;
        }
        return s;
    }
}
