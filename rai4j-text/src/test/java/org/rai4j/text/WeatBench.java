package org.rai4j.text;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark (not a unit test): one full WEAT — associations of 25 + 25 targets against 25 + 25 attributes in 300
 * dimensions, effect size, and a p-value from 10^5 sampled partitions — against a baseline in the same process that
 * draws each partition by a full shuffle and recomputes both sums (the textbook loop). Both start from the same
 * vectors and the same seed per repetition; repetitions interleave; median and range are printed.
 * Run: {@code java -cp rai4j-text/target/classes:rai4j-text/target/test-classes:rai4j-core/target/classes
 * org.rai4j.text.WeatBench [reps]}.
 */
public final class WeatBench {
    private WeatBench() {}

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        SplittableRandom rng = new SplittableRandom(42);
        List<double[]> x = WeatTest.vectors(rng, 25, 300);
        List<double[]> y = WeatTest.vectors(rng, 25, 300);
        List<double[]> a = WeatTest.vectors(rng, 25, 300);
        List<double[]> b = WeatTest.vectors(rng, 25, 300);
        long[] ours = new long[reps];
        long[] base = new long[reps];
        double sink = 0;
        for (int r = -3; r < reps; r++) { // 3 warm-up rounds
            long t0 = System.nanoTime();
            WeatResult w = Weat.test(x, y, a, b, new WeatOptions(100_000, StdConvention.SAMPLE, r + 100));
            long t1 = System.nanoTime();
            double pb = baseline(x, y, a, b, 100_000, r + 100);
            long t2 = System.nanoTime();
            sink += w.pValue() + pb;
            if (r >= 0) {
                ours[r] = t1 - t0;
                base[r] = t2 - t1;
            }
            if (r == 0 && w.exact()) {
                throw new IllegalStateException("expected a sampled test");
            }
        }
        Arrays.sort(ours);
        Arrays.sort(base);
        System.out.printf("WEAT 25+25 targets, 25+25 attributes, 300-d, 10^5 sampled partitions, %d reps%n", reps);
        System.out.printf("rai4j Weat.test: median %.1f ms [%.1f – %.1f]%n", ours[reps / 2] / 1e6, ours[0] / 1e6,
                ours[reps - 1] / 1e6);
        System.out.printf("baseline (full shuffle, both sums): median %.1f ms [%.1f – %.1f]%n", base[reps / 2] / 1e6,
                base[0] / 1e6, base[reps - 1] / 1e6);
        System.out.printf("ratio baseline/rai4j: %.2f (sink %.3f)%n", (double) base[reps / 2] / ours[reps / 2], sink);
    }

    private static double baseline(List<double[]> x, List<double[]> y, List<double[]> a, List<double[]> b, int n,
                                   long seed) {
        double[] sx = Weat.associations(x, a, b);
        double[] sy = Weat.associations(y, a, b);
        Weat.effectSize(sx, sy, StdConvention.SAMPLE);
        double[] all = new double[sx.length + sy.length];
        System.arraycopy(sx, 0, all, 0, sx.length);
        System.arraycopy(sy, 0, all, sx.length, sy.length);
        double observed = Weat.sum(sx) - Weat.sum(sy);
        SplittableRandom rng = new SplittableRandom(seed);
        long hits = 1;
        for (int r = 1; r < n; r++) {
            for (int i = all.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            double s = 0;
            for (int i = 0; i < all.length; i++) {
                s += i < sx.length ? all[i] : -all[i];
            }
            if (s >= observed - 1e-12) {
                hits++;
            }
        }
        return (double) hits / n;
    }
}
