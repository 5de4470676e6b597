package org.rai4j.bounty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy that turns the holdout into the one bit a hunter learns per query (spec §2; issue 9
 * item 4). Every submission that passes the public checks reaches {@link #decide(GuardQuery)} — the
 * guard decides, whatever the exact test says, so guards with a budget spend it on every query and
 * gates see every query in order. A guard may accept only when the exact test passed
 * ({@link GuardQuery#exactPasses()}); the engine enforces it, so every accepted update lowers the
 * holdout error by ≥ α under every policy. The reason returned for a rejection is for the operator
 * only; hunters see {@link HunterReason#NOT_ACCEPTED}.
 * Implementations: {@link AlphaSpendingGuard} (the default), {@link ThresholdGuard} (the exact test
 * alone), {@link SignificanceGuard} (fixed paired one-sided gate), {@link Thresholdout} (reusable
 * holdout). Not thread-safe (guards are stateful).
 */
public interface HoldoutGuard {
    /** Short name for logs: {@code spending}, {@code threshold}, {@code significance}, {@code thresholdout}. */
    String name();

    /** A reason to refuse before the holdout is read (the guard's own budget is spent), or empty. */
    default Optional<Reason> beforeQuery() {
        return Optional.empty();
    }

    /**
     * The decision on one holdout query: empty to accept (allowed only when the exact test passed),
     * otherwise the operator-only reason.
     */
    Optional<Reason> decide(GuardQuery query);

    /** True when {@link GuardQuery#trainImprovement()} must be supplied. */
    default boolean needsTrainStatistic() {
        return false;
    }

    /** The guard's parameters and current state, for the audit log. */
    Map<String, String> state();

    /** The noise drawn since the last call (for the audit log), then forgotten. */
    default List<Double> drainNoise() {
        return List.of();
    }

    /**
     * The current adaptivity bound (spec §2.2) for the transcript so far; guards with a budget also
     * ask for rotation once it is spent.
     *
     * @param eta ladder step of released W values (0 when none are released)
     */
    default AdaptivityBound adaptivityBound(Transcript transcript, double eta, double delta, double alpha) {
        return AdaptivityBound.of(transcript, eta, delta, alpha);
    }
}
