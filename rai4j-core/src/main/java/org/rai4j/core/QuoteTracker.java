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
    private int continuationBytes;
    private int secondMin = 0x80;
    private int secondMax = 0xBF;
    private boolean second;
    private long badOffset = -1;
    private long badLine;
    private long badColumn;
    private int badByte;
    private long leadOffset;
    private long leadLine;
    private long leadColumn;
    private int leadByte;

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
        if (badOffset < 0) {
            checkUtf8(b & 0xFF, pos);
        }
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

    /** UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
    private void checkUtf8(int b, long pos) {
        if (continuationBytes > 0) {
            int min = second ? secondMin : 0x80;
            int max = second ? secondMax : 0xBF;
            if (b < min || b > max) {
                malformedLead();
                return;
            }
            second = false;
            continuationBytes--;
            return;
        }
        if (b < 0x80) {
            return;
        }
        second = true;
        leadOffset = pos;
        leadLine = line;
        leadColumn = column + 1;
        leadByte = b;
        secondMin = 0x80;
        secondMax = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            continuationBytes = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuationBytes = 2;
            if (b == 0xE0) {
                secondMin = 0xA0;
            } else if (b == 0xED) {
                secondMax = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuationBytes = 3;
            if (b == 0xF0) {
                secondMin = 0x90;
            } else if (b == 0xF4) {
                secondMax = 0x8F;
            }
        } else {
            malformed(b, pos);
        }
    }

    private void malformed(int b, long pos) {
        badOffset = pos;
        badByte = b;
        badLine = line;
        badColumn = column + 1;
    }

    /** A multi-byte character cut short: the fault is its first byte. */
    private void malformedLead() {
        badOffset = leadOffset;
        badByte = leadByte;
        badLine = leadLine;
        badColumn = leadColumn;
    }

    /** Call at the end of input: a multi-byte character cut short by the end is malformed too. */
    void finish() {
        if (badOffset < 0 && continuationBytes > 0) {
            malformedLead();
        }
    }

    /** True when a byte that is not well-formed UTF-8 was seen. */
    boolean malformedUtf8() {
        return badOffset >= 0;
    }

    /** What was wrong with the first malformed byte, e.g. {@code the byte 0xFF at line 2 column 1 (byte offset 6)}. */
    String malformedDescription() {
        return String.format("the byte 0x%02X", badByte) + " at line " + badLine + " column " + badColumn + " (byte offset " + badOffset + ")";
    }

    /** Line of the first malformed byte. */
    long malformedLine() {
        return badLine;
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
