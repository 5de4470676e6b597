package org.rai4j.parquet;

import org.rai4j.core.CsvOptions;
import org.rai4j.core.DataFileException;
import org.rai4j.fairness.AuditData;
import org.rai4j.fairness.AuditSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * An audit's input from Parquet ({@link ParquetData}): count-based audits read only the tuple counts DuckDB
 * computes (no row in Java memory); other audits, and data with a problem to locate, read the audited columns
 * as rows. Stateless.
 */
public final class ParquetAudit {
    private ParquetAudit() {}

    /**
     * Reads {@code path} (a {@code *.parquet} file or a folder of them) for {@code spec}.
     *
     * @throws DataFileException when the input is missing, malformed or does not fit the spec
     */
    public static AuditData read(Path path, CsvOptions options, AuditSpec spec) throws DataFileException {
        if (AuditData.countable(spec)) {
            Optional<AuditData> counted = AuditData.of(ParquetData.count(path, AuditData.columns(spec), options), spec);
            if (counted.isPresent()) {
                return counted.get();
            }
        }
        return AuditData.of(ParquetData.table(path, columns(spec), options), spec);
    }

    /** Every column the spec names. */
    private static List<String> columns(AuditSpec spec) {
        LinkedHashSet<String> c = new LinkedHashSet<>(AuditData.columns(spec));
        if (spec.score() != null) {
            c.add(spec.score());
        }
        if (spec.weight() != null) {
            c.add(spec.weight());
        }
        return new ArrayList<>(c);
    }
}
