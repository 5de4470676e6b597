package org.rai4j.bounty;

import java.util.List;

/**
 * The engine's full decision on one submission: the operator's view, with every number. Hunters get
 * {@link #publicView(LadderRounding)} instead.
 *
 * @param submissionId        the submission's id
 * @param team                the submitting team
 * @param accepted            true when the pair was folded into the model
 * @param reason              why it was rejected, or null when accepted
 * @param detail              a human-readable detail for the operator (e.g. why a model is invalid), or null
 * @param groupSize           |g ∩ holdout|, or −1 when not computed
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

    /** What a hunter may see: the reason code alone when rejected; W and the error rounded down to η when accepted. */
    public PublicDecision publicView(LadderRounding rounding) {
        if (!accepted) {
            return new PublicDecision(submissionId, false, reason, null, null);
        }
        return new PublicDecision(submissionId, true, null, rounding.roundDown(weightedImprovement),
                rounding.roundDown(holdoutError));
    }

    /**
     * A decision as released to a hunter.
     *
     * @param submissionId        the submission
     * @param accepted            accepted or not
     * @param reason              the reason code when rejected, else null
     * @param weightedImprovement W rounded down to the ladder step when accepted, else null
     * @param holdoutError        the new overall error rounded down to the ladder step when accepted, else null
     */
    public record PublicDecision(String submissionId, boolean accepted, Reason reason, Double weightedImprovement,
                                 Double holdoutError) {}
}
