package org.rai4j.fairness;

import org.rai4j.core.Column;
import org.rai4j.core.Table;

import java.util.SplittableRandom;

/** Seeded random audit tables for property tests. */
final class Fixtures {
    private Fixtures() {}

    /** Columns g1 (3 levels), g2 (2 levels), ctl (2 levels), y, p, score, w (integer weights 1..3). */
    static Table random(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] g1 = new String[n];
        String[] g2 = new String[n];
        String[] ctl = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        double[] s = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int a = r.nextInt(3);
            g1[i] = "g" + a;
            g2[i] = r.nextBoolean() ? "x" : "y";
            ctl[i] = r.nextDouble() < 0.4 ? "H" : "L";
            y[i] = r.nextDouble() < 0.3 + 0.15 * a ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.25 + 0.4 * y[i] + 0.25 * (r.nextDouble() - 0.5) + 0.05 * a));
            s[i] = Math.round(s[i] * 50) / 50.0; // ties on purpose
            p[i] = s[i] >= 0.5 ? 1 : 0;
            w[i] = 1 + r.nextInt(3);
        }
        return Table.of("random-" + seed, Column.categorical("g1", g1), Column.categorical("g2", g2),
                Column.categorical("ctl", ctl), Column.numeric("y", y), Column.numeric("p", p), Column.numeric("score", s),
                Column.numeric("w", w));
    }

    static AuditSpec spec(String score, String weight, int bootstrap) {
        return new AuditSpec(Task.BINARY, "y", "p", score, weight, "1", "0", java.util.List.of("g1", "g2"),
                java.util.List.of(), MissingGroupPolicy.ERROR, 1, 0.95, bootstrap, 5, Adjustment.HOLM);
    }
}
