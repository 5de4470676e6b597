package org.rai4j.cli;

import org.rai4j.bounty.BountyData;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.BountyConfig;
import org.rai4j.bounty.BountyEngine;
import org.rai4j.bounty.Decision;
import org.rai4j.bounty.GroupSpec;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.Submission;
import org.rai4j.bounty.TableEvaluations;
import org.rai4j.bounty.ThresholdGuard;
import org.rai4j.core.Column;
import org.rai4j.core.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bench bounty}: the time to verify one submission against a large holdout with a
 * many-node pointer decision list, and batched PDL evaluation against per-row traversal (the baseline)
 * in the same process. Synthetic data, fixed seed.
 */
@Command(name = "bounty", mixinStandardHelpOptions = true,
        description = "Benchmark: verify one bounty submission against a large holdout with a many-node PDL.")
public final class BenchBountyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N", description = "Holdout rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--nodes", defaultValue = "50", paramLabel = "K", description = "PDL nodes including the base (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--repeat", defaultValue = "7", paramLabel = "R", description = "Timed repetitions; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Data seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (rows < 1000 || nodes < 2 || nodes > 500 || repeat < 1) {
            throw new UserException("bench bounty: need --rows ≥ 1000, 2 ≤ --nodes ≤ 500, --repeat ≥ 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int leaves = nodes - 1;
        err.println("bench bounty: generating " + rows + " rows…");
        Table holdout = data(rows, leaves, seed);
        BountyData data = BountyData.of(holdout, holdout, "y", "1", Loss.ZERO_ONE);
        // No query budgets: the bench submits the same pairs over and over. The holdout doubles as the public
        // split, so every verification also runs the public checks on 1,000,000 rows (as a server would on its split).
        BountyConfig config = new BountyConfig(new BigDecimal("0.001"), BigDecimal.ZERO, 30, BigDecimal.ZERO)
                .withBudgets(Integer.MAX_VALUE, Integer.MAX_VALUE);
        BountyEngine engine = new BountyEngine(holdout, holdout, data.artifacts(), new ModelSpec.Constant("0"), config,
                new ThresholdGuard(), AuditLog.inMemory());
        err.println("bench bounty: building a " + nodes + "-node PDL through the engine…");
        for (int k = 0; k < leaves; k++) {
            Decision d = engine.submit(new Submission("bin" + k, "bench", new GroupSpec.Predicate("bin == " + k + " and u < 900"),
                    new ModelSpec.Constant("1")));
            if (!d.accepted()) {
                throw new IllegalStateException("bench setup: submission bin" + k + " was rejected: " + d.reason());
            }
        }
        out.printf(Locale.ROOT, "bench bounty: holdout %,d rows, PDL %d nodes (%d leaves, %d repairs), 0-1 loss, alpha 0.001%n",
                rows, engine.pdl().nodes().size(), leaves, engine.repairCount());

        // 1. Verify one submission against the current model (the server's path): group and model evaluated on
        //    every holdout row, exact counts, decision, audit-log entry with the prediction hash.
        double[] rejectMs = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            Decision d = engine.submit(new Submission("probe" + r, "bench",
                    new GroupSpec.Predicate("c == 'c3' and u >= " + (100 + r) + " and v < 50"), new ModelSpec.Rule("v < 25")));
            rejectMs[r] = (System.nanoTime() - t0) / 1e6;
            if (d.accepted()) {
                throw new IllegalStateException("bench: the probe was expected to be rejected");
            }
        }
        long t0 = System.nanoTime();
        Decision acc = engine.submit(new Submission("accept", "bench", new GroupSpec.Predicate("u >= 900 and v < 30"),
                new ModelSpec.Constant("1")));
        double acceptMs = (System.nanoTime() - t0) / 1e6;
        out.printf(Locale.ROOT, "verify one submission (rejected: %s): median %.1f ms over %d runs (min %.1f, max %.1f)%n",
                "NO_IMPROVEMENT/BELOW_ALPHA", median(rejectMs), repeat, min(rejectMs), max(rejectMs));
        out.printf(Locale.ROOT, "verify + accept one submission (update, repair check over %d groups, audit entry): %.1f ms (%s)%n",
                engine.groupStatuses().size(), acceptMs, acc.accepted() ? "accepted" : "rejected " + acc.reason());

        // 2. Evaluating the whole PDL from scratch on the holdout: batched masks vs per-row traversal (baseline).
        int version = engine.pdl().latestVersion();
        double[] batchedMs = new double[repeat];
        double[] perRowMs = new double[repeat];
        double[] a = null;
        double[] b = null;
        for (int r = 0; r < repeat; r++) {
            TableEvaluations warm = new TableEvaluations(holdout);
            engine.pdl().predict(version, warm); // groups and models evaluated once, cached for both passes
            long s = System.nanoTime();
            a = engine.pdl().predict(version, warm);
            batchedMs[r] = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            b = engine.pdl().predictRowByRow(version, warm);
            perRowMs[r] = (System.nanoTime() - s) / 1e6;
        }
        if (!Arrays.equals(a, b)) {
            throw new IllegalStateException("batched and per-row evaluation disagree");
        }
        long c0 = System.nanoTime();
        engine.pdl().predict(version, new TableEvaluations(holdout));
        double coldMs = (System.nanoTime() - c0) / 1e6;
        out.printf(Locale.ROOT, "PDL evaluation, %d nodes (cached memberships): batched masks median %.1f ms, per-row traversal median %.1f ms: "
                + "ratio %.1fx%n", engine.pdl().nodes().size(), median(batchedMs), median(perRowMs), median(perRowMs) / median(batchedMs));
        out.printf(Locale.ROOT, "PDL evaluation from scratch (every group and model evaluated on %,d rows): %.1f ms%n", rows, coldMs);
        out.flush();
        return 0;
    }

    /** u ∈ 0…999, v ∈ 0…99, c one of 8 levels, bin = u mod leaves; label 1 with probability 0.7 where u &lt; 900, else 0.8 where v &lt; 30, else 0.15. */
    static Table data(int n, int leaves, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] bin = new double[n];
        String[] c = new String[n];
        String[] y = new String[n];
        String[] levels = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"};
        for (int i = 0; i < n; i++) {
            u[i] = r.nextInt(1000);
            v[i] = r.nextInt(100);
            bin[i] = u[i] % leaves;
            c[i] = levels[r.nextInt(8)];
            y[i] = r.nextDouble() < (u[i] < 900 ? 0.7 : v[i] < 30 ? 0.8 : 0.15) ? "1" : "0";
        }
        return Table.of("bench-holdout", Column.numeric("u", u), Column.numeric("v", v), Column.numeric("bin", bin),
                Column.categorical("c", c), Column.categorical("y", y));
    }

    private static double median(double[] x) {
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
