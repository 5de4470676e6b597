package org.rai4j.fairness;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic binary-classification data with known per-slice rates, for tests, simulations and
 * benchmarks. Slice k (of {@code slices}) is the intersection {@code a=a<k / 10>, b=b<k % 10>} and
 * gets prevalence, true positive rate and false positive rate from {@link #truth(int)}; rows are
 * spread over slices uniformly. Deterministic for a given seed.
 *
 * @param rows   number of rows
 * @param slices number of finest slices (1..10,000)
 * @param seed   seed
 */
public record SyntheticData(long rows, int slices, long seed) {
    public SyntheticData {
        Preconditions.checkAtLeast(rows, 1, "rows");
        Preconditions.checkArgument(slices >= 1 && slices <= 10_000, "slices must be in [1, 10000], got " + slices);
    }

    /** The true rates of slice k: {prevalence, true positive rate, false positive rate}. */
    public static double[] truth(int k) {
        double prevalence = 0.2 + 0.4 * ((k * 37) % 11) / 10.0;
        double tpr = 0.6 + 0.3 * ((k * 13) % 7) / 6.0;
        double fpr = 0.05 + 0.25 * ((k * 29) % 5) / 4.0;
        return new double[] {prevalence, tpr, fpr};
    }

    /** Level of attribute a for slice k. */
    public static String levelA(int k) {
        return "a" + (k / 10);
    }

    /** Level of attribute b for slice k. */
    public static String levelB(int k) {
        return "b" + (k % 10);
    }

    /** The data already encoded (no CSV): groups a and b, unweighted, no score. */
    public EncodedData encoded() {
        Preconditions.checkArgument(rows <= Integer.MAX_VALUE - 8, "rows must fit in an array, got " + rows);
        int n = (int) rows;
        int[] cell = new int[n];
        int[] truth = new int[n];
        int[] pred = new int[n];
        SplittableRandom rng = Seeds.stream(seed, 0);
        double[][] t = new double[slices][];
        for (int k = 0; k < slices; k++) {
            t[k] = truth(k);
        }
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(slices);
            cell[i] = k;
            int y = rng.nextDouble() < t[k][0] ? 1 : 0;
            truth[i] = y;
            pred[i] = rng.nextDouble() < (y == 1 ? t[k][1] : t[k][2]) ? 1 : 0;
        }
        List<List<String>> levels = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            levels.add(List.of(levelA(k), levelB(k)));
        }
        return new EncodedData(Task.BINARY, n, List.of("a", "b"), List.of(), levels, cell, truth, pred, null, null,
                null, null, List.of("0", "1"));
    }

    /** Writes the same kind of data as CSV ({@code a,b,y_true,y_pred}) with the given seed. */
    public void writeCsv(Writer out) throws IOException {
        BufferedWriter w = new BufferedWriter(out, 1 << 16);
        w.write("a,b,y_true,y_pred\n");
        SplittableRandom rng = Seeds.stream(seed, 0);
        double[][] t = new double[slices][];
        String[] prefix = new String[slices];
        for (int k = 0; k < slices; k++) {
            t[k] = truth(k);
            prefix[k] = levelA(k) + "," + levelB(k) + ",";
        }
        for (long i = 0; i < rows; i++) {
            int k = rng.nextInt(slices);
            int y = rng.nextDouble() < t[k][0] ? 1 : 0;
            int p = rng.nextDouble() < (y == 1 ? t[k][1] : t[k][2]) ? 1 : 0;
            w.write(prefix[k]);
            w.write(y == 1 ? "1," : "0,");
            w.write(p == 1 ? "1\n" : "0\n");
        }
        w.flush();
    }
}
