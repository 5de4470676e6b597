package org.rai4j.text;

import java.util.List;

/**
 * The word lists of WEAT tests 1, 2, 6, 7 and 8 of Caliskan, Bryson &amp; Narayanan (2017, Science 356:183,
 * supplementary materials), bundled as {@code org/rai4j/text/weat/*.txt}, with the effect sizes the paper reports
 * on GloVe 840B-token 300-d vectors (Table 1). Other vectors should give the same sign and a similar size, not the
 * same value.
 */
public enum WeatWordLists {
    /** Flowers vs insects, pleasant vs unpleasant. */
    WEAT1("flowers", "insects", "pleasant", "unpleasant", 1.50),
    /** Musical instruments vs weapons, pleasant vs unpleasant. */
    WEAT2("instruments", "weapons", "pleasant", "unpleasant", 1.53),
    /** Male vs female names, career vs family. */
    WEAT6("male-names", "female-names", "career", "family", 1.81),
    /** Mathematics vs arts, male vs female terms. */
    WEAT7("math", "arts", "male-terms", "female-terms", 1.06),
    /** Science vs arts, male vs female terms. */
    WEAT8("science", "arts-2", "male-terms-2", "female-terms-2", 1.24);

    private final String x;
    private final String y;
    private final String a;
    private final String b;
    private final double publishedEffectSize;

    WeatWordLists(String x, String y, String a, String b, double publishedEffectSize) {
        this.x = x;
        this.y = y;
        this.a = a;
        this.b = b;
        this.publishedEffectSize = publishedEffectSize;
    }

    /** Target set X. */
    public List<String> x() {
        return load(x);
    }

    /** Target set Y. */
    public List<String> y() {
        return load(y);
    }

    /** Attribute set A. */
    public List<String> a() {
        return load(a);
    }

    /** Attribute set B. */
    public List<String> b() {
        return load(b);
    }

    /** The names of the four bundled lists, X, Y, A, B (e.g. {@code flowers}). */
    public List<String> listNames() {
        return List.of(x, y, a, b);
    }

    /** The effect size Caliskan et al. report for this test on GloVe (840B tokens, 300-d), Table 1. */
    public double publishedEffectSize() {
        return publishedEffectSize;
    }

    /** A bundled list by name, e.g. {@code flowers}. */
    public static List<String> load(String name) {
        return WordLists.resource("weat/" + name + ".txt");
    }
}
