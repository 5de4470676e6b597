package org.rai4j.fairness;

/**
 * Size limits of an audit, checked while the data is encoded so that an oversized input ends in a
 * message naming the file, the column and the limit instead of an {@link OutOfMemoryError}. Each
 * limit can be raised for one run with a system property (for the command line:
 * {@code RAI4J_JAVA_OPTS="-Drai4j.audit.maxClasses=500 -Xmx8g" ./rai4j audit …}); the memory an
 * audit needs grows with the product of cells and statistics, so raise {@code -Xmx} with them.
 * Stateless.
 */
public final class AuditLimits {
    /** Default maximum number of distinct classes (labels and predictions together) in a multiclass audit. */
    public static final int DEFAULT_MAX_CLASSES = 100;
    /** Default maximum number of finest cells: distinct combinations of group and control values. */
    public static final int DEFAULT_MAX_CELLS = 100_000;
    /** Default maximum of cells × statistics per cell (numbers held per accumulator set, 8 bytes each). */
    public static final long DEFAULT_MAX_STATISTICS = 25_000_000L;

    /** System property that overrides {@link #DEFAULT_MAX_CLASSES}. */
    public static final String MAX_CLASSES_PROPERTY = "rai4j.audit.maxClasses";
    /** System property that overrides {@link #DEFAULT_MAX_CELLS}. */
    public static final String MAX_CELLS_PROPERTY = "rai4j.audit.maxCells";
    /** System property that overrides {@link #DEFAULT_MAX_STATISTICS}. */
    public static final String MAX_STATISTICS_PROPERTY = "rai4j.audit.maxStatistics";

    private AuditLimits() {}

    /** The class limit in force: the system property if set to a positive integer, else the default. */
    public static int maxClasses() {
        return (int) Math.min(Integer.MAX_VALUE, positive(MAX_CLASSES_PROPERTY, DEFAULT_MAX_CLASSES));
    }

    /** The cell limit in force. */
    public static int maxCells() {
        return (int) Math.min(Integer.MAX_VALUE, positive(MAX_CELLS_PROPERTY, DEFAULT_MAX_CELLS));
    }

    /** The statistics limit in force. */
    public static long maxStatistics() {
        return positive(MAX_STATISTICS_PROPERTY, DEFAULT_MAX_STATISTICS);
    }

    private static long positive(String property, long fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long x = Long.parseLong(v.strip());
            if (x >= 1) {
                return x;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("system property " + property + " must be a positive integer, got '" + v + "'");
    }
}
