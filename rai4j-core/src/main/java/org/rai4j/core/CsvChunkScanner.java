package org.rai4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Scans the records of one byte range of a CSV file, counting the distinct tuples of some fields
 * without a {@code String} per field. It follows the sequential reader's rules (RFC 4180 quoting, CR,
 * LF and CRLF line ends, empty lines skipped, UTF-8 only) and <em>declines</em> whatever that reader
 * would reject or read differently (a ragged row, a broken quote, malformed UTF-8, an over-long field, too
 * many distinct values): {@link CsvTupleCounter} then reads the file with {@link CsvTableReader}, which
 * reports the problem with file, line and column. Not thread-safe: one per chunk.
 */
final class CsvChunkScanner {
    /** Raised when the fast path cannot decide; never shown to users. */
    static final class Decline extends Exception {
        private static final long serialVersionUID = 1L;

        Decline(String why) {
            super(why, null, false, false);
        }
    }

    /** FastCSV's limit on characters in a field; a field with more bytes is left to the sequential reader. */
    static final int MAX_FIELD_BYTES = 16 << 20;
    private static final int BLOCK = 1 << 20;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final FileChannel channel;
    private final long fileSize;
    private final byte sep;
    private final int special;
    private final int fieldCount;
    private final int[] slotOfField;
    private final int slots;
    private final Runnable afterBlock;

    private byte[] buf;
    private int len;
    private long bufStart;
    private boolean eof;
    private byte[] scratch = new byte[256];

    final ByteDictionary[] dicts;
    private final int[] ids;
    private int[] tupleTable = new int[256];
    private int[] tupleKeys;
    private long[] tupleCounts = new long[64];
    private int tupleCount;
    long rows;
    private long stopBefore;
    long start;
    long end;
    long consumedReported;
    long rowsReported;
    private int lastTuple;
    private final LineCache lines = new LineCache();

    CsvChunkScanner(FileChannel channel, long fileSize, char separator, int fieldCount, int[] slotOfField,
                    int maxDistinct, Runnable afterBlock) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.sep = (byte) separator;
        this.special = Math.max(Math.max(separator, '"'), Math.max('\r', '\n'));
        this.fieldCount = fieldCount;
        this.slotOfField = slotOfField;
        int s = 0;
        for (int v : slotOfField) {
            s = Math.max(s, v + 1);
        }
        this.slots = s;
        this.ids = new int[s];
        this.tupleKeys = new int[64 * Math.max(1, s)];
        this.dicts = new ByteDictionary[s];
        for (int i = 0; i < s; i++) {
            dicts[i] = new ByteDictionary(maxDistinct);
        }
        this.afterBlock = afterBlock;
    }

    /** Number of distinct tuples. */
    int tuples() {
        return tupleCount;
    }

    /** The dictionary ids of tuple {@code t}, slot by slot. */
    int id(int t, int slot) {
        return tupleKeys[t * slots + slot];
    }

    /** Rows of tuple {@code t}. */
    long count(int t) {
        return tupleCounts[t];
    }

    /** Records counted from the line cache rather than parsed field by field (tests check that the cache serves). */
    long cachedRecords() {
        return lines.hits();
    }

    /** Whether the line cache is still on (it switches off when lines rarely repeat). */
    boolean lineCacheOn() {
        return lines.enabled();
    }

    /** Bytes of the file scanned so far (for progress). */
    long position() {
        return Math.min(bufStart + len, stopBefore);
    }

    /**
     * Parses the records that start in [{@code from}, {@code stopBefore}), assuming a record starts at
     * {@code from}; afterwards {@link #end} is the offset just after the last record parsed.
     */
    CsvChunkScanner scan(long from, long stopBefore) throws IOException, Decline {
        start = from;
        this.stopBefore = Math.max(from, stopBefore);
        bufStart = from;
        // a block, or less for a small chunk (it grows when a record does not fit)
        buf = new byte[(int) Math.max(4096, Math.min(BLOCK, Math.min(fileSize, this.stopBefore) - from + 4096))];
        len = 0;
        eof = from >= fileSize;
        refill();
        int p = 0;
        while (bufStart + p < stopBefore && !(eof && p >= len)) {
            if (lines.enabled()) {
                int q = cachedLines(p, (int) Math.min(len, stopBefore - bufStart));
                if (q != p) {
                    p = q;
                    continue;
                }
            }
            int q = record(p);
            if (q < 0) {
                if (eof) {
                    throw new Decline("record cut short at the end of the file");
                }
                System.arraycopy(buf, p, buf, 0, len - p);
                bufStart += p;
                len -= p;
                p = 0;
                if (len == buf.length) {
                    if (buf.length > MAX_FIELD_BYTES) {
                        throw new Decline("a record longer than " + buf.length + " bytes");
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                refill();
                afterBlock.run();
                continue;
            }
            p = q;
        }
        end = bufStart + p;
        bufStart += len;
        len = 0;
        buf = null;
        return this;
    }

    private void refill() throws IOException {
        while (!eof && len < buf.length) {
            long pos = bufStart + len;
            int n = channel.read(ByteBuffer.wrap(buf, len, buf.length - len), pos);
            if (n < 0) {
                eof = true;
                break;
            }
            len += n;
            if (bufStart + len >= fileSize) {
                eof = true;
            }
        }
    }

    /**
     * The line cache's step at {@code p}: when the bytes from {@code p} up to and including the next LF are a line
     * already parsed as exactly one record, counts that record's tuple again and returns the offset after the LF.
     * Otherwise parses the record with {@link #record} and, when it ended exactly at that LF, remembers the line.
     * Returns -1 when nothing was consumed (no LF in the buffer, an over-long line: the caller parses as usual).
     * {@link #cachedLines} repeats it over the records that start before {@code stop}.
     *
     * <p>Why this is exact: a record parsed from its start up to its terminating LF needs no byte before or after
     * it, so the same bytes at another record start parse to the same fields, the same tuple and the same verdict;
     * only lines that parsed cleanly (one record, ending at their first LF) are remembered, and a line is
     * recognised only by comparing all its bytes.
     */
    private int cachedLines(int p, int stop) throws Decline {
        while (p < stop && lines.enabled()) {
            int q = cachedLine(p);
            if (q < 0) {
                break;
            }
            p = q;
        }
        return p;
    }

    private int cachedLine(int p) throws Decline {
        byte[] b = buf;
        int limit = Math.min(len, p + LineCache.MAX_LINE);
        long h = 0x9E3779B97F4A7C15L;
        int i = p;
        int lf = -1;
        while (i + 8 <= limit) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                int k = Long.numberOfTrailingZeros(found) >>> 3; // the lowest flagged byte is exact
                long keep = k == 7 ? -1L : (1L << ((k + 1) << 3)) - 1;
                h = Long.rotateLeft(h, 23) ^ (w & keep);
                lf = i + k;
                break;
            }
            h = Long.rotateLeft(h, 23) ^ w;
            i += 8;
        }
        if (lf < 0) {
            long w = 0;
            for (int shift = 0; i < limit; i++, shift += 8) {
                w |= (b[i] & 0xFFL) << shift;
                if (b[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            if (lf < 0) {
                return -1; // no LF within reach: the record path handles the end of the buffer or the file
            }
            h = Long.rotateLeft(h, 23) ^ w;
        }
        int end = lf + 1;
        h *= 0xBF58476D1CE4E5B9L;
        int hash = (int) (h ^ (h >>> 32));
        int t = lines.find(b, p, end, hash);
        if (t >= 0) {
            tupleCounts[t]++;
            rows++;
            return end;
        }
        long before = rows;
        int q = record(p);
        if (q == end && rows == before + 1) {
            lines.add(b, p, end, hash, lastTuple);
        }
        return q;
    }

    /** Parses one record at {@code p}; returns the offset after it, or -1 when the buffer ends first. */
    private int record(int p) throws Decline {
        byte[] b = buf;
        int n = len;
        if (p >= n) {
            return -1;
        }
        byte first = b[p];
        if (first == '\n') {
            return p + 1; // an empty line: skipped, as the sequential reader does
        }
        if (first == '\r') {
            if (p + 1 < n) {
                return b[p + 1] == '\n' ? p + 2 : p + 1;
            }
            return eof ? p + 1 : -1;
        }
        int field = 0;
        int recordStart = p;
        while (true) {
            int from;
            int to;
            boolean escapes = false;
            if (p < n && b[p] == '"') {
                p++;
                from = p;
                while (true) {
                    if (p >= n) {
                        if (eof) {
                            throw new Decline("unterminated quoted field");
                        }
                        return -1;
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 >= n) {
                            if (!eof) {
                                return -1;
                            }
                            to = p++;
                            break;
                        }
                        if (b[p + 1] == '"') {
                            escapes = true;
                            p += 2;
                            continue;
                        }
                        to = p++;
                        break;
                    }
                    if (c < 0) {
                        p = utf8(p);
                        if (p < 0) {
                            return -1;
                        }
                    } else {
                        p++;
                    }
                }
                if (p < n) {
                    byte c = b[p];
                    if (c != sep && c != '\n' && c != '\r') {
                        throw new Decline("a character after a closing quote");
                    }
                } else if (!eof) {
                    return -1;
                }
            } else {
                from = p;
                while (p < n) {
                    byte c = b[p];
                    if (c > special) {
                        p++;
                        continue;
                    }
                    if (c == sep || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c < 0) {
                        p = utf8(p);
                        if (p < 0) {
                            return -1;
                        }
                    } else {
                        p++;
                    }
                }
                if (p >= n && !eof) {
                    return -1;
                }
                to = p;
            }
            if (to - from > MAX_FIELD_BYTES) {
                throw new Decline("a field longer than the sequential reader allows");
            }
            if (field < fieldCount) {
                int slot = slotOfField[field];
                if (slot >= 0) {
                    ids[slot] = escapes ? unescaped(slot, from, to) : lookup(slot, b, from, to);
                }
            }
            field++;
            if (p >= n) {
                break; // the last record, without a line end
            }
            byte c = b[p];
            if (c == sep) {
                p++;
                continue;
            }
            if (c == '\n') {
                p++;
            } else if (p + 1 < n) {
                p += b[p + 1] == '\n' ? 2 : 1;
            } else if (eof) {
                p++;
            } else {
                return -1;
            }
            break;
        }
        if (field != fieldCount) {
            throw new Decline("a row with " + field + " fields, the header has " + fieldCount);
        }
        if (p - recordStart > MAX_FIELD_BYTES) {
            throw new Decline("a record longer than the sequential reader allows");
        }
        addTuple();
        rows++;
        return p;
    }

    private int lookup(int slot, byte[] a, int from, int to) throws Decline {
        int id = dicts[slot].id(a, from, to);
        if (id < 0) {
            throw new Decline("too many distinct values in a counted column");
        }
        return id;
    }

    private int unescaped(int slot, int from, int to) throws Decline {
        if (scratch.length < to - from) {
            scratch = new byte[to - from];
        }
        int k = 0;
        for (int i = from; i < to; i++) {
            scratch[k++] = buf[i];
            if (buf[i] == '"') {
                i++; // "" inside a quoted field is one quote
            }
        }
        return lookup(slot, scratch, 0, k);
    }

    /** Validates the UTF-8 sequence at {@code p}; the offset after it, or -1 when the buffer ends inside it. */
    private int utf8(int p) throws Decline {
        int lead = buf[p] & 0xFF;
        int more;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            throw new Decline("malformed UTF-8");
        }
        for (int k = 1; k <= more; k++) {
            if (p + k >= len) {
                if (eof) {
                    throw new Decline("UTF-8 cut short");
                }
                return -1;
            }
            int c = buf[p + k] & 0xFF;
            int lo = k == 1 ? min : 0x80;
            int hi = k == 1 ? max : 0xBF;
            if (c < lo || c > hi) {
                throw new Decline("malformed UTF-8");
            }
        }
        return p + more + 1;
    }

    private void addTuple() {
        int h = 0;
        for (int i = 0; i < slots; i++) {
            h = (h + ids[i]) * 0x9E3779B1;
        }
        h ^= h >>> 16;
        int mask = tupleTable.length - 1;
        int slot = h & mask;
        while (true) {
            int e = tupleTable[slot];
            if (e == 0) {
                break;
            }
            int t = e - 1;
            if (sameTuple(t)) {
                tupleCounts[t]++;
                lastTuple = t;
                return;
            }
            slot = (slot + 1) & mask;
        }
        int t = tupleCount++;
        lastTuple = t;
        if ((t + 1) * slots > tupleKeys.length) {
            tupleKeys = Arrays.copyOf(tupleKeys, tupleKeys.length * 2);
        }
        if (t == tupleCounts.length) {
            tupleCounts = Arrays.copyOf(tupleCounts, t * 2);
        }
        System.arraycopy(ids, 0, tupleKeys, t * slots, slots);
        tupleCounts[t] = 1;
        tupleTable[slot] = t + 1;
        if (tupleCount * 2 > tupleTable.length) {
            int[] table = new int[tupleTable.length * 2];
            int m = table.length - 1;
            for (int k = 0; k < tupleCount; k++) {
                int hk = 0;
                for (int i = 0; i < slots; i++) {
                    hk = (hk + tupleKeys[k * slots + i]) * 0x9E3779B1;
                }
                hk ^= hk >>> 16;
                int s = hk & m;
                while (table[s] != 0) {
                    s = (s + 1) & m;
                }
                table[s] = k + 1;
            }
            tupleTable = table;
        }
    }

    private boolean sameTuple(int t) {
        int base = t * slots;
        for (int i = 0; i < slots; i++) {
            if (tupleKeys[base + i] != ids[i]) {
                return false;
            }
        }
        return true;
    }
}
