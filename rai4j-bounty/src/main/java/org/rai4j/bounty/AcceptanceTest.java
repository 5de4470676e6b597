package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The exact acceptance test of a submission (g, h) against the current model f (spec §1.2):
 * on the holdout S, {@link Reason#HOLDOUT_GROUP_TOO_SMALL} when |g ∩ S| &lt; max(n_min, ⌈μ_min·n⌉) (or 0), {@link Reason#NO_IMPROVEMENT} when E_f(g) − E_h(g) ≤ 0,
 * {@link Reason#BELOW_ALPHA} when E_f(g) − E_h(g) &lt; α·n; accept otherwise. For 0-1 loss the error
 * counts are integers and α·n is computed exactly with {@link BigDecimal}, so the α boundary is exact
 * ({@code ≥}, as in amazon-science/bias-bounties {@code verify}); for squared loss sums are doubles
 * and a difference within {@link Loss#TIE_EPSILON}·max(1, α·n) of the threshold counts as reaching it.
 * Immutable and thread-safe.
 *
 * @param config the bounty parameters
 * @param loss   the loss
 */
public record AcceptanceTest(BountyConfig config, Loss loss) {
    public AcceptanceTest {
        Preconditions.checkNotNull(config, "config");
        Preconditions.checkNotNull(loss, "loss");
    }

    /** The minimum number of holdout rows a group needs: max(n_min, ⌈μ_min·n⌉). */
    public long minimumRows(long n) {
        long byMass = config.minGroupMass().multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.max(config.minGroupSize(), byMass);
    }

    /** The holdout size check alone: {@link Reason#HOLDOUT_GROUP_TOO_SMALL} when empty or too small. */
    public Optional<Reason> checkSize(long n, long groupRows) {
        if (groupRows == 0 || groupRows < minimumRows(n)) {
            return Optional.of(Reason.HOLDOUT_GROUP_TOO_SMALL);
        }
        return Optional.empty();
    }

    /**
     * The same size rule on the public training split of {@code nTrain} rows: {@link Reason#EMPTY_GROUP}
     * or {@link Reason#GROUP_TOO_SMALL} (both public).
     */
    public Optional<Reason> checkPublicSize(long nTrain, long groupRows) {
        if (groupRows == 0) {
            return Optional.of(Reason.EMPTY_GROUP);
        }
        if (groupRows < minimumRows(nTrain)) {
            return Optional.of(Reason.GROUP_TOO_SMALL);
        }
        return Optional.empty();
    }

    /**
     * The whole test.
     *
     * @param n         holdout size
     * @param groupRows |g ∩ S|
     * @param lossF     E_f(g): the current model's summed loss on the group
     * @param lossH     E_h(g): the submitted model's summed loss on the group
     * @return the rejection reason, or empty when the submission passes
     */
    public Optional<Reason> check(long n, long groupRows, double lossF, double lossH) {
        Optional<Reason> size = checkSize(n, groupRows);
        if (size.isPresent()) {
            return size;
        }
        double diff = lossF - lossH;
        if (!positive(diff)) {
            return Optional.of(Reason.NO_IMPROVEMENT);
        }
        if (!atLeast(diff, config.alpha(), n)) {
            return Optional.of(Reason.BELOW_ALPHA);
        }
        return Optional.empty();
    }

    /** diff &gt; 0 (beyond the tie tolerance for squared loss). */
    boolean positive(double diff) {
        if (loss == Loss.ZERO_ONE) {
            return exactCount(diff) > 0;
        }
        return diff > Loss.TIE_EPSILON;
    }

    /** diff ≥ a·n, exactly for 0-1 loss. */
    boolean atLeast(double diff, BigDecimal a, long n) {
        BigDecimal threshold = a.multiply(BigDecimal.valueOf(n));
        if (loss == Loss.ZERO_ONE) {
            return BigDecimal.valueOf(exactCount(diff)).compareTo(threshold) >= 0;
        }
        double t = threshold.doubleValue();
        return diff >= t - Loss.TIE_EPSILON * Math.max(1.0, Math.abs(t));
    }

    /** diff &gt; a·n, exactly for 0-1 loss (the repair condition). */
    boolean exceeds(double diff, BigDecimal a, long n) {
        BigDecimal threshold = a.multiply(BigDecimal.valueOf(n));
        if (loss == Loss.ZERO_ONE) {
            return BigDecimal.valueOf(exactCount(diff)).compareTo(threshold) > 0;
        }
        double t = threshold.doubleValue();
        return diff > t + Loss.TIE_EPSILON * Math.max(1.0, Math.abs(t));
    }

    private static long exactCount(double v) {
        long c = Math.round(v);
        if (c != v) {
            throw new IllegalStateException("a 0-1 loss difference must be an integer count, got " + v);
        }
        return c;
    }
}
