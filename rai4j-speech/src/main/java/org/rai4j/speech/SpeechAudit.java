package org.rai4j.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.Coverage;
import org.rai4j.fairness.CoverageReport;
import org.rai4j.fairness.RowStatistics;
import org.rai4j.fairness.Task;

/**
 * A disaggregated speech recognition audit: every utterance is scored ({@link SpeechScorer}), its counts
 * become additive row statistics, and the fairness engine ({@link Auditor}) slices them by the group
 * columns (each alone and their intersection), computes the pooled metrics of every slice with
 * bootstrap intervals — over utterances, or over clusters such as speakers — and the gaps between
 * groups. The result has the same shape as every other rai4j audit, plus the coverage of the group
 * dimensions and the normalisation used.
 *
 * <p>Metrics ({@link SpeechMetric}): wer, mer, wil, wip, cer, sentence_error_rate, mean_utterance_wer.
 * Counts per slice: hits, substitutions, deletions, insertions, reference_words and the others of
 * {@link #STATISTICS}. Pure static functions; thread-safe.
 */
public final class SpeechAudit {
    /** The per-utterance statistics, in slot order. */
    public static final List<String> STATISTICS = List.of("hits", "substitutions", "deletions", "insertions",
            "reference_words", "hypothesis_words", "char_hits", "char_substitutions", "char_deletions",
            "char_insertions", "utterances_with_error", "empty_references", "sum_utterance_wer");

    /** THIN threshold (rows) of the coverage table of a cluster audit. */
    public static final int COVERAGE_MIN_ROWS = 30;

    private SpeechAudit() {}

    /**
     * A speech audit's result: the audit, the coverage of its group dimensions and the normalisation.
     *
     * @param audit      the audit (task speech)
     * @param coverage   counts of every combination of the group columns' levels (min count = the audit's
     *                   minimum group size)
     * @param normalizer the text normalisation applied to references and hypotheses
     */
    public record Result(AuditResult audit, CoverageReport coverage, TextNormalizer normalizer,
                         org.rai4j.fairness.ResamplingUnits units) {}

    /** The speech metrics as functions of summed statistics ({@link #STATISTICS} slots, then the row count). */
    public static List<RowStatistics.Metric> metrics() {
        List<RowStatistics.Metric> metrics = new ArrayList<>();
        for (SpeechMetric m : SpeechMetric.values()) {
            metrics.add(new RowStatistics.Metric(m.id(), s -> m.of(counts(s)), "no utterances"));
        }
        return metrics;
    }

    /**
     * Last-mile comparison of two speech audits ({@link org.rai4j.fairness.LastMileComparison}): per
     * slice, the change of the metric from the baseline (e.g. the provider's audit, or clean speech) to
     * the candidate (the customer's condition) and the differential change against the rest, with
     * bootstrap intervals resampling each audit's utterances or clusters, and Holm-adjusted flags.
     */
    public static org.rai4j.fairness.ComparisonResult compare(Result baseline, Result candidate,
                                                              org.rai4j.fairness.ComparisonSpec spec) {
        return org.rai4j.fairness.LastMileComparison.compare(baseline.audit(), baseline.units(), candidate.audit(),
                candidate.units(), metrics(), spec);
    }

    /**
     * The spec of a speech audit with rai4j's defaults for everything not given here.
     *
     * @param reference  column of reference transcripts
     * @param hypothesis column of recognised transcripts
     * @param groups     group columns (e.g. accent, condition)
     */
    public static AuditSpec spec(String reference, String hypothesis, List<String> groups, int minGroupSize,
                                 double confidence, int bootstrap, long seed) {
        return new AuditSpec(Task.SPEECH, reference, hypothesis, null, null, "1", null, groups, List.of(),
                org.rai4j.fairness.MissingGroupPolicy.ERROR, minGroupSize, confidence, bootstrap, seed,
                org.rai4j.fairness.Adjustment.HOLM);
    }

    /**
     * Audits {@code table}: {@code spec.label()} is the reference column, {@code spec.prediction()} the
     * hypothesis column (an empty field is an empty transcript).
     *
     * @param cluster column identifying clusters for the bootstrap (e.g. {@code speaker}), or null to
     *                resample utterances
     */
    public static Result run(Table table, AuditSpec spec, TextNormalizer normalizer, String cluster,
                             IntConsumer progress) throws DataFileException {
        Preconditions.checkArgument(spec.task() == Task.SPEECH, "a speech audit needs task speech, got " + spec.task().id());
        RowStatistics stats = statistics(table, spec.label(), spec.prediction(), new SpeechScorer(normalizer));
        AuditResult audit = Auditor.run(table, spec, stats, cluster, progress);
        // coverage counts rows; with clusters the audit's minimum counts clusters, so coverage keeps its row default
        CoverageReport coverage = new Coverage(spec.groups(), Map.of(), cluster == null ? spec.minGroupSize()
                : COVERAGE_MIN_ROWS).of(table);
        return new Result(audit, coverage, normalizer, org.rai4j.fairness.ResamplingUnits.of(table, spec, stats, cluster));
    }

    /** Scores every row and returns the statistics and metrics the engine needs. */
    public static RowStatistics statistics(Table table, String reference, String hypothesis, SpeechScorer scorer)
            throws DataFileException {
        Column ref = table.column(reference);
        Column hyp = table.column(hypothesis);
        double[][] values = new double[table.rowCount()][];
        UtteranceScore[] scores = scorer.scoreEach(values.length, ref::text, hyp::text, SpeechScorer.defaultThreads());
        for (int r = 0; r < values.length; r++) {
            values[r] = vector(SpeechCounts.of(scores[r]));
        }
        List<RowStatistics.Metric> metrics = metrics();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("reference", reference);
        config.put("hypothesis", hypothesis);
        config.put("normalization", String.join(",", scorer.normalizer().describe()));
        config.put("alignment", "Levenshtein, unit costs, ties: minimum cost then maximum hits");
        return new RowStatistics(STATISTICS, values, metrics, config);
    }

    /** The statistics vector of counts, in {@link #STATISTICS} order. */
    static double[] vector(SpeechCounts c) {
        EditCounts w = c.words();
        EditCounts ch = c.characters();
        return new double[] {w.hits(), w.substitutions(), w.deletions(), w.insertions(), w.referenceLength(),
                w.hypothesisLength(), ch.hits(), ch.substitutions(), ch.deletions(), ch.insertions(),
                c.utterancesWithError(), c.emptyReferences(), c.sumUtteranceWer()};
    }

    /**
     * Counts from a summed statistics vector: slots in {@link #STATISTICS} order, then the number of
     * rows (the layout the engine hands to metric functions).
     */
    public static SpeechCounts counts(double[] s) {
        return new SpeechCounts(Math.round(s[STATISTICS.size()]), Math.round(s[10]), Math.round(s[11]),
                new EditCounts(Math.round(s[0]), Math.round(s[1]), Math.round(s[2]), Math.round(s[3])),
                new EditCounts(Math.round(s[6]), Math.round(s[7]), Math.round(s[8]), Math.round(s[9])),
                Math.max(0.0, s[12]));
    }
}
