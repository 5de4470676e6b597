package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Rejects groups that single out individuals rather than describe a population (spec §5.1: "not
 * accepted: row-id lists or anything keyed on identifiers"), on the public training split only. A
 * column is <em>high-cardinality</em> when it has more than {@value #HIGH_CARDINALITY} distinct values
 * on the training split. On such a column:
 * <ul>
 *   <li>a list ({@code in}, {@code not in}) of k values is identifier-like when its description length,
 *       log₂ C(C, k) bits for C distinct values, exceeds {@value #MAX_LIST_BITS} bits (e.g. 3 of 600
 *       credit amounts: 25 bits; 6 of 42 countries: 22 bits);</li>
 *   <li>a selection ({@code ==}, {@code in}, {@code between}) that holds on fewer than the minimum group
 *       size of training rows is identifier-like (a narrow range on a near-unique column), whatever the
 *       rest of the predicate does with it — so {@code big or credit_amount == 1169} is refused even
 *       though the whole group is large.</li>
 * </ul>
 * Low-cardinality columns are never identifier-like. Stateless.
 */
final class IdentifierCheck {
    /** More distinct training values than this makes a column high-cardinality. */
    static final int HIGH_CARDINALITY = 20;
    /** The longest description (bits) an {@code in} list on a high-cardinality column may have. */
    static final double MAX_LIST_BITS = 24;

    private IdentifierCheck() {}

    /** The first identifier-like part of {@code root}, described for the hunter, or null. */
    static String find(PredicateNode root, Table train, PredicateColumns cols, int minRows) throws DataFileException {
        if (root instanceof PredicateNode.And a) {
            String s = find(a.left(), train, cols, minRows);
            return s != null ? s : find(a.right(), train, cols, minRows);
        }
        if (root instanceof PredicateNode.Or o) {
            String s = find(o.left(), train, cols, minRows);
            return s != null ? s : find(o.right(), train, cols, minRows);
        }
        if (root instanceof PredicateNode.Not n) {
            return find(n.inner(), train, cols, minRows);
        }
        String column;
        int listSize;
        boolean negated;
        if (root instanceof PredicateNode.NumericIn in) {
            column = in.column();
            listSize = in.values().length;
            negated = in.negated();
        } else if (root instanceof PredicateNode.CategoryIn in) {
            column = in.column();
            listSize = in.values().size();
            negated = in.negated();
        } else if (root instanceof PredicateNode.Between b) {
            column = b.column();
            listSize = 1;
            negated = false;
        } else if (root instanceof PredicateNode.NumericCompare c && c.op().equals("==")) {
            column = c.column();
            listSize = 1;
            negated = false;
        } else {
            return null;
        }
        int distinct = distinct(train.column(column));
        if (distinct <= HIGH_CARDINALITY) {
            return null;
        }
        double bits = log2Binomial(distinct, Math.min(listSize, distinct));
        if (listSize > 1 && bits > MAX_LIST_BITS) {
            return String.format(Locale.ROOT, "the list of %d values on column '%s' (%d distinct values in the training split) takes "
                    + "%.1f bits to describe; at most %.0f are allowed, as longer lists single out individuals", listSize, column,
                    distinct, bits, MAX_LIST_BITS);
        }
        if (!negated) {
            boolean[] m = root.eval(cols);
            int rows = 0;
            for (boolean b : m) {
                rows += b ? 1 : 0;
            }
            if (rows < minRows) {
                return "'" + root.canonical() + "' holds on " + rows + " training rows of column '" + column + "' (" + distinct
                        + " distinct values); a selection on a high-cardinality column must hold on at least " + minRows
                        + " rows, as narrower ones single out individuals";
            }
        }
        return null;
    }

    static int distinct(Column c) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.size(); i++) {
            String v = c.text(i);
            if (v != null) {
                seen.add(v);
            }
        }
        return seen.size();
    }

    /** log₂ C(n, k). */
    static double log2Binomial(int n, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += Math.log((double) (n - i) / (k - i));
        }
        return s / Math.log(2);
    }
}
