package org.rai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.FailCondition;
import org.rai4j.report.Gates;
import org.rai4j.report.HtmlReport;
import org.rai4j.report.SpeechRendering;
import org.rai4j.speech.SpeechAudit;

/**
 * Writes a speech audit the way {@code rai4j audit} writes any audit (console text, JSON
 * {@code rai4j.audit/1}, HTML, gates); the renderings are rai4j-report's {@link SpeechRendering} and
 * {@link HtmlReport}, this class only routes them to standard output, standard error and the declared files.
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
        String text = SpeechRendering.auditText(result, shown, effect, effectSources);
        boolean jsonToStdout = "-".equals(output.json);
        if (output.json != null) {
            String json = SpeechRendering.auditJson(result, effect, effectSources);
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
}
