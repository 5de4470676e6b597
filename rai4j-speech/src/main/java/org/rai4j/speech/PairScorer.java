package org.rai4j.speech;

import java.util.Locale;

/**
 * The fast path from two raw strings to word and character edit counts, with reusable buffers: one pass
 * over the characters normalises a text straight into a code-point buffer with single spaces between
 * words (for the step sets that allow it), words are interned from that buffer without a {@link String}
 * per word ({@link WordTable}), and both alignments run on int arrays after matching the common prefix
 * and suffix ({@link EditDistance#countEdits(int[], int, int[], int, long[])}).
 *
 * <p>The result is by construction what {@link TextNormalizer#normalize}, splitting on spaces and
 * {@link EditDistance#countEdits(int[], int[])} give (the previous implementation, kept as
 * {@link ReferenceScorer}); {@code PairScorerTest} checks it against the full-matrix oracle on seeded
 * random texts. Steps other than lowercase and punctuation removal (contractions, tags, numbers) run
 * through {@link TextNormalizer#normalize} first, then the same tokeniser.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class PairScorer {
    private final TextNormalizer normalizer;
    private final boolean onePass;
    private final boolean lowercase;
    private final boolean removePunctuation;
    private final WordTable words = new WordTable();
    private final Text ref = new Text();
    private final Text hyp = new Text();
    private long[] row = new long[128];

    PairScorer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
        boolean other = false;
        boolean lower = false;
        boolean punct = false;
        for (NormalizationStep s : normalizer.steps()) {
            switch (s) {
                case LOWERCASE -> lower = true;
                case REMOVE_PUNCTUATION -> punct = true;
                default -> other = true;
            }
        }
        this.onePass = !other;
        this.lowercase = lower;
        this.removePunctuation = punct;
    }

    /** A normalised text: code points with single spaces between words, and its word ids. */
    private static final class Text {
        int[] cp = new int[128];
        int length;
        int[] ids = new int[32];
        int wordCount;
    }

    /** Word and character counts of one pair (null counts as empty). */
    UtteranceScore score(String reference, String hypothesis) {
        if (words.size() > WordTable.MAX_WORDS) {
            words.clear();
        }
        normalize(ref, reference);
        normalize(hyp, hypothesis);
        intern(ref);
        intern(hyp);
        int longest = Math.max(ref.length, hyp.length) + 1;
        if (row.length < longest) {
            row = new long[Math.max(longest, row.length * 2)];
        }
        EditCounts w = EditDistance.countEdits(ref.ids, ref.wordCount, hyp.ids, hyp.wordCount, row);
        EditCounts c = EditDistance.countEdits(ref.cp, ref.length, hyp.cp, hyp.length, row);
        return new UtteranceScore(w, c);
    }

    private void normalize(Text out, String text) {
        String s = text == null ? "" : text;
        if (!onePass) {
            emit(out, normalizer.normalize(s), false, false);
        } else if (!lowercase) {
            emit(out, s, false, removePunctuation);
        } else if (!emit(out, s, true, removePunctuation)) {
            emit(out, s.toLowerCase(Locale.ROOT), false, removePunctuation);
        }
    }

    /**
     * Normalises {@code s} into {@code out}: optional ASCII lower-casing (returns false, leaving
     * {@code out} unusable, at the first non-ASCII code point so that the caller can lower-case with
     * {@link String#toLowerCase(Locale)} instead), optional punctuation removal with
     * {@link TextNormalizer}'s rules, then whitespace collapsing.
     */
    private static boolean emit(Text out, String s, boolean asciiLowercase, boolean punct) {
        int n = s.length();
        if (out.cp.length < n) {
            out.cp = new int[Math.max(n, out.cp.length * 2)];
        }
        int[] cp = out.cp;
        int len = 0;
        boolean pending = false;
        for (int i = 0; i < n; ) {
            int c = s.charAt(i);
            int width = 1;
            if (Character.isSurrogate((char) c)) {
                c = s.codePointAt(i);
                width = Character.charCount(c);
            }
            if (asciiLowercase) {
                if (c >= 0x80) {
                    return false;
                }
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
            }
            if (punct && !(Character.isLetterOrDigit(c) || Character.isWhitespace(c) || isMark(c))) {
                if ((c == '\'' || c == '\u2019') && i > 0 && i + width < n
                        && Character.isLetter(s.codePointBefore(i)) && Character.isLetter(s.codePointAt(i + width))) {
                    i += width; // apostrophe inside a word: deleted
                    continue;
                }
                c = ' ';
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pending = len > 0;
            } else {
                if (pending) {
                    cp[len++] = ' ';
                    pending = false;
                }
                cp[len++] = c;
            }
            i += width;
        }
        out.length = len;
        return true;
    }

    private static boolean isMark(int c) {
        if (c < 0x300) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private void intern(Text t) {
        int count = 0;
        int start = 0;
        int[] cp = t.cp;
        int n = t.length;
        for (int i = 0; i <= n; i++) {
            if (i == n || cp[i] == ' ') {
                if (i > start) {
                    if (count == t.ids.length) {
                        t.ids = java.util.Arrays.copyOf(t.ids, count * 2);
                    }
                    t.ids[count++] = words.id(cp, start, i);
                }
                start = i + 1;
            }
        }
        t.wordCount = count;
    }
}
