package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rai4j.core.Preconditions;

/**
 * A counterfactual gender swap for English text (counterfactual data augmentation, Lu et al. 2018; Maudslay et al.
 * 2019), written for rai4j. Words are runs of letters ({@code \p{L}+}), so word boundaries, hyphens ("father-in-law"),
 * possessives and contractions ("John's", "he's") and all punctuation are kept as they are; only whole words change.
 * <ul>
 *   <li>Word pairs ({@code swap/word-pairs.txt}: he/she, man/woman, king/queen, Mr/Ms, …) swap both ways, whatever
 *       their case; the replacement takes the source's casing (lower, UPPER or Title).</li>
 *   <li>First names ({@code swap/name-pairs.txt}: John/Mary, …) swap only when capitalised (proper nouns); names that
 *       are also common words (Rose, Will, Bill, …) are not listed.</li>
 *   <li>him → her and hers → his always. <b>her</b> → <i>him</i> when it is an object (at the end, before
 *       punctuation, or before a function word such as a preposition, determiner, pronoun, auxiliary or common
 *       adverb: "gave her the book", "with her."), else → <i>his</i> (a possessive before its noun: "her car").
 *       <b>his</b> → <i>hers</i> when it stands alone in the same positions ("the book is his."), else → <i>her</i>.
 *       This is a heuristic in place of a part-of-speech tagger; "his and her books" becomes "hers and his books".</li>
 *   <li>Mrs → Mr (no male counterpart: not reversible).</li>
 * </ul>
 * Where the mapping is one-to-one (word pairs, names, him/her/his/hers in the positions above) swapping twice gives
 * the original text back. Binary swapping does not represent non-binary people; "they" is left alone. Immutable;
 * thread-safe.
 */
public final class GenderSwap {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "to", "and", "or", "but", "nor", "so", "yet", "the", "a", "an", "this", "that", "these", "those", "some",
            "any", "every", "no", "with", "for", "at", "in", "on", "of", "from", "by", "about", "as", "if", "when",
            "while", "because", "before", "after", "until", "since", "into", "onto", "over", "under", "through", "up",
            "down", "out", "off", "away", "back", "home", "there", "here", "very", "too", "again", "now", "then",
            "today", "tomorrow", "yesterday", "tonight", "well", "once", "twice", "sometimes", "often", "always",
            "never", "is", "was", "were", "are", "be", "been", "do", "does", "did", "has", "have", "had", "will",
            "would", "can", "could", "should", "must", "might", "i", "you", "he", "she", "we", "they", "it", "me",
            "him", "us", "them", "what", "who", "how", "why", "where", "whether", "not", "anything", "something",
            "everything", "nothing", "all", "alone", "enough", "more", "most", "less", "later", "soon", "instead",
            "though", "although", "than", "like", "around", "across", "along", "behind", "near", "without", "against",
            "during", "toward", "towards", "upon", "each", "both", "either", "neither", "my", "your", "our", "their",
            "its", "his", "her", "hers", "last", "first", "next", "anyway", "already", "just", "really", "much");

    private static final GenderSwap DEFAULT = new GenderSwap(load("swap/word-pairs.txt"), load("swap/name-pairs.txt"));

    private final Map<String, String> words;
    private final Map<String, String> names;

    private GenderSwap(List<String[]> wordPairs, List<String[]> namePairs) {
        this.words = bidirectional(wordPairs, "word");
        this.names = bidirectional(namePairs, "name");
        for (String n : names.keySet()) {
            Preconditions.checkArgument(!words.containsKey(n), "'" + n + "' is both a word pair and a name pair");
        }
    }

    /** The bundled English word and name pairs. */
    public static GenderSwap english() {
        return DEFAULT;
    }

    /**
     * The swapped text and the number of words replaced.
     *
     * @param text         the text with male and female terms exchanged
     * @param replacements how many words were replaced
     */
    public record Swapped(String text, int replacements) {}

    /** Swaps {@code text}. */
    public String swap(String text) {
        return swapCounted(text).text();
    }

    /** Swaps {@code text} and counts the replacements. */
    public Swapped swapCounted(String text) {
        Preconditions.checkNotNull(text, "text");
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        int count = 0;
        for (int i = 0; i < spans.size(); i++) {
            int s = spans.get(i)[0];
            int e = spans.get(i)[1];
            String token = text.substring(s, e);
            String replacement = replace(token, text, spans, i);
            out.append(text, last, s);
            if (replacement == null) {
                out.append(token);
            } else {
                out.append(matchCase(token, replacement));
                count++;
            }
            last = e;
        }
        out.append(text, last, text.length());
        return new Swapped(out.toString(), count);
    }

    private String replace(String token, String text, List<int[]> spans, int i) {
        String lower = token.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "him":
                return "her";
            case "hers":
                return "his";
            case "mrs":
                return "mr";
            case "her":
                return standsAlone(text, spans, i) ? "him" : "his";
            case "his":
                return standsAlone(text, spans, i) ? "hers" : "her";
            default:
                break;
        }
        String w = words.get(lower);
        if (w != null) {
            return w;
        }
        if (Character.isUpperCase(token.charAt(0))) {
            return names.get(lower);
        }
        return null;
    }

    /** True when word i ends the text, is followed by punctuation, or by a function word. */
    private static boolean standsAlone(String text, List<int[]> spans, int i) {
        if (i + 1 == spans.size()) {
            return true;
        }
        int end = spans.get(i)[1];
        int next = spans.get(i + 1)[0];
        if (!text.substring(end, next).isBlank()) {
            return true;
        }
        String nextWord = text.substring(next, spans.get(i + 1)[1]).toLowerCase(Locale.ROOT);
        return FUNCTION_WORDS.contains(nextWord);
    }

    /** {@code replacement} in the casing of {@code source}: UPPER (two letters or more), Title, or as given. */
    static String matchCase(String source, String replacement) {
        if (source.length() > 1 && source.equals(source.toUpperCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(source.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }

    private static Map<String, String> bidirectional(List<String[]> pairs, String kind) {
        Map<String, String> map = new HashMap<>();
        for (String[] p : pairs) {
            String a = p[0].toLowerCase(Locale.ROOT);
            String b = p[1].toLowerCase(Locale.ROOT);
            Preconditions.checkArgument(map.put(a, b) == null, kind + " '" + a + "' is listed twice");
            Preconditions.checkArgument(map.put(b, a) == null, kind + " '" + b + "' is listed twice");
        }
        return Collections.unmodifiableMap(map);
    }

    /** The bundled word pairs (lower case, male first). */
    public static List<String[]> wordPairs() {
        return load("swap/word-pairs.txt");
    }

    /** The bundled name pairs (male first). */
    public static List<String[]> namePairs() {
        return load("swap/name-pairs.txt");
    }

    private static List<String[]> load(String name) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = GenderSwap.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.strip().split("\t");
                if (f.length != 2) {
                    throw new IllegalStateException(name + ":" + no + ": expected two tab-separated words");
                }
                out.add(new String[] {f[0].strip(), f[1].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
