package org.rai4j.text;

/**
 * The three bias AUCs of one identity term (Borkan et al. 2019). Each is NaN when its example set lacks positives
 * or negatives (undefined, never 0.5).
 *
 * @param n           the number of examples that mention the identity
 * @param subgroupAuc AUC on the examples that mention it
 * @param bpsnAuc     background positive, subgroup negative: AUC on {mention, label 0} ∪ {no mention, label 1}
 * @param bnspAuc     background negative, subgroup positive: AUC on {mention, label 1} ∪ {no mention, label 0}
 */
public record IdentityAucs(long n, double subgroupAuc, double bpsnAuc, double bnspAuc) {}
