package org.rai4j.bounty;

import java.util.List;

/**
 * The engine's full decision on one submission: the operator's view, with every holdout number and
 * the operator-only reasons. Never show it to hunters: they get {@link #hunterView()}.
 *
 * @param submissionId        the submission's id
 * @param team                the submitting team
 * @param accepted            true when the pair was folded into the model
 * @param reason              why it was rejected, or null when accepted
 * @param detail              a human-readable detail for the operator (e.g. why a model is invalid), or null
 * @param groupSize           |g ∩ holdout|, or −1 when the holdout was not queried
 * @param groupMass           |g ∩ holdout| / n, or NaN
 * @param errorReduction      E_f(g) − E_h(g) on the holdout (loss units), or NaN
 * @param weightedImprovement errorReduction / n, or NaN
 * @param holdoutError        overall holdout error after the decision
 * @param repairs             the repairs made after an accepted update, in order
 * @param version             the model version after the decision
 */
public record Decision(String submissionId, String team, boolean accepted, Reason reason, String detail, long groupSize,
                       double groupMass, double errorReduction, double weightedImprovement, double holdoutError,
                       List<Repair> repairs, int version) {
    public Decision {
        repairs = List.copyOf(repairs);
    }

    /** What the submitting hunter may see: {@link HunterDecision#of(Decision)}. */
    public HunterDecision hunterView() {
        return HunterDecision.of(this);
    }
}
