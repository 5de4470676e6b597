package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rai4j.core.Interval;
import org.rai4j.text.PerturbationEvaluation;
import org.rai4j.text.TextPerturbation;

/**
 * Renderings of {@code rai4j text perturb} (HELM-style perturbation evaluation, issue 15 item 6) as JSON and as
 * console text. Intervals are {@code [lo, hi]} arrays ({@code null} when undefined), as in audit JSON.
 */
public final class PerturbationRendering {
    private PerturbationRendering() {}

    /**
     * {@code {"model", "instances", "threshold", "accuracy", "accuracy_interval", "perturbations": {name:
     * {"description", "changed", "flipped", "accuracy", "delta", "delta_interval", "examples": [...]}},
     * "worst_case_accuracy", "worst_case_interval", "worst_case_delta", "worst_case_delta_interval", "confidence",
     * "replicates", "seed"}}; an example's {@code row} is 1-based.
     */
    public static ObjectNode json(PerturbationEvaluation.Result r) {
        ObjectNode n = Json.object();
        n.put("model", r.model());
        n.put("instances", r.instances());
        Json.put(n, "threshold", r.settings().threshold());
        Json.put(n, "accuracy", r.accuracy());
        interval(n, "accuracy_interval", r.accuracyInterval());
        ObjectNode ps = n.putObject("perturbations");
        for (PerturbationEvaluation.Outcome o : r.perturbations()) {
            ObjectNode p = ps.putObject(o.name());
            p.put("description", o.description());
            p.put("changed", o.changed());
            p.put("flipped", o.flipped());
            Json.put(p, "accuracy", o.accuracy());
            Json.put(p, "delta", o.delta());
            interval(p, "delta_interval", o.deltaInterval());
            ArrayNode ex = p.putArray("examples");
            for (PerturbationEvaluation.Example e : o.examples()) {
                ObjectNode x = ex.addObject();
                x.put("row", e.instance() + 1);
                x.put("original", e.original());
                x.put("perturbed", e.perturbed());
                ArrayNode subs = x.putArray("substitutions");
                for (TextPerturbation.Substitution s : e.substitutions()) {
                    subs.addArray().add(s.from()).add(s.to());
                }
                Json.put(x, "original_score", e.originalScore());
                Json.put(x, "perturbed_score", e.perturbedScore());
            }
        }
        Json.put(n, "worst_case_accuracy", r.worstCase());
        interval(n, "worst_case_interval", r.worstCaseInterval());
        Json.put(n, "worst_case_delta", r.worstCaseDelta());
        interval(n, "worst_case_delta_interval", r.worstCaseDeltaInterval());
        Json.put(n, "confidence", r.settings().confidence());
        n.put("replicates", r.settings().replicates());
        n.put("seed", r.settings().seed());
        return n;
    }

    /** The evaluation as a console table, then the logged substitutions of each perturbation. */
    public static String text(PerturbationEvaluation.Result r) {
        PerturbationEvaluation.Settings s = r.settings();
        int w = "worst case".length();
        for (PerturbationEvaluation.Outcome o : r.perturbations()) {
            w = Math.max(w, o.name().length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Perturbation evaluation (HELM-style) of %s: %d instances, predicted "
                + "label = score >= %s%n", r.model(), r.instances(), num(s.threshold())));
        String row = "  %-" + w + "s %8s %8s %9s %8s  %s%n";
        sb.append(String.format(Locale.ROOT, row, "", "changed", "flipped", "accuracy", "delta",
                String.format(Locale.ROOT, "%.0f%% interval of delta", 100 * s.confidence())));
        sb.append(String.format(Locale.ROOT, row, "original", "", "", f4(r.accuracy()), "",
                "(accuracy " + ci(r.accuracyInterval(), false) + ")"));
        for (PerturbationEvaluation.Outcome o : r.perturbations()) {
            sb.append(String.format(Locale.ROOT, row, o.name(), o.changed(), o.flipped(), f4(o.accuracy()),
                    signed(o.delta()), ci(o.deltaInterval(), true)));
        }
        sb.append(String.format(Locale.ROOT, row, "worst case", "", "", f4(r.worstCase()), signed(r.worstCaseDelta()),
                ci(r.worstCaseDeltaInterval(), true) + "  (accuracy " + ci(r.worstCaseInterval(), false) + ")"));
        sb.append(String.format(Locale.ROOT, "(worst case: per instance the minimum over the original and every "
                + "perturbation; paired percentile bootstrap over instances, %d replicates, seed %d)%n",
                s.replicates(), s.seed()));
        for (PerturbationEvaluation.Outcome o : r.perturbations()) {
            if (o.examples().isEmpty()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%s (%s), first %d changed:%n", o.name(), o.description(),
                    o.examples().size()));
            for (PerturbationEvaluation.Example e : o.examples()) {
                StringBuilder subs = new StringBuilder();
                for (TextPerturbation.Substitution t : e.substitutions()) {
                    subs.append(subs.length() == 0 ? "" : ", ").append(t);
                }
                sb.append(String.format(Locale.ROOT, "  row %d [%s] score %.3f -> %.3f%n    %s%n    %s%n",
                        e.instance() + 1, subs, e.originalScore(), e.perturbedScore(), e.original(), e.perturbed()));
            }
        }
        return sb.toString();
    }

    private static void interval(ObjectNode n, String key, Interval i) {
        if (i == null) {
            n.putNull(key);
        } else {
            n.set(key, Json.array().add(i.lo()).add(i.hi()));
        }
    }

    private static String ci(Interval i, boolean signed) {
        if (i == null) {
            return "-";
        }
        return "[" + (signed ? signed(i.lo()) : f4(i.lo())) + ", " + (signed ? signed(i.hi()) : f4(i.hi())) + "]";
    }

    private static String f4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v == 0 ? 0.0 : v) : "-";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
