package org.rai4j.fairness;

import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.CsvTupleCounter;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.core.TupleCounts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An audit's input, validated and encoded, with the hash of every input file: what {@link Auditor#run(AuditData,
 * AuditSpec, java.util.function.IntConsumer)} audits. Count-based audits (binary and multiclass without score
 * or weight) of a CSV file stream: the file is counted into tuple counts on all cores
 * ({@link CsvTupleCounter}) and no row is kept, so memory does not grow with the rows. Everything else, and
 * any file the fast path declines, is read row by row with {@link CsvTableReader}; both give the same audit.
 * Immutable.
 */
public final class AuditData {
    /** System property that turns the streaming path off ({@code -Drai4j.csv.parallel=false}), for comparisons. */
    public static final String PARALLEL_PROPERTY = "rai4j.csv.parallel";

    final EncodedData data;
    final Map<String, String> inputs;
    private final boolean streamed;

    private AuditData(EncodedData data, Map<String, String> inputs, boolean streamed) {
        this.data = data;
        this.inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.streamed = streamed;
    }

    /**
     * Reads {@code file} for {@code spec}: streamed on all cores when the audit is count-based, else (or when
     * the fast reader declines) row by row.
     *
     * @throws DataFileException when the file is missing or malformed or does not fit the spec (file, line, column)
     */
    public static AuditData read(Path file, CsvOptions options, AuditSpec spec, CsvTableReader.Progress progress)
            throws DataFileException {
        if (CountedEncoder.supports(spec) && !"false".equals(System.getProperty(PARALLEL_PROPERTY))
                && options.separator() < 0x80) {
            Optional<TupleCounts> counts = new CsvTupleCounter(options).tryCount(file, CountedEncoder.columns(spec), progress);
            if (counts.isPresent()) {
                Optional<AuditData> d = of(counts.get(), spec);
                if (d.isPresent()) {
                    return d.get();
                }
            }
        }
        return of(new CsvTableReader(options).read(file, progress), spec);
    }

    /** A table's rows, encoded for {@code spec}. */
    public static AuditData of(Table table, AuditSpec spec) throws DataFileException {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (table.sha256() != null) {
            inputs.put(table.source(), table.sha256());
        }
        return new AuditData(DataEncoder.encode(table, spec), inputs, false);
    }

    /**
     * Tuple counts of {@link #columns(AuditSpec)} (from a CSV file, Parquet, or a cluster), encoded for a
     * count-based {@code spec}; empty when the spec needs rows or the data has a problem only the rows can
     * locate (read the rows then for the message).
     */
    public static Optional<AuditData> of(TupleCounts counts, AuditSpec spec) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (counts.sha256() != null) {
            inputs.put(counts.source(), counts.sha256());
        }
        return CountedEncoder.encode(counts, spec).map(d -> new AuditData(d, inputs, true));
    }

    /** Whether a count-based audit of {@code spec} can run on tuple counts. */
    public static boolean countable(AuditSpec spec) {
        return CountedEncoder.supports(spec);
    }

    /** The columns whose tuple counts a count-based audit needs: label, prediction, controls, groups. */
    public static java.util.List<String> columns(AuditSpec spec) {
        return CountedEncoder.columns(spec);
    }

    /** Number of rows. */
    public int rows() {
        return data.rows;
    }

    /** True when the rows were counted as they streamed past (no row kept). */
    public boolean streamed() {
        return streamed;
    }
}
