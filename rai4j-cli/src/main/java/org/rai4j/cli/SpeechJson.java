package org.rai4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rai4j.report.Json;
import org.rai4j.speech.EditCounts;
import org.rai4j.speech.SpeechCounts;
import org.rai4j.speech.SpeechMetric;

/**
 * JSON rendering for the speech and coverage commands: ordered maps written under the one JSON policy
 * ({@link Json}) to standard output ({@code -}) or to a declared output file.
 */
final class SpeechJson {
    private SpeechJson() {}

    /**
     * Puts {@code value} as indented JSON into {@code run}: to standard output ("-", with a final newline)
     * or to the declared file {@code target} (without one, as before).
     */
    static void write(Object value, String target, RunOutputs run) {
        String doc = Json.document(value);
        if ("-".equals(target)) {
            run.out.append(doc).append('\n');
        } else {
            run.file(Path.of(target), doc);
        }
    }

    /** Metric values (NaN as null) and counts of one group, keys as in the issue: wer, mer, …, hits, …. */
    static Map<String, Object> metricsAndCounts(SpeechCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (SpeechMetric metric : SpeechMetric.values()) {
            m.put(metric.id(), number(metric.of(c)));
        }
        EditCounts w = c.words();
        m.put("hits", w.hits());
        m.put("substitutions", w.substitutions());
        m.put("deletions", w.deletions());
        m.put("insertions", w.insertions());
        m.put("reference_words", w.referenceLength());
        m.put("hypothesis_words", w.hypothesisLength());
        m.put("utterances", c.utterances());
        return m;
    }

    /** A finite double, or null for NaN/±∞ (the JSON policy, {@link Json#number}). */
    static Double number(double v) {
        return Json.number(v);
    }
}
