package org.rai4j.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable columnar table with named {@link Column}s, remembering where it came from: the
 * source name (a file name) and, for every row, the line of the file it started on, so that any
 * later check can point the user at the exact line ({@link #problem(int, String, String)}).
 * Thread-safe.
 */
public final class Table {
    private final String source;
    private final String sha256;
    private final Map<String, Column> columns;
    private final int[] lines;
    private final int rowCount;

    /**
     * @param source  file name or description used in error messages
     * @param sha256  hex SHA-256 of the source bytes, or null for tables built in memory
     * @param columns columns of equal size, unique names
     * @param lines   starting line of each row in the source (header = line 1), or null for 2, 3, …
     */
    public Table(String source, String sha256, List<Column> columns, int[] lines) {
        this.source = Preconditions.checkNotNull(source, "source");
        this.sha256 = sha256;
        Preconditions.checkArgument(!columns.isEmpty(), "a table needs at least one column");
        this.rowCount = columns.get(0).size();
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column c : columns) {
            Preconditions.checkArgument(c.size() == rowCount, "column '" + c.name() + "' has " + c.size()
                    + " rows, expected " + rowCount);
            Preconditions.checkArgument(map.put(c.name(), c) == null, "duplicate column name '" + c.name() + "'");
        }
        this.columns = map;
        if (lines != null) {
            Preconditions.checkArgument(lines.length == rowCount, "lines must have one entry per row");
            this.lines = lines.clone();
        } else {
            this.lines = null;
        }
    }

    /** A table built in memory (no file): rows are numbered as if under a header line. */
    public static Table of(String source, Column... columns) {
        return new Table(source, null, List.of(columns), null);
    }

    /** Where the table came from, e.g. a file name. */
    public String source() {
        return source;
    }

    /** Hex SHA-256 of the source file's bytes, or null when built in memory. */
    public String sha256() {
        return sha256;
    }

    /** Number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /** Column names in file order. */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /** True when a column of that name exists. */
    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /**
     * The column named {@code name}.
     *
     * @throws DataFileException naming the file, the header line and the columns that do exist
     */
    public Column column(String name) throws DataFileException {
        Column c = columns.get(name);
        if (c == null) {
            throw new DataFileException(new DataProblem(source, 1, name,
                    "no such column; expected one of " + String.join(", ", columns.keySet())));
        }
        return c;
    }

    /** The file line on which {@code row} (0-based) starts. */
    public long line(int row) {
        return lines == null ? row + 2L : lines[row];
    }

    /** A problem located at {@code row} and {@code column} of this table. */
    public DataProblem problem(int row, String column, String message) {
        return new DataProblem(source, line(row), column, message);
    }

    /** A new table with the rows {@code rows} (0-based, in that order); line numbers are kept. */
    public Table select(int[] rows) {
        List<Column> cols = new ArrayList<>();
        for (Column c : columns.values()) {
            cols.add(c.select(rows));
        }
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = (int) line(rows[i]);
        }
        return new Table(source, sha256, cols, l);
    }
}
