package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.bounty.internal.RegressionTree;
import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CostSensitiveHunterTest {
    /** Label 1 iff u > 10 and c == 'blue' (with 5% label noise); v is noise with some missing values. */
    private static Table data(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] u = new double[n];
        double[] v = new double[n];
        String[] c = new String[n];
        String[] y = new String[n];
        String[] cats = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            u[i] = r.nextInt(20);
            v[i] = r.nextInt(8) == 0 ? Double.NaN : r.nextInt(100);
            c[i] = cats[r.nextInt(3)];
            boolean pos = u[i] > 10 && c[i].equals("blue");
            y[i] = (pos ^ r.nextInt(20) == 0) ? "1" : "0";
        }
        return Table.of("gen-" + seed, Column.numeric("u", u), Column.numeric("v", v), Column.categorical("c", c),
                Column.categorical("y", y));
    }

    @Test
    void regressionTree_stepFunction_findsTheStep() {
        float[][] x = new float[100][1];
        double[] t = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i][0] = i;
            t[i] = i < 37 ? -1 : 2;
        }
        RegressionTree tree = RegressionTree.fit(x, t, new boolean[] {false}, 3, 5);
        RegressionTree.Node root = tree.nodes().get(0);
        assertThat(root.threshold()).isEqualTo(36.5);
        assertThat(tree.predict(new float[] {10})).isEqualTo(-1.0);
        assertThat(tree.predict(new float[] {80})).isEqualTo(2.0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void propose_exportedPredicates_matchTheTreesOnTrainingData(long seed) throws Exception {
        Table train = data(seed, 2000);
        DataSchema schema = DataSchema.fromTable(train, "y");
        Task task = Task.binary(train, "y", "1");
        CostSensitiveHunter hunter = new CostSensitiveHunter(schema, task, 4, 20);
        double[] zeros = new double[train.rowCount()];
        List<CostSensitiveHunter.Proposal> proposals = hunter.propose(train, zeros);
        assertThat(proposals).isNotEmpty();
        double[] y = task.labels(train);
        try (Artifacts art = new Artifacts(schema, task, OnnxLimits.DEFAULT)) {
            for (CostSensitiveHunter.Proposal p : proposals) {
                // Independent computation of W on the training split from the exported predicate and model.
                boolean[] g = art.group(new GroupSpec.Predicate(p.group())).members(train);
                double[] h = art.model(p.model()).predict(train);
                double diff = 0;
                for (int i = 0; i < g.length; i++) {
                    if (g[i]) {
                        diff += task.loss().of(zeros[i], y[i]) - task.loss().of(h[i], y[i]);
                    }
                }
                assertThat(diff / g.length).as(p.kind() + ": " + p.group()).isCloseTo(p.trainImprovement(),
                        org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void propose_againstConstantBase_findsTheUnderservedRegionAndIsAccepted() throws Exception {
        Table train = data(10, 3000);
        Table holdout = data(11, 3000);
        DataSchema schema = DataSchema.fromTable(train, "y");
        Task task = Task.binary(train, "y", "1");
        try (Artifacts art = new Artifacts(schema, task, OnnxLimits.DEFAULT)) {
            BountyEngine e = new BountyEngine(holdout, train, art, new ModelSpec.Constant("0"),
                    new BountyConfig(new BigDecimal("0.01"), BigDecimal.ZERO, 30, BigDecimal.ZERO), new ThresholdGuard(), AuditLog.inMemory());
            double before = e.holdoutError();
            CostSensitiveHunter hunter = new CostSensitiveHunter(schema, task, 3, 30);
            CostSensitiveHunter.Proposal to1 = hunter.propose(train, e.predict(train, e.pdl().latestVersion())).stream()
                    .filter(p -> p.kind().equals("to-1")).findFirst().orElseThrow();
            assertThat(to1.group()).contains("u > 10").contains("c == 'blue'");
            Decision d = e.submit(new Submission("hunter-1", "house", new GroupSpec.Predicate(to1.group()), to1.model()));
            assertThat(d.accepted()).isTrue();
            // About 1/3 · 9/20 = 15% of rows are positives in the region; fixing them drops the error by roughly that.
            assertThat(before - e.holdoutError()).isGreaterThan(0.10);
        }
    }
}
