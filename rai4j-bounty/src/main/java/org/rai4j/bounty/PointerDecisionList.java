package org.rai4j.bounty;

import org.rai4j.bounty.internal.RowMask;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pointer decision list (spec §1.4; Globus-Harris, Kearns, Roth, "An Algorithmic Framework for
 * Bias Bounties", FAccT 2022): an append-only array of nodes whose successors and pointer targets are
 * strictly older nodes, so every version is a suffix and stays evaluable forever.
 * <ul>
 *   <li>{@link Base}: return f0(x);</li>
 *   <li>{@link Leaf}(g, h, next): if g(x) return h(x), else continue at {@code next};</li>
 *   <li>{@link Pointer}(g, target, next): if g(x) continue at {@code target} (the head of an older
 *       version), else at {@code next}.</li>
 * </ul>
 * Every appended node is the head of a new version: version 0 is the base model, and version v has
 * head {@link #head(int)}. Evaluation ({@link #predict}) is batched: one descending pass over the node
 * ids with a row mask per node, each group and model evaluated once per table
 * ({@link TableEvaluations}); {@link #predictRowByRow} is the per-row traversal it is checked against.
 * Not thread-safe while appended to.
 */
public final class PointerDecisionList {
    /** A node of the list. */
    public sealed interface Node permits Base, Leaf, Pointer {
        /** Position in the node array. */
        int id();
    }

    /** The base model f0. */
    public record Base(int id, Predictor model) implements Node {}

    /** If {@code group} holds, predict with {@code model}; else continue at {@code next}. */
    public record Leaf(int id, Group group, Predictor model, int next, String submissionId) implements Node {}

    /** If {@code group} holds, continue at {@code target}; else at {@code next}. {@code owner} names the repaired group. */
    public record Pointer(int id, Group group, int target, int next, String owner) implements Node {}

    private final List<Node> nodes = new ArrayList<>();

    /** A list holding only the base model (version 0). */
    public PointerDecisionList(Predictor base) {
        nodes.add(new Base(0, Preconditions.checkNotNull(base, "base")));
    }

    /** All nodes, oldest first (an unmodifiable view). */
    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The newest version number. */
    public int latestVersion() {
        return nodes.size() - 1;
    }

    /** Head node id of {@code version} (every node heads the version it created). */
    public int head(int version) {
        Preconditions.checkArgument(version >= 0 && version < nodes.size(),
                "version must be in [0, " + latestVersion() + "], got " + version);
        return version;
    }

    /** Heads of all versions, oldest first. */
    public List<Integer> heads() {
        List<Integer> h = new ArrayList<>();
        for (int v = 0; v < nodes.size(); v++) {
            h.add(head(v));
        }
        return h;
    }

    /** Prepends a leaf (g, h) to the newest version; returns the new version. */
    public int appendLeaf(Group group, Predictor model, String submissionId) {
        Preconditions.checkNotNull(group, "group");
        Preconditions.checkNotNull(model, "model");
        nodes.add(new Leaf(nodes.size(), group, model, head(latestVersion()), submissionId));
        return latestVersion();
    }

    /** Prepends a pointer sending {@code group} to node {@code target} (an existing node); returns the new version. */
    public int appendPointer(Group group, int target, String owner) {
        Preconditions.checkNotNull(group, "group");
        Preconditions.checkArgument(target >= 0 && target < nodes.size(),
                "target must be an existing node in [0, " + (nodes.size() - 1) + "], got " + target);
        nodes.add(new Pointer(nodes.size(), group, target, head(latestVersion()), owner));
        return latestVersion();
    }

    /** Predictions of {@code version} on every row of the evaluations' table (batched). */
    public double[] predict(int version, TableEvaluations eval) throws DataFileException, ModelException {
        return predictFrom(head(version), RowMask.full(eval.rows()), eval);
    }

    /**
     * Predictions of the version headed by node {@code start} on the rows of {@code rows}; other
     * entries are NaN. One pass over node ids {@code start}, start−1, …, 0: each node handles the rows
     * pending at it and forwards the rest (children are always older, so they come later in the pass).
     */
    double[] predictFrom(int start, RowMask rows, TableEvaluations eval) throws DataFileException, ModelException {
        double[] out = new double[eval.rows()];
        java.util.Arrays.fill(out, Double.NaN);
        RowMask[] pending = new RowMask[start + 1];
        pending[start] = rows;
        for (int id = start; id >= 0; id--) {
            RowMask here = pending[id];
            pending[id] = null;
            if (here == null || here.isEmpty()) {
                continue;
            }
            Node node = nodes.get(id);
            if (node instanceof Base b) {
                here.copy(eval.predictions(b.model()), out);
            } else if (node instanceof Leaf leaf) {
                RowMask g = eval.members(leaf.group());
                here.and(g).copy(eval.predictions(leaf.model()), out);
                forward(pending, leaf.next(), here.andNot(g));
            } else {
                Pointer p = (Pointer) node;
                RowMask g = eval.members(p.group());
                forward(pending, p.target(), here.and(g));
                forward(pending, p.next(), here.andNot(g));
            }
        }
        return out;
    }

    private static void forward(RowMask[] pending, int to, RowMask rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (pending[to] == null) {
            pending[to] = rows;
        } else {
            pending[to].orInPlace(rows);
        }
    }

    /** The slow, obviously correct oracle: walks the list separately for every row. */
    public double[] predictRowByRow(int version, TableEvaluations eval) throws DataFileException, ModelException {
        int n = eval.rows();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int id = head(version);
            while (true) {
                Node node = nodes.get(id);
                if (node instanceof Base b) {
                    out[i] = eval.predictions(b.model())[i];
                    break;
                } else if (node instanceof Leaf leaf) {
                    if (eval.members(leaf.group()).contains(i)) {
                        out[i] = eval.predictions(leaf.model())[i];
                        break;
                    }
                    id = leaf.next();
                } else {
                    Pointer p = (Pointer) node;
                    id = eval.members(p.group()).contains(i) ? p.target() : p.next();
                }
            }
        }
        return out;
    }
}
