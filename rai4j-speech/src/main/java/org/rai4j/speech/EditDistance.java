package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * Levenshtein alignment counts of two token sequences (tokens already mapped to ints), with unit costs
 * for substitution, deletion and insertion.
 *
 * <p><b>Tie rule.</b> Several alignments can have the same minimum cost but different numbers of hits
 * ("a b" → "b c": two substitutions, or one deletion and one insertion). Such ties do not change the
 * edit distance (hence not WER) but do change H, S, D, I and therefore MER, WIL and WIP. This class
 * always returns an alignment of <em>minimum cost, then maximum hits</em>. Given the cost C and hits H
 * of that alignment, the other counts follow from N_ref = H+S+D and N_hyp = H+S+I:
 * I = C − (N_ref − H), D = I + N_ref − N_hyp, S = N_ref − H − D, so every alignment meeting the rule has
 * the same counts and the result is unique.
 *
 * <p><b>Algorithm.</b> Wagner–Fischer dynamic programming over one row of the (N_ref+1)×(N_hyp+1)
 * matrix (O(N_ref·N_hyp) time, O(N_hyp) memory). The pair (cost, hits) of each cell is packed into one
 * long, {@code cost·w − hits} with {@code w = min(N_ref, N_hyp) + 1 > hits}, so that ordinary
 * minimisation is the lexicographic order "minimum cost, then maximum hits". A full-matrix aligner with
 * explicit traceback serves as the test oracle (see {@link Alignment}).
 *
 * <p>Pure static functions; thread-safe.
 */
public final class EditDistance {
    private EditDistance() {}

    /**
     * The H, S, D, I counts of a minimum-cost, maximum-hits alignment of {@code reference} to
     * {@code hypothesis}. Tokens are compared by value.
     */
    public static EditCounts countEdits(int[] reference, int[] hypothesis) {
        Preconditions.checkNotNull(reference, "reference");
        Preconditions.checkNotNull(hypothesis, "hypothesis");
        int n = reference.length;
        int m = hypothesis.length;
        if (n == 0) {
            return new EditCounts(0, 0, 0, m);
        }
        if (m == 0) {
            return new EditCounts(0, 0, n, 0);
        }
        long w = Math.min(n, m) + 1L;
        long[] row = new long[m + 1];
        for (int j = 0; j <= m; j++) {
            row[j] = j * w;
        }
        for (int i = 1; i <= n; i++) {
            long diagonal = row[0];
            long left = i * w;
            row[0] = left;
            int r = reference[i - 1];
            for (int j = 1; j <= m; j++) {
                long up = row[j];
                long best = r == hypothesis[j - 1] ? diagonal - 1 : diagonal + w;
                long viaDeletion = up + w;
                long viaInsertion = left + w;
                if (viaDeletion < best) {
                    best = viaDeletion;
                }
                if (viaInsertion < best) {
                    best = viaInsertion;
                }
                diagonal = up;
                row[j] = best;
                left = best;
            }
        }
        return countsFrom(row[m], w, n, m);
    }

    /**
     * Counts of a minimum-cost, maximum-hits alignment of {@code reference[0, n)} to
     * {@code hypothesis[0, m)}, using {@code row} (length &gt; m, or null to allocate) as scratch. A common
     * prefix and suffix are matched first: some alignment meeting the tie rule matches them (exchanging
     * a deletion or insertion of an equal first token for its hit never raises the cost nor lowers the
     * hits), so only the middle needs the dynamic programme.
     */
    static EditCounts countEdits(int[] reference, int n, int[] hypothesis, int m, long[] row) {
        int prefix = 0;
        int limit = Math.min(n, m);
        while (prefix < limit && reference[prefix] == hypothesis[prefix]) {
            prefix++;
        }
        int suffix = 0;
        limit -= prefix;
        while (suffix < limit && reference[n - 1 - suffix] == hypothesis[m - 1 - suffix]) {
            suffix++;
        }
        int a = n - prefix - suffix;
        int b = m - prefix - suffix;
        long matched = prefix + suffix;
        if (a == 0) {
            return new EditCounts(matched, 0, 0, b);
        }
        if (b == 0) {
            return new EditCounts(matched, 0, a, 0);
        }
        long[] r = row != null && row.length > b ? row : new long[b + 1];
        long packed;
        int shorter = Math.min(a, b);
        if (shorter <= 64 && shorter >= BAND_MIN) {
            int cost = a <= b ? levenshtein(reference, prefix, a, hypothesis, prefix, b)
                    : levenshtein(hypothesis, prefix, b, reference, prefix, a);
            packed = banded(reference, prefix, a, hypothesis, prefix, b, cost, r);
        } else {
            packed = middle(reference, prefix, a, hypothesis, prefix, b, r);
        }
        EditCounts c = countsFrom(packed, Math.min(a, b) + 1L, a, b);
        return new EditCounts(c.hits() + matched, c.substitutions(), c.deletions(), c.insertions());
    }

    /** The packed (cost·w − hits) value of aligning {@code x[xo, xo+n)} to {@code y[yo, yo+m)}, n, m &ge; 1. */
    private static long middle(int[] x, int xo, int n, int[] y, int yo, int m, long[] row) {
        long w = Math.min(n, m) + 1L;
        for (int j = 0; j <= m; j++) {
            row[j] = j * w;
        }
        for (int i = 1; i <= n; i++) {
            long diagonal = row[0];
            long left = i * w;
            row[0] = left;
            int r = x[xo + i - 1];
            for (int j = 1; j <= m; j++) {
                long up = row[j];
                long best = r == y[yo + j - 1] ? diagonal - 1 : diagonal + w;
                long indel = Math.min(up, left) + w;
                best = Math.min(best, indel);
                diagonal = up;
                row[j] = best;
                left = best;
            }
        }
        return row[m];
    }

    /** Below this length of the shorter middle the plain programme is cheaper than computing the band. */
    private static final int BAND_MIN = 8;

    /**
     * The unit-cost edit distance of {@code p[po, po+m)} (1 &le; m &le; 64) and {@code t[to, to+n)}: Myers'
     * bit-parallel algorithm in Hyyrö's formulation for global distance (one 64-bit word per column of
     * the text; Hyyrö 2001, "Explaining and extending the bit-parallel approximate string matching
     * algorithm of Myers").
     */
    static int levenshtein(int[] p, int po, int m, int[] t, int to, int n) {
        long[] ascii = new long[128];
        long[] keys = new long[64];
        long[] masks = new long[64];
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            int c = p[po + i];
            if (c >= 0 && c < 128) {
                ascii[c] |= 1L << i;
                continue;
            }
            int k = 0;
            while (k < distinct && keys[k] != c) {
                k++;
            }
            if (k == distinct) {
                keys[k] = c;
                distinct++;
            }
            masks[k] |= 1L << i;
        }
        long pv = m == 64 ? -1L : (1L << m) - 1;
        long mv = 0;
        long high = 1L << (m - 1);
        int score = m;
        for (int j = 0; j < n; j++) {
            int c = t[to + j];
            long eq = 0;
            if (c >= 0 && c < 128) {
                eq = ascii[c];
            } else {
                for (int k = 0; k < distinct; k++) {
                    if (keys[k] == c) {
                        eq = masks[k];
                        break;
                    }
                }
            }
            long xv = eq | mv;
            long xh = (((eq & pv) + pv) ^ pv) | eq;
            long ph = mv | ~(xh | pv);
            long mh = pv & xh;
            if ((ph & high) != 0) {
                score++;
            } else if ((mh & high) != 0) {
                score--;
            }
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
        }
        return score;
    }

    /**
     * The packed value of {@link #middle} computed only on the diagonals d = j − i that a path of cost
     * {@code cost} (the edit distance) can touch: reaching diagonal d and coming back to m − n takes
     * |d| + |m − n − d| indels, so |d| + |m − n − d| &le; cost. The alignment the tie rule picks has
     * minimum cost, so it lies in this band; cells outside count as unreachable.
     */
    private static long banded(int[] x, int xo, int n, int[] y, int yo, int m, int cost, long[] row) {
        long w = Math.min(n, m) + 1L;
        long inf = Long.MAX_VALUE / 4;
        int k = m - n;
        int dHi = Math.floorDiv(cost + k, 2);
        int dLo = -Math.floorDiv(cost - k, 2);
        for (int j = 0; j <= m; j++) {
            row[j] = j <= dHi ? j * w : inf;
        }
        for (int i = 1; i <= n; i++) {
            int lo = Math.max(0, i + dLo);
            int hi = Math.min(m, i + dHi);
            long diagonal;
            long left;
            int j0;
            if (lo == 0) {
                diagonal = row[0];
                left = i * w;
                row[0] = left;
                j0 = 1;
            } else {
                diagonal = row[lo - 1];
                left = inf;
                j0 = lo;
            }
            int r = x[xo + i - 1];
            for (int j = j0; j <= hi; j++) {
                long up = row[j];
                long best = r == y[yo + j - 1] ? diagonal - 1 : diagonal + w;
                long indel = Math.min(up, left) + w;
                best = Math.min(best, indel);
                diagonal = up;
                row[j] = best;
                left = best;
            }
        }
        return row[m];
    }

    /** Unpacks {@code packed = cost·w − hits} into H, S, D, I for lengths {@code n} and {@code m}. */
    private static EditCounts countsFrom(long packed, long w, int n, int m) {
        long cost = Math.floorDiv(packed + w - 1, w);
        long hits = cost * w - packed;
        long insertions = cost - (n - hits);
        long deletions = insertions + n - m;
        long substitutions = n - hits - deletions;
        return new EditCounts(hits, substitutions, deletions, insertions);
    }
}
