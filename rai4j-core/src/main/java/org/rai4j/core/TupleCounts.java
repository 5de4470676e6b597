package org.rai4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct value tuples of some columns of a data set with how many rows carry each, in order of
 * first appearance: the sufficient statistics of every count-based audit, and a mergeable monoid
 * (concatenate in file order, add counts). Values are the trimmed text a {@link Table} column gives
 * ({@link Column#text(int)}); null marks a missing value. Immutable and thread-safe.
 */
public final class TupleCounts {
    private final String source;
    private final String sha256;
    private final List<String> columns;
    private final List<List<String>> tuples;
    private final long[] counts;
    private final long rows;

    /**
     * @param source  name of the input (as in messages), e.g. the file path
     * @param sha256  hex SHA-256 of the input's bytes, or null
     * @param columns the counted columns, in tuple order
     * @param tuples  the distinct tuples in order of first appearance (null entries = missing values)
     * @param counts  rows per tuple
     */
    public TupleCounts(String source, String sha256, List<String> columns, List<List<String>> tuples, long[] counts) {
        Preconditions.checkArgument(tuples.size() == counts.length, "one count per tuple");
        this.source = Preconditions.checkNotNull(source, "source");
        this.sha256 = sha256;
        this.columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(tuples.size());
        long total = 0;
        for (int i = 0; i < tuples.size(); i++) {
            List<String> t = tuples.get(i);
            Preconditions.checkArgument(t.size() == this.columns.size(), "every tuple has one value per column");
            Preconditions.checkArgument(counts[i] > 0, "counts are positive");
            copy.add(Collections.unmodifiableList(new ArrayList<>(t)));
            total += counts[i];
        }
        this.tuples = Collections.unmodifiableList(copy);
        this.counts = counts.clone();
        this.rows = total;
    }

    /** The counts of {@code columns} of a table read row by row (the reference the parallel readers must equal). */
    public static TupleCounts of(Table table, List<String> columns) throws DataFileException {
        List<Column> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(table.column(c));
        }
        Map<List<String>, Integer> index = new HashMap<>();
        List<List<String>> tuples = new ArrayList<>();
        long[] counts = new long[16];
        for (int r = 0; r < table.rowCount(); r++) {
            List<String> key = new ArrayList<>(cols.size());
            for (Column c : cols) {
                key.add(c.text(r));
            }
            Integer k = index.get(key);
            if (k == null) {
                k = tuples.size();
                index.put(key, k);
                tuples.add(key);
                if (k == counts.length) {
                    counts = Arrays.copyOf(counts, k * 2);
                }
            }
            counts[k]++;
        }
        return new TupleCounts(table.source(), table.sha256(), columns, tuples, Arrays.copyOf(counts, tuples.size()));
    }

    /** Name of the input. */
    public String source() {
        return source;
    }

    /** Hex SHA-256 of the input, or null. */
    public String sha256() {
        return sha256;
    }

    /** The counted columns. */
    public List<String> columns() {
        return columns;
    }

    /** Distinct tuples in order of first appearance. */
    public List<List<String>> tuples() {
        return tuples;
    }

    /** Rows carrying tuple {@code i}. */
    public long count(int i) {
        return counts[i];
    }

    /** Total rows. */
    public long rows() {
        return rows;
    }

    /** This data under another source name and hash (e.g. a folder of Parquet files). */
    public TupleCounts withSource(String newSource, String newSha256) {
        return new TupleCounts(newSource, newSha256, columns, tuples, counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleCounts t && source.equals(t.source) && java.util.Objects.equals(sha256, t.sha256)
                && columns.equals(t.columns) && tuples.equals(t.tuples) && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return tuples.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source).append(' ').append(columns).append(" rows=").append(rows);
        for (int i = 0; i < tuples.size() && i < 50; i++) {
            sb.append("\n  ").append(tuples.get(i)).append(" × ").append(counts[i]);
        }
        return sb.toString();
    }
}
