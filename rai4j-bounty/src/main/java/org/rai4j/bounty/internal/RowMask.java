package org.rai4j.bounty.internal;

/**
 * A set of row indexes 0…n−1 as a bit array (64 rows per word). Operations return new masks except
 * {@link #orInPlace}. Not thread-safe while mutated.
 */
public final class RowMask {
    private final int size;
    private final long[] words;

    private RowMask(int size, long[] words) {
        this.size = size;
        this.words = words;
    }

    /** The empty set over {@code size} rows. */
    public static RowMask empty(int size) {
        return new RowMask(size, new long[(size + 63) >>> 6]);
    }

    /** All {@code size} rows. */
    public static RowMask full(int size) {
        long[] w = new long[(size + 63) >>> 6];
        java.util.Arrays.fill(w, -1L);
        if ((size & 63) != 0) {
            w[w.length - 1] = (1L << (size & 63)) - 1;
        }
        return new RowMask(size, w);
    }

    /** The rows where {@code flags} is true. */
    public static RowMask of(boolean[] flags) {
        RowMask m = empty(flags.length);
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                m.words[i >>> 6] |= 1L << i;
            }
        }
        return m;
    }

    /** Number of rows of the universe. */
    public int size() {
        return size;
    }

    /** True when row {@code i} is in the set. */
    public boolean contains(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    /** This ∩ other. */
    public RowMask and(RowMask other) {
        long[] w = new long[words.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = words[k] & other.words[k];
        }
        return new RowMask(size, w);
    }

    /** This \ other. */
    public RowMask andNot(RowMask other) {
        long[] w = new long[words.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = words[k] & ~other.words[k];
        }
        return new RowMask(size, w);
    }

    /** Adds every row of {@code other} to this set. */
    public void orInPlace(RowMask other) {
        for (int k = 0; k < words.length; k++) {
            words[k] |= other.words[k];
        }
    }

    /** Number of rows in the set. */
    public int cardinality() {
        int c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        return c;
    }

    /** True when no row is in the set. */
    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The first row ≥ {@code from} in the set, or −1. */
    public int nextSetBit(int from) {
        if (from >= size) {
            return -1;
        }
        int k = from >>> 6;
        long w = words[k] & (-1L << from);
        while (true) {
            if (w != 0) {
                return (k << 6) + Long.numberOfTrailingZeros(w);
            }
            if (++k == words.length) {
                return -1;
            }
            w = words[k];
        }
    }

    /** Copies {@code src[i]} into {@code dst[i]} for every row i of the set. */
    public void copy(double[] src, double[] dst) {
        for (int k = 0; k < words.length; k++) {
            long w = words[k];
            while (w != 0) {
                int i = (k << 6) + Long.numberOfTrailingZeros(w);
                dst[i] = src[i];
                w &= w - 1;
            }
        }
    }

    /** Σ {@code values[i]} over the rows of the set. */
    public double sum(double[] values) {
        double s = 0;
        for (int k = 0; k < words.length; k++) {
            long w = words[k];
            while (w != 0) {
                s += values[(k << 6) + Long.numberOfTrailingZeros(w)];
                w &= w - 1;
            }
        }
        return s;
    }
}
