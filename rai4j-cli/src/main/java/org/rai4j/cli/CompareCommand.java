package org.rai4j.cli;

import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;
import org.rai4j.report.AuditJsonReader;
import org.rai4j.report.ComparisonHtml;
import org.rai4j.report.ComparisonJson;
import org.rai4j.report.ComparisonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rai4j compare}: last-mile testing. Compares a customer's audit (candidate) with a provider's
 * published audit (baseline) and flags slices that degrade differentially.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Last-mile testing: compare a candidate audit (your data) with a baseline audit (the provider's),",
                "slice by slice: change and differential change (vs the rest) with intervals, adjusted flags."})
public final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "BASE.json", description = "The baseline audit JSON (rai4j audit --json).")
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "CAND.json", description = "The candidate audit JSON, same --group columns.")
    Path candidate;

    @Mixin
    CompareOptions compare = new CompareOptions();

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Interval confidence; flags use alpha = 1 - C (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "2000", description = "Bootstrap replicates, >= 100 (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--adjust", paramLabel = "METHOD", defaultValue = "holm", converter = AuditOptions.AdjustConverter.class,
            description = "Multiple-comparison adjustment: holm (default), bh or none.")
    Adjustment adjust = Adjustment.HOLM;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the comparison as JSON (schema rai4j.compare/1) to FILE, or stdout with '-'.")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report of the comparison.")
    Path html;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--baseline", baseline).input("--candidate", candidate);
        run.declare("--json", json);
        run.declare("--html", html);
        AuditResult base = AuditJsonReader.read(baseline);
        AuditResult cand = AuditJsonReader.read(candidate);
        ComparisonResult r;
        if (base.spec().task() == org.rai4j.fairness.Task.SPEECH || cand.spec().task() == org.rai4j.fairness.Task.SPEECH) {
            ComparisonSpec cs = compare.speechSpec(confidence, bootstrap, seed, adjust, false);
            r = LastMileComparison.compare(base, AuditCommand.speechUnits(base, baseline), cand,
                    AuditCommand.speechUnits(cand, candidate), org.rai4j.speech.SpeechAudit.metrics(), cs);
        } else {
            r = LastMileComparison.compare(base, cand, compare.spec(confidence, bootstrap, seed, adjust));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String b = baseline.getFileName().toString();
        String c = candidate.getFileName().toString();
        StringBuilder info = run.text("-".equals(json));
        info.append(ComparisonReport.render(r, b, c));
        if ("-".equals(json)) {
            run.out.append(ComparisonJson.toJson(r, b, c));
        } else if (json != null) {
            run.file(Path.of(json), ComparisonJson.toJson(r, b, c));
            info.append("\nwrote ").append(json).append('\n');
        }
        if (html != null) {
            run.file(html, ComparisonHtml.render(r, b, c));
            info.append(json != null && !"-".equals(json) ? "" : "\n").append("wrote ").append(html).append('\n');
        }
        run.finish(out, err);
        return compare.gate(r, err);
    }
}
