package org.rai4j.cli;

/**
 * Text from strangers (hunters' ids, team names, predicates) made safe for the operator's terminal:
 * control characters other than newline and tab (NUL, ESC and so the start of every ANSI escape sequence,
 * DEL, the C1 controls) and the Unicode bidirectional overrides are shown as {@code \\uXXXX} instead of being
 * interpreted by the terminal. Stateless.
 */
final class ConsoleText {
    private ConsoleText() {}

    /** {@code text} with every terminal-active character escaped as {@code \\uXXXX}. */
    static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean active = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (active) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
