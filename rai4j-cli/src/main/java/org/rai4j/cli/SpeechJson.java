package org.rai4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rai4j.speech.EditCounts;
import org.rai4j.speech.SpeechCounts;
import org.rai4j.speech.SpeechMetric;

/**
 * JSON rendering for the speech and coverage commands: ordered maps written with Jackson to standard
 * output ({@code -}) or to a file (written to a temporary file first, then moved into place).
 */
final class SpeechJson {
    private SpeechJson() {}

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes {@code value} as JSON to {@code target}: "-" for {@code out}, else a file path. */
    static void write(Object value, String target, PrintWriter out) throws IOException {
        if ("-".equals(target)) {
            out.println(mapper().writeValueAsString(value));
            out.flush();
            return;
        }
        Path path = Path.of(target).toAbsolutePath();
        Path dir = path.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserException("--json: directory " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            mapper().writeValue(tmp.toFile(), value);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
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

    /** A finite double, or null for NaN/±∞ (JSON has no NaN). */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
