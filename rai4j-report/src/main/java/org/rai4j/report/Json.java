package org.rai4j.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * The one JSON policy of rai4j, used by every JSON rendering (audit, comparison, speech, coverage, bounty,
 * privacy) of the command line and the server:
 * <ul>
 *   <li>numbers that are not finite (NaN, +∞, −∞) are written as {@code null} — JSON has no spelling for
 *       them; the status or reason beside the number, or the documentation of the field, says why;</li>
 *   <li>documents are indented (two spaces, Jackson's default printer); JSON lines are compact, one
 *       object per line;</li>
 *   <li>keys keep the order in which they were put.</li>
 * </ul>
 * Maps and records handed to the mappers follow the same rule for {@code double}/{@code Double} values.
 * Stateless and thread-safe.
 */
public final class Json {
    private static final ObjectMapper INDENTED = configure(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
    private static final ObjectMapper COMPACT = configure(new ObjectMapper());

    private Json() {}

    private static ObjectMapper configure(ObjectMapper m) {
        SimpleModule finite = new SimpleModule("rai4j-non-finite-as-null");
        JsonSerializer<Double> doubles = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (Double.isFinite(v)) {
                    gen.writeNumber(v);
                } else {
                    gen.writeNull();
                }
            }
        };
        finite.addSerializer(Double.class, doubles);
        finite.addSerializer(double.class, doubles);
        return m.registerModule(finite).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** A new, empty JSON object whose keys keep their insertion order. */
    public static ObjectNode object() {
        return COMPACT.createObjectNode();
    }

    /** A new, empty JSON array. */
    public static ArrayNode array() {
        return COMPACT.createArrayNode();
    }

    /** Puts {@code v} under {@code key}: the number, or {@code null} when it is NaN or infinite. */
    public static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /**
     * Like {@link #put}, but a whole number below 10^15 in magnitude is written without a fraction
     * ({@code 3}, not {@code 3.0}): used for counts that are stored as doubles.
     */
    public static void putCount(ObjectNode n, String key, double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            n.put(key, (long) v);
        } else {
            put(n, key, v);
        }
    }

    /** {@code v} as a value for a map to be serialised: the number, or {@code null} when not finite. */
    public static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** {@code value} (a tree, map, list or record) as an indented document, without a final newline. */
    public static String document(Object value) {
        try {
            return INDENTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as one compact line, without a final newline. */
    public static String line(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Each value as one compact line, every line ending in a newline (JSON lines). */
    public static String lines(Iterable<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(line(v)).append('\n');
        }
        return sb.toString();
    }

    /** {@code value} (a map, list or record) as a JSON tree that follows this policy. */
    public static JsonNode tree(Object value) {
        return INDENTED.valueToTree(value);
    }
}
