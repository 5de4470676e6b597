package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.speech.Alignment;
import org.rai4j.speech.EditCounts;
import org.rai4j.speech.SpeechAudit;
import org.rai4j.speech.SpeechCounts;
import org.rai4j.speech.SpeechMetric;
import org.rai4j.speech.TextNormalizer;
import org.rai4j.speech.UtteranceScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renderings of speech results: one scored pair ({@code rai4j wer}: alignment, metrics and edit counts as
 * text or JSON) and a speech audit (the audit table of {@link ConsoleReport} plus the text normalisation,
 * the bootstrap method, the coverage of the group dimensions and, for the demo, a condition effect; the
 * audit JSON with {@code normalization}, {@code coverage}, {@code resampling_units} and
 * {@code condition_effect} added). Non-finite metrics follow {@link Json}. Stateless.
 */
public final class SpeechRendering {
    private SpeechRendering() {}

    /**
     * {@code rai4j wer --json}: wer, mer, wil, wip, cer (NaN as null), the word edit counts, the normalisation
     * steps and both normalised texts, as an ordered map.
     */
    public static Map<String, Object> pairJson(UtteranceScore score, TextNormalizer normalizer, String reference,
                                               String hypothesis) {
        SpeechCounts counts = SpeechCounts.of(score);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wer", Json.number(SpeechMetric.WER.of(counts)));
        m.put("mer", Json.number(SpeechMetric.MER.of(counts)));
        m.put("wil", Json.number(SpeechMetric.WIL.of(counts)));
        m.put("wip", Json.number(SpeechMetric.WIP.of(counts)));
        m.put("cer", Json.number(SpeechMetric.CER.of(counts)));
        EditCounts w = score.words();
        m.put("hits", w.hits());
        m.put("substitutions", w.substitutions());
        m.put("deletions", w.deletions());
        m.put("insertions", w.insertions());
        m.put("reference_words", w.referenceLength());
        m.put("hypothesis_words", w.hypothesisLength());
        m.put("normalization", normalizer.describe());
        m.put("reference_normalized", normalizer.normalize(reference));
        m.put("hypothesis_normalized", normalizer.normalize(hypothesis));
        return m;
    }

    /** {@code rai4j wer}: the alignment, the five metrics, the edit counts and the normalisation steps. */
    public static String pairText(Alignment alignment, UtteranceScore score, TextNormalizer normalizer) {
        SpeechCounts counts = SpeechCounts.of(score);
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(alignment.render()).append(nl).append(nl);
        EditCounts w = score.words();
        sb.append(String.format("WER %s   MER %s   WIL %s   WIP %s   CER %s%n", fmt(SpeechMetric.WER.of(counts)),
                fmt(SpeechMetric.MER.of(counts)), fmt(SpeechMetric.WIL.of(counts)), fmt(SpeechMetric.WIP.of(counts)),
                fmt(SpeechMetric.CER.of(counts))));
        sb.append(String.format("hits %d   substitutions %d   deletions %d   insertions %d   (reference %d words, hypothesis %d words)%n",
                w.hits(), w.substitutions(), w.deletions(), w.insertions(), w.referenceLength(), w.hypothesisLength()));
        sb.append("normalization: ").append(String.join(" → ", normalizer.describe())).append(nl);
        if (w.referenceLength() == 0) {
            sb.append("note: the reference is empty, so WER is the number of inserted words (jiwer v4), not a rate").append(nl);
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * A speech audit as console text: the audit table (columns {@code shown}), the normalisation, the
     * bootstrap method, the coverage section and, when {@code effect} is given, the comparison of condition
     * {@code sources[1]} with {@code sources[0]}.
     */
    public static String auditText(SpeechAudit.Result result, List<String> shown, ComparisonResult effect, String[] sources) {
        AuditResult r = result.audit();
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(ConsoleReport.render(r, shown));
        text.append("\nnormalization: ").append(String.join(" → ", result.normalizer().describe()))
                .append(" (applied to references and hypotheses alike)\n");
        text.append("bootstrap: ").append(r.bootstrapMethod()).append('\n');
        text.append(nl).append(CoverageRendering.text(result.coverage()));
        if (effect != null) {
            text.append('\n').append(ComparisonReport.render(effect, sources[0], sources[1]));
        }
        return text.toString();
    }

    /**
     * The audit JSON document (with a final newline) with {@code normalization}, {@code coverage},
     * {@code resampling_units} (what {@code rai4j compare} resamples) and, for the demo, {@code condition_effect}
     * (a rai4j.compare/1 document) added.
     */
    public static String auditJson(SpeechAudit.Result result, ComparisonResult effect, String[] sources) {
        ObjectNode tree = AuditJson.toTree(result.audit());
        tree.set("normalization", Json.tree(result.normalizer().describe()));
        tree.set("coverage", Json.tree(CoverageRendering.json(result.coverage())));
        tree.set("resampling_units", AuditJson.resamplingUnits(result.units()));
        if (effect != null) {
            tree.set("condition_effect", ComparisonJson.toTree(effect, sources[0], sources[1]));
        }
        return Json.document(tree) + "\n";
    }
}
