package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.Estimate;
import org.rai4j.core.Preconditions;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;

/**
 * Aequitas-style disparities of a binary audit (dssg/aequitas {@code Bias.get_disparity_*},
 * {@code Fairness.get_group_value_fairness}): for every group column, every group and every metric, the ratio
 * of the group's value to the reference group's value, and a parity determination with tolerance τ:
 * parity when τ ≤ ratio ≤ 1/τ (τ = 0.8: the four-fifths rule). Computed from the audit's single-column
 * slices (intersections are not compared). A ratio whose reference value is 0, or whose group or reference is
 * below the audit's minimum group size or undefined, is {@code UNDEFINED} with a reason (Aequitas writes NaN, or
 * 10 for x/0). Stateless.
 *
 * <p>Metrics, with Aequitas's names: ppr (the group's share of all positive predictions), pprev
 * (selection_rate), precision, fdr, for, fpr, fnr, tpr, tnr, npv. Group parities follow Aequitas: Statistical
 * (ppr), Impact (pprev), FDR, FPR, FOR, FNR, TPR, TNR, NPV, Precision; TypeI = FDR ∧ FPR; TypeII = FOR ∧ FNR;
 * Equalized Odds = FPR ∧ TPR; Unsupervised = Statistical ∧ Impact; Supervised = TypeI ∧ TypeII.
 */
public final class Disparities {
    /** Aequitas metric name → rai4j audit metric (ppr is computed from counts). */
    static final Map<String, String> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("ppr", null);
        METRICS.put("pprev", "selection_rate");
        METRICS.put("precision", "precision");
        METRICS.put("fdr", "false_discovery_rate");
        METRICS.put("for", "false_omission_rate");
        METRICS.put("fpr", "false_positive_rate");
        METRICS.put("fnr", "false_negative_rate");
        METRICS.put("tpr", "true_positive_rate");
        METRICS.put("tnr", "true_negative_rate");
        METRICS.put("npv", "negative_predictive_value");
    }

    private Disparities() {}

    /** Parity of one ratio. */
    public enum Parity {
        /** τ ≤ ratio ≤ 1/τ. */
        PARITY,
        /** Outside. */
        DISPARITY,
        /** No ratio (see the reason). */
        UNDEFINED
    }

    /**
     * One group's metric against its reference.
     *
     * @param column         group column
     * @param group          group value
     * @param metric         Aequitas metric name
     * @param value          the group's value (NaN when undefined)
     * @param n              the group's rows
     * @param referenceGroup the reference group's value
     * @param referenceValue the reference's value
     * @param ratio          value / referenceValue (NaN when undefined)
     * @param parity         the determination
     * @param reason         why UNDEFINED, else null
     */
    public record Disparity(String column, String group, String metric, double value, long n, String referenceGroup,
                            double referenceValue, double ratio, Parity parity, String reason) {}

    /**
     * One group's combined parities (Aequitas's names), true only when every part is PARITY.
     *
     * @param column   group column
     * @param group    group value
     * @param parities name → holds (null when a part is UNDEFINED)
     */
    public record GroupParity(String column, String group, Map<String, Boolean> parities) {
        public GroupParity {
            parities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parities));
        }
    }

    /**
     * The disparities of an audit.
     *
     * @param reference how reference groups were chosen
     * @param tolerance τ
     * @param rows      every column × group × metric
     * @param groups    every column × group's combined parities
     */
    public record Report(ReferenceGroup reference, double tolerance, List<Disparity> rows, List<GroupParity> groups) {
        public Report {
            rows = List.copyOf(rows);
            groups = List.copyOf(groups);
        }
    }

    /** The disparities of {@code audit}'s main analysis. */
    public static Report of(AuditResult audit, ReferenceGroup reference, double tolerance) {
        Preconditions.checkArgument(tolerance > 0 && tolerance <= 1, "--parity-tolerance must be in (0, 1], got " + tolerance);
        Preconditions.checkArgument(audit.spec().task() == Task.BINARY,
                "--reference-group (Aequitas disparities) needs a binary audit, got task " + audit.spec().task().id());
        Analysis a = audit.main();
        if (reference.method() == ReferenceGroup.Method.PREDEFINED) {
            Preconditions.checkArgument(audit.spec().groups().contains(reference.column()),
                    "--reference-group " + reference.label() + ": '" + reference.column() + "' is not a --group column ("
                            + String.join(", ", audit.spec().groups()) + ")");
            Preconditions.checkArgument(a.group(SliceKey.of(reference.column(), reference.value())) != null,
                    "--reference-group " + reference.label() + ": no group '" + reference.value() + "' in column '"
                            + reference.column() + "'");
        }
        double overallPredPos = predictedPositives(a.overall());
        List<Disparity> rows = new ArrayList<>();
        List<GroupParity> groups = new ArrayList<>();
        for (String column : audit.spec().groups()) {
            List<SliceResult> slices = new ArrayList<>();
            for (SliceResult s : a.groups()) {
                if (s.slice().order() == 1 && s.slice().attributes().get(0).equals(column)) {
                    slices.add(s);
                }
            }
            Map<String, Map<String, Disparity>> byGroup = new LinkedHashMap<>();
            for (String metric : METRICS.keySet()) {
                SliceResult ref = reference(slices, column, metric, reference, overallPredPos);
                for (SliceResult s : slices) {
                    Disparity d = disparity(column, s, metric, ref, tolerance, overallPredPos);
                    rows.add(d);
                    byGroup.computeIfAbsent(d.group(), k -> new LinkedHashMap<>()).put(metric, d);
                }
            }
            byGroup.forEach((g, m) -> groups.add(new GroupParity(column, g, combined(m))));
        }
        return new Report(reference, tolerance, rows, groups);
    }

    private static Map<String, Boolean> combined(Map<String, Disparity> m) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        out.put("Statistical Parity", is(m, "ppr"));
        out.put("Impact Parity", is(m, "pprev"));
        out.put("FDR Parity", is(m, "fdr"));
        out.put("FPR Parity", is(m, "fpr"));
        out.put("FOR Parity", is(m, "for"));
        out.put("FNR Parity", is(m, "fnr"));
        out.put("TPR Parity", is(m, "tpr"));
        out.put("TNR Parity", is(m, "tnr"));
        out.put("NPV Parity", is(m, "npv"));
        out.put("Precision Parity", is(m, "precision"));
        out.put("TypeI Parity", and(is(m, "fdr"), is(m, "fpr")));
        out.put("TypeII Parity", and(is(m, "for"), is(m, "fnr")));
        out.put("Equalized Odds", and(is(m, "fpr"), is(m, "tpr")));
        out.put("Unsupervised Fairness", and(out.get("Statistical Parity"), out.get("Impact Parity")));
        out.put("Supervised Fairness", and(out.get("TypeI Parity"), out.get("TypeII Parity")));
        return out;
    }

    private static Boolean is(Map<String, Disparity> m, String metric) {
        Disparity d = m.get(metric);
        return d == null || d.parity() == Parity.UNDEFINED ? null : d.parity() == Parity.PARITY;
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static double predictedPositives(SliceResult s) {
        Double tp = s.counts().get("tp");
        Double fp = s.counts().get("fp");
        return tp == null || fp == null ? Double.NaN : tp + fp;
    }

    /** The metric's value in a slice, or NaN with the slice unusable. */
    private static double value(SliceResult s, String metric, double overallPredPos) {
        if (s.status() != Status.OK) {
            return Double.NaN;
        }
        String auditMetric = METRICS.get(metric);
        if (auditMetric == null) {
            return overallPredPos > 0 ? predictedPositives(s) / overallPredPos : Double.NaN;
        }
        Estimate e = s.metric(auditMetric);
        return e == null || !e.isOk() ? Double.NaN : e.value();
    }

    private static SliceResult reference(List<SliceResult> slices, String column, String metric, ReferenceGroup ref,
                                         double overallPredPos) {
        if (ref.method() == ReferenceGroup.Method.PREDEFINED && ref.column().equals(column)) {
            return slices.stream().filter(s -> s.slice().values().get(0).equals(ref.value())).findFirst().orElse(null);
        }
        SliceResult best = null;
        for (SliceResult s : slices) {
            if (ref.method() == ReferenceGroup.Method.MIN_METRIC) {
                double v = value(s, metric, overallPredPos);
                if (!Double.isNaN(v) && (best == null || v < value(best, metric, overallPredPos))) {
                    best = s;
                }
            } else if (best == null || s.n() > best.n()) {
                best = s;
            }
        }
        return best;
    }

    private static Disparity disparity(String column, SliceResult s, String metric, SliceResult ref, double tau,
                                       double overallPredPos) {
        String group = s.slice().values().get(0);
        double v = value(s, metric, overallPredPos);
        if (ref == null) {
            return new Disparity(column, group, metric, v, s.n(), null, Double.NaN, Double.NaN, Parity.UNDEFINED,
                    "no group of '" + column + "' has a defined " + metric);
        }
        String refGroup = ref.slice().values().get(0);
        double rv = value(ref, metric, overallPredPos);
        String reason = null;
        if (s.status() != Status.OK) {
            reason = "group below the minimum group size";
        } else if (ref.status() != Status.OK) {
            reason = "reference group below the minimum group size";
        } else if (Double.isNaN(v)) {
            reason = "undefined for the group (" + reasonOf(s, metric) + ")";
        } else if (Double.isNaN(rv)) {
            reason = "undefined for the reference group (" + reasonOf(ref, metric) + ")";
        } else if (rv == 0) {
            reason = "the reference group's " + metric + " is 0";
        }
        if (reason != null) {
            return new Disparity(column, group, metric, v, s.n(), refGroup, rv, Double.NaN, Parity.UNDEFINED, reason);
        }
        double ratio = v / rv;
        Parity p = ratio >= tau && ratio <= 1 / tau ? Parity.PARITY : Parity.DISPARITY;
        return new Disparity(column, group, metric, v, s.n(), refGroup, rv, ratio, p, null);
    }

    private static String reasonOf(SliceResult s, String metric) {
        String m = METRICS.get(metric);
        if (m == null) {
            return "no positive predictions overall";
        }
        Estimate e = s.metric(m);
        return e == null ? "no such metric" : String.valueOf(e.reason());
    }
}
