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
 * reports the problem with file, line and column.
 *
 * <p>Three ways through a record, fastest first, all exact: a line seen before whole ({@link LineCache}); a
 * <em>plain</em> line (ASCII, no quote, no bare CR), split eight bytes at a time ({@link #plainLine}); any other record,
 * byte by byte with full validation ({@link #record}). The counted fields of a record are then recognised together
 * by their <em>span</em> (the bytes from the first counted field to the last) when it was seen before, so a file whose
 * lines never repeat (a row id, a score) still makes no dictionary lookup for most rows. Not thread-safe: one per chunk.
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
    /** The audited span of a record (first to last counted field, raw bytes) → its tuple; see {@link #countSpan}. */
    private final LineCache spans = new LineCache();
    private final int firstField;
    private final int lastField;
    private final int[] fieldFrom;
    private final int[] fieldTo;
    private final boolean[] fieldEscapes;
    private final long sepWord;
    private long plainRecords;

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
        int first = -1;
        int last = -1;
        for (int f = 0; f < slotOfField.length; f++) {
            if (slotOfField[f] >= 0) {
                first = first < 0 ? f : first;
                last = f;
            }
        }
        this.firstField = first;
        this.lastField = last;
        this.fieldFrom = new int[s];
        this.fieldTo = new int[s];
        this.fieldEscapes = new boolean[s];
        this.sepWord = broadcast(sep);
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

    /** Records read by the plain-line fast path ({@link #plainLine}; tests check that it serves). */
    long plainRecords() {
        return plainRecords;
    }

    /** Records whose tuple came from the span cache without a dictionary lookup (tests check that it serves). */
    long spanHits() {
        return spans.hits();
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
            int q = line(p);
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
        int q = line(p);
        if (q == end && rows == before + 1) {
            lines.add(b, p, end, hash, lastTuple);
        }
        return q;
    }

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LF_WORD = broadcast((byte) '\n');
    private static final long CR_WORD = broadcast((byte) '\r');
    private static final long QUOTE_WORD = broadcast((byte) '"');

    private static long broadcast(byte c) {
        return (c & 0xFFL) * 0x0101010101010101L;
    }

    /** 0x80 in each byte of {@code w} that equals the byte of {@code pattern} there, 0 elsewhere (exact: no carries between bytes). */
    private static long equalBytes(long w, long pattern) {
        long x = w ^ pattern;
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** Parses one record at {@code p} ({@link #plainLine}, else {@link #record}); -1 when the buffer ends first. */
    private int line(int p) throws Decline {
        int q = plainLine(p);
        return q >= 0 ? q : record(p);
    }

    /**
     * The fast path for a <em>plain</em> line: ASCII only, no quote, no CR except one just before the LF, not empty,
     * ending with an LF within {@link LineCache#MAX_LINE} bytes and within the buffer. Such a line is one record whose
     * fields are exactly the bytes between separators, and the sequential reader accepts it whenever it has the header's
     * number of fields (nothing in it can be malformed). Eight bytes at a time: one pass finds the separators and the LF
     * and checks that nothing else needs attention; the counted fields then go to {@link #countSpan}. Returns the offset
     * after the LF and counts the record, or returns -1 having counted nothing: then {@link #record} parses the line
     * (it is not plain, has a different number of fields, or the buffer ends first).
     */
    private int plainLine(int p) throws Decline {
        byte[] b = buf;
        if (p >= len || b[p] == '\n' || b[p] == '\r' || firstField < 0) {
            return -1;
        }
        int last = Math.min(len, p + LineCache.MAX_LINE) - 8;
        int maxSeps = fieldCount - 1;
        int before = firstField - 1; // the separator before the first counted field (-1: the line start)
        int after = lastField; // the separator after the last counted field (maxSeps: the line end)
        int spanFrom = p;
        int spanTo = -1;
        int seps = 0;
        for (int i = p; i <= last; i += 8) {
            long w = (long) LONGS.get(b, i);
            long lf = equalBytes(w, LF_WORD);
            long odd = equalBytes(w, QUOTE_WORD) | equalBytes(w, CR_WORD) | (w & HIGH);
            long sp = equalBytes(w, sepWord);
            int lineEnd = -1;
            int next = -1;
            if ((lf | odd) != 0) {
                if (lf == 0) {
                    return -1; // a quote, CR or non-ASCII byte: not plain
                }
                long lfBit = lf & -lf;
                long earlier = lfBit - 1;
                int at = i + (Long.numberOfTrailingZeros(lfBit) >>> 3);
                next = at + 1;
                lineEnd = at;
                long oddBefore = odd & earlier;
                if (oddBefore != 0) {
                    if (oddBefore != lfBit >>> 8 || b[at - 1] != '\r' || at - 1 == p) {
                        return -1;
                    }
                    lineEnd = at - 1; // CRLF
                }
                sp &= earlier;
            }
            int count = Long.bitCount(sp);
            if (Integer.compareUnsigned(before - seps, count) < 0) {
                spanFrom = i + nthByte(sp, before - seps) + 1;
            }
            if (Integer.compareUnsigned(after - seps, count) < 0) {
                spanTo = i + nthByte(sp, after - seps);
            }
            seps += count;
            if (lineEnd >= 0) {
                if (seps != maxSeps) {
                    return -1; // a ragged row: the record path declines
                }
                countSpan(spanFrom, after == maxSeps ? lineEnd : spanTo, true);
                rows++;
                plainRecords++;
                return next;
            }
        }
        return -1;
    }

    /** The byte index (0–7) of the {@code n}-th (0-based) flagged byte of {@code mask}. */
    private static int nthByte(long mask, int n) {
        for (int k = 0; k < n; k++) {
            mask &= mask - 1;
        }
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }

    /** Locates the counted fields of a plain line's span: fields are the bytes between separators. */
    private void locatePlainFields(int spanFrom, int spanTo) {
        byte[] b = buf;
        int field = firstField;
        int from = spanFrom;
        for (int i = spanFrom; i <= spanTo; i++) {
            if (i == spanTo || b[i] == sep) {
                int slot = slotOfField[field];
                if (slot >= 0) {
                    fieldFrom[slot] = from;
                    fieldTo[slot] = i;
                    fieldEscapes[slot] = false;
                }
                field++;
                from = i + 1;
            }
        }
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
        int spanFrom = p;
        int spanTo = p;
        while (true) {
            int fieldStart = p;
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
                    fieldFrom[slot] = from;
                    fieldTo[slot] = to;
                    fieldEscapes[slot] = escapes;
                }
                if (field == firstField) {
                    spanFrom = fieldStart;
                }
                if (field == lastField) {
                    spanTo = p;
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
        countSpan(spanFrom, spanTo, false);
        rows++;
        return p;
    }

    /**
     * Counts the tuple of a record whose counted fields were located by {@link #record}. The bytes from the start of
     * the first counted field to the end of the last one (the <em>span</em>, unaudited fields between them included)
     * determine the tuple: parsing from a field start is deterministic, so equal spans give equal field bytes, equal
     * dictionary ids and the same tuple. A span seen before is counted from {@link #spans} without a dictionary
     * lookup; a new one is looked up field by field and remembered. The cache switches itself off when spans rarely
     * repeat (a unique column between two counted ones), leaving the field-by-field lookups.
     */
    private void countSpan(int spanFrom, int spanTo, boolean plain) throws Decline {
        if (!spans.enabled()) {
            if (plain) {
                locatePlainFields(spanFrom, spanTo);
            }
            lookupFields();
            addTuple();
            return;
        }
        int hash = LineCache.hash(buf, spanFrom, spanTo);
        int t = spans.find(buf, spanFrom, spanTo, hash);
        if (t >= 0) {
            tupleCounts[t]++;
            lastTuple = t;
            return;
        }
        if (plain) {
            locatePlainFields(spanFrom, spanTo);
        }
        lookupFields();
        addTuple();
        spans.add(buf, spanFrom, spanTo, hash, lastTuple);
    }

    private void lookupFields() throws Decline {
        for (int slot = 0; slot < slots; slot++) {
            ids[slot] = fieldEscapes[slot] ? unescaped(slot, fieldFrom[slot], fieldTo[slot])
                    : lookup(slot, buf, fieldFrom[slot], fieldTo[slot]);
        }
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
