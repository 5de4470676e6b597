package org.rai4j.fairness;

import org.rai4j.core.Provenance;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a last-mile comparison ({@link LastMileComparison}): the overall change, one
 * {@link SliceComparison} per slice present in either audit, and how it was computed. Immutable.
 *
 * @param spec                what was asked
 * @param task                the audits' task
 * @param direction           the direction used (given, or the metric's default)
 * @param reference           "the rest" or the reference slice, in words
 * @param method              how intervals and p-values were computed, in words
 * @param overall             the change of the whole data (no differential)
 * @param slices              every slice present in either audit: candidate order, then slices only in the baseline
 * @param baselineRows        rows of the baseline audit
 * @param candidateRows       rows of the candidate audit
 * @param baselineProvenance  provenance of the baseline audit
 * @param candidateProvenance provenance of the candidate audit
 */
public record ComparisonResult(ComparisonSpec spec, Task task, Direction direction, String reference, String method,
                               SliceComparison overall, List<SliceComparison> slices, long baselineRows,
                               long candidateRows, Provenance baselineProvenance, Provenance candidateProvenance) {
    /** The JSON schema identifier. */
    public static final String SCHEMA = "rai4j.compare/1";

    public ComparisonResult {
        slices = List.copyOf(slices);
    }

    /** The slices with this flag, in order. */
    public List<SliceComparison> flagged(ChangeFlag flag) {
        List<SliceComparison> out = new ArrayList<>();
        for (SliceComparison s : slices) {
            if (s.flag() == flag) {
                out.add(s);
            }
        }
        return out;
    }

    /** The smallest p-value the bootstrap can produce, 2/(B+1): adjusted p-values below α need B large enough. */
    public double smallestPossiblePValue() {
        return 2.0 / (spec.bootstrap() + 1);
    }
}
