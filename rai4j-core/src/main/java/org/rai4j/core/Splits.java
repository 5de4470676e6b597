package org.rai4j.core;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded, reproducible row splits. */
public final class Splits {
    private Splits() {}

    /**
     * A random train/test split of rows 0..n−1: a Fisher–Yates shuffle under {@code seed}, the first
     * round(n·testFraction) rows (sorted) are the test set, the rest (sorted) the training set.
     *
     * @return {train rows, test rows}
     */
    public static int[][] trainTest(int n, double testFraction, long seed) {
        Preconditions.checkOpenInterval(testFraction, 0.0, 1.0, "testFraction");
        Preconditions.checkAtLeast(n, 2, "n");
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int test = (int) Math.max(1, Math.min(n - 1, Math.round(n * testFraction)));
        int[] testRows = Arrays.copyOfRange(idx, 0, test);
        int[] trainRows = Arrays.copyOfRange(idx, test, n);
        Arrays.sort(testRows);
        Arrays.sort(trainRows);
        return new int[][] {trainRows, testRows};
    }
}
