package org.rai4j.core;

/**
 * Follows the bytes of a CSV file with RFC 4180's quoting rules (a quote opens a quoted field only
 * at the start of a field; {@code ""} inside one is a literal quote) to remember where the quoted
 * field still open at the end of input began. Lines count CR, LF and CRLF once each, as FastCSV
 * does; columns count characters (UTF-8 continuation bytes are skipped), 1-based. Not thread-safe:
 * one per read.
 */
final class QuoteTracker {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final byte separator;
    private int state = FIELD_START;
    private long line = 1;
    private long column;
    private boolean lastWasCr;
    private long position;
    private long openLine;
    private long openColumn;

    QuoteTracker(char separator) {
        this.separator = separator < 0x80 ? (byte) separator : 0;
    }

    void accept(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            accept(buf[i]);
        }
    }

    void accept(byte b) {
        long pos = position++;
        if (b == '\n') {
            if (!lastWasCr) {
                line++;
            }
            column = 0;
            lastWasCr = false;
            newline();
            return;
        }
        if (b == '\r') {
            line++;
            column = 0;
            lastWasCr = true;
            newline();
            return;
        }
        lastWasCr = false;
        if ((b & 0xC0) != 0x80 && !(pos == 0 && b == (byte) 0xEF)) {
            column++; // a byte-order mark at the very start is not a column
        }
        switch (state) {
            case FIELD_START -> {
                if (b == '"') {
                    state = QUOTED;
                    openLine = line;
                    openColumn = column;
                } else if (b != separator) {
                    state = UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (b == separator) {
                    state = FIELD_START;
                }
            }
            case QUOTED -> {
                if (b == '"') {
                    state = QUOTE_IN_QUOTED;
                }
            }
            default -> { // QUOTE_IN_QUOTED
                if (b == '"') {
                    state = QUOTED;
                } else {
                    state = b == separator ? FIELD_START : UNQUOTED;
                }
            }
        }
    }

    private void newline() {
        if (state != QUOTED) {
            state = FIELD_START;
        }
    }

    /** True when the input so far ends inside a quoted field. */
    boolean inQuotedField() {
        return state == QUOTED;
    }

    /** Line (1-based) of the quote that opened the field still open. */
    long openLine() {
        return openLine;
    }

    /** Column (1-based, in characters) of the quote that opened the field still open. */
    long openColumn() {
        return openColumn;
    }
}
