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

    /**
     * An independent per-row split of rows 0..n−1: row i goes to the holdout when the i-th draw of
     * {@link Seeds#stream Seeds.stream(seed, 0)} is below {@code holdoutFraction}; both lists ascending.
     *
     * @return {train rows, holdout rows}
     */
    public static int[][] bernoulli(int n, double holdoutFraction, long seed) {
        Preconditions.checkOpenInterval(holdoutFraction, 0.0, 1.0, "holdoutFraction");
        SplittableRandom rng = Seeds.stream(seed, 0);
        int[] train = new int[n];
        int[] holdout = new int[n];
        int nt = 0;
        int nh = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < holdoutFraction) {
                holdout[nh++] = i;
            } else {
                train[nt++] = i;
            }
        }
        return new int[][] {Arrays.copyOf(train, nt), Arrays.copyOf(holdout, nh)};
    }

    /** {@code size} rows drawn uniformly with replacement from 0..n−1 under {@code seed} (a bootstrap sample). */
    public static int[] withReplacement(int n, int size, long seed) {
        Preconditions.checkAtLeast(n, 1, "n");
        SplittableRandom rng = new SplittableRandom(seed);
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = rng.nextInt(n);
        }
        return rows;
    }
}
