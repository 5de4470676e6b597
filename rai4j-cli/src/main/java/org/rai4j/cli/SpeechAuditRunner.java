package org.rai4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rai4j.core.Interval;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.FailCondition;
import org.rai4j.report.AuditJson;
import org.rai4j.report.ConsoleReport;
import org.rai4j.report.Gates;
import org.rai4j.report.Json;
import org.rai4j.report.HtmlReport;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.report.ComparisonJson;
import org.rai4j.report.ComparisonReport;
import org.rai4j.speech.SpeechAudit;

/**
 * Renders a speech audit the way {@code rai4j audit} renders any audit (console table, JSON
 * {@code rai4j.audit/1}, HTML, gates), plus what is specific to speech: the text normalisation used and
 * the coverage of the group dimensions (and, for the demo, condition effects).
 */
final class SpeechAuditRunner {
    private SpeechAuditRunner() {}

    /** Prints and writes {@code result} (outputs declared in {@code run}); returns the exit status (3 when a gate holds). */
    static int emit(SpeechAudit.Result result, AuditOutput output, List<FailCondition> conditions, RunOutputs run,
                    PrintWriter out, PrintWriter err) throws IOException {
        return emit(result, null, null, output, conditions, run, out, err);
    }

    /**
     * Prints and writes {@code result} and, for the demo, a last-mile comparison of one condition with
     * clean speech ({@code effect}, rendered and written under {@code condition_effect} in the JSON).
     */
    static int emit(SpeechAudit.Result result, ComparisonResult effect, String[] effectSources, AuditOutput output,
                    List<FailCondition> conditions, RunOutputs run, PrintWriter out, PrintWriter err) throws IOException {
        emitInto(result, effect, effectSources, output, run);
        run.finish(out, err);
        return AuditOutput.gates(Gates.audit(result.audit(), conditions), err);
    }

    private static void emitInto(SpeechAudit.Result result, ComparisonResult effect, String[] effectSources,
                                 AuditOutput output, RunOutputs run) throws IOException {
        AuditResult r = result.audit();
        List<String> shown = output.shown(r);
        StringBuilder text = new StringBuilder(ConsoleReport.render(r, shown));
        text.append("\nnormalization: ").append(String.join(" → ", result.normalizer().describe()))
                .append(" (applied to references and hypotheses alike)\n");
        text.append("bootstrap: ").append(r.bootstrapMethod()).append('\n');
        java.io.StringWriter cov = new java.io.StringWriter();
        try (PrintWriter pw = new PrintWriter(cov)) {
            pw.println();
            CoverageCommand.render(result.coverage(), pw);
        }
        text.append(cov);
        if (effect != null) {
            text.append('\n').append(ComparisonReport.render(effect, effectSources[0], effectSources[1]));
        }
        boolean jsonToStdout = "-".equals(output.json);
        if (output.json != null) {
            String json = json(result, effect, effectSources);
            if (jsonToStdout) {
                run.out.append(json);
            } else {
                run.file(Path.of(output.json), json);
            }
        }
        StringBuilder info = run.text(jsonToStdout);
        info.append(text);
        if (output.json != null && !jsonToStdout) {
            info.append("\nwrote ").append(output.json).append('\n');
        }
        if (output.html != null) {
            run.file(Path.of(output.html), effect == null ? HtmlReport.render(r, shown, null, null)
                    : HtmlReport.renderWithConditionEffect(r, shown, effect, effectSources[0], effectSources[1]));
            info.append("wrote ").append(output.html).append('\n');
        }
    }

    /**
     * Renders {@code result} into {@code run} like {@link #emit} but leaves it unfinished, so that a
     * last-mile comparison can follow ({@code audit --task speech --baseline}).
     */
    static void render(SpeechAudit.Result result, AuditOutput output, RunOutputs run) throws IOException {
        emitInto(result, null, null, output, run);
    }

    /**
     * The audit JSON with {@code normalization}, {@code coverage}, {@code resampling_units} (what
     * {@code rai4j compare} resamples) and, for the demo, {@code condition_effect} (a rai4j.compare/1 document) added.
     */
    static String json(SpeechAudit.Result result, ComparisonResult effect, String[] effectSources) {
        ObjectNode tree = AuditJson.toTree(result.audit());
        tree.set("normalization", Json.tree(result.normalizer().describe()));
        tree.set("coverage", Json.tree(CoverageCommand.toJson(result.coverage())));
        tree.set("resampling_units", AuditJson.resamplingUnits(result.units()));
        if (effect != null) {
            tree.set("condition_effect", ComparisonJson.toTree(effect, effectSources[0], effectSources[1]));
        }
        return Json.document(tree) + "\n";
    }
}
