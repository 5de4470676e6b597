package org.rai4j.report;

import org.rai4j.bounty.BountyEngine;
import org.rai4j.bounty.Decision;
import org.rai4j.bounty.HouseHunt;
import org.rai4j.bounty.HunterDecision;
import org.rai4j.bounty.ModelSpec;
import org.rai4j.bounty.Repair;
import org.rai4j.bounty.SimulationResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renderings of a simulated bias bounty ({@link SimulationResult}): the operator's text report, the
 * operator's JSON, the hunters' JSON (id, decision and public reason only) and the teams × features
 * heatmap (SVG); and the automated hunter's proposals as submission lines. Stateless and thread-safe.
 */
public final class BountyReport {
    private BountyReport() {}

    /**
     * The hunter's proposals as submission lines (JSON lines: {@code id}, {@code team}, {@code group},
     * {@code model} as {@code {"rule": …}} or {@code {"constant": …}}, {@code train_weighted_improvement}),
     * each ending in a newline; what {@code bounty simulate} and a bounty's submission endpoint read.
     */
    public static String huntLines(List<HouseHunt.Proposal> proposals) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (HouseHunt.Proposal p : proposals) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", p.id());
            line.put("team", p.team());
            line.put("group", p.group());
            line.put("model", p.model() instanceof ModelSpec.Rule r ? Map.of("rule", r.predicate())
                    : Map.of("constant", ((ModelSpec.Constant) p.model()).value()));
            line.put("train_weighted_improvement", p.trainImprovement());
            lines.add(line);
        }
        return Json.lines(lines);
    }

    /** The operator's JSON document (config, decisions, final model, trajectory, slice errors, feature use, adaptivity), with a final newline. */
    public static String json(SimulationResult r) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", config(r));
        List<Map<String, Object>> decisions = new ArrayList<>();
        r.decisions().forEach(d -> decisions.add(decision(d)));
        result.put("decisions", decisions);
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("holdout_error", r.holdoutError());
        fin.put("initial_holdout_error", r.initialHoldoutError());
        fin.put("versions", r.versions());
        fin.put("nodes", r.nodes());
        fin.put("heads", r.heads());
        fin.put("prediction_sha256", r.predictionSha256());
        fin.put("audit_log_head", r.auditLogHead());
        result.put("final", fin);
        List<Map<String, Object>> trajectory = new ArrayList<>();
        for (SimulationResult.TrajectoryPoint p : r.trajectory()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("after", p.after());
            point.put("holdout_error", p.holdoutError());
            point.put("group_errors", p.groupErrors());
            trajectory.add(point);
        }
        result.put("trajectory", trajectory);
        List<Map<String, Object>> slices = new ArrayList<>();
        for (SimulationResult.SliceErrors s : r.sliceErrors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("after", s.after());
            m.put("overall", s.overall());
            m.put("groups", s.groups());
            slices.add(m);
        }
        result.put("slice_errors", slices);
        result.put("feature_usage", r.featureUsage());
        Map<String, Object> adaptivity = new LinkedHashMap<>();
        adaptivity.put("epsilon", r.adaptivity().epsilon());
        adaptivity.put("non_adaptive_epsilon", r.adaptivity().nonAdaptiveEpsilon());
        adaptivity.put("delta", r.adaptivity().delta());
        adaptivity.put("rotate_holdout", r.adaptivity().rotate());
        result.put("adaptivity", adaptivity);
        return Json.document(result) + "\n";
    }

    /** Exactly what hunters are shown: per decision its id, decision and public reason; nothing computed on the holdout. One line. */
    public static String hunterJson(SimulationResult r) {
        List<Map<String, Object>> hv = new ArrayList<>();
        for (Decision d : r.decisions()) {
            HunterDecision h = d.hunterView();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.submissionId());
            m.put("decision", h.decision());
            m.put("reason", h.reason() == null ? null : h.reason().name());
            hv.add(m);
        }
        return Json.line(Map.of("decisions", hv)) + "\n";
    }

    /** The teams × features heatmap as a self-contained SVG. */
    public static String heatmapSvg(SimulationResult r) {
        return BountyHeatmapSvg.render(r.featureUsage());
    }

    private static Map<String, Object> config(SimulationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_rows", r.trainRows());
        m.put("holdout_rows", r.holdoutRows());
        m.put("label", r.label());
        m.put("classes", r.classes());
        m.put("loss", r.loss());
        m.put("alpha", r.config().alpha().toPlainString());
        m.put("repair_alpha", r.config().repairAlpha().toPlainString());
        m.put("min_group_size", r.config().minGroupSize());
        m.put("min_group_mass", r.config().minGroupMass().toPlainString());
        m.put("guard", r.guardState());
        return m;
    }

    private static Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.submissionId());
        m.put("team", d.team());
        m.put("decision", d.accepted() ? "accepted" : "rejected");
        m.put("reason", d.reason() == null ? null : d.reason().name());
        m.put("weighted_improvement", Json.number(d.weightedImprovement()));
        m.put("group_mass", Json.number(d.groupMass()));
        m.put("holdout_error", d.holdoutError());
        List<Map<String, Object>> reps = new ArrayList<>();
        for (Repair rep : d.repairs()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("group_of", rep.groupOwner());
            rm.put("group", rep.group());
            rm.put("node", rep.node());
            rm.put("target", rep.target());
            rm.put("weighted_improvement", rep.weightedImprovement());
            reps.add(rm);
        }
        m.put("repairs", reps);
        m.put("group_rows", d.groupSize() < 0 ? null : d.groupSize());
        m.put("version", d.version());
        if (d.detail() != null) {
            m.put("detail", d.detail());
        }
        return m;
    }

    private static String fmt(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return v.toString();
    }

    /** The operator's text report: decisions, final model, error trajectory, groups, feature use, adaptivity bound. */
    public static String text(SimulationResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "bounty: %d train rows, %d holdout rows, label %s %s, loss %s, alpha %s, repair alpha %s, guard %s%n",
                r.trainRows(), r.holdoutRows(), r.label(), r.classes().isEmpty() ? "" : r.classes(), r.loss(),
                r.config().alpha().toPlainString(), r.config().repairAlpha().toPlainString(), r.guardName()));
        out.append(String.format(Locale.ROOT, "base model %s: holdout error %.4f%n%n", r.nodes().get(0).get("model"),
                r.initialHoldoutError()));
        out.append(String.format(Locale.ROOT, "%-22s %-14s %-9s %-16s %9s %7s %8s  %s%n", "submission", "team", "decision",
                "reason", "W", "mass", "error", "repairs"));
        for (Decision dec : r.decisions()) {
            Map<String, Object> d = decision(dec);
            StringBuilder rs = new StringBuilder();
            for (Repair rep : dec.repairs()) {
                rs.append(rs.length() > 0 ? ", " : "").append(rep.groupOwner()).append("→node ").append(rep.target())
                        .append(String.format(Locale.ROOT, " (W %.4f)", rep.weightedImprovement()));
            }
            out.append(String.format(Locale.ROOT, "%-22s %-14s %-9s %-16s %9s %7s %8s  %s%n", d.get("id"), d.get("team"),
                    d.get("decision"), fmt(d.get("reason")), fmt(d.get("weighted_improvement")), fmt(d.get("group_mass")),
                    fmt(d.get("holdout_error")), rs));
        }
        out.append(String.format(Locale.ROOT, "%nfinal model: %d versions, %d nodes, holdout error %.4f (base %.4f)%n",
                r.versions(), r.nodes().size(), r.holdoutError(), r.initialHoldoutError()));
        for (Map<String, Object> m : r.nodes()) {
            Object id = m.get("id");
            switch ((String) m.get("type")) {
                case "BASE" -> out.append(String.format("  %3d BASE %s%n", id, m.get("model")));
                case "LEAF" -> out.append(String.format("  %3d LEAF [%s] if %s then %s else → %s%n", id, m.get("submission"),
                        m.get("group"), m.get("model"), m.get("next")));
                default -> out.append(String.format("  %3d PTR  [repairs %s] if %s then → %s else → %s%n", id, m.get("owner"),
                        m.get("group"), m.get("target"), m.get("next")));
            }
        }
        out.append("\nerror trajectory (holdout error after each accepted update; submitted groups, then --report-groups slices):\n");
        for (SimulationResult.SliceErrors point : r.sliceErrors()) {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "  %-20s overall %.4f", point.after(), point.overall()));
            for (var e : point.groups().entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s %.4f", e.getKey(), e.getValue()));
            }
            out.append(line).append('\n');
        }
        out.append("\ngroups (holdout error now / best since introduced / rows):\n");
        for (BountyEngine.GroupStatus gs : r.groups()) {
            out.append(String.format(Locale.ROOT, "  %-22s %.4f / %.4f / %d  %s%n", gs.owner(), gs.loss() / gs.size(),
                    gs.best() / gs.size(), gs.size(), gs.group().length() > 70 ? gs.group().substring(0, 67) + "…" : gs.group()));
        }
        Map<String, Map<String, Double>> usage = r.featureUsage();
        TreeSet<String> features = new TreeSet<>();
        usage.values().forEach(row -> features.addAll(row.keySet()));
        if (!features.isEmpty()) {
            out.append("\nfeature use (share of each team's submissions whose group mentions the feature):\n");
            out.append(String.format("  %-16s", "team"));
            for (String f : features) {
                out.append(String.format(" %s", f));
            }
            out.append('\n');
            for (var row : usage.entrySet()) {
                out.append(String.format("  %-16s", row.getKey()));
                for (String f : features) {
                    double v = row.getValue().getOrDefault(f, 0.0);
                    String cell = v == 0 ? "·" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
                    out.append(String.format(" %" + f.length() + "s", cell));
                }
                out.append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%nadaptivity bound (δ = 0.05): ε = %.4f (non-adaptive %.4f); rotate the holdout: %s%n",
                r.adaptivity().epsilon(), r.adaptivity().nonAdaptiveEpsilon(), r.adaptivity().rotate() ? "yes (ε > α/2)" : "no"));
        return out.toString();
    }
}
