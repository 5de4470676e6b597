package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one table as a predicate sees them, fetched once per evaluation. Checks each column
 * against the schema kind before any row is evaluated.
 */
final class PredicateColumns {
    private final Table table;
    private final Map<String, double[]> numbers = new HashMap<>();

    private PredicateColumns(Table table) {
        this.table = table;
    }

    /** Binds {@code columns} of {@code table}, checking that numeric schema columns hold numbers. */
    static PredicateColumns bind(Table table, DataSchema schema, Iterable<String> columns) throws DataFileException {
        PredicateColumns pc = new PredicateColumns(table);
        for (String name : columns) {
            Column c = table.column(name);
            DataSchema.Feature f = schema.feature(name);
            if (f != null && f.numeric()) {
                if (!c.isNumeric()) {
                    throw new DataFileException(table.problem(0, name,
                            "expected numbers, as in the data the predicate was checked against"));
                }
                pc.numbers.put(name, c.numbers());
            }
        }
        return pc;
    }

    int rows() {
        return table.rowCount();
    }

    double[] numbers(String column) {
        double[] x = numbers.get(column);
        if (x == null) {
            throw new IllegalStateException("column '" + column + "' was not bound as numeric");
        }
        return x;
    }

    boolean[] categoryMatch(String column, List<String> values, boolean negated) {
        Column c = column(column);
        int n = c.size();
        boolean[] out = new boolean[n];
        if (c.isCategorical()) {
            List<String> levels = c.levels();
            boolean[] levelHit = new boolean[levels.size()];
            for (int k = 0; k < levels.size(); k++) {
                levelHit[k] = values.contains(levels.get(k)) != negated;
            }
            int[] codes = c.codes();
            for (int i = 0; i < n; i++) {
                out[i] = codes[i] != Column.MISSING && levelHit[codes[i]];
            }
        } else {
            for (int i = 0; i < n; i++) {
                String v = c.text(i);
                out[i] = v != null && values.contains(v) != negated;
            }
        }
        return out;
    }

    boolean[] missing(String column) {
        Column c = column(column);
        boolean[] out = new boolean[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.isMissing(i);
        }
        return out;
    }

    private Column column(String name) {
        try {
            return table.column(name);
        } catch (DataFileException e) {
            throw new IllegalStateException("column '" + name + "' was checked when binding", e);
        }
    }

    static String quoteName(String name) {
        boolean plain = !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')
                && !PredicateLexer.KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
        return plain ? name : "`" + name + "`";
    }

    static String quoteString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
