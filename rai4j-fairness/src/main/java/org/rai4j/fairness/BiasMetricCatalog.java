package org.rai4j.fairness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Name, formula and orientation of every bias metric of {@link BiasAnalysis}, in report order. The orientation
 * says which values mean the monitored group (facet d) is disadvantaged, assuming a positive label or
 * prediction is the favourable outcome. Formulas use Clarify's notation: a = reference group, d = monitored
 * group, n = rows, q = positive-label share, q̂ = positive-prediction share, TP/FP/FN/TN per group.
 */
public final class BiasMetricCatalog {
    /** One metric's documentation. */
    public record Entry(String name, String title, String formula, String orientation) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("CI", "Class Imbalance", "(n_a − n_d) / (n_a + n_d)", "> 0: the monitored group is under-represented");
        add("DPL", "Difference in Proportions of Labels", "q_a − q_d", "> 0: the monitored group has fewer positive labels");
        add("KL", "Kullback-Leibler divergence", "Σ_y P_a(y) ln(P_a(y)/P_d(y))", "0: same label distribution; larger: more different (Clarify mode may be negative: aligned support)");
        add("JS", "Jensen-Shannon divergence", "½[KL(P_a‖P) + KL(P_d‖P)], P = ½(P_a + P_d)", "0: same label distribution; larger: more different");
        add("LP", "L2 norm of the label distributions' difference", "√(Σ_y (P_a(y) − P_d(y))²)", "0: same; larger: more different (no sign)");
        add("TVD", "Total Variation Distance", "½ Σ_y |P_a(y) − P_d(y)|", "0: same; larger: more different (no sign)");
        add("KS", "Kolmogorov-Smirnov distance (of the label pmfs)", "max_y |P_a(y) − P_d(y)|", "0: same; larger: more different (no sign)");
        add("CDDL", "Conditional Demographic Disparity in Labels", "Σ_s n_s·(n_{d,s}^(0)/n_s^(0) − n_{d,s}^(1)/n_s^(1)) / Σ_s n_s", "> 0: within strata the monitored group's share of rejections exceeds its share of acceptances");
        add("DPPL", "Difference in Positive Proportions in Predicted Labels", "q̂_a − q̂_d", "> 0: the monitored group gets fewer positive predictions");
        add("DI", "Disparate Impact", "q̂_d / q̂_a", "< 1: the monitored group gets fewer positive predictions (four-fifths rule: < 0.8)");
        add("DCA", "Difference in Conditional Acceptance", "n_a^(1)/n̂_a^(1) − n_d^(1)/n̂_d^(1)", "< 0: the monitored group is accepted less often relative to its positive labels");
        add("DCR", "Difference in Conditional Rejection", "n_d^(0)/n̂_d^(0) − n_a^(0)/n̂_a^(0)", "< 0: the monitored group is rejected more often relative to its negative labels");
        add("RD", "Recall Difference", "TP_a/(TP_a+FN_a) − TP_d/(TP_d+FN_d)", "> 0: qualified members of the monitored group are recognised less often");
        add("SD", "Specificity Difference", "TN_d/(TN_d+FP_d) − TN_a/(TN_a+FP_a)", "> 0: the reference group's negatives get more undeserved positive predictions");
        add("DAR", "Difference in Acceptance Rates (precision)", "TP_a/n̂_a^(1) − TP_d/n̂_d^(1)", "< 0: the monitored group's acceptances are held to a higher bar (higher precision)");
        add("DRR", "Difference in Rejection Rates (NPV)", "TN_d/n̂_d^(0) − TN_a/n̂_a^(0)", "< 0: more of the monitored group's rejections are wrong");
        add("AD", "Accuracy Difference", "ACC_a − ACC_d", "> 0: the model is less accurate for the monitored group");
        add("TE", "Treatment Equality", "FN_d/FP_d − FN_a/FP_a", "> 0: the monitored group's errors lean towards false negatives");
        add("CDDPL", "Conditional Demographic Disparity in Predicted Labels", "CDDL with predicted labels", "> 0: within strata the monitored group's share of predicted rejections exceeds its share of predicted acceptances");
        add("FT", "FlipTest", "(#[ŷ=1, kNN=0] − #[ŷ=0, kNN=1]) / n_d over monitored rows, kNN fitted on the reference group's predictions", "< 0: the monitored group gets fewer positive predictions than its nearest reference-group neighbours");
        add("GE", "Generalized Entropy (α = 2)", "Σ_i((b_i/μ)² − 1)/(2n), b = ŷ − y + 1", "0: equal benefit for every individual; larger: more unequal (whole data set, not facet-specific)");
    }

    private BiasMetricCatalog() {}

    private static void add(String name, String title, String formula, String orientation) {
        ENTRIES.put(name, new Entry(name, title, formula, orientation));
    }

    /** The entry of {@code metric}, or null when it is not a bias metric. */
    public static Entry of(String metric) {
        return ENTRIES.get(metric);
    }

    /** Every metric, in report order. */
    public static Map<String, Entry> all() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }
}
