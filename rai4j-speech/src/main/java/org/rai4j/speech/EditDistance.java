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
