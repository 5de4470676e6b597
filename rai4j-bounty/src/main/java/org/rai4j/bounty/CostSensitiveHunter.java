package org.rai4j.bounty;

import org.rai4j.bounty.internal.RegressionTree;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The automated hunter via cost-sensitive classification (spec §1.7; amazon-science/bias-bounties
 * {@code cscUpdater.py}), for binary 0-1-loss bounties, run on the public training split against the
 * current model f. Costs of switching each row's prediction: c0 = ℓ(0, y) − ℓ(f(x), y) (+1 where f = 1
 * and y = 1, −1 where f = 1 and y = 0, 0 where f = 0) and c1 symmetrically. Two regression trees r0, r1
 * (our own CART, {@code maxDepth}, {@code minLeaf}) are fitted to c0 and c1; the rows where switching
 * is predicted to help are G1 = {r1 &lt; 0} (switch to 1) and G0 = {r0 &lt; 0} (switch to 0). Each tree's
 * negative leaves are exported as readable predicates (conjunctions of the splits on the path), so the
 * proposals are ordinary declarative submissions:
 * <ol>
 *   <li>{@code combined}: g = G1 ∪ G0, h = rule "G1" (1 on G1, 0 elsewhere) — the amazon form
 *       g = {r0 &lt; 0 or r1 &lt; 0}, except that on rows in both (rare: c0 and c1 live on disjoint rows)
 *       it predicts 1 instead of comparing r0 with r1;</li>
 *   <li>{@code to-1}: g = G1, h = constant positive;</li>
 *   <li>{@code to-0}: g = G0, h = constant negative.</li>
 * </ol>
 * Each proposal carries the hunter's own training-split estimate of W (informational: the engine never
 * uses it). Immutable and thread-safe.
 *
 * @param schema   the published schema (predicates are written over it)
 * @param task     a binary 0-1-loss task
 * @param maxDepth tree depth (≥ 1)
 * @param minLeaf  minimum training rows per leaf (≥ 1)
 */
public record CostSensitiveHunter(DataSchema schema, Task task, int maxDepth, int minLeaf) {
    public CostSensitiveHunter {
        Preconditions.checkNotNull(schema, "schema");
        Preconditions.checkNotNull(task, "task");
        Preconditions.checkArgument(task.loss() == Loss.ZERO_ONE && task.isBinary(),
                "the cost-sensitive hunter needs a binary zero-one task");
        Preconditions.checkAtLeast(maxDepth, 1, "maxDepth");
        Preconditions.checkAtLeast(minLeaf, 1, "minLeaf");
    }

    /**
     * A proposed submission.
     *
     * @param kind             {@code combined}, {@code to-1} or {@code to-0}
     * @param group            the group predicate
     * @param model            the model
     * @param trainImprovement the hunter's own W estimate on the training split
     */
    public record Proposal(String kind, String group, ModelSpec model, double trainImprovement) {}

    /**
     * Proposals against the current model.
     *
     * @param train   the public training split
     * @param current the current model's predictions on {@code train} (class codes)
     */
    public List<Proposal> propose(Table train, double[] current) throws DataFileException {
        Preconditions.checkArgument(current.length == train.rowCount(), "need one prediction per training row");
        double[] y = task.labels(train);
        float[][] x = schema.encode(train);
        boolean[] categorical = new boolean[schema.width()];
        for (int j = 0; j < categorical.length; j++) {
            categorical[j] = !schema.features().get(j).numeric();
        }
        double[] c0 = new double[y.length];
        double[] c1 = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double base = task.loss().of(current[i], y[i]);
            c0[i] = task.loss().of(0, y[i]) - base;
            c1[i] = task.loss().of(1, y[i]) - base;
        }
        RegressionTree r0 = RegressionTree.fit(x, c0, categorical, maxDepth, minLeaf);
        RegressionTree r1 = RegressionTree.fit(x, c1, categorical, maxDepth, minLeaf);
        String g0 = negativeRegion(r0, train);
        String g1 = negativeRegion(r1, train);
        boolean[] in0 = new boolean[y.length];
        boolean[] in1 = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            in0[i] = r0.predict(x[i]) < 0;
            in1[i] = r1.predict(x[i]) < 0;
        }
        List<Proposal> out = new ArrayList<>();
        String positive = task.classes().get(1);
        String negative = task.classes().get(0);
        if (g1 != null && g0 != null) {
            double w = 0;
            for (int i = 0; i < y.length; i++) {
                if (in1[i]) {
                    w -= c1[i];
                } else if (in0[i]) {
                    w -= c0[i];
                }
            }
            out.add(new Proposal("combined", "(" + g1 + ") or (" + g0 + ")", new ModelSpec.Rule(g1), w / y.length));
        }
        if (g1 != null) {
            out.add(new Proposal("to-1", g1, new ModelSpec.Constant(positive), -sum(c1, in1) / y.length));
        }
        if (g0 != null) {
            out.add(new Proposal("to-0", g0, new ModelSpec.Constant(negative), -sum(c0, in0) / y.length));
        }
        return out;
    }

    private static double sum(double[] v, boolean[] in) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (in[i]) {
                s += v[i];
            }
        }
        return s;
    }

    /** The union of the tree's negative leaves as a predicate, or null when no leaf is negative. */
    private String negativeRegion(RegressionTree tree, Table train) throws DataFileException {
        List<Integer> leafIds = new ArrayList<>();
        List<List<RegressionTree.Step>> paths = tree.paths(leafIds);
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            if (tree.nodes().get(leafIds.get(k)).value() < 0) {
                terms.add(conjunction(paths.get(k), train));
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < terms.size(); k++) {
            sb.append(k > 0 ? " or " : "").append('(').append(terms.get(k)).append(')');
        }
        return sb.toString();
    }

    private String conjunction(List<RegressionTree.Step> path, Table train) throws DataFileException {
        if (path.isEmpty()) {
            // The root is a negative leaf: every row. Express it with a tautology on the first feature.
            DataSchema.Feature f = schema.features().get(0);
            String name = PredicateColumns.quoteName(f.name());
            return name + " is null or " + name + " is not null";
        }
        List<String> parts = new ArrayList<>();
        for (RegressionTree.Step s : path) {
            DataSchema.Feature f = schema.features().get(s.feature());
            String name = PredicateColumns.quoteName(f.name());
            boolean hasMissing = hasMissing(train, f.name());
            if (s.categorical()) {
                String level = PredicateColumns.quoteString(f.levels().get((int) s.threshold()));
                parts.add(s.left() ? name + " == " + level
                        : hasMissing ? "(" + name + " != " + level + " or " + name + " is null)" : name + " != " + level);
            } else {
                String t = Column.formatNumber(s.threshold());
                parts.add(s.left() ? name + " <= " + t
                        : hasMissing ? "(" + name + " > " + t + " or " + name + " is null)" : name + " > " + t);
            }
        }
        return String.join(" and ", parts);
    }

    private static boolean hasMissing(Table t, String column) throws DataFileException {
        Column c = t.column(column);
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                return true;
            }
        }
        return false;
    }
}
