package org.rai4j.fairness;

import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.SliceKey;
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
 * Intervals are bootstrap percentile intervals of the same composition on each replicate.
 */
final class FairnessMetrics {
    /** The names, in report order. */
    static final List<String> NAMES = List.of("demographic_parity_difference", "demographic_parity_ratio",
            "equalized_odds_difference", "equalized_odds_ratio", "equal_opportunity_difference", "equal_opportunity_ratio");

    private FairnessMetrics() {}

    static void addAll(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] point, double[][][] reps,
                       Map<String, Auditor.Eligible> eligible, Map<String, MetricAggregates> aggregates,
                       Map<String, FairnessValue> out) {
        List<String> dp = List.of("selection_rate");
        List<String> eo = List.of("true_positive_rate", "false_positive_rate");
        List<String> eop = List.of("true_positive_rate");
        out.put("demographic_parity_difference", gap(spec, layout, scope, point, reps, eligible, aggregates, dp, true));
        out.put("demographic_parity_ratio", gap(spec, layout, scope, point, reps, eligible, aggregates, dp, false));
        out.put("equalized_odds_difference", gap(spec, layout, scope, point, reps, eligible, aggregates, eo, true));
        out.put("equalized_odds_ratio", gap(spec, layout, scope, point, reps, eligible, aggregates, eo, false));
        out.put("equal_opportunity_difference", gap(spec, layout, scope, point, reps, eligible, aggregates, eop, true));
        out.put("equal_opportunity_ratio", gap(spec, layout, scope, point, reps, eligible, aggregates, eop, false));
    }

    /**
     * A difference (worst case: max over components of max − min) or ratio (worst case: min over
     * components of min/max) fairness metric over the given component metrics.
     */
    private static FairnessValue gap(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] point,
                                     double[][][] reps, Map<String, Auditor.Eligible> eligible,
                                     Map<String, MetricAggregates> aggregates, List<String> components,
                                     boolean difference) {
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
        double pAdjusted = Double.NaN;
        MetricAggregates att = aggregates.get(attaining);
        if (reps != null) {
            int b = reps[0][0].length;
            double[] r = new double[b];
            for (int k = 0; k < b; k++) {
                double v = difference ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (String c : components) {
                    int m = metricIndex(layout, c);
                    int[] el = eligible.get(c).slices();
                    double[] vals = new double[el.length];
                    for (int i = 0; i < el.length; i++) {
                        vals[i] = reps[el[i]][m][k];
                    }
                    double x = Aggregations.all(vals, reps[0][m][k])[aggIndex];
                    if (Double.isNaN(x)) {
                        v = Double.NaN;
                        break;
                    }
                    v = difference ? Math.max(v, x) : Math.min(v, x);
                }
                r[k] = v;
            }
            ci = Intervals.percentile(r, spec.confidence());
            // Pairwise signed tests over the family of all eligible pairs of every component.
            List<Double> pValues = new ArrayList<>();
            int attainingIndex = -1;
            for (String c : components) {
                int m = metricIndex(layout, c);
                int[] el = eligible.get(c).slices();
                for (int i = 0; i < el.length; i++) {
                    for (int j = i + 1; j < el.length; j++) {
                        double[] d = new double[b];
                        for (int k = 0; k < b; k++) {
                            d[k] = reps[el[i]][m][k] - reps[el[j]][m][k];
                        }
                        SliceKey si = scope.slices().get(el[i]);
                        SliceKey sj = scope.slices().get(el[j]);
                        boolean isAttaining = c.equals(attaining)
                                && ((si.equals(att.argMax()) && sj.equals(att.argMin()))
                                || (si.equals(att.argMin()) && sj.equals(att.argMax())));
                        if (isAttaining) {
                            attainingIndex = pValues.size();
                        }
                        pValues.add(Intervals.bootstrapWaldPValue(point[el[i]][m] - point[el[j]][m], d));
                    }
                }
            }
            double[] adjusted = spec.adjust().adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray());
            if (attainingIndex >= 0) {
                pAdjusted = adjusted[attainingIndex];
                significant = pAdjusted < 1 - spec.confidence();
            } else {
                // every eligible slice has the same value: there is no gap to test
                pAdjusted = 1.0;
                significant = false;
            }
        }
        return new FairnessValue(value, ci, Status.OK, null, significant, pAdjusted, attaining, att.argMax(), att.argMin());
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
