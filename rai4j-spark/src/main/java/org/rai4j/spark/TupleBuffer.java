package org.rai4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark aggregation buffer of {@link TupleAggregator}: per distinct tuple its row count and the position of
 * its first row (file, then row id within the file), so the driver can restore the order of first appearance
 * whatever the partitioning. A commutative monoid under {@link #merge}. Mutable (Spark's buffer contract);
 * not thread-safe.
 */
public final class TupleBuffer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Count and first position of one tuple. */
    static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        String firstFile;
        long firstId;

        Entry(long count, String firstFile, long firstId) {
            this.count = count;
            this.firstFile = firstFile;
            this.firstId = firstId;
        }

        boolean before(String file, long id) {
            int c = firstFile.compareTo(file);
            return c < 0 || (c == 0 && firstId <= id);
        }
    }

    final Map<List<String>, Entry> entries = new HashMap<>();

    /** Adds {@code count} rows of {@code tuple} whose first row is at ({@code file}, {@code id}). */
    TupleBuffer add(List<String> tuple, long count, String file, long id) {
        Entry e = entries.get(tuple);
        if (e == null) {
            entries.put(new ArrayList<>(tuple), new Entry(count, file, id));
        } else {
            e.count += count;
            if (!e.before(file, id)) {
                e.firstFile = file;
                e.firstId = id;
            }
        }
        return this;
    }

    /** Adds every tuple of {@code other}. */
    TupleBuffer merge(TupleBuffer other) {
        for (Map.Entry<List<String>, Entry> e : other.entries.entrySet()) {
            add(e.getKey(), e.getValue().count, e.getValue().firstFile, e.getValue().firstId);
        }
        return this;
    }
}
