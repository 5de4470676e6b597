package org.rai4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as RFC 4180 CSV text: a header line, then one line per row in column order; missing values are
 * empty fields; a field is quoted (inner quotes doubled) when it holds a comma, a quote, a line break or
 * leading/trailing white space. What {@link CsvTableReader} reads back to the same values.
 */
public final class CsvText {
    private CsvText() {}

    /** Every row of {@code t}, with its header. */
    public static String of(Table t) {
        StringBuilder sb = new StringBuilder();
        List<String> names = t.columnNames();
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            sb.append(j > 0 ? "," : "").append(field(names.get(j)));
            try {
                cols.add(t.column(names.get(j)));
            } catch (DataFileException e) {
                throw new IllegalStateException(e); // unreachable: the name comes from the table itself
            }
        }
        sb.append('\n');
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                String v = cols.get(j).text(i);
                sb.append(j > 0 ? "," : "").append(v == null ? "" : field(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One field, quoted when needed. */
    public static String field(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(v.strip())) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
