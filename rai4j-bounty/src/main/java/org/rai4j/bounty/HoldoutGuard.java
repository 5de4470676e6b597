package org.rai4j.bounty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy protecting the holdout from adaptive overfitting (spec §2). Consulted for every
 * submission: {@link #beforeQuery()} may refuse to touch the holdout at all (budget spent), and
 * {@link #review(GuardQuery)} may veto a submission that passed the exact acceptance test. The guard
 * can only make acceptance stricter, so the engine's invariants (each accept lowers the holdout error
 * by ≥ α) hold under every policy. Implementations: {@link ThresholdGuard} (the exact test alone),
 * {@link SignificanceGuard} (paired one-sided gate), {@link Thresholdout} (reusable holdout). Not
 * thread-safe (guards are stateful).
 */
public interface HoldoutGuard {
    /** Short name for logs: {@code threshold}, {@code significance}, {@code thresholdout}. */
    String name();

    /** A reason to refuse the submission before the holdout is read, or empty. */
    default Optional<Reason> beforeQuery() {
        return Optional.empty();
    }

    /** A veto (with its reason) for a submission that passed the exact test, or empty to accept. */
    Optional<Reason> review(GuardQuery query);

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
