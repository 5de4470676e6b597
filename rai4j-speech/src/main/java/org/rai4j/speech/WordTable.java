package org.rai4j.speech;

import java.util.Arrays;

/**
 * Interns words given as slices of a code-point buffer, without making a {@link String} per word: an
 * open-addressing hash table whose keys are copied into one growing {@code int[]} pool. Equal slices get
 * equal ids, different slices different ids, for as long as the table is not {@link #clear() cleared}.
 *
 * <p>Not thread-safe: one table per scoring thread ({@link PairScorer}).
 */
final class WordTable {
    /** Above this many words the table is cleared before the next pair (ids only need to agree within a pair). */
    static final int MAX_WORDS = 1 << 20;

    private int[] slots;         // id + 1 per slot, 0 = empty
    private int[] hashes;        // hash per id
    private int[] starts;        // pool offset per id
    private int[] lengths;       // length per id
    private int[] pool;
    private int poolSize;
    private int size;

    WordTable() {
        slots = new int[1024];
        hashes = new int[512];
        starts = new int[512];
        lengths = new int[512];
        pool = new int[4096];
    }

    /** Number of distinct words interned since the last {@link #clear()}. */
    int size() {
        return size;
    }

    /** Forgets every word (ids start again at 0). */
    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        poolSize = 0;
    }

    /** The id of the word {@code buf[from, to)} (code points), interning it when new. */
    int id(int[] buf, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        int s = h & mask;
        int len = to - from;
        while (true) {
            int e = slots[s];
            if (e == 0) {
                return insert(s, h, buf, from, len);
            }
            int id = e - 1;
            if (hashes[id] == h && lengths[id] == len && Arrays.equals(pool, starts[id], starts[id] + len, buf, from, to)) {
                return id;
            }
            s = (s + 1) & mask;
        }
    }

    private int insert(int slot, int h, int[] buf, int from, int len) {
        int id = size;
        if (id == hashes.length) {
            int n = id * 2;
            hashes = Arrays.copyOf(hashes, n);
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(buf, from, pool, poolSize, len);
        hashes[id] = h;
        starts[id] = poolSize;
        lengths[id] = len;
        poolSize += len;
        size++;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] next = new int[slots.length * 2];
        int mask = next.length - 1;
        for (int id = 0; id < size; id++) {
            int s = hashes[id] & mask;
            while (next[s] != 0) {
                s = (s + 1) & mask;
            }
            next[s] = id + 1;
        }
        slots = next;
    }
}
