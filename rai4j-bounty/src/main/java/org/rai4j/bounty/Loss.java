package org.rai4j.bounty;

/**
 * The loss ℓ of a bounty (spec §1.1). {@link #ZERO_ONE} for classification: per-row losses are 0 or
 * 1, sums are integer error counts and every decision is exact. {@link #SQUARED} for regression:
 * sums are doubles and comparisons use {@link #TIE_EPSILON} (relative) so that rounding noise can
 * neither accept nor repair.
 */
public enum Loss {
    /** ℓ(p, y) = [p ≠ y] on class codes. */
    ZERO_ONE,
    /** ℓ(p, y) = (p − y)². */
    SQUARED;

    /** Relative tie tolerance for squared-loss sums: differences within 1e-9·max(1, |threshold|) count as ties. */
    public static final double TIE_EPSILON = 1e-9;

    /** The loss of predicting {@code p} when the truth is {@code y}. */
    public double of(double p, double y) {
        if (this == ZERO_ONE) {
            return p == y ? 0.0 : 1.0;
        }
        double d = p - y;
        return d * d;
    }

    /** The command-line spelling: {@code zero-one} or {@code squared}. */
    public String spelling() {
        return this == ZERO_ONE ? "zero-one" : "squared";
    }

    /** Parses {@link #spelling()}. */
    public static Loss parse(String s) {
        for (Loss l : values()) {
            if (l.spelling().equals(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("loss must be zero-one or squared, got '" + s + "'");
    }
}
