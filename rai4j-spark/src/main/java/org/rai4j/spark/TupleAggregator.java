package org.rai4j.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The audit's counting pass as a Spark {@link Aggregator}: each row — k text columns, then the file it came
 * from and a row id increasing within the file — adds one to its tuple's count in the buffer; buffers merge by
 * adding counts and keeping the earliest first position. Values are trimmed and the missing tokens (and SQL
 * NULL) become null, as the CSV reader reads them. Immutable configuration; Spark serializes it to executors.
 */
public final class TupleAggregator extends Aggregator<Row, TupleBuffer, TupleBuffer> {
    private static final long serialVersionUID = 1L;
    private final int columns;
    private final Set<String> missing;

    /** An aggregator over rows of {@code columns} text values then (file, id), with these missing tokens. */
    public TupleAggregator(int columns, Set<String> missing) {
        this.columns = columns;
        this.missing = Set.copyOf(missing);
    }

    @Override
    public TupleBuffer zero() {
        return new TupleBuffer();
    }

    @Override
    public TupleBuffer reduce(TupleBuffer b, Row row) {
        List<String> key = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            Object v = row.get(i);
            String s = v == null ? null : v.toString().strip();
            key.add(s == null || missing.contains(s) ? null : s);
        }
        return b.add(key, 1, row.getString(columns), row.getLong(columns + 1));
    }

    @Override
    public TupleBuffer merge(TupleBuffer a, TupleBuffer b) {
        return a.merge(b);
    }

    @Override
    public TupleBuffer finish(TupleBuffer b) {
        return b;
    }

    @Override
    public Encoder<TupleBuffer> bufferEncoder() {
        return Encoders.javaSerialization(TupleBuffer.class);
    }

    @Override
    public Encoder<TupleBuffer> outputEncoder() {
        return Encoders.javaSerialization(TupleBuffer.class);
    }
}
