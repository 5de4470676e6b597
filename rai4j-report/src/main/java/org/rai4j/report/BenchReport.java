package org.rai4j.report;

import org.rai4j.bounty.BountyBenchmark;

import java.util.Arrays;
import java.util.Locale;

/** Console renderings of the benchmark results that the {@code rai4j bench} commands print. Stateless. */
public final class BenchReport {
    private BenchReport() {}

    /** {@code rai4j bench bounty}: verification time per submission and batched vs per-row PDL evaluation. */
    public static String bounty(BountyBenchmark.Result r) {
        StringBuilder sb = new StringBuilder();
        double[] reject = r.rejectMs();
        sb.append(String.format(Locale.ROOT, "bench bounty: holdout %,d rows, PDL %d nodes (%d leaves, %d repairs), 0-1 loss, alpha 0.001%n",
                r.rows(), r.nodes(), r.leaves(), r.repairs()));
        sb.append(String.format(Locale.ROOT, "verify one submission (rejected: %s): median %.1f ms over %d runs (min %.1f, max %.1f)%n",
                "NO_IMPROVEMENT/BELOW_ALPHA", median(reject), reject.length, min(reject), max(reject)));
        sb.append(String.format(Locale.ROOT, "verify + accept one submission (update, repair check over %d groups, audit entry): %.1f ms (%s)%n",
                r.groups(), r.acceptMs(), r.accepted() ? "accepted" : "rejected " + r.acceptReason()));
        double batched = median(r.batchedMs());
        double perRow = median(r.perRowMs());
        sb.append(String.format(Locale.ROOT, "PDL evaluation, %d nodes (cached memberships): batched masks median %.1f ms, per-row traversal median %.1f ms: "
                + "ratio %.1fx%n", r.evaluatedNodes(), batched, perRow, perRow / batched));
        sb.append(String.format(Locale.ROOT, "PDL evaluation from scratch (every group and model evaluated on %,d rows): %.1f ms%n", r.rows(), r.coldMs()));
        return sb.toString();
    }

    /** The upper median (element n/2 of the sorted values), as the bench commands report it. */
    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }
}
