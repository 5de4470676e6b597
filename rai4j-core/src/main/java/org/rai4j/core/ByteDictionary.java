package org.rai4j.core;

import java.util.Arrays;

/**
 * Distinct byte strings with dense ids in order of first appearance (open addressing), so a reader can
 * map a field to an id without making a {@code String} per field. Not thread-safe: one per reader thread.
 */
final class ByteDictionary {
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private final int maxSize;
    private int[] table = new int[64];
    private byte[] pool = new byte[1024];
    private int poolSize;
    private int[] offset = new int[32];
    private int[] length = new int[32];
    private int[] hashes = new int[32];
    private int size;
    /** Fields of up to 7 bytes: packed into a long (bytes, then length + 1 in the top byte) → id + 1. */
    private long[] shortKeys = new long[64];
    private int[] shortIds = new int[64];
    private int shortCount;
    private int longCount;

    /** A dictionary that refuses to grow past {@code maxSize} entries. */
    ByteDictionary(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The id of {@code a[from, to)}, adding it when new; -1 when the dictionary is full. */
    int id(byte[] a, int from, int to) {
        int n0 = to - from;
        if (n0 <= 7) {
            long key;
            if (from + 8 <= a.length) {
                key = ((long) LONGS.get(a, from) & ((1L << (n0 << 3)) - 1)) | (long) (n0 + 1) << 56;
            } else {
                key = (long) (n0 + 1) << 56;
                for (int i = from, shift = 0; i < to; i++, shift += 8) {
                    key |= (a[i] & 0xFFL) << shift;
                }
            }
            int mask = shortKeys.length - 1;
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (true) {
                long k = shortKeys[slot];
                if (k == key) {
                    return shortIds[slot] - 1;
                }
                if (k == 0) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            int id = add(a, from, to, 0);
            if (id >= 0) {
                shortKeys[slot] = key;
                shortIds[slot] = id + 1;
                if (++shortCount * 2 > shortKeys.length) {
                    rehashShort();
                }
            }
            return id;
        }
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ a[i]) * 0x01000193;
        }
        h ^= h >>> 15;
        int mask = table.length - 1;
        int slot = h & mask;
        int n = to - from;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            int id = e - 1;
            if (hashes[id] == h && length[id] == n
                    && Arrays.equals(pool, offset[id], offset[id] + n, a, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        int id = add(a, from, to, h);
        if (id >= 0) {
            table[slot] = id + 1;
            if (++longCount * 2 > table.length) {
                rehash();
            }
        }
        return id;
    }

    /** Appends a new entry; -1 when full. */
    private int add(byte[] a, int from, int to, int h) {
        int n = to - from;
        if (size >= maxSize) {
            return -1;
        }
        int id = size++;
        if (id == offset.length) {
            offset = Arrays.copyOf(offset, id * 2);
            length = Arrays.copyOf(length, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        if (poolSize + n > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + n));
        }
        System.arraycopy(a, from, pool, poolSize, n);
        offset[id] = poolSize;
        length[id] = n;
        hashes[id] = h;
        poolSize += n;
        return id;
    }

    private void rehashShort() {
        long[] keys = new long[shortKeys.length * 2];
        int[] ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < shortKeys.length; i++) {
            long key = shortKeys[i];
            if (key != 0) {
                int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                ids[slot] = shortIds[i];
            }
        }
        shortKeys = keys;
        shortIds = ids;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int id = 0; id < size; id++) {
            if (length[id] <= 7) {
                continue; // in the short table
            }
            int slot = hashes[id] & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = id + 1;
        }
        table = t;
    }

    /** Number of entries. */
    int size() {
        return size;
    }

    /** The bytes of entry {@code id}, decoded as UTF-8. */
    String text(int id) {
        return new String(pool, offset[id], length[id], java.nio.charset.StandardCharsets.UTF_8);
    }
}
