package org.rai4j.privacy;

import org.rai4j.core.Column;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the privacy commands' CSV inputs (batch rows, training schedules), validating every row and
 * reporting all problems at once with file, line and column: call the typed getters for every row and column,
 * then {@link #throwIfAny()}. Not thread-safe.
 */
public final class PrivacyCsv {
    private final Table table;
    private final ProblemCollector problems = new ProblemCollector();

    private PrivacyCsv(Table table) {
        this.table = table;
    }

    /**
     * Reads {@code file} (reporting progress to {@code progress}) and checks that the {@code required} columns are
     * present and that there is at least one data row.
     *
     * @throws DataFileException naming the file and the missing columns, or the CSV problem
     */
    public static PrivacyCsv read(Path file, List<String> required, CsvTableReader.Progress progress) throws DataFileException {
        Table t = new CsvTableReader().read(file, progress);
        List<String> missing = new ArrayList<>();
        for (String c : required) {
            if (!t.hasColumn(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFileException(new DataProblem(t.source(), 1, null,
                    "expected a header with columns " + String.join(",", required) + ", missing " + String.join(", ", missing)
                            + " (found " + String.join(",", t.columnNames()) + ")"));
        }
        if (t.rowCount() == 0) {
            throw new DataFileException(new DataProblem(t.source(), 0, null, "expected at least one data row after the header"));
        }
        return new PrivacyCsv(t);
    }

    /** Data rows. */
    public int rows() {
        return table.rowCount();
    }

    /** The file line of data row {@code row} (for messages). */
    public long line(int row) {
        return table.line(row);
    }

    /** A number in [lo, hi] (bounds inclusive or exclusive as named), or NaN after recording a problem. */
    public double number(int row, String column, double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        String text = text(row, column);
        double v;
        try {
            v = text == null ? Double.NaN : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        boolean ok = !Double.isNaN(v) && (loInclusive ? v >= lo : v > lo) && (hiInclusive ? v <= hi : v < hi);
        if (!ok) {
            problems.add(table.problem(row, column, "expected a number in " + (loInclusive ? "[" : "(") + format(lo) + ", "
                    + format(hi) + (hiInclusive ? "]" : ")") + ", got " + quote(text)));
            return Double.NaN;
        }
        return v;
    }

    /** A whole number ≥ min, or -1 after recording a problem. */
    public long count(int row, String column, long min) {
        String text = text(row, column);
        try {
            double v = Double.parseDouble(text == null ? "" : text.trim());
            if (v == Math.rint(v) && v >= min && v <= 9e15) {
                return (long) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(table.problem(row, column, "expected a whole number >= " + min + ", got " + quote(text)));
        return -1;
    }

    /** The accountant named in the optional {@code accountant} column, or {@code fallback} when absent or empty. */
    public Accountant accountant(int row, Accountant fallback) {
        if (!table.hasColumn("accountant")) {
            return fallback;
        }
        String text = text(row, "accountant");
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Accountant.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(table.problem(row, "accountant", "expected rdp, prv or gdp, got " + quote(text)));
            return fallback;
        }
    }

    /** Throws when any problem was recorded. */
    public void throwIfAny() throws DataFileException {
        problems.throwIfAny();
    }

    private String text(int row, String column) {
        try {
            Column c = table.column(column);
            return c.text(row);
        } catch (DataFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        return text == null ? "an empty value" : "'" + text + "'";
    }

    private static String format(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Column.formatNumber(v);
    }
}
