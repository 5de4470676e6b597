package org.rai4j.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import org.rai4j.core.DataProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's syntax errors into messages for users: file, line and column, what was expected,
 * and none of Jackson's internals ({@code Source: REDACTED …}, token class names). Also decodes
 * files as strict UTF-8, naming the offset of the first malformed byte. Stateless.
 */
public final class JsonProblems {
    private static final Pattern LOCATION = Pattern.compile(
            "\\s*\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)]");
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at line (\\d+) column (\\d+)\\)");
    private static final Pattern FROM_SOURCE = Pattern.compile(", from `[^`]*`");

    private JsonProblems() {}

    /**
     * The problem behind a JSON syntax error in {@code file}: the line of the error, and a message
     * naming its column and what was expected, e.g.
     * {@code not valid JSON at column 12: the file ends inside the object opened at line 1 column 1; expected '}' (is the file truncated?)}.
     */
    public static DataProblem syntax(String file, JacksonException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        long column = at == null ? 0 : at.getColumnNr();
        String where = column > 0 ? " at column " + column : "";
        return new DataProblem(file, line, null, "not valid JSON" + where + ": " + describe(e.getOriginalMessage()));
    }

    /** Jackson's message without its internals, rephrased where a plainer phrasing exists. */
    static String describe(String original) {
        String m = original == null ? "malformed input" : original.strip();
        // Each regular expression runs only when its literal part is present (one String.contains): most messages
        // match none, and under the fuzzer every regex step is hooked (these searches were 56% of the CPU samples of
        // an audit JSON fuzz execution). Patterns are compiled once.
        if (m.contains("[Source: ")) {
            m = LOCATION.matcher(m).replaceAll(" line $1 column $2");
        }
        Matcher close = CLOSE_MARKER.matcher(m);
        if (m.contains("expected close marker for ") && close.find()) {
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
        if (m.contains(", from `")) {
            m = FROM_SOURCE.matcher(m).replaceAll("");
        }
        m = m.replace('`', '\'');
        return m.replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "a string, number, array, object, true, false or null");
    }

    /**
     * Decodes {@code bytes} as UTF-8, rejecting malformed input with a problem naming the offset of
     * the first bad byte (a byte-order mark at the start is dropped).
     */
    public static String utf8(byte[] bytes, String file) throws org.rai4j.core.DataFileException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (CharacterCodingException e) {
            long line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new org.rai4j.core.DataFileException(new DataProblem(file, line, null, String.format(
                    "expected UTF-8 text, got the byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position())));
        }
    }
}
