package org.rai4j.fairness;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

/**
 * Throughput of {@link BiasAnalysis} after parsing (behind {@code rai4j bench bias}): a generated in-memory
 * table (facet with 4 levels, one-vs-all; binary label and prediction; a group variable with 5 strata), all
 * metrics but FT (k-NN needs the rows, see {@link FlipTest}). Each repetition times the whole
 * {@code BiasAnalysis.run} (column views, positive rules, the counting pass, metrics) and, interleaved, the
 * bare counting pass over the same prepared arrays as the baseline. Not library API for users; a benchmark.
 */
public final class BiasBenchmark {
    private BiasBenchmark() {}

    /**
     * Figures of one benchmark run.
     *
     * @param rows            rows of the generated table
     * @param mode            conventions (strict adds the bootstrap on counts)
     * @param runSeconds      seconds of each full {@code BiasAnalysis.run}, in run order
     * @param baselineSeconds seconds of each bare counting pass, in run order
     */
    public record Result(int rows, BiasMode mode, double[] runSeconds, double[] baselineSeconds) {
        /** Median seconds of the full run. */
        public double medianRun() {
            return median(runSeconds);
        }

        /** Median seconds of the baseline pass. */
        public double medianBaseline() {
            return median(baselineSeconds);
        }

        /** Rows per second of the full run (median). */
        public double rowsPerSecond() {
            return rows / medianRun();
        }

        /** Rows per second of the bare counting pass (median). */
        public double baselineRowsPerSecond() {
            return rows / medianBaseline();
        }

        private static double median(double[] x) {
            double[] s = x.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        }
    }

    /** Generates the table (seeded) and times {@code repetitions} interleaved runs of both. */
    public static Result run(int rows, int repetitions, BiasMode mode, long seed) throws DataFileException {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] facetLevels = {"g0", "g1", "g2", "g3"};
        String[] strataLevels = {"s0", "s1", "s2", "s3", "s4"};
        String[] facet = new String[rows];
        String[] stratum = new String[rows];
        double[] label = new double[rows];
        double[] pred = new double[rows];
        for (int i = 0; i < rows; i++) {
            int f = rng.nextInt(4);
            facet[i] = facetLevels[f];
            stratum[i] = strataLevels[rng.nextInt(5)];
            label[i] = rng.nextDouble() < 0.3 + 0.1 * f ? 1 : 0;
            pred[i] = rng.nextDouble() < (label[i] == 1 ? 0.8 : 0.2) ? 1 : 0;
        }
        Table table = Table.of("generated", Column.categorical("facet", facet), Column.categorical("stratum", stratum),
                Column.numeric("label", label), Column.numeric("pred", pred));
        facet = null;
        stratum = null;
        BiasSpec spec = new BiasSpec("label", List.of("1"), null, "pred", "facet", List.of(), null, "stratum", List.of(),
                mode, mode == BiasMode.STRICT ? 1000 : 0, 0.95, seed);
        int[] f = table.column("facet").codes();
        int[] s = table.column("stratum").codes();
        byte[] y = BiasAnalysis.positives(table, table.column("label"), spec);
        byte[] p = BiasAnalysis.positives(table, table.column("pred"), spec);
        double[] run = new double[repetitions];
        double[] base = new double[repetitions];
        long sink = 0;
        for (int r = -1; r < repetitions; r++) { // r = −1: warm-up of both
            long t0 = System.nanoTime();
            BiasReport report = BiasAnalysis.run(table, spec);
            long t1 = System.nanoTime();
            long[] counts = new long[4 * 5 * 4];
            sink += BiasAnalysis.count(f, y, p, s, 5, counts) + counts[3];
            long t2 = System.nanoTime();
            sink += report.results().size();
            if (r >= 0) {
                run[r] = (t1 - t0) / 1e9;
                base[r] = (t2 - t1) / 1e9;
            }
        }
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable");
        }
        return new Result(rows, mode, run, base);
    }
}
