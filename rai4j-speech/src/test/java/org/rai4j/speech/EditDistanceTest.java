package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EditDistanceTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** Random sequences over a small alphabet, so that repeated tokens and alignment ties are common. */
    private static int[] randomTokens(SplittableRandom rng, int maxLength, int alphabet) {
        int[] t = new int[rng.nextInt(maxLength + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(alphabet);
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countEdits_generatedPairs_equalsFullMatrixOracle(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < 250; trial++) {
            int alphabet = 2 + rng.nextInt(6);
            int[] r = randomTokens(rng, 25, alphabet);
            int[] h = randomTokens(rng, 25, alphabet);
            EditCounts oracle = Alignment.countSteps(Alignment.align(r, h));
            assertThat(EditDistance.countEdits(r, h)).as("seed %d trial %d", seed, trial).isEqualTo(oracle);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fullMatrixOracle_tinyPairs_equalsExhaustiveSearch(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < 50; trial++) {
            int[] r = randomTokens(rng, 5, 3);
            int[] h = randomTokens(rng, 5, 3);
            long[] best = exhaustiveBest(r, h, 0, 0);
            EditCounts oracle = Alignment.countSteps(Alignment.align(r, h));
            assertThat(oracle.errors()).isEqualTo(best[0]);
            assertThat(oracle.hits()).isEqualTo(best[1]);
            assertThat(oracle.referenceLength()).isEqualTo(r.length);
            assertThat(oracle.hypothesisLength()).isEqualTo(h.length);
        }
    }

    /**
     * Enumerates every alignment of r[i..] and h[j..] and returns {minimum cost, maximum hits at that
     * cost}: the definition of the tie rule, checked without dynamic programming.
     */
    private static long[] exhaustiveBest(int[] r, int[] h, int i, int j) {
        if (i == r.length && j == h.length) {
            return new long[] {0, 0};
        }
        List<long[]> options = new ArrayList<>();
        if (i < r.length && j < h.length) {
            long[] rest = exhaustiveBest(r, h, i + 1, j + 1);
            boolean eq = r[i] == h[j];
            options.add(new long[] {rest[0] + (eq ? 0 : 1), rest[1] + (eq ? 1 : 0)});
        }
        if (i < r.length) {
            long[] rest = exhaustiveBest(r, h, i + 1, j);
            options.add(new long[] {rest[0] + 1, rest[1]});
        }
        if (j < h.length) {
            long[] rest = exhaustiveBest(r, h, i, j + 1);
            options.add(new long[] {rest[0] + 1, rest[1]});
        }
        long[] best = options.get(0);
        for (long[] o : options) {
            if (o[0] < best[0] || (o[0] == best[0] && o[1] > best[1])) {
                best = o;
            }
        }
        return best;
    }

    @Test
    void oracleComparison_minimumCostOnlyAligner_isCaughtOnGeneratedPairs() {
        // Validity of the property test above: an aligner that breaks ties towards substitutions
        // (minimum cost only) must disagree with the oracle on some generated pair.
        SplittableRandom rng = new SplittableRandom(7);
        int disagreements = 0;
        for (int trial = 0; trial < 250; trial++) {
            int[] r = randomTokens(rng, 25, 3);
            int[] h = randomTokens(rng, 25, 3);
            if (!substitutionFirst(r, h).equals(Alignment.countSteps(Alignment.align(r, h)))) {
                disagreements++;
            }
        }
        assertThat(disagreements).isPositive();
    }

    /** Minimum cost, ties broken towards the diagonal step without regard to hits (a deliberately wrong rule). */
    private static EditCounts substitutionFirst(int[] r, int[] h) {
        int n = r.length;
        int m = h.length;
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1), Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        long hits = 0;
        long subs = 0;
        long dels = 0;
        long ins = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1)) {
                if (r[i - 1] == h[j - 1]) {
                    hits++;
                } else {
                    subs++;
                }
                i--;
                j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                dels++;
                i--;
            } else {
                ins++;
                j--;
            }
        }
        return new EditCounts(hits, subs, dels, ins);
    }

    @Test
    void countEdits_tieBetweenSubstitutionsAndIndel_prefersMoreHits() {
        // "a b" -> "b c": cost 2 either as S=2 (H=0) or D=1, I=1 with "b" a hit (H=1); the rule picks H=1.
        EditCounts c = EditDistance.countEdits(new int[] {0, 1}, new int[] {1, 2});
        assertThat(c).isEqualTo(new EditCounts(1, 0, 1, 1));
    }

    @Test
    void countEdits_emptySides_areAllDeletionsOrInsertions() {
        assertThat(EditDistance.countEdits(new int[0], new int[0])).isEqualTo(EditCounts.ZERO);
        assertThat(EditDistance.countEdits(new int[] {1, 2, 3}, new int[0])).isEqualTo(new EditCounts(0, 0, 3, 0));
        assertThat(EditDistance.countEdits(new int[0], new int[] {4, 5})).isEqualTo(new EditCounts(0, 0, 0, 2));
    }

    @Test
    void countEdits_identicalSequences_allHits() {
        assertThat(EditDistance.countEdits(new int[] {3, 1, 3, 1}, new int[] {3, 1, 3, 1})).isEqualTo(new EditCounts(4, 0, 0, 0));
    }

    @Test
    void alignment_render_marksErrorsUnderTokens() {
        Alignment a = Alignment.of(List.of("the", "cat", "sat"), List.of("a", "cat", "sat", "down"));
        assertThat(a.counts()).isEqualTo(new EditCounts(2, 1, 0, 1));
        assertThat(a.render()).isEqualTo("REF: the cat sat *\n"
                + "HYP: a   cat sat down\n"
                + "     S" + " ".repeat(11) + "I");
    }
}
