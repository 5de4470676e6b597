package org.rai4j.report;

import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.Task;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded audits of every task and option, for rendering and round-trip tests. */
final class SampleAudits {
    private SampleAudits() {}

    /** Columns g1 (3 levels, one rare), g2 (2 levels), ctl, y, p, score, w, cls, pcls, yr, pr. */
    static Table table(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] g1 = new String[n];
        String[] g2 = new String[n];
        String[] ctl = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        double[] s = new double[n];
        double[] w = new double[n];
        String[] cls = new String[n];
        String[] pcls = new String[n];
        double[] yr = new double[n];
        double[] pr = new double[n];
        String[] classes = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int a = u < 0.45 ? 0 : u < 0.9 ? 1 : 2;
            g1[i] = a == 2 ? "<rare & \"odd\">" : "g" + a;
            g2[i] = r.nextBoolean() ? "x" : "y";
            ctl[i] = r.nextDouble() < 0.4 ? "H" : "L";
            y[i] = r.nextDouble() < 0.3 + 0.15 * a ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.25 + 0.4 * y[i] + 0.6 * (r.nextDouble() - 0.5) + 0.05 * a));
            p[i] = s[i] >= 0.5 ? 1 : 0;
            w[i] = 1 + r.nextInt(3);
            cls[i] = classes[r.nextInt(3)];
            pcls[i] = r.nextDouble() < 0.7 ? cls[i] : classes[r.nextInt(3)];
            yr[i] = r.nextGaussian() * 2 + a;
            pr[i] = yr[i] + r.nextGaussian();
        }
        return Table.of("sample-" + seed, Column.categorical("g1", g1), Column.categorical("g2", g2),
                Column.categorical("ctl", ctl), Column.numeric("y", y), Column.numeric("p", p), Column.numeric("score", s),
                Column.numeric("w", w), Column.categorical("cls", cls), Column.categorical("pcls", pcls),
                Column.numeric("yr", yr), Column.numeric("pr", pr));
    }

    /** A binary audit by g1 × g2 with a score column (bootstrap B=200). */
    static AuditResult binary(long seed) throws Exception {
        return Auditor.run(table(seed, 600), new AuditSpec(Task.BINARY, "y", "p", "score", null, "1", "0",
                List.of("g1", "g2"), List.of(), MissingGroupPolicy.ERROR, 30, 0.95, 200, seed, Adjustment.HOLM), b -> { });
    }

    /** Every variant: binary (plain, score+weight+control), multiclass, regression. */
    static List<AuditResult> all(long seed) throws Exception {
        Table t = table(seed, 500);
        return List.of(
                binary(seed),
                Auditor.run(t, new AuditSpec(Task.BINARY, "y", "p", "score", "w", "1", "0", List.of("g1"), List.of("ctl"),
                        MissingGroupPolicy.ERROR, 20, 0.9, 100, seed, Adjustment.BH), b -> { }),
                Auditor.run(t, new AuditSpec(Task.MULTICLASS, "cls", "pcls", null, null, "1", null, List.of("g2"), List.of(),
                        MissingGroupPolicy.ERROR, 30, 0.95, 50, seed, Adjustment.NONE), b -> { }),
                Auditor.run(t, new AuditSpec(Task.REGRESSION, "yr", "pr", null, null, "1", null, List.of("g1", "g2"), List.of(),
                        MissingGroupPolicy.ERROR, 30, 0.95, 0, seed, Adjustment.HOLM), b -> { }));
    }
}
