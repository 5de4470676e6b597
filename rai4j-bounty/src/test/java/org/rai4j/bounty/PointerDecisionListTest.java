package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointerDecisionListTest {
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void predict_randomListsWithPointers_batchedEqualsPerRowTraversal(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1000 + r.nextInt(1000);
        double[] u = new double[n];
        double[] v = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            u[i] = r.nextInt(100);
            v[i] = r.nextInt(100);
            y[i] = r.nextBoolean() ? "1" : "0";
        }
        Table t = Table.of("t", Column.numeric("u", u), Column.numeric("v", v), Column.categorical("y", y));
        Artifacts art = new Artifacts(DataSchema.fromTable(t, "y"), Task.binary(t, "y", "1"), OnnxLimits.DEFAULT);
        PointerDecisionList pdl = new PointerDecisionList(art.model(new ModelSpec.Constant("0")));
        java.util.List<Group> groups = new java.util.ArrayList<>();
        for (int k = 0; k < 60; k++) {
            if (groups.isEmpty() || r.nextInt(3) > 0) {
                Group g = art.group(new GroupSpec.Predicate((r.nextBoolean() ? "u" : "v") + " < " + r.nextInt(100)
                        + " and v >= " + r.nextInt(50)));
                groups.add(g);
                pdl.appendLeaf(g, art.model(new ModelSpec.Rule("u > " + r.nextInt(100))), "s" + k);
            } else {
                pdl.appendPointer(groups.get(r.nextInt(groups.size())), r.nextInt(pdl.latestVersion() + 1), "s");
            }
        }
        TableEvaluations eval = new TableEvaluations(t);
        for (int version = 0; version <= pdl.latestVersion(); version += 7) {
            assertThat(pdl.predict(version, eval)).as("version %d", version).isEqualTo(pdl.predictRowByRow(version, eval));
        }
        assertThat(pdl.predict(pdl.latestVersion(), eval)).isEqualTo(pdl.predictRowByRow(pdl.latestVersion(), eval));
    }

    @Test
    void appendPointer_targetNotExisting_rejected() throws Exception {
        Table t = Fixtures.table("t", 10, i -> i < 5);
        Artifacts art = Fixtures.artifacts(t);
        PointerDecisionList pdl = new PointerDecisionList(art.model(new ModelSpec.Constant("0")));
        Group g = art.group(new GroupSpec.Predicate("a < 3"));
        assertThatThrownBy(() -> pdl.appendPointer(g, 1, "x")).hasMessageContaining("target must be an existing node in [0, 0], got 1");
    }
}
