package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

/**
 * The accuracy an adaptively reused holdout still guarantees (spec §2.2, the Ladder's transcript
 * compression argument): when hunters see only accept/reject (plus W rounded to η on acceptance),
 * the interaction is fixed by which of ≤ m submissions were accepted (≤ U) and which (group,
 * version) each of R repairs chose, so with probability ≥ 1 − δ every verified Ŵ is within
 * <pre>ε = sqrt( 2·[U·ln(m+1) + R·ln(K·V) + U·ln(1/η) + ln(2m/δ)] / n )</pre>
 * of its true value (range of φ is [−1, 1], Hoeffding; the η term only when W is released). Accepting
 * only when Ŵ ≥ α is then sound while ε ≤ α/2; beyond that, rotate the holdout ({@link #rotate()}).
 *
 * @param epsilon            ε of the adaptive transcript
 * @param nonAdaptiveEpsilon sqrt(2 ln(2m/δ)/n), what m fixed queries would give
 * @param delta              δ
 * @param rotate             true when ε &gt; α/2 (or a guard budget is spent)
 */
public record AdaptivityBound(double epsilon, double nonAdaptiveEpsilon, double delta, boolean rotate) {

    /**
     * The bound for a transcript.
     *
     * @param t     the transcript so far (m ≥ 1 is assumed; m = 0 is treated as 1)
     * @param eta   the ladder step of released W values, or 0 when no W is released
     * @param delta failure probability in (0, 1)
     * @param alpha α
     */
    public static AdaptivityBound of(Transcript t, double eta, double delta, double alpha) {
        Preconditions.checkOpenInterval(delta, 0, 1, "delta");
        Preconditions.checkArgument(t.n() > 0, "the holdout must have rows");
        double m = Math.max(1, t.queries());
        double kv = Math.max(1.0, (double) t.groups() * Math.max(1, t.versions()));
        double bracket = t.accepted() * Math.log(m + 1) + t.repairs() * Math.log(kv) + Math.log(2 * m / delta);
        if (eta > 0 && t.accepted() > 0) {
            bracket += t.accepted() * Math.log(1 / eta);
        }
        double eps = Math.sqrt(2 * bracket / t.n());
        double plain = Math.sqrt(2 * Math.log(2 * m / delta) / t.n());
        return new AdaptivityBound(eps, plain, delta, eps > alpha / 2);
    }
}
