package org.rai4j.fairness;

import org.rai4j.core.Provenance;

import java.util.List;

/**
 * The outcome of an audit: the main analysis, one analysis per control level, and how it was made.
 * Rendered to JSON ({@code rai4j.audit/1}), console tables and HTML by {@code rai4j-report}.
 *
 * @param spec       what was asked
 * @param n          number of rows audited
 * @param classes    the class labels (binary: negative then positive)
 * @param main       the analysis of all rows
 * @param byControl  one analysis per control level (empty without control columns)
 * @param bootstrapMethod how replicates were drawn: {@code multinomial-cells}, {@code multinomial-score-bins},
 *                   {@code rows} or {@code clusters:COLUMN}
 * @param provenance data hash, seed, versions, configuration
 * @param scoreBinning with {@code multinomial-score-bins}: the score grid and the bounds on the replicates'
 *                   distance from row resampling; else null
 */
public record AuditResult(AuditSpec spec, long n, List<String> classes, Analysis main, List<Analysis> byControl,
                          String bootstrapMethod, Provenance provenance, ScoreBinning scoreBinning) {
    /** The JSON schema identifier. */
    public static final String SCHEMA = "rai4j.audit/1";

    public AuditResult {
        classes = List.copyOf(classes);
        byControl = List.copyOf(byControl);
    }

    /** An audit without score binning. */
    public AuditResult(AuditSpec spec, long n, List<String> classes, Analysis main, List<Analysis> byControl,
                       String bootstrapMethod, Provenance provenance) {
        this(spec, n, classes, main, byControl, bootstrapMethod, provenance, null);
    }
}
