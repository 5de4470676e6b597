package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The named fairness metrics of binary classification, each a one-line composition of the per-metric
 * aggregates (as in Fairlearn's {@code _fairness_metrics.py}):
 * <ul>
 *   <li>{@code demographic_parity_difference/ratio}: selection rate, between groups;</li>
 *   <li>{@code equalized_odds_difference}: the larger of the TPR and FPR differences;
 *       {@code equalized_odds_ratio}: the smaller of the TPR and FPR ratios;</li>
 *   <li>{@code equal_opportunity_difference/ratio}: true positive rate, between groups.</li>
 * </ul>
 * Intervals are derived from simultaneous bootstrap intervals of all pairwise differences (ratios: log
 * ratios) of the component metrics over the eligible slices ({@link GapIntervals}); the gap is
 * significant exactly when its interval excludes "no gap" (0 for a difference, 1 for a ratio), and the
 * p-value is the smallest single-step max-|t| adjusted p-value of the family, so that
 * {@code significant ⟺ p ≤ 1 − confidence} up to rounding.
 */
final class FairnessMetrics {
    /** The names, in report order. */
    static final List<String> NAMES = List.of("demographic_parity_difference", "demographic_parity_ratio",
            "equalized_odds_difference", "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio");

    private FairnessMetrics() {}

    static void addAll(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] point, double[][][] reps,
                       Auditor.Variances var, Map<String, Auditor.Eligible> eligible, Map<String, MetricAggregates> aggregates,
                       Map<String, FairnessValue> out, org.rai4j.core.IntervalMethod method) {
        List<String> dp = List.of("selection_rate");
        List<String> eo = List.of("true_positive_rate", "false_positive_rate");
        List<String> eop = List.of("true_positive_rate");
        out.put("demographic_parity_difference", gap(spec, layout, scope, point, reps, var, eligible, aggregates, dp, true, method));
        out.put("demographic_parity_ratio", gap(spec, layout, scope, point, reps, var, eligible, aggregates, dp, false, method));
        out.put("equalized_odds_difference", gap(spec, layout, scope, point, reps, var, eligible, aggregates, eo, true, method));
        out.put("equalized_odds_ratio", gap(spec, layout, scope, point, reps, var, eligible, aggregates, eo, false, method));
        out.put("equal_opportunity_difference", gap(spec, layout, scope, point, reps, var, eligible, aggregates, eop, true, method));
        out.put("equal_opportunity_ratio", gap(spec, layout, scope, point, reps, var, eligible, aggregates, eop, false, method));
    }

    /**
     * A difference (worst case: max over components of max − min) or ratio (worst case: min over
     * components of min/max) fairness metric over the given component metrics.
     */
    private static FairnessValue gap(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] point,
                                     double[][][] reps, Auditor.Variances var, Map<String, Auditor.Eligible> eligible,
                                     Map<String, MetricAggregates> aggregates, List<String> components,
                                     boolean difference, org.rai4j.core.IntervalMethod method) {
        int aggIndex = difference ? Aggregations.DIFF : Aggregations.RATIO;
        String aggName = difference ? "difference_between_groups" : "ratio_between_groups";
        double value = difference ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        String attaining = null;
        for (String c : components) {
            AggregateValue a = aggregates.get(c).get(aggName);
            if (a.status() != Status.OK) {
                return new FairnessValue(Double.NaN, null, Status.UNDEFINED, c + ": " + a.reason(), null, Double.NaN,
                        c, null, null);
            }
            if (difference ? a.value() > value : a.value() < value) {
                value = a.value();
                attaining = c;
            }
        }
        Interval ci = null;
        Boolean significant = null;
        double pValue = Double.NaN;
        MetricAggregates att = aggregates.get(attaining);
        if (reps != null) {
            List<GapIntervals.Component> comps = new ArrayList<>();
            for (String c : components) {
                comps.add(Auditor.component(point, reps, var, metricIndex(layout, c), eligible.get(c).slices()));
            }
            GapIntervals.Bound b = difference ? GapIntervals.difference(comps, spec.confidence())
                    : GapIntervals.ratio(comps, spec.confidence());
            if (b != null) {
                ci = Auditor.interval(b, method);
                significant = b.significant();
                pValue = b.pValue();
            }
        }
        return new FairnessValue(value, ci, Status.OK, null, significant, pValue, attaining, att.argMax(), att.argMin());
    }

    private static int metricIndex(Layout layout, String name) {
        for (int m = 0; m < layout.metrics.size(); m++) {
            if (layout.metrics.get(m).name().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("no metric " + name);
    }
}
