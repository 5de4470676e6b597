package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * {@code rai4j bench bounty}'s measurement: the time to verify one submission against a large holdout with a
 * many-node pointer decision list (the server's path), and batched PDL evaluation against per-row traversal
 * (the baseline) in the same process, on the same cached memberships. Synthetic data, fixed seed.
 */
public final class BountyBenchmark {
    private BountyBenchmark() {}

    /**
     * The figures of one run (times in milliseconds).
     *
     * @param rows          holdout rows
     * @param nodes         PDL nodes after set-up (base + leaves + repairs)
     * @param leaves        accepted set-up submissions
     * @param repairs       repairs made during set-up
     * @param rejectMs      time to verify (and reject) one probe submission, one entry per repetition
     * @param acceptMs      time to verify and accept one submission (update, repair check, audit entry)
     * @param accepted      whether that submission was accepted
     * @param acceptReason  the reason when it was not
     * @param groups        groups checked for repairs at the accepting update
     * @param evaluatedNodes PDL nodes when the evaluation was timed
     * @param batchedMs     whole-PDL evaluation with batched masks (cached memberships), per repetition
     * @param perRowMs      whole-PDL evaluation by per-row traversal (the baseline), per repetition
     * @param coldMs        whole-PDL evaluation from scratch (every group and model evaluated on every row)
     */
    public record Result(int rows, int nodes, int leaves, long repairs, double[] rejectMs, double acceptMs, boolean accepted,
                         String acceptReason, int groups, int evaluatedNodes, double[] batchedMs, double[] perRowMs,
                         double coldMs) {
        /** Copies the arrays. */
        public Result {
            rejectMs = rejectMs.clone();
            batchedMs = batchedMs.clone();
            perRowMs = perRowMs.clone();
        }

        @Override
        public double[] rejectMs() {
            return rejectMs.clone();
        }

        @Override
        public double[] batchedMs() {
            return batchedMs.clone();
        }

        @Override
        public double[] perRowMs() {
            return perRowMs.clone();
        }
    }

    /**
     * Builds a {@code nodes}-node PDL through the engine on {@code rows} synthetic rows, then times
     * {@code repeat} repetitions of each measurement.
     *
     * @param progress receives a line before each slow step
     * @throws IllegalArgumentException unless rows ≥ 1000, 2 ≤ nodes ≤ 500 and repeat ≥ 1
     */
    public static Result run(int rows, int nodes, int repeat, long seed, Consumer<String> progress)
            throws DataFileException, PredicateException, ModelException {
        if (rows < 1000 || nodes < 2 || nodes > 500 || repeat < 1) {
            throw new IllegalArgumentException("bench bounty: need --rows ≥ 1000, 2 ≤ --nodes ≤ 500, --repeat ≥ 1");
        }
        int leaves = nodes - 1;
        progress.accept("generating " + rows + " rows");
        Table holdout = data(rows, leaves, seed);
        BountyData data = BountyData.of(holdout, holdout, "y", "1", Loss.ZERO_ONE);
        // No query budgets: the bench submits the same pairs over and over. The holdout doubles as the public
        // split, so every verification also runs the public checks on every row (as a server would on its split).
        BountyConfig config = new BountyConfig(new BigDecimal("0.001"), BigDecimal.ZERO, 30, BigDecimal.ZERO)
                .withBudgets(Integer.MAX_VALUE, Integer.MAX_VALUE);
        BountyEngine engine = new BountyEngine(holdout, holdout, data.artifacts(), new ModelSpec.Constant("0"), config,
                new ThresholdGuard(), AuditLog.inMemory());
        progress.accept("building a " + nodes + "-node PDL through the engine");
        for (int k = 0; k < leaves; k++) {
            Decision d = engine.submit(new Submission("bin" + k, "bench", new GroupSpec.Predicate("bin == " + k + " and u < 900"),
                    new ModelSpec.Constant("1")));
            if (!d.accepted()) {
                throw new IllegalStateException("bench setup: submission bin" + k + " was rejected: " + d.reason());
            }
        }
        int setupNodes = engine.pdl().nodes().size();
        long repairs = engine.repairCount();

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
        int groups = engine.groupStatuses().size();

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
        return new Result(rows, setupNodes, leaves, repairs, rejectMs, acceptMs, acc.accepted(),
                acc.accepted() ? null : String.valueOf(acc.reason()), groups, engine.pdl().nodes().size(), batchedMs, perRowMs, coldMs);
    }

    /**
     * The synthetic holdout: u ∈ 0…999, v ∈ 0…99, c one of 8 levels, bin = u mod leaves; label 1 with
     * probability 0.7 where u &lt; 900, else 0.8 where v &lt; 30, else 0.15.
     */
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
}
