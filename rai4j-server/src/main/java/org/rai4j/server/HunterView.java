package org.rai4j.server;

import org.rai4j.bounty.Decision;
import org.rai4j.bounty.HunterDecision;

/**
 * What a hunter may learn about a decision: rai4j-bounty's {@link HunterDecision} (accepted, or a
 * reason decided on public data or quota, or {@code NOT_ACCEPTED} when the holdout said no). No holdout
 * number is released, so the leaderboard counts accepted submissions.
 *
 * @param accepted accepted or not
 * @param reason   the hunter-visible reason code when rejected, else null
 */
record HunterView(boolean accepted, String reason) {
    static HunterView of(Decision d) {
        HunterDecision h = d.hunterView();
        return new HunterView(h.accepted(), h.reason() == null ? null : h.reason().name());
    }
}
