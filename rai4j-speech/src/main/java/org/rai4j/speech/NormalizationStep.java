package org.rai4j.speech;

/**
 * One optional step of a {@link TextNormalizer}. Steps always run in the order declared here, whatever
 * order they were requested in; splitting into words (on runs of whitespace, after trimming) always
 * runs last.
 */
public enum NormalizationStep {
    /** Lower-cases (locale-independent, {@link java.util.Locale#ROOT}). */
    LOWERCASE("lowercase"),
    /**
     * Expands English contractions with jiwer's rules, in this order: won't→will not, can't→can not,
     * let's→let us, n't→ not, 're→ are, 's→ is, 'd→ would, 'll→ will, 't→ not, 've→ have, 'm→ am
     * (typographic apostrophes are treated as ').
     * Caveat, as in jiwer: a possessive 's also becomes "is". Apply it to both sides or to neither.
     */
    EXPAND_CONTRACTIONS("expand-contractions"),
    /** Removes bracketed non-word tags such as {@code [noise]}, {@code <unk>} or {@code <sil>} (jiwer's Kaldi rule). */
    REMOVE_NON_WORD_TAGS("remove-non-word-tags"),
    /**
     * Spells out numbers written with digits: cardinals ({@code 1,250} → one thousand two hundred fifty),
     * decimals ({@code 2.5} → two point five), ordinals ({@code 3rd} → third) and percentages
     * ({@code 40%} → forty percent). American style: no "and".
     */
    NUMBERS_TO_WORDS("numbers-to-words"),
    /**
     * Removes punctuation (Unicode categories P*, plus symbols other than letters and digits): an
     * apostrophe between two letters is deleted ({@code patient's} → {@code patients}); every other
     * punctuation character becomes a space ({@code follow-up} → {@code follow up}).
     */
    REMOVE_PUNCTUATION("remove-punctuation");

    private final String id;

    NormalizationStep(String id) {
        this.id = id;
    }

    /** The name used in reports and on the command line, e.g. {@code remove-punctuation}. */
    public String id() {
        return id;
    }

    /** The step named {@code id} (as printed by {@link #id()}). */
    public static NormalizationStep fromId(String id) {
        for (NormalizationStep s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (NormalizationStep s : values()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(s.id);
        }
        throw new IllegalArgumentException("normalization step must be one of " + allowed + ", got '" + id + "'");
    }
}
