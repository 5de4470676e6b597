package org.rai4j.cli;

import org.rai4j.bounty.AdaptivityBound;
import org.rai4j.bounty.AlphaSpendingGuard;
import org.rai4j.bounty.HunterDecision;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.BountyConfig;
import org.rai4j.bounty.BountyEngine;
import org.rai4j.bounty.CostSensitiveHunter;
import org.rai4j.bounty.Decision;
import org.rai4j.bounty.GroupSpec;
import org.rai4j.bounty.HoldoutGuard;
import org.rai4j.bounty.LaplaceNoise;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelException;
import org.rai4j.bounty.PointerDecisionList;
import org.rai4j.bounty.PredicateException;
import org.rai4j.bounty.Reason;
import org.rai4j.bounty.Repair;
import org.rai4j.bounty.SignificanceGuard;
import org.rai4j.bounty.Submission;
import org.rai4j.bounty.ThresholdGuard;
import org.rai4j.bounty.Thresholdout;
import org.rai4j.report.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bounty simulate}: runs a whole bounty from a submissions file (plus, optionally, rounds
 * of the automated hunter) and prints the operator's view: every decision with its numbers, the
 * repairs, the final model's nodes and version heads, the error trajectory and the teams × features use.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a bias bounty: verify each submission on the holdout, update and repair the model,",
                "and print everything the operator sees."})
public final class BountySimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "T.csv", description = "Public training split (hunters' data; fixes the schema).")
    Path train;

    @Option(names = "--holdout", required = true, paramLabel = "H.csv", description = "Private holdout on which every decision is made.")
    Path holdout;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column.")
    String label;

    @Option(names = "--base", required = true, paramLabel = "BASE", description = "Base model: rule:<predicate>, constant:<v> or onnx:<file>.")
    String base;

    @Option(names = "--submissions", required = true, paramLabel = "S.jsonl",
            description = "One submission per line: {\"id\",\"team\",\"group\":\"<predicate>\"|{\"onnx\":f},\"model\":{\"rule\"|\"constant\"|\"onnx\":…}}.")
    Path submissions;

    @Option(names = "--positive", paramLabel = "V", description = "Positive label (inferred for 0/1, true/false, yes/no).")
    String positive;

    @Option(names = "--alpha", defaultValue = "0.01", paramLabel = "A", description = "Accept iff E_f(g) − E_h(g) ≥ α·n (default ${DEFAULT-VALUE}).")
    String alpha;

    @Option(names = "--repair-alpha", defaultValue = "0", paramLabel = "A", description = "Repair a group whose error rose > α_r·n above its best (default ${DEFAULT-VALUE}: never rises).")
    String repairAlpha;

    @Option(names = "--min-group-size", defaultValue = "30", paramLabel = "N", description = "Minimum holdout rows in a group (default ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(names = "--min-group-mass", defaultValue = "0", paramLabel = "M", description = "Minimum holdout mass of a group (default ${DEFAULT-VALUE}).")
    String minGroupMass;

    @Option(names = "--loss", defaultValue = "zero-one", paramLabel = "LOSS", description = "zero-one (default) or squared.")
    String loss;

    @Option(names = "--guard", defaultValue = "spending", paramLabel = "G",
            description = {"spending (default: Ŵ − z_t·ŝ/√n ≥ α with δ = 0.05 spent over the holdout queries, δ_t = 6δ/(π²t²)),",
                    "threshold (the exact test alone), significance (Ŵ − 1.645·ŝ/√n ≥ α) or thresholdout (T = α, σ = α/4)."})
    String guard;

    @Option(names = "--budget", defaultValue = "20", paramLabel = "B", description = "Thresholdout budget (default ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--team-budget", defaultValue = "50", paramLabel = "Q", description = "Holdout queries per team (default ${DEFAULT-VALUE}).")
    int teamBudget;

    @Option(names = "--global-budget", defaultValue = "1000", paramLabel = "Q", description = "Holdout queries in all before the holdout must be rotated (default ${DEFAULT-VALUE}).")
    int globalBudget;

    @Option(names = "--view", defaultValue = "operator", paramLabel = "V",
            description = {"operator (default: every decision with its holdout numbers) or hunter (exactly what hunters see:",
                    "{\"decisions\":[{\"id\",\"decision\",\"reason\"},…]} as JSON, no holdout number)."})
    String view;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for Thresholdout noise (deterministic simulation); without it the noise is cryptographically secure.")
    Long seed;

    @Option(names = "--hunter-rounds", defaultValue = "0", paramLabel = "K", description = "After the file, run up to K rounds of the automated cost-sensitive hunter (default ${DEFAULT-VALUE}).")
    int hunterRounds;

    @Option(names = "--hunter-depth", defaultValue = "3", paramLabel = "D", description = "Hunter tree depth (default ${DEFAULT-VALUE}).")
    int hunterDepth;

    @Option(names = "--hunter-min-leaf", defaultValue = "30", paramLabel = "N", description = "Hunter minimum rows per leaf (default ${DEFAULT-VALUE}).")
    int hunterMinLeaf;

    @Option(names = "--report-groups", split = ",", paramLabel = "COL", description = "Also track the holdout error of every value of these columns (e.g. sex,age_band).")
    List<String> reportGroups = new ArrayList<>();

    @Option(names = "--heatmap", paramLabel = "FILE.svg", description = "Write the teams × features heatmap as SVG.")
    Path heatmap;

    @Option(names = "--audit-log", paramLabel = "FILE", description = "Write the hash-chained audit log here (must not exist).")
    Path auditLog;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON to FILE ('-' = standard output).")
    String json;

    @Override
    public Integer call() throws Exception {
        Loss l = Loss.parse(loss);
        if (hunterRounds < 0) {
            throw new UserException("--hunter-rounds must be >= 0, got " + hunterRounds);
        }
        if (teamBudget < 1 || globalBudget < 1) {
            throw new UserException("--team-budget and --global-budget must be >= 1, got " + teamBudget + " and " + globalBudget);
        }
        if (!view.equals("operator") && !view.equals("hunter")) {
            throw new UserException("--view must be operator or hunter, got '" + view + "'");
        }
        if (auditLog != null && Files.exists(auditLog, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserException("--audit-log: " + auditLog + " already exists; an audit log is never overwritten or appended to "
                    + "(choose a new file)");
        }
        BountyConfig config = new BountyConfig(decimal("--alpha", alpha), decimal("--repair-alpha", repairAlpha), minGroupSize,
                decimal("--min-group-mass", minGroupMass), teamBudget, globalBudget);
        RunOutputs run = new RunOutputs().input("--train", train).input("--holdout", holdout).input("--submissions", submissions);
        run.declare("--json", json);
        run.declare("--heatmap", heatmap);
        run.declare("--audit-log", auditLog);
        List<BountySubmissionsFile.Line> lines = BountySubmissionsFile.read(submissions);
        BountyData data = BountyData.load(train, holdout, label, positive, l);
        HoldoutGuard g = guard(config);
        AuditLog log = auditLog == null ? AuditLog.inMemory() : AuditLog.createFile(auditLog);
        PrintWriter err = spec.commandLine().getErr();
        BountyEngine engine;
        try {
            engine = new BountyEngine(data.holdout(), data.train(), data.artifacts(), BountyData.base(base), config, g, log);
        } catch (PredicateException e) {
            throw new UserException("--base: " + e.getMessage());
        } catch (ModelException e) {
            throw new UserException("--base: " + e.getMessage());
        }
        double initialError = engine.holdoutError();
        for (String col : reportGroups) {
            if (!data.holdout().hasColumn(col)) {
                throw new UserException("--report-groups: no column '" + col + "' in " + holdout + "; expected one of "
                        + String.join(", ", data.holdout().columnNames()));
            }
        }
        double[] labels = data.task().labels(data.holdout());
        List<Map<String, Object>> slices = new ArrayList<>();
        slices.add(sliceErrors("base", engine, data, labels));
        List<Map<String, Object>> decisions = new ArrayList<>();
        List<HunterDecision> hunterView = new ArrayList<>();
        List<Map<String, Object>> trajectory = new ArrayList<>();
        Map<String, Map<String, Integer>> featureUse = new TreeMap<>();
        Map<String, Integer> teamSubmissions = new TreeMap<>();
        int done = 0;
        for (BountySubmissionsFile.Line line : lines) {
            Submission s = line.submission();
            Decision d = engine.submit(s);
            if (d.reason() == Reason.INVALID_PREDICATE || d.reason() == Reason.INVALID_MODEL) {
                // A malformed submission is rejected with its error; the run goes on.
                for (String msg : (submissions + ":" + line.line() + ": " + d.detail()).split("\n")) {
                    err.println("rai4j: warning: " + msg);
                }
            }
            record(engine, data, s, d, decisions, trajectory, featureUse, teamSubmissions);
            hunterView.add(d.hunterView());
            if (d.accepted()) {
                slices.add(sliceErrors(d.submissionId(), engine, data, labels));
            }
            if (++done % 100 == 0) {
                err.println("bounty: " + done + " of " + lines.size() + " submissions verified");
            }
        }
        if (hunterRounds > 0) {
            CostSensitiveHunter hunter = new CostSensitiveHunter(data.schema(), data.task(), hunterDepth, hunterMinLeaf);
            for (int round = 1; round <= hunterRounds; round++) {
                List<CostSensitiveHunter.Proposal> proposals =
                        hunter.propose(data.train(), engine.predict(data.train(), engine.pdl().latestVersion()));
                boolean any = false;
                for (CostSensitiveHunter.Proposal p : proposals) {
                    Submission s = new Submission("hunter-" + round + "-" + p.kind(), "house-hunter",
                            new GroupSpec.Predicate(p.group()), p.model());
                    Decision d = engine.submit(s);
                    record(engine, data, s, d, decisions, trajectory, featureUse, teamSubmissions);
                    hunterView.add(d.hunterView());
                    if (d.accepted()) {
                        slices.add(sliceErrors(d.submissionId(), engine, data, labels));
                    }
                    any |= d.accepted();
                }
                if (!any) {
                    break;
                }
            }
        }
        AdaptivityBound bound = g.adaptivityBound(engine.transcript(), 0, 0.05, config.alpha().doubleValue());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", configMap(data, config, g));
        result.put("decisions", decisions);
        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("holdout_error", engine.holdoutError());
        fin.put("initial_holdout_error", initialError);
        fin.put("versions", engine.pdl().latestVersion() + 1);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (PointerDecisionList.Node n : engine.pdl().nodes()) {
            nodes.add(BountyEngine.describe(n));
        }
        fin.put("nodes", nodes);
        fin.put("heads", engine.pdl().heads());
        fin.put("prediction_sha256", BountyEngine.predictionHash(engine.holdoutPredictions()));
        fin.put("audit_log_head", log.head());
        result.put("final", fin);
        result.put("trajectory", trajectory);
        result.put("slice_errors", slices);
        result.put("feature_usage", usageFractions(featureUse, teamSubmissions));
        Map<String, Object> adaptivity = new LinkedHashMap<>();
        adaptivity.put("epsilon", bound.epsilon());
        adaptivity.put("non_adaptive_epsilon", bound.nonAdaptiveEpsilon());
        adaptivity.put("delta", bound.delta());
        adaptivity.put("rotate_holdout", bound.rotate());
        result.put("adaptivity", adaptivity);
        data.artifacts().close();
        if (heatmap != null) {
            run.file(heatmap, BountyHeatmapSvg.render(usageFractions(featureUse, teamSubmissions)));
        }
        if (view.equals("hunter")) {
            // Exactly what hunters are shown: id, decision and a public reason; nothing computed on the holdout.
            List<Map<String, Object>> hv = new ArrayList<>();
            for (HunterDecision h : hunterView) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", h.submissionId());
                m.put("decision", h.decision());
                m.put("reason", h.reason() == null ? null : h.reason().name());
                hv.add(m);
            }
            String text = Json.line(Map.of("decisions", hv)) + "\n";
            if (json != null && !json.equals("-")) {
                run.file(Path.of(json), text);
            } else {
                run.out.append(text);
            }
            run.finish(spec.commandLine().getOut(), err);
            return 0;
        }
        if (json != null) {
            String text = Json.document(result) + "\n";
            if (json.equals("-")) {
                run.out.append(text);
                run.finish(spec.commandLine().getOut(), err);
                return 0;
            }
            run.file(Path.of(json), text);
        }
        run.finish(spec.commandLine().getOut(), err);
        renderText(spec.commandLine().getOut(), data, config, g, engine, decisions, initialError, bound,
                usageFractions(featureUse, teamSubmissions), slices);
        return 0;
    }

    private static BigDecimal decimal(String option, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UserException(option + " must be a decimal number, got '" + text + "'");
        }
    }

    private HoldoutGuard guard(BountyConfig config) {
        double a = config.alpha().doubleValue();
        return switch (guard) {
            case "spending" -> AlphaSpendingGuard.standard();
            case "threshold" -> new ThresholdGuard();
            case "significance" -> SignificanceGuard.oneSided95();
            case "thresholdout" -> new Thresholdout(a, a / 4, budget,
                    seed == null ? LaplaceNoise.secure() : LaplaceNoise.seededForTesting(seed));
            default -> throw new UserException("--guard must be spending, threshold, significance or thresholdout, got '" + guard + "'");
        };
    }

    private static void record(BountyEngine engine, BountyData data, Submission s, Decision d, List<Map<String, Object>> decisions,
                               List<Map<String, Object>> trajectory, Map<String, Map<String, Integer>> featureUse,
                               Map<String, Integer> teamSubmissions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.submissionId());
        m.put("team", d.team());
        m.put("decision", d.accepted() ? "accepted" : "rejected");
        m.put("reason", d.reason() == null ? null : d.reason().name());
        m.put("weighted_improvement", finite(d.weightedImprovement()));
        m.put("group_mass", finite(d.groupMass()));
        m.put("holdout_error", d.holdoutError());
        List<Map<String, Object>> reps = new ArrayList<>();
        for (Repair r : d.repairs()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("group_of", r.groupOwner());
            rm.put("group", r.group());
            rm.put("node", r.node());
            rm.put("target", r.target());
            rm.put("weighted_improvement", r.weightedImprovement());
            reps.add(rm);
        }
        m.put("repairs", reps);
        m.put("group_rows", d.groupSize() < 0 ? null : d.groupSize());
        m.put("version", d.version());
        if (d.detail() != null) {
            m.put("detail", d.detail());
        }
        decisions.add(m);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("after", d.submissionId());
        point.put("holdout_error", d.holdoutError());
        Map<String, Object> groups = new LinkedHashMap<>();
        for (BountyEngine.GroupStatus gs : engine.groupStatuses()) {
            groups.put(gs.owner(), gs.loss() / gs.size());
        }
        point.put("group_errors", groups);
        trajectory.add(point);
        teamSubmissions.merge(s.team(), 1, Integer::sum);
        Map<String, Integer> use = featureUse.computeIfAbsent(s.team(), t -> new TreeMap<>());
        try {
            for (String f : data.artifacts().group(s.group()).columns()) {
                use.merge(f, 1, Integer::sum);
            }
        } catch (PredicateException | ModelException e) {
            // an unusable group uses no feature; the decision already says why
        }
    }

    /** Overall holdout error, the error on each submitted group, and on every value of the --report-groups columns. */
    private Map<String, Object> sliceErrors(String after, BountyEngine engine, BountyData data, double[] labels) throws Exception {
        double[] p = engine.holdoutPredictions();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("after", after);
        m.put("overall", engine.holdoutError());
        Map<String, Double> groups = new LinkedHashMap<>();
        for (BountyEngine.GroupStatus gs : engine.groupStatuses()) {
            groups.put(gs.owner(), gs.loss() / gs.size());
        }
        for (String col : reportGroups) {
            var c = data.holdout().column(col);
            Map<String, double[]> acc = new TreeMap<>();
            for (int i = 0; i < p.length; i++) {
                String v = c.text(i);
                double[] a = acc.computeIfAbsent(v == null ? "(missing)" : v, k -> new double[2]);
                a[0] += data.task().loss().of(p[i], labels[i]);
                a[1]++;
            }
            for (var e : acc.entrySet()) {
                groups.put(col + "=" + e.getKey(), e.getValue()[0] / e.getValue()[1]);
            }
        }
        m.put("groups", groups);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Map<String, Double>> usageFractions(Map<String, Map<String, Integer>> use, Map<String, Integer> totals) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (var e : use.entrySet()) {
            Map<String, Double> row = new TreeMap<>();
            for (var f : e.getValue().entrySet()) {
                row.put(f.getKey(), (double) f.getValue() / totals.get(e.getKey()));
            }
            out.put(e.getKey(), row);
        }
        return out;
    }

    private static Map<String, Object> configMap(BountyData data, BountyConfig config, HoldoutGuard g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_rows", data.train().rowCount());
        m.put("holdout_rows", data.holdout().rowCount());
        m.put("label", data.task().labelColumn());
        m.put("classes", data.task().classes());
        m.put("loss", data.task().loss().spelling());
        m.put("alpha", config.alpha().toPlainString());
        m.put("repair_alpha", config.repairAlpha().toPlainString());
        m.put("min_group_size", config.minGroupSize());
        m.put("min_group_mass", config.minGroupMass().toPlainString());
        m.put("guard", g.state());
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

    private static void renderText(PrintWriter out, BountyData data, BountyConfig config, HoldoutGuard g, BountyEngine engine,
                                   List<Map<String, Object>> decisions, double initialError, AdaptivityBound bound,
                                   Map<String, Map<String, Double>> usage, List<Map<String, Object>> slices) {
        out.printf(Locale.ROOT, "bounty: %d train rows, %d holdout rows, label %s %s, loss %s, alpha %s, repair alpha %s, guard %s%n",
                data.train().rowCount(), data.holdout().rowCount(), data.task().labelColumn(),
                data.task().classes().isEmpty() ? "" : data.task().classes(), data.task().loss().spelling(),
                config.alpha().toPlainString(), config.repairAlpha().toPlainString(), g.name());
        out.printf(Locale.ROOT, "base model %s: holdout error %.4f%n%n", BountyEngine.describe(engine.pdl().nodes().get(0)).get("model"),
                initialError);
        out.printf(Locale.ROOT, "%-22s %-14s %-9s %-16s %9s %7s %8s  %s%n", "submission", "team", "decision", "reason", "W", "mass",
                "error", "repairs");
        for (Map<String, Object> d : decisions) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reps = (List<Map<String, Object>>) d.get("repairs");
            StringBuilder rs = new StringBuilder();
            for (Map<String, Object> r : reps) {
                rs.append(rs.length() > 0 ? ", " : "").append(r.get("group_of")).append("→node ").append(r.get("target"))
                        .append(String.format(Locale.ROOT, " (W %.4f)", (Double) r.get("weighted_improvement")));
            }
            out.printf(Locale.ROOT, "%-22s %-14s %-9s %-16s %9s %7s %8s  %s%n", d.get("id"), d.get("team"), d.get("decision"),
                    fmt(d.get("reason")), fmt(d.get("weighted_improvement")), fmt(d.get("group_mass")), fmt(d.get("holdout_error")), rs);
        }
        out.printf(Locale.ROOT, "%nfinal model: %d versions, %d nodes, holdout error %.4f (base %.4f)%n", engine.pdl().latestVersion() + 1,
                engine.pdl().nodes().size(), engine.holdoutError(), initialError);
        for (PointerDecisionList.Node n : engine.pdl().nodes()) {
            Map<String, Object> m = BountyEngine.describe(n);
            switch ((String) m.get("type")) {
                case "BASE" -> out.printf("  %3d BASE %s%n", n.id(), m.get("model"));
                case "LEAF" -> out.printf("  %3d LEAF [%s] if %s then %s else → %s%n", n.id(), m.get("submission"), m.get("group"),
                        m.get("model"), m.get("next"));
                default -> out.printf("  %3d PTR  [repairs %s] if %s then → %s else → %s%n", n.id(), m.get("owner"), m.get("group"),
                        m.get("target"), m.get("next"));
            }
        }
        out.println("\nerror trajectory (holdout error after each accepted update; submitted groups, then --report-groups slices):");
        for (Map<String, Object> point : slices) {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "  %-20s overall %.4f", point.get("after"), (Double) point.get("overall")));
            @SuppressWarnings("unchecked")
            Map<String, Double> groups = (Map<String, Double>) point.get("groups");
            for (var e : groups.entrySet()) {
                line.append(String.format(Locale.ROOT, " | %s %.4f", e.getKey(), e.getValue()));
            }
            out.println(line);
        }
        out.println("\ngroups (holdout error now / best since introduced / rows):");
        for (BountyEngine.GroupStatus gs : engine.groupStatuses()) {
            out.printf(Locale.ROOT, "  %-22s %.4f / %.4f / %d  %s%n", gs.owner(), gs.loss() / gs.size(), gs.best() / gs.size(), gs.size(),
                    gs.group().length() > 70 ? gs.group().substring(0, 67) + "…" : gs.group());
        }
        TreeSet<String> features = new TreeSet<>();
        usage.values().forEach(r -> features.addAll(r.keySet()));
        if (!features.isEmpty()) {
            out.println("\nfeature use (share of each team's submissions whose group mentions the feature):");
            out.printf("  %-16s", "team");
            for (String f : features) {
                out.printf(" %s", f);
            }
            out.println();
            for (var row : usage.entrySet()) {
                out.printf("  %-16s", row.getKey());
                for (String f : features) {
                    double v = row.getValue().getOrDefault(f, 0.0);
                    String cell = v == 0 ? "·" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
                    out.printf(" %" + f.length() + "s", cell);
                }
                out.println();
            }
        }
        out.printf(Locale.ROOT, "%nadaptivity bound (δ = 0.05): ε = %.4f (non-adaptive %.4f); rotate the holdout: %s%n", bound.epsilon(),
                bound.nonAdaptiveEpsilon(), bound.rotate() ? "yes (ε > α/2)" : "no");
        out.flush();
    }
}
