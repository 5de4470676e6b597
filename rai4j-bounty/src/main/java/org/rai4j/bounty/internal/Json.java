package org.rai4j.bounty.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal canonical JSON for the audit log (library modules stay free of Jackson): writes maps (in
 * insertion order), lists, strings, numbers (doubles in the shortest round-tripping form; NaN and
 * infinities as null), booleans and null on one line; parses the same back (numbers as
 * {@link BigDecimal}). Stateless.
 */
public final class Json {
    private Json() {}

    /** One-line JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Float f) {
            sb.append(Float.isFinite(f) ? Float.toString(f) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(l.get(i), sb);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException with the character offset of the problem
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the JSON value");
        }
        return v;
    }

    /** Deepest nesting of arrays and objects accepted by {@link #parse(String)}. */
    public static final int MAX_DEPTH = 100;

    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("malformed JSON at character " + (pos + 1) + ": " + msg);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            if (c == '{') {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    depth--;
                    return m;
                }
                while (true) {
                    skipSpace();
                    if (peek() != '"') {
                        throw error("expected a field name");
                    }
                    String key = string();
                    skipSpace();
                    expect(':');
                    m.put(key, value());
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                    } else {
                        expect('}');
                        depth--;
                        return m;
                    }
                }
            }
            if (c == '[') {
                pos++;
                List<Object> l = new ArrayList<>();
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    depth--;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                    } else {
                        expect(']');
                        depth--;
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected '" + c + "'");
            }
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number '" + s.substring(start, pos) + "'");
            }
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string (escape it)");
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("unterminated \\u escape");
                            }
                            int code = 0;
                            for (int k = 0; k < 4; k++) {
                                int digit = Character.digit(s.charAt(pos + k), 16);
                                if (digit < 0) {
                                    throw error("bad \\u escape");
                                }
                                code = code * 16 + digit;
                            }
                            sb.append((char) code);
                            pos += 4;
                        }
                        case '"', '\\', '/' -> sb.append(e);
                        default -> throw error("bad escape '\\" + e + "'");
                    }
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
