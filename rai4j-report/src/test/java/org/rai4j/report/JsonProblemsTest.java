package org.rai4j.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonProblems#describe} runs its regular expressions only when their literal part is present (a fuzzing
 * cost: afternoon of 2026-12-05). Its messages must not change: compared with the previous implementation, kept
 * here verbatim, on Jackson's messages for seeded corruptions of a real audit JSON.
 */
class JsonProblemsTest {
    private static final Pattern LOCATION = Pattern.compile(
            "\\s*\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)]");
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at line (\\d+) column (\\d+)\\)");

    /** The implementation before the change. */
    private static String previous(String original) {
        String m = original == null ? "malformed input" : original.strip();
        Matcher loc = LOCATION.matcher(m);
        m = loc.replaceAll(" line $1 column $2");
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.find()) {
            boolean object = close.group(1).equals("Object");
            return "the file ends inside the " + (object ? "object" : "array") + " opened at line " + close.group(2)
                    + " column " + close.group(3) + "; expected '" + (object ? "}" : "]") + "' (is the file truncated?)";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            String rest = m.substring("Unexpected end-of-input".length()).replaceFirst("^[:\\s]+", "");
            return "the file ends too early" + (rest.isEmpty() ? "" : " (" + rest + ")") + " (is the file truncated?)";
        }
        int newline = m.indexOf('\n');
        if (newline >= 0) {
            m = m.substring(0, newline).strip();
        }
        m = m.replaceAll(", from `[^`]*`", "").replaceAll("`", "'");
        return m.replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "a string, number, array, object, true, false or null");
    }

    @Test
    void describe_sameMessagesAsBefore_onCorruptedAudits() throws Exception {
        String json = AuditJson.toJson(SampleAudits.binary(4));
        ObjectMapper mapper = new ObjectMapper();
        Random random = new Random(16);
        List<String> messages = new ArrayList<>();
        List<String> corrupted = new ArrayList<>();
        for (int cut = 1; cut < json.length(); cut += Math.max(97, json.length() / 60)) {
            corrupted.add(json.substring(0, cut));
        }
        String head = json.substring(0, Math.min(json.length(), 3000)); // corruptions near the start: parsing stays cheap
        String junk = "{}[]:,\"'`\\ \n\tx0-+.eE/#";
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder(head);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                b.setCharAt(random.nextInt(b.length()), junk.charAt(random.nextInt(junk.length())));
            }
            corrupted.add(b.toString());
        }
        corrupted.add("{\"a\": tru}");
        corrupted.add("[1, 2");
        corrupted.add("{\"a\" 1}");
        corrupted.add("");
        for (String text : corrupted) {
            try {
                mapper.readTree(text);
            } catch (JacksonException e) {
                messages.add(e.getOriginalMessage());
                messages.add(e.getMessage());
            }
        }
        messages.add(null);
        messages.add("x, from `a.b` and `c`\nsecond line");
        assertThat(messages).hasSizeGreaterThan(300);
        for (String m : messages) {
            assertThat(JsonProblems.describe(m)).as(String.valueOf(m)).isEqualTo(previous(m));
        }
    }
}
