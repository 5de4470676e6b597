package org.rai4j.fairness;

import org.rai4j.core.Column;
import org.rai4j.core.Provenance;
import org.rai4j.core.Seeds;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Audits built from exact or simulated per-group error counts, for last-mile comparison tests. */
final class ComparisonFixtures {
    private ComparisonFixtures() {}

    /** One group's rows: n rows, half actual positives, {@code errors} of them misclassified (split evenly between fn and fp). */
    record Group(String name, int n, int errors) {}

    /** A table with columns g, y, p holding the groups' rows exactly. */
    static Table exact(String name, List<Group> groups) {
        List<String> g = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (Group grp : groups) {
            int positives = grp.n() / 2;
            int fn = grp.errors() / 2;
            int fp = grp.errors() - fn;
            for (int i = 0; i < grp.n(); i++) {
                boolean pos = i < positives;
                boolean wrong = pos ? i < fn : i - positives < fp;
                g.add(grp.name());
                y.add(pos ? 1.0 : 0.0);
                p.add((pos ^ wrong) ? 1.0 : 0.0);
            }
        }
        return table(name, g, y, p);
    }

    /**
     * A simulated table: every row picks a group uniformly, has prevalence 0.5, and is misclassified
     * with its group's error rate.
     */
    static Table simulated(String name, long seed, int n, Map<String, Double> errorRate) {
        SplittableRandom r = Seeds.stream(seed, 0);
        List<String> names = new ArrayList<>(errorRate.keySet());
        List<String> g = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String grp = names.get(r.nextInt(names.size()));
            boolean pos = r.nextBoolean();
            boolean wrong = r.nextDouble() < errorRate.get(grp);
            g.add(grp);
            y.add(pos ? 1.0 : 0.0);
            p.add((pos ^ wrong) ? 1.0 : 0.0);
        }
        return table(name, g, y, p);
    }

    private static Table table(String name, List<String> g, List<Double> y, List<Double> p) {
        return Table.of(name, Column.categorical("g", g.toArray(new String[0])),
                Column.numeric("y", y.stream().mapToDouble(Double::doubleValue).toArray()),
                Column.numeric("p", p.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** A binary audit of a g/y/p table without bootstrap (comparisons only need the counts). */
    static AuditResult audit(Table t) throws Exception {
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, 0, 1L, Adjustment.HOLM);
        return Auditor.run(t, spec, b -> { });
    }

    static AuditResult audit(String name, Group... groups) throws Exception {
        return audit(exact(name, List.of(groups)));
    }

    static Provenance none() {
        return Provenance.current(null, Map.of(), Map.of());
    }
}
