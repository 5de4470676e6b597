package org.rai4j.cli;

import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.Disparities;
import org.rai4j.fairness.ReferenceGroup;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.FailCondition;
import org.rai4j.report.AuditJson;
import org.rai4j.report.DisparityRendering;
import org.rai4j.report.Gates;
import org.rai4j.report.OutputFileException;
import org.rai4j.report.ConsoleReport;
import org.rai4j.report.HtmlReport;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where an audit goes: console table, JSON file or stdout, and the {@code --fail-if} gates. */
final class AuditOutput {
    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the audit as JSON (schema rai4j.audit/1) to FILE, or to stdout with '-'.")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (inline SVG charts, no scripts, no network requests).")
    String html;

    @Option(names = "--metrics", paramLabel = "M,M", split = ",", description = "Metrics shown in the console table (all are in the JSON).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--fail-if", paramLabel = "COND", description = "Exit with status 3 when the condition holds, e.g. \"equalized_odds_difference > 0.1\"; repeatable.")
    List<String> failIf = new ArrayList<>();

    @Option(names = "--reference-group", paramLabel = "majority|min_metric|COL=VALUE",
            description = "Add Aequitas disparities: every group's metric divided by the reference group's, with a parity determination.")
    String referenceGroup;

    @Option(names = "--parity-tolerance", paramLabel = "TAU", defaultValue = "0.8",
            description = "With --reference-group: parity when TAU <= disparity <= 1/TAU (default ${DEFAULT-VALUE}, the four-fifths rule).")
    double parityTolerance;

    /** Validates the gates (and --reference-group) before any work is done. */
    List<FailCondition> conditions() {
        if (referenceGroup != null) {
            ReferenceGroup.parse(referenceGroup);
            if (!(parityTolerance > 0 && parityTolerance <= 1)) {
                throw new UserException("--parity-tolerance must be in (0, 1], got " + parityTolerance);
            }
        }
        List<FailCondition> out = new ArrayList<>();
        for (String f : failIf) {
            out.add(FailCondition.parse(f));
        }
        return out;
    }

    /** Declares the output files (checked now, before any work). */
    void declare(RunOutputs run) throws OutputFileException {
        run.declare("--json", json);
        run.declare("--html", html == null ? null : Path.of(html));
    }

    /** The metrics shown in the console table, checked against the result. */
    List<String> shown(AuditResult r) {
        List<String> shown = metrics.isEmpty() ? ConsoleReport.defaultMetrics(r) : metrics;
        for (String m : shown) {
            if (r.main().overall().metric(m) == null) {
                throw new UserException("--metrics: no metric '" + m + "' for task " + r.spec().task().id()
                        + "; expected one of " + String.join(", ", r.main().overall().metrics().keySet()));
            }
        }
        return shown;
    }

    /** Prints and writes the result (declared with {@link #declare}); returns the exit status of the gates. */
    int emit(AuditResult r, List<FailCondition> conditions, RunOutputs run, PrintWriter out, PrintWriter err) throws IOException {
        render(r, null, null, run);
        run.finish(out, err);
        return gates(Gates.audit(r, conditions), err);
    }

    /** Renders the result into {@code run}: console table, JSON and HTML (with the comparison when given). */
    void render(AuditResult r, ComparisonResult comparison, String baselineSource, RunOutputs run) {
        List<String> shown = shown(r);
        Disparities.Report disparities = referenceGroup == null ? null
                : Disparities.of(r, ReferenceGroup.parse(referenceGroup), parityTolerance);
        String text = ConsoleReport.render(r, shown) + (disparities == null ? "" : DisparityRendering.text(disparities));
        String jsonText = disparities == null ? AuditJson.toJson(r) : DisparityRendering.auditJson(r, disparities);
        if ("-".equals(json)) {
            run.out.append(jsonText);
            run.err.append(text);
        } else {
            run.out.append(text);
            if (json != null) {
                run.file(Path.of(json), jsonText);
                run.out.append("\nwrote ").append(json).append('\n');
            }
        }
        if (html != null) {
            run.file(Path.of(html), HtmlReport.render(r, shown, comparison, baselineSource, disparities));
            run.text("-".equals(json)).append(json == null ? "\n" : "").append("wrote ").append(html).append('\n');
        }
    }

    /** Prints each gate's outcome on {@code err}; returns {@link Rai4j#EXIT_GATE} when one failed, else 0. */
    static int gates(List<Gates.Outcome> outcomes, PrintWriter err) {
        for (Gates.Outcome o : outcomes) {
            err.println("rai4j: " + o.message());
        }
        err.flush();
        return Gates.anyFailed(outcomes) ? Rai4j.EXIT_GATE : 0;
    }
}
