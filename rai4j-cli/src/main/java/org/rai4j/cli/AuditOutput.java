package org.rai4j.cli;

import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.FailCondition;
import org.rai4j.report.AtomicFiles;
import org.rai4j.report.AuditJson;
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

    /** Validates the gates before any work is done. */
    List<FailCondition> conditions() {
        List<FailCondition> out = new ArrayList<>();
        for (String f : failIf) {
            out.add(FailCondition.parse(f));
        }
        return out;
    }

    /** Prints and writes the result; returns the exit status. */
    int emit(AuditResult r, List<FailCondition> conditions, PrintWriter out, PrintWriter err) throws IOException {
        return emit(r, null, null, conditions, out, err);
    }

    /** Prints and writes the result, with its comparison to a baseline in the HTML report when given; returns the exit status. */
    int emit(AuditResult r, ComparisonResult comparison, String baselineSource, List<FailCondition> conditions,
             PrintWriter out, PrintWriter err) throws IOException {
        List<String> shown = metrics.isEmpty() ? ConsoleReport.defaultMetrics(r) : metrics;
        for (String m : shown) {
            if (r.main().overall().metric(m) == null) {
                throw new UserException("--metrics: no metric '" + m + "' for task " + r.spec().task().id()
                        + "; expected one of " + String.join(", ", r.main().overall().metrics().keySet()));
            }
        }
        String text = ConsoleReport.render(r, shown);
        if ("-".equals(json)) {
            out.print(AuditJson.toJson(r));
            err.print(text);
        } else {
            out.print(text);
            if (json != null) {
                AtomicFiles.write(Path.of(json), AuditJson.toJson(r));
                out.println("\nwrote " + json);
            }
        }
        if (html != null) {
            AtomicFiles.write(Path.of(html), HtmlReport.render(r, shown, comparison, baselineSource));
            ("-".equals(json) ? err : out).println((json == null ? "\n" : "") + "wrote " + html);
        }
        out.flush();
        int status = 0;
        for (FailCondition c : conditions) {
            double v = c.value(r);
            if (c.holds(r)) {
                err.printf(java.util.Locale.ROOT, "rai4j: gate failed: %s (value %.6g)%n", c, v);
                status = Rai4j.EXIT_GATE;
            } else {
                err.printf(java.util.Locale.ROOT, "rai4j: gate passed: not (%s) (value %.6g)%n", c, v);
            }
        }
        err.flush();
        return status;
    }
}
