package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.rai4j.onnx.OnnxLimits;

import java.math.BigDecimal;
import java.util.function.IntPredicate;

/** Small tables and engines for the bounty tests. */
final class Fixtures {
    private Fixtures() {}

    /** n rows: a = row index, s = "x" for even rows / "y" for odd, y = 1 where {@code positive} holds. */
    static Table table(String name, int n, IntPredicate positive) {
        double[] a = new double[n];
        String[] s = new String[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            s[i] = i % 2 == 0 ? "x" : "y";
            y[i] = positive.test(i) ? "1" : "0";
        }
        return Table.of(name, Column.numeric("a", a), Column.categorical("s", s), Column.categorical("y", y));
    }

    static Artifacts artifacts(Table t) throws Exception {
        return new Artifacts(DataSchema.fromTable(t, "y"), Task.binary(t, "y", "1"), OnnxLimits.DEFAULT);
    }

    static BountyConfig config(String alpha, String repairAlpha, int minSize, String minMass) {
        return new BountyConfig(new BigDecimal(alpha), new BigDecimal(repairAlpha), minSize, new BigDecimal(minMass));
    }

    static BountyEngine engine(Table holdout, Table train, BountyConfig config, HoldoutGuard guard, AuditLog log) throws Exception {
        return new BountyEngine(holdout, train, artifacts(train), new ModelSpec.Constant("0"),
                config, guard, log);
    }

    /** An engine whose public training split is the holdout itself (tests of the decision rules; never do this in a bounty). */
    static BountyEngine engine(Table holdout, BountyConfig config) throws Exception {
        return engine(holdout, holdout, config, new ThresholdGuard(), AuditLog.inMemory());
    }

    static Submission sub(String id, String group, ModelSpec model) {
        return new Submission(id, "team-" + id, new GroupSpec.Predicate(group), model);
    }

    static ModelSpec one() {
        return new ModelSpec.Constant("1");
    }

    static ModelSpec zero() {
        return new ModelSpec.Constant("0");
    }

    static ModelSpec rule(String predicate) {
        return new ModelSpec.Rule(predicate);
    }
}
