package org.rai4j.bounty;

import org.rai4j.bounty.internal.RowMask;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The evaluations of groups and models on one table, each computed once: group memberships as row
 * masks, model predictions as arrays. Pointer nodes reuse the memberships of the leaf groups they
 * point for. Keyed by object identity. Not thread-safe.
 */
public final class TableEvaluations {
    private final Table table;
    private final Map<Group, RowMask> members = new IdentityHashMap<>();
    private final Map<Predictor, double[]> predictions = new IdentityHashMap<>();

    /** Evaluations on {@code table}. */
    public TableEvaluations(Table table) {
        this.table = Preconditions.checkNotNull(table, "table");
    }

    /** The table. */
    public Table table() {
        return table;
    }

    /** Number of rows. */
    public int rows() {
        return table.rowCount();
    }

    RowMask members(Group g) throws DataFileException, ModelException {
        RowMask m = members.get(g);
        if (m == null) {
            boolean[] flags = g.members(table);
            if (flags.length != table.rowCount()) {
                throw new ModelException(g.description() + ": returned " + flags.length + " memberships for "
                        + table.rowCount() + " rows");
            }
            m = RowMask.of(flags);
            members.put(g, m);
        }
        return m;
    }

    /** Membership of every row in {@code g} (computed once). */
    public boolean[] membership(Group g) throws DataFileException, ModelException {
        RowMask m = members(g);
        boolean[] out = new boolean[m.size()];
        for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) {
            out[i] = true;
        }
        return out;
    }

    /** Predictions of {@code h} on every row (computed once; do not modify the array). */
    double[] predictions(Predictor h) throws DataFileException, ModelException {
        double[] p = predictions.get(h);
        if (p == null) {
            p = h.predict(table);
            if (p.length != table.rowCount()) {
                throw new ModelException(h.description() + ": returned " + p.length + " predictions for "
                        + table.rowCount() + " rows");
            }
            predictions.put(h, p);
        }
        return p;
    }
}
