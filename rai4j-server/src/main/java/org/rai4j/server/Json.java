package org.rai4j.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The server's JSON: one Jackson mapper, records as objects, no NaN (callers pass null for undefined numbers). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + o.getClass().getSimpleName(), e);
        }
    }

    static String pretty(Object o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + o.getClass().getSimpleName(), e);
        }
    }

    /** Parses a request body; a malformed body is a 400 naming the line and column. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("expected a JSON object in the request body, got an empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** Replaces a non-finite double with null (one spelling for undefined numbers in every response). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
