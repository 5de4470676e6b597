package org.rai4j.cli;

import org.rai4j.core.SliceKey;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.Direction;
import org.rai4j.report.Gates;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What a last-mile comparison compares, and its gate (shared by {@code compare} and {@code audit --baseline}). */
final class CompareOptions {
    @Option(names = "--metric", paramLabel = "M",
            description = "Metric compared with the baseline (default error_rate; wer for speech audits); a rate such as "
                    + "false_negative_rate or accuracy, or a speech metric (wer, cer, …).")
    String metric;

    @Option(names = "--reference", paramLabel = "COL=V[,COL=V]",
            description = "Compare each slice's change with this slice's change instead of the rest's (all other rows). "
                    + "With audit --task speech: the column of reference transcripts (COL).")
    String reference;

    @Option(names = "--direction", paramLabel = "D", converter = DirectionConverter.class,
            description = "higher-is-worse or higher-is-better (default: known for error and success rates).")
    Direction direction;

    @Option(names = "--fail-on", paramLabel = "WHAT", converter = FailOnConverter.class,
            description = "Exit with status 3 when: differential (a slice degrades differentially) or degraded (any significant degradation).")
    Gates.FailOn failOn;

    ComparisonSpec spec(double confidence, int bootstrap, long seed, Adjustment adjust) {
        return new ComparisonSpec(metric == null ? "error_rate" : metric, direction, reference == null ? null
                : parseSlice(reference), confidence, bootstrap, seed, adjust);
    }

    /**
     * The spec of a speech comparison: metric default wer; no reference slice when {@code referenceIsColumn}
     * ({@code audit --task speech}, where --reference names the transcript column).
     */
    ComparisonSpec speechSpec(double confidence, int bootstrap, long seed, Adjustment adjust, boolean referenceIsColumn) {
        return new ComparisonSpec(metric == null ? "wer" : metric, direction, reference == null || referenceIsColumn ? null
                : parseSlice(reference), confidence, bootstrap, seed, adjust);
    }

    /** Parses {@code accent=scottish,condition=imaging}. */
    static SliceKey parseSlice(String text) {
        List<String> attrs = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new UserException("--reference: expected COL=VALUE[,COL=VALUE], e.g. accent=us, got '" + text + "'");
            }
            attrs.add(part.substring(0, eq).strip());
            values.add(part.substring(eq + 1).strip());
        }
        return new SliceKey(attrs, values);
    }

    /** Prints the gate's outcome; returns the exit status. */
    int gate(ComparisonResult r, PrintWriter err) {
        return failOn == null ? 0 : AuditOutput.gates(List.of(Gates.comparison(r, failOn)), err);
    }

    static final class DirectionConverter implements picocli.CommandLine.ITypeConverter<Direction> {
        @Override
        public Direction convert(String v) {
            return switch (v) {
                case "higher-is-worse" -> Direction.HIGHER_IS_WORSE;
                case "higher-is-better" -> Direction.HIGHER_IS_BETTER;
                default -> throw new picocli.CommandLine.TypeConversionException("expected higher-is-worse or higher-is-better, got '" + v + "'");
            };
        }
    }

    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<Gates.FailOn> {
        @Override
        public Gates.FailOn convert(String v) {
            return switch (v) {
                case "differential" -> Gates.FailOn.DIFFERENTIAL;
                case "degraded" -> Gates.FailOn.DEGRADED;
                default -> throw new picocli.CommandLine.TypeConversionException("expected differential or degraded, got '" + v + "'");
            };
        }
    }
}
