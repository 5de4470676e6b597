package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast string path ({@link PairScorer}: one-pass normalisation into int buffers, interning without
 * strings, prefix/suffix matching, multi-threaded {@link SpeechScorer#scoreEach}) against the textbook
 * definition: {@link TextNormalizer#normalize} to a string, split on spaces, and the full-matrix
 * traceback aligner ({@link Alignment}) on words and on code points — H, S, D, I at both levels.
 */
class PairScorerTest {

    /** Pieces random texts are built from: small vocabularies (ties), case, punctuation, odd whitespace, non-ASCII. */
    private static final String[] PIECES = {
        "a", "b", "ab", "ba", "the", "The", "THE", "cat", "Cat's", "can't", "won't", "I'm", "it’s", "rock'n'roll",
        "'quoted'", "x-ray", "follow-up", "e.g.", "3rd", "1,250", "2.5", "40%", "[noise]", "<unk>", "<sil>",
        "café", "CAFÉ", "cafe\u0301", "İstanbul", "straße", "ΣΟΦΟΣ", "naïve", "\uD835\uDC00bc", "\uD83D\uDE00",
        "?", "!", ",", ".", "'", "’", "--", "\u00AD", "\u0301", "\u200B", "日本",
    };
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "", "\u001F"};

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    /** Every subset of the normalisation steps. */
    static List<TextNormalizer> normalizers() {
        List<TextNormalizer> out = new ArrayList<>();
        NormalizationStep[] all = NormalizationStep.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            EnumSet<NormalizationStep> set = EnumSet.noneOf(NormalizationStep.class);
            for (int b = 0; b < all.length; b++) {
                if ((mask & 1 << b) != 0) {
                    set.add(all[b]);
                }
            }
            out.add(new TextNormalizer(List.copyOf(set)));
        }
        return out;
    }

    private static String randomText(SplittableRandom rng) {
        int n = rng.nextInt(9);
        StringBuilder sb = new StringBuilder();
        if (rng.nextInt(4) == 0) {
            sb.append(SPACES[rng.nextInt(SPACES.length)]);
        }
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[rng.nextInt(rng.nextBoolean() ? 6 : PIECES.length)]);
            sb.append(SPACES[rng.nextInt(SPACES.length)]);
        }
        return rng.nextInt(20) == 0 ? null : sb.toString();
    }

    /** Mutates a text by word-level edits, so that pairs share long stretches (prefix/suffix matching matters). */
    private static String mutate(SplittableRandom rng, String text) {
        if (text == null || rng.nextInt(8) == 0) {
            return randomText(rng);
        }
        String[] words = text.split(" ", -1);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            double u = rng.nextDouble();
            if (u < 0.1) {
                continue;
            } else if (u < 0.2) {
                sb.append(PIECES[rng.nextInt(PIECES.length)]).append(' ');
            } else if (u < 0.3) {
                sb.append(w).append(' ').append(PIECES[rng.nextInt(6)]).append(' ');
            } else {
                sb.append(rng.nextInt(10) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w).append(' ');
            }
        }
        return sb.toString();
    }

    /** The definition: normalise to a string, split, full-matrix alignment with traceback. */
    private static UtteranceScore oracle(TextNormalizer normalizer, String ref, String hyp) {
        EditCounts words = Alignment.of(normalizer.words(ref), normalizer.words(hyp)).counts();
        String r = normalizer.normalize(ref);
        String h = normalizer.normalize(hyp);
        EditCounts chars = Alignment.countSteps(Alignment.align(r.codePoints().toArray(), h.codePoints().toArray()));
        return new UtteranceScore(words, chars);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreEach_randomTexts_everyNormalizer_equalsTextbookOracle(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TextNormalizer> normalizers = normalizers();
        int pairs = 120;
        String[] refs = new String[pairs];
        String[] hyps = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            refs[i] = randomText(rng);
            hyps[i] = mutate(rng, refs[i]);
        }
        for (TextNormalizer normalizer : normalizers) {
            UtteranceScore[] fast = new SpeechScorer(normalizer).scoreEach(pairs, i -> refs[i], i -> hyps[i], 1);
            for (int i = 0; i < pairs; i++) {
                assertThat(fast[i]).as("seed %d pair %d %s: '%s' -> '%s'", seed, i, normalizer.describe(), refs[i], hyps[i])
                        .isEqualTo(oracle(normalizer, refs[i], hyps[i]));
                assertThat(fast[i]).isEqualTo(ReferenceScorer.score(normalizer, refs[i], hyps[i]));
            }
        }
    }

    @Test
    void scoreEach_longTextsWithFewErrors_equalsOracle() {
        SplittableRandom rng = new SplittableRandom(7);
        SpeechScorer scorer = new SpeechScorer(TextNormalizer.DEFAULT);
        for (int trial = 0; trial < 60; trial++) {
            StringBuilder sb = new StringBuilder();
            int words = 20 + rng.nextInt(200);
            for (int i = 0; i < words; i++) {
                sb.append(PIECES[rng.nextInt(12)]).append(' ');
            }
            String ref = sb.toString();
            String hyp = mutate(rng, ref);
            assertThat(scorer.score(ref, hyp)).as("trial %d", trial).isEqualTo(oracle(TextNormalizer.DEFAULT, ref, hyp));
        }
    }

    @Test
    void scoreEach_isTheSameForEveryThreadCount() {
        SplittableRandom rng = new SplittableRandom(11);
        int pairs = 9_000;
        String[] refs = new String[pairs];
        String[] hyps = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            refs[i] = randomText(rng);
            hyps[i] = mutate(rng, refs[i]);
        }
        SpeechScorer scorer = new SpeechScorer(TextNormalizer.DEFAULT);
        UtteranceScore[] one = scorer.scoreEach(pairs, i -> refs[i], i -> hyps[i], 1);
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(scorer.scoreEach(pairs, i -> refs[i], i -> hyps[i], threads)).containsExactly(one);
        }
    }

    @Test
    void scorer_manyPairsOnOneWorker_vocabularyClearedWithoutChangingCounts() {
        PairScorer scorer = new PairScorer(TextNormalizer.NONE);
        for (int i = 0; i < WordTable.MAX_WORDS / 4 + 10; i++) {
            String ref = "w" + (4 * i) + " w" + (4 * i + 1) + " shared";
            String hyp = "w" + (4 * i + 2) + " w" + (4 * i + 1) + " w" + (4 * i + 3);
            UtteranceScore s = scorer.score(ref, hyp);
            assertThat(s.words()).isEqualTo(new EditCounts(1, 2, 0, 0));
        }
    }

    @Test
    void wordTable_equalSlicesEqualIds_differentSlicesDifferentIds() {
        WordTable t = new WordTable();
        int[] buf = "abcabcab".codePoints().toArray();
        int abc = t.id(buf, 0, 3);
        assertThat(t.id(buf, 3, 6)).isEqualTo(abc);
        assertThat(t.id(buf, 6, 8)).isNotEqualTo(abc);
        assertThat(t.id(buf, 0, 2)).isEqualTo(t.id(buf, 6, 8));
        assertThat(t.id(buf, 0, 0)).isNotEqualTo(abc);
        for (int i = 0; i < 5000; i++) {
            int[] w = ("w" + i).codePoints().toArray();
            assertThat(t.id(w, 0, w.length)).isEqualTo(t.id(w.clone(), 0, w.length));
        }
        assertThat(t.size()).isEqualTo(3 + 5000);
    }

    @Test
    void noCombiningMarkBelowU0300_soTheShortcutIsExact() {
        for (int c = 0; c < 0x300; c++) {
            int type = Character.getType(c);
            assertThat(type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK).as("U+%04X", c).isFalse();
        }
    }

    @Test
    void prefixAndSuffixMatching_tiesResolvedAsTheFullDynamicProgramme() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20_000; trial++) {
            int[] r = new int[rng.nextInt(12)];
            int[] h = new int[rng.nextInt(12)];
            for (int i = 0; i < r.length; i++) {
                r[i] = rng.nextInt(3);
            }
            for (int j = 0; j < h.length; j++) {
                h[j] = rng.nextInt(3);
            }
            EditCounts expected = Alignment.countSteps(Alignment.align(r, h));
            assertThat(EditDistance.countEdits(r, r.length, h, h.length, null)).as("trial %d", trial).isEqualTo(expected);
            assertThat(EditDistance.countEdits(r, h)).isEqualTo(expected);
        }
    }

    @Test
    void bandedProgramme_afterBitParallelDistance_equalsFullMatrixOracle() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 4_000; trial++) {
            int alphabet = rng.nextBoolean() ? 2 + rng.nextInt(4) : 200;
            int n = rng.nextInt(trial % 10 == 0 ? 140 : 70);
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = alphabet == 200 && rng.nextInt(5) == 0 ? 1000 + rng.nextInt(5) : rng.nextInt(alphabet);
            }
            int[] h = new int[Math.max(0, n + rng.nextInt(9) - 4)];
            for (int j = 0; j < h.length; j++) {
                h[j] = j < n && rng.nextInt(4) != 0 ? r[j] : rng.nextInt(alphabet);
            }
            EditCounts expected = Alignment.countSteps(Alignment.align(r, h));
            assertThat(EditDistance.countEdits(r, n, h, h.length, new long[3])).as("trial %d", trial).isEqualTo(expected);
            int shorter = Math.min(n, h.length);
            if (shorter >= 1 && shorter <= 64) {
                int d = n <= h.length ? EditDistance.levenshtein(r, 0, n, h, 0, h.length)
                        : EditDistance.levenshtein(h, 0, h.length, r, 0, n);
                assertThat((long) d).as("distance, trial %d", trial).isEqualTo(expected.errors());
            }
        }
    }
}
