package org.rai4j.bounty;

import java.util.List;

/**
 * The syntax tree of a group predicate. Semantics are two-valued: a comparison with a missing value
 * is false, {@code not} is plain negation (so {@code not (age < 30)} includes rows where age is
 * missing), {@code is null} tests for a missing value.
 */
sealed interface PredicateNode {
    /** Membership of every row. */
    boolean[] eval(PredicateColumns cols);

    /** Canonical text (fully parenthesised, keywords lower-case). */
    String canonical();

    /** Column names used, in order of appearance. */
    void collectColumns(java.util.Set<String> out);

    record And(PredicateNode left, PredicateNode right) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            boolean[] a = left.eval(cols);
            boolean[] b = right.eval(cols);
            for (int i = 0; i < a.length; i++) {
                a[i] &= b[i];
            }
            return a;
        }

        public String canonical() {
            return "(" + left.canonical() + " and " + right.canonical() + ")";
        }

        public void collectColumns(java.util.Set<String> out) {
            left.collectColumns(out);
            right.collectColumns(out);
        }
    }

    record Or(PredicateNode left, PredicateNode right) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            boolean[] a = left.eval(cols);
            boolean[] b = right.eval(cols);
            for (int i = 0; i < a.length; i++) {
                a[i] |= b[i];
            }
            return a;
        }

        public String canonical() {
            return "(" + left.canonical() + " or " + right.canonical() + ")";
        }

        public void collectColumns(java.util.Set<String> out) {
            left.collectColumns(out);
            right.collectColumns(out);
        }
    }

    record Not(PredicateNode inner) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            boolean[] a = inner.eval(cols);
            for (int i = 0; i < a.length; i++) {
                a[i] = !a[i];
            }
            return a;
        }

        public String canonical() {
            return "not " + inner.canonical();
        }

        public void collectColumns(java.util.Set<String> out) {
            inner.collectColumns(out);
        }
    }

    /** {@code column op number} on a numeric column. */
    record NumericCompare(String column, String op, double value) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            double[] x = cols.numbers(column);
            boolean[] out = new boolean[x.length];
            double v = value;
            switch (op) {
                case "==" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] == v; } }
                case "!=" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] != v && !Double.isNaN(x[i]); } }
                case "<" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] < v; } }
                case "<=" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] <= v; } }
                case ">" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] > v; } }
                case ">=" -> { for (int i = 0; i < x.length; i++) { out[i] = x[i] >= v; } }
                default -> throw new IllegalStateException("operator " + op);
            }
            return out;
        }

        public String canonical() {
            return PredicateColumns.quoteName(column) + " " + op + " " + org.rai4j.core.Column.formatNumber(value);
        }

        public void collectColumns(java.util.Set<String> out) {
            out.add(column);
        }
    }

    /** {@code column in (numbers…)} or {@code not in} on a numeric column (missing rows never match). */
    record NumericIn(String column, double[] values, boolean negated) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            double[] x = cols.numbers(column);
            boolean[] out = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                boolean hit = false;
                for (double v : values) {
                    if (x[i] == v) {
                        hit = true;
                        break;
                    }
                }
                out[i] = !Double.isNaN(x[i]) && hit != negated;
            }
            return out;
        }

        public String canonical() {
            StringBuilder sb = new StringBuilder(PredicateColumns.quoteName(column)).append(negated ? " not in (" : " in (");
            for (int k = 0; k < values.length; k++) {
                sb.append(k > 0 ? ", " : "").append(org.rai4j.core.Column.formatNumber(values[k]));
            }
            return sb.append(')').toString();
        }

        public void collectColumns(java.util.Set<String> out) {
            out.add(column);
        }
    }

    /** {@code column between lo and hi} (inclusive) on a numeric column. */
    record Between(String column, double lo, double hi) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            double[] x = cols.numbers(column);
            boolean[] out = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] >= lo && x[i] <= hi;
            }
            return out;
        }

        public String canonical() {
            return PredicateColumns.quoteName(column) + " between " + org.rai4j.core.Column.formatNumber(lo) + " and "
                    + org.rai4j.core.Column.formatNumber(hi);
        }

        public void collectColumns(java.util.Set<String> out) {
            out.add(column);
        }
    }

    /** {@code column == 'a'}, {@code != 'a'} or {@code in ('a', 'b')} on a categorical column. */
    record CategoryIn(String column, List<String> values, boolean negated) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            return cols.categoryMatch(column, values, negated);
        }

        public String canonical() {
            if (values.size() == 1) {
                return PredicateColumns.quoteName(column) + (negated ? " != " : " == ") + PredicateColumns.quoteString(values.get(0));
            }
            StringBuilder sb = new StringBuilder(PredicateColumns.quoteName(column)).append(negated ? " not in (" : " in (");
            for (int k = 0; k < values.size(); k++) {
                sb.append(k > 0 ? ", " : "").append(PredicateColumns.quoteString(values.get(k)));
            }
            return sb.append(')').toString();
        }

        public void collectColumns(java.util.Set<String> out) {
            out.add(column);
        }
    }

    /** {@code column is null}. */
    record IsNull(String column) implements PredicateNode {
        public boolean[] eval(PredicateColumns cols) {
            return cols.missing(column);
        }

        public String canonical() {
            return PredicateColumns.quoteName(column) + " is null";
        }

        public void collectColumns(java.util.Set<String> out) {
            out.add(column);
        }
    }
}
