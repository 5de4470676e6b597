package org.rai4j.text;

/**
 * The divisor of the standard deviation in the WEAT effect size. {@link #SAMPLE} (n − 1, ddof = 1) is Caliskan et
 * al.'s definition and what sent-bias and CEAT use; {@link #POPULATION} (n, ddof = 0) reproduces WEFE
 * ({@code np.std}). On the same scores the two differ by the factor sqrt((n − 1)/n).
 */
public enum StdConvention {
    /** Sample standard deviation, divisor n − 1. */
    SAMPLE(1),
    /** Population standard deviation, divisor n. */
    POPULATION(0);

    private final int ddof;

    StdConvention(int ddof) {
        this.ddof = ddof;
    }

    /** The delta degrees of freedom: 1 for {@link #SAMPLE}, 0 for {@link #POPULATION}. */
    public int ddof() {
        return ddof;
    }
}
