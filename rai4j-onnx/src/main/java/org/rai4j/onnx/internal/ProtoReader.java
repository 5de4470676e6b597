package org.rai4j.onnx.internal;

import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protocol-buffers wire format (varint, 64-bit, length-delimited, 32-bit
 * fields), enough to inspect an ONNX {@code ModelProto} without a protobuf runtime. Fails with
 * {@link IllegalArgumentException} on truncated or malformed input. Not thread-safe.
 */
public final class ProtoReader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private int tag;

    /** Reads {@code buf[from, to)}. */
    public ProtoReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /** Advances to the next field; false at the end of the message. */
    public boolean next() {
        if (pos >= end) {
            return false;
        }
        tag = (int) varint();
        if (tag == 0) {
            throw new IllegalArgumentException("malformed protobuf: field number 0 at byte " + pos);
        }
        return true;
    }

    /** Field number of the current field. */
    public int field() {
        return tag >>> 3;
    }

    /** Wire type of the current field (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
    public int wireType() {
        return tag & 7;
    }

    /** Reads a varint value. */
    public long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw new IllegalArgumentException("malformed protobuf: truncated varint");
            }
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed protobuf: varint longer than 10 bytes");
    }

    /** Reads a length-delimited field as a sub-reader. */
    public ProtoReader message() {
        int len = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + len);
        pos += len;
        return r;
    }

    /** Reads a length-delimited field as UTF-8 text. */
    public String string() {
        int len = length();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    private int length() {
        long len = varint();
        if (len < 0 || len > end - pos) {
            throw new IllegalArgumentException("malformed protobuf: length " + len + " runs past the end of the message");
        }
        return (int) len;
    }

    /** Skips the current field's value. */
    public void skip() {
        switch (wireType()) {
            case 0 -> varint();
            case 1 -> advance(8);
            case 2 -> advance(length());
            case 5 -> advance(4);
            default -> throw new IllegalArgumentException("malformed protobuf: unsupported wire type " + wireType());
        }
    }

    private void advance(int n) {
        if (n > end - pos) {
            throw new IllegalArgumentException("malformed protobuf: field runs past the end of the message");
        }
        pos += n;
    }
}
