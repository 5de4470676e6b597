package org.rai4j.bounty;

/**
 * Why a submission was rejected: the operator's full reason. Reasons come in two kinds, and only the
 * first kind may ever reach a hunter ({@link #hunterReason()}):
 * <ul>
 *   <li><b>public</b> — decided on the public training split, on the submission's own text or files, or on
 *       the hunter's quota: {@link #INVALID_PREDICATE}, {@link #INVALID_MODEL}, {@link #IDENTIFIER_LIKE},
 *       {@link #EMPTY_GROUP}, {@link #GROUP_TOO_SMALL}, {@link #NO_DIFFERENCE}, {@link #NO_TRAIN_IMPROVEMENT}, {@link #TEAM_BUDGET_EXHAUSTED},
 *       {@link #BUDGET_EXHAUSTED}. The hunter could have computed them; showing them leaks nothing about the holdout.</li>
 *   <li><b>holdout</b> — decided by the holdout guard on the private holdout: {@link #HOLDOUT_GROUP_TOO_SMALL},
 *       {@link #HOLDOUT_INVALID_PREDICTION}, {@link #NO_IMPROVEMENT}, {@link #BELOW_ALPHA}, {@link #NOT_SIGNIFICANT}.
 *       The operator sees them; a hunter sees only {@link HunterReason#NOT_ACCEPTED} (one bit per query). Telling
 *       them apart would let a hunter bisect the holdout's values and read its labels off one-row flips
 *       (issue 9 item 4).</li>
 * </ul>
 */
public enum Reason {
    /** The group or rule predicate does not parse or does not fit the public schema (public). */
    INVALID_PREDICATE(HunterReason.INVALID_PREDICATE),
    /** The group or model cannot be loaded, or cannot run / predicts NaN or a non-class on the public training split (public). */
    INVALID_MODEL(HunterReason.INVALID_MODEL),
    /** The group singles out individuals: a long {@code in} list or a narrow {@code between} range on a high-cardinality column (public). */
    IDENTIFIER_LIKE(HunterReason.IDENTIFIER_LIKE),
    /** The group has no row in the public training split (public). */
    EMPTY_GROUP(HunterReason.EMPTY_GROUP),
    /** The group has fewer public training rows than max(minimum size, ⌈minimum mass·n_train⌉) (public). */
    GROUP_TOO_SMALL(HunterReason.GROUP_TOO_SMALL),
    /** On the public training split, h differs from the current model on too few rows of g for W ≥ α to be possible (public). */
    NO_DIFFERENCE(HunterReason.NO_DIFFERENCE),
    /** On the public training split, h is not better than the current model on g: the claim is contradicted by public data (public). */
    NO_TRAIN_IMPROVEMENT(HunterReason.NO_TRAIN_IMPROVEMENT),
    /** The submitting team has used its holdout-query budget (public: the team's own quota). */
    TEAM_BUDGET_EXHAUSTED(HunterReason.TEAM_BUDGET_EXHAUSTED),
    /** The bounty's global holdout-query budget, or the guard's budget, is spent: rotate the holdout (public). */
    BUDGET_EXHAUSTED(HunterReason.BUDGET_EXHAUSTED),
    /** The group has fewer holdout rows than the minimum (or none) (holdout; operator only). */
    HOLDOUT_GROUP_TOO_SMALL(HunterReason.NOT_ACCEPTED),
    /** The model predicted NaN or a non-class, or failed, on a holdout row of the group (holdout; operator only). */
    HOLDOUT_INVALID_PREDICTION(HunterReason.NOT_ACCEPTED),
    /** The model is not better than the current model on the group: E_f(g) − E_h(g) ≤ 0 (holdout; operator only). */
    NO_IMPROVEMENT(HunterReason.NOT_ACCEPTED),
    /** Better, but the weighted improvement (E_f(g) − E_h(g))/n is below α (holdout; operator only). */
    BELOW_ALPHA(HunterReason.NOT_ACCEPTED),
    /** The exact test passed but the holdout guard's gate did not (holdout; operator only). */
    NOT_SIGNIFICANT(HunterReason.NOT_ACCEPTED);

    private final HunterReason hunterReason;

    Reason(HunterReason hunterReason) {
        this.hunterReason = hunterReason;
    }

    /** What a hunter is told: the same code for public reasons, {@link HunterReason#NOT_ACCEPTED} for holdout reasons. */
    public HunterReason hunterReason() {
        return hunterReason;
    }

    /** True when the reason depends on the private holdout (and so is shown to the operator only). */
    public boolean dependsOnHoldout() {
        return hunterReason == HunterReason.NOT_ACCEPTED;
    }
}
