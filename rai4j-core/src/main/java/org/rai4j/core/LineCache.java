package org.rai4j.core;

import java.util.Arrays;

/**
 * Whole lines already parsed as exactly one record, with the tuple they counted, for {@link CsvChunkScanner}:
 * in the audit's typical file (a few small columns) the same few hundred lines repeat millions of times, and
 * recognising a line by its bytes is cheaper than splitting it into fields again. The cache watches its own hit
 * rate and switches itself off when lines rarely repeat (a row id or a score column), so such files pay only a
 * few thousand lookups; it stops growing at {@value #MAX_ENTRIES} lines. Not thread-safe: one per scanner.
 */
final class LineCache {
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** Longer lines (LF included) are not cached. */
    static final int MAX_LINE = 1024;
    private static final int MAX_ENTRIES = 1 << 16;
    /** Lookups per hit-rate check; the cache switches off when fewer than half of a window's lookups hit. */
    private static final int WINDOW = 1 << 12;

    private int[] table = new int[64];
    private int[] hashes = new int[16];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int[] tuples = new int[16];
    private byte[] pool = new byte[512];
    private int size;
    private int poolSize;
    private int windowLookups;
    private int windowHits;
    private boolean enabled = true;
    private long hits;

    /** A hash of {@code a[from, to)}, eight bytes at a time (for keys other than whole lines). */
    static int hash(byte[] a, int from, int to) {
        long h = 0x9E3779B97F4A7C15L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h, 23) ^ (long) LONGS.get(a, i);
        }
        long w = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            w |= (a[i] & 0xFFL) << shift;
        }
        h = (Long.rotateLeft(h, 23) ^ w) * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    /** False once the hit rate showed that lines do not repeat. */
    boolean enabled() {
        return enabled;
    }

    /** Lines recognised so far (tests check that the cache really serves). */
    long hits() {
        return hits;
    }

    /** The tuple of line {@code a[from, to)}, or -1 when the line is not cached. */
    int find(byte[] a, int from, int to, int hash) {
        int n = to - from;
        int mask = table.length - 1;
        int slot = hash & mask;
        int found = -1;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            int id = e - 1;
            if (hashes[id] == hash && lengths[id] == n && same(offsets[id], a, from, n)) {
                found = tuples[id];
                break;
            }
            slot = (slot + 1) & mask;
        }
        if (found >= 0) {
            hits++;
            windowHits++;
        }
        if (++windowLookups == WINDOW) {
            enabled = windowHits * 2 >= WINDOW;
            windowLookups = 0;
            windowHits = 0;
        }
        return found;
    }

    /** Whether pool[off, off + n) equals a[from, from + n): eight bytes at a time where both arrays allow it. */
    private boolean same(int off, byte[] a, int from, int n) {
        if (from + n + 8 > a.length) {
            return Arrays.equals(pool, off, off + n, a, from, from + n);
        }
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            if ((long) LONGS.get(pool, off + j) != (long) LONGS.get(a, from + j)) {
                return false;
            }
        }
        if (j < n) {
            long keep = (1L << ((n - j) << 3)) - 1;
            return (((long) LONGS.get(pool, off + j) ^ (long) LONGS.get(a, from + j)) & keep) == 0;
        }
        return true;
    }

    /** Remembers line {@code a[from, to)} (not cached yet) as one record of tuple {@code tuple}. */
    void add(byte[] a, int from, int to, int hash, int tuple) {
        int n = to - from;
        if (size == MAX_ENTRIES || n > MAX_LINE) {
            return;
        }
        int id = size++;
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
            offsets = Arrays.copyOf(offsets, id * 2);
            lengths = Arrays.copyOf(lengths, id * 2);
            tuples = Arrays.copyOf(tuples, id * 2);
        }
        if (poolSize + n + 8 > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + n + 8)); // 8 spare bytes for word reads
        }
        System.arraycopy(a, from, pool, poolSize, n);
        hashes[id] = hash;
        offsets[id] = poolSize;
        lengths[id] = n;
        tuples[id] = tuple;
        poolSize += n;
        if (size * 2 > table.length) {
            table = new int[table.length * 2];
            for (int k = 0; k < size; k++) {
                insert(k);
            }
        } else {
            insert(id);
        }
    }

    private void insert(int id) {
        int mask = table.length - 1;
        int slot = hashes[id] & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
    }
}
