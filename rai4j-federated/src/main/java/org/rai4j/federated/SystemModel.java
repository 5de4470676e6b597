package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * Device heterogeneity on a virtual clock (no sleeping): client k processes
 * {@code samplesPerSecond·s_k} examples per virtual second, with a fixed speed factor
 * {@code s_k = exp(speedSpread·z_k)}, z_k ~ N(0, 1) drawn once per client (its speed trace); a selected
 * client drops out of a round (never answers) with probability {@code 1 − availability}; a round closes at
 * {@code deadlineSeconds} (∞: waits for everyone). A client that cannot finish its epochs by the deadline
 * is a straggler: strategies that keep partial work get the epochs it completed (at least one, otherwise it
 * is dropped), the others drop it. The round lasts until the deadline or the last answer, whichever is first.
 * Immutable.
 *
 * @param availability     probability in (0, 1] that a selected client answers
 * @param speedSpread      σ ≥ 0 of the log speed factor
 * @param samplesPerSecond examples per virtual second at speed factor 1 (&gt; 0)
 * @param deadlineSeconds  round deadline in virtual seconds (&gt; 0, may be +∞)
 */
public record SystemModel(double availability, double speedSpread, double samplesPerSecond, double deadlineSeconds) {
    /** Every client answers, all equally fast, no deadline. */
    public static final SystemModel IDEAL = new SystemModel(1, 0, 1000, Double.POSITIVE_INFINITY);

    public SystemModel {
        Preconditions.checkArgument(availability > 0 && availability <= 1, "availability must be in (0, 1], got " + availability);
        Preconditions.checkNonNegative(speedSpread, "speed spread");
        Preconditions.checkPositive(samplesPerSecond, "samples per second");
        Preconditions.checkArgument(deadlineSeconds > 0, "deadline must be > 0 seconds, got " + deadlineSeconds);
    }

    /** Whether this is {@link #IDEAL} in effect (no drop-outs, no deadline). */
    public boolean ideal() {
        return availability == 1 && deadlineSeconds == Double.POSITIVE_INFINITY;
    }
}
