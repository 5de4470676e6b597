package org.rai4j.speech;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rai4j.core.Preconditions;

/**
 * The text normalisation applied to references and hypotheses before they are aligned. Normalisation
 * dominates comparisons across groups (case, punctuation, contractions, numerals), so it is an explicit
 * object that every report records ({@link #describe()}) and that is applied identically to both sides
 * and to every group.
 *
 * <p>A normaliser is a set of {@link NormalizationStep}s, run in their declared order, followed by
 * trimming, collapsing runs of whitespace to one space and splitting on spaces. With no steps this is
 * jiwer's {@code wer_default} (case- and punctuation-sensitive). Characters for CER are the Unicode code
 * points of the normalised text with words joined by single spaces, so spaces count as characters as
 * in jiwer's {@code cer_default} (which, unlike this, keeps runs of spaces inside a sentence).
 *
 * <p>Immutable and thread-safe.
 *
 * @param steps the steps to run (stored in their canonical order)
 */
public record TextNormalizer(List<NormalizationStep> steps) {
    /** Whitespace only: jiwer's {@code wer_default}. */
    public static final TextNormalizer NONE = new TextNormalizer(List.of());
    /** rai4j's default: lowercase and remove punctuation. */
    public static final TextNormalizer DEFAULT = new TextNormalizer(
            List.of(NormalizationStep.LOWERCASE, NormalizationStep.REMOVE_PUNCTUATION));
    /** jiwer's {@code wer_standardize}: lowercase, expand contractions, remove non-word tags (punctuation kept). */
    public static final TextNormalizer JIWER_STANDARDIZE = new TextNormalizer(List.of(NormalizationStep.LOWERCASE,
            NormalizationStep.EXPAND_CONTRACTIONS, NormalizationStep.REMOVE_NON_WORD_TAGS));

    private static final Pattern NON_WORD_TAG = Pattern.compile("[<\\[][^>\\]]*[>\\]]");
    /** jiwer's contraction rules: plain substring replacements, applied in this order. */
    private static final String[][] CONTRACTIONS = {
            {"won't", "will not"}, {"can't", "can not"}, {"let's", "let us"}, {"n't", " not"}, {"'re", " are"},
            {"'s", " is"}, {"'d", " would"}, {"'ll", " will"}, {"'t", " not"}, {"'ve", " have"}, {"'m", " am"}};

    public TextNormalizer {
        Preconditions.checkNotNull(steps, "steps");
        Set<NormalizationStep> set = steps.isEmpty() ? EnumSet.noneOf(NormalizationStep.class) : EnumSet.copyOf(steps);
        steps = List.copyOf(set);
    }

    /** A normaliser running {@code steps}. */
    public static TextNormalizer of(NormalizationStep... steps) {
        return new TextNormalizer(List.of(steps));
    }

    /** The steps as recorded in reports, e.g. {@code [lowercase, remove-punctuation, split-on-whitespace]}. */
    public List<String> describe() {
        List<String> d = new ArrayList<>();
        for (NormalizationStep s : steps) {
            d.add(s.id());
        }
        d.add("split-on-whitespace");
        return d;
    }

    /** The normalised words of {@code text} (null counts as empty). */
    public List<String> words(String text) {
        String t = normalize(text);
        if (t.isEmpty()) {
            return List.of();
        }
        return List.of(t.split(" "));
    }

    /**
     * The normalised text: steps applied, trimmed, whitespace runs collapsed to one space (null counts
     * as empty).
     */
    public String normalize(String text) {
        String t = text == null ? "" : text;
        for (NormalizationStep s : steps) {
            t = apply(s, t);
        }
        return collapseWhitespace(t);
    }

    private static String apply(NormalizationStep step, String t) {
        return switch (step) {
            case LOWERCASE -> t.toLowerCase(Locale.ROOT);
            case EXPAND_CONTRACTIONS -> expandContractions(t);
            case REMOVE_NON_WORD_TAGS -> NON_WORD_TAG.matcher(t).replaceAll("");
            case NUMBERS_TO_WORDS -> NumberWords.spellOut(t);
            case REMOVE_PUNCTUATION -> removePunctuation(t);
        };
    }

    private static String expandContractions(String t) {
        String s = t.replace('\u2019', '\'').replace('\u2018', '\'');
        for (String[] rule : CONTRACTIONS) {
            s = s.replace(rule[0], rule[1]);
        }
        return s;
    }

    private static String removePunctuation(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; ) {
            int c = t.codePointAt(i);
            int len = Character.charCount(c);
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) || isMark(c)) {
                sb.appendCodePoint(c);
            } else if ((c == '\'' || c == '\u2019') && i > 0 && i + len < n
                    && Character.isLetter(t.codePointBefore(i)) && Character.isLetter(t.codePointAt(i + len))) {
                // apostrophe inside a word: deleted
            } else {
                sb.append(' ');
            }
            i += len;
        }
        return sb.toString();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String collapseWhitespace(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        boolean pendingSpace = false;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }
}
