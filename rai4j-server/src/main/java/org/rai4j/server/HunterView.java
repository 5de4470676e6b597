package org.rai4j.server;

import org.rai4j.bounty.Decision;
import org.rai4j.bounty.LadderRounding;

/**
 * What a hunter may learn about a decision (spec §2.6), in one place: accepted, or rejected with a
 * reason code that does not depend on the holdout. Every reason the engine derives from holdout rows
 * (empty or small group, no improvement, below α, not significant, a model that fails only on holdout
 * rows) becomes {@code NOT_ACCEPTED}; reasons fixed by public facts pass through: {@code INVALID_MODEL}
 * when the group or model already failed on the public training split, {@code BUDGET_EXHAUSTED} (the
 * guard's budget is public state). Accepted decisions carry W rounded down to the ladder step η = α/2.
 *
 * @param accepted    accepted or not
 * @param reason      the holdout-independent reason code when rejected, else null
 * @param improvement W rounded down to η when accepted, else null
 */
record HunterView(boolean accepted, String reason, Double improvement) {
    /** The code shown for every holdout-dependent rejection. */
    static final String NOT_ACCEPTED = "NOT_ACCEPTED";

    static HunterView of(Decision d, LadderRounding rounding) {
        Decision.PublicDecision p = d.publicView(rounding);
        if (p.accepted()) {
            return new HunterView(true, null, p.weightedImprovement());
        }
        String reason = switch (p.reason()) {
            case BUDGET_EXHAUSTED -> "BUDGET_EXHAUSTED";
            default -> NOT_ACCEPTED;
        };
        return new HunterView(false, reason, null);
    }
}
