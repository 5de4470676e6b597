package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

/**
 * The hunter's view of one decision: everything a bounty may release to the team that submitted it,
 * and nothing more. This is the type to serve to hunters (web platform, CLI {@code --view hunter}):
 * <ul>
 *   <li>{@code accepted} — the only holdout-dependent information: one bit per holdout query, produced by the
 *       holdout guard;</li>
 *   <li>{@code reason} — for rejections only, a {@link HunterReason}: a reason decided on public data or on
 *       the hunter's quota, or {@link HunterReason#NOT_ACCEPTED} when the holdout said no (why it said no —
 *       empty on the holdout, no improvement, below α, not significant — is the operator's to know).</li>
 * </ul>
 * No holdout number (group size, mass, W, error) is carried. Build it with {@link #of(Decision)}, never
 * by copying fields of {@link Decision} by hand. Immutable and thread-safe.
 *
 * @param submissionId the submission's id
 * @param accepted     true when the submission was accepted
 * @param reason       null when accepted; otherwise the hunter-visible reason
 */
public record HunterDecision(String submissionId, boolean accepted, HunterReason reason) {
    public HunterDecision {
        Preconditions.checkNotNull(submissionId, "submissionId");
        Preconditions.checkArgument(accepted == (reason == null),
                "an accepted decision has no reason and a rejected one has one, got accepted=" + accepted + ", reason=" + reason);
    }

    /** The hunter's view of an operator decision. */
    public static HunterDecision of(Decision d) {
        Preconditions.checkNotNull(d, "decision");
        return new HunterDecision(d.submissionId(), d.accepted(), d.accepted() ? null : d.reason().hunterReason());
    }

    /** {@code "accepted"} or {@code "rejected"}, as the JSON views spell it. */
    public String decision() {
        return accepted ? "accepted" : "rejected";
    }
}
