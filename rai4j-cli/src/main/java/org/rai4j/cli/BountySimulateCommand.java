package org.rai4j.cli;

import org.rai4j.bounty.AlphaSpendingGuard;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.BountyConfig;
import org.rai4j.bounty.BountyData;
import org.rai4j.bounty.BountySimulation;
import org.rai4j.bounty.HoldoutGuard;
import org.rai4j.bounty.LaplaceNoise;
import org.rai4j.bounty.Loss;
import org.rai4j.bounty.ModelException;
import org.rai4j.bounty.PredicateException;
import org.rai4j.bounty.Reason;
import org.rai4j.bounty.SignificanceGuard;
import org.rai4j.bounty.SimulationResult;
import org.rai4j.bounty.SubmissionsFile;
import org.rai4j.bounty.ThresholdGuard;
import org.rai4j.bounty.Thresholdout;
import org.rai4j.report.BountyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<SubmissionsFile.Line> lines = SubmissionsFile.read(submissions);
        BountyData data = BountyData.load(train, holdout, label, positive, l);
        HoldoutGuard g = guard(config);
        AuditLog log = auditLog == null ? AuditLog.inMemory() : AuditLog.createFile(auditLog);
        PrintWriter err = spec.commandLine().getErr();
        SimulationResult r;
        try {
            r = BountySimulation.run(data, BountyData.base(base), config, g, log,
                    lines.stream().map(SubmissionsFile.Line::submission).toList(),
                    new BountySimulation.Settings(hunterRounds, hunterDepth, hunterMinLeaf, reportGroups), (i, total, d) -> {
                        if (d.reason() == Reason.INVALID_PREDICATE || d.reason() == Reason.INVALID_MODEL) {
                            // A malformed submission is rejected with its error; the run goes on.
                            for (String msg : (submissions + ":" + lines.get(i).line() + ": " + d.detail()).split("\n")) {
                                err.println("rai4j: warning: " + ConsoleText.escape(msg));
                            }
                        }
                        if ((i + 1) % 100 == 0) {
                            err.println("bounty: " + (i + 1) + " of " + total + " submissions verified");
                        }
                    });
        } catch (PredicateException e) {
            throw new UserException("--base: " + e.getMessage());
        } catch (ModelException e) {
            throw new UserException("--base: " + e.getMessage());
        } finally {
            data.artifacts().close();
        }
        if (heatmap != null) {
            run.file(heatmap, BountyReport.heatmapSvg(r));
        }
        if (view.equals("hunter")) {
            String text = BountyReport.hunterJson(r);
            if (json != null && !json.equals("-")) {
                run.file(Path.of(json), text);
            } else {
                run.out.append(text);
            }
            run.finish(spec.commandLine().getOut(), err);
            return 0;
        }
        if (json != null) {
            String text = BountyReport.json(r);
            if (json.equals("-")) {
                run.out.append(text);
                run.finish(spec.commandLine().getOut(), err);
                return 0;
            }
            run.file(Path.of(json), text);
        }
        run.out.append(ConsoleText.escape(BountyReport.text(r))); // hunters' ids, teams and predicates: no terminal escapes
        run.finish(spec.commandLine().getOut(), err);
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
}
