package org.rai4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.rai4j.report.AtomicFiles;
import org.rai4j.report.AuditJson;
import org.rai4j.report.ConsoleReport;
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

    /** Prints and writes {@code result}; returns the exit status (3 when a gate holds). */
    static int emit(SpeechAudit.Result result, AuditOutput output, List<FailCondition> conditions, PrintWriter out,
                    PrintWriter err) throws IOException {
        return emit(result, null, null, output, conditions, out, err);
    }

    /**
     * Prints and writes {@code result} and, for the demo, a last-mile comparison of one condition with
     * clean speech ({@code effect}, rendered and written under {@code condition_effect} in the JSON).
     */
    static int emit(SpeechAudit.Result result, ComparisonResult effect, String[] effectSources, AuditOutput output,
                    List<FailCondition> conditions, PrintWriter out, PrintWriter err) throws IOException {
        AuditResult r = result.audit();
        List<String> shown = output.metrics.isEmpty() ? ConsoleReport.defaultMetrics(r) : output.metrics;
        for (String m : shown) {
            if (r.main().overall().metric(m) == null) {
                throw new UserException("--metrics: no metric '" + m + "' for task speech; expected one of "
                        + String.join(", ", r.main().overall().metrics().keySet()));
            }
        }
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
                out.print(json);
            } else {
                AtomicFiles.write(Path.of(output.json), json);
            }
        }
        PrintWriter info = jsonToStdout ? err : out;
        info.print(text);
        if (output.json != null && !jsonToStdout) {
            info.println("\nwrote " + output.json);
        }
        if (output.html != null) {
            AtomicFiles.write(Path.of(output.html), HtmlReport.render(r, shown, null, null));
            info.println("wrote " + output.html);
        }
        out.flush();
        info.flush();
        int status = 0;
        for (FailCondition c : conditions) {
            double v = c.value(r);
            if (c.holds(r)) {
                err.printf(Locale.ROOT, "rai4j: gate failed: %s (value %.6g)%n", c, v);
                status = Rai4j.EXIT_GATE;
            } else {
                err.printf(Locale.ROOT, "rai4j: gate passed: not (%s) (value %.6g)%n", c, v);
            }
        }
        err.flush();
        return status;
    }

    /**
     * The audit JSON with {@code normalization}, {@code coverage}, {@code resampling_units} (what
     * {@code rai4j compare} resamples) and, for the demo, {@code condition_effect} (a rai4j.compare/1 document) added.
     */
    static String json(SpeechAudit.Result result, ComparisonResult effect, String[] effectSources) {
        ObjectNode tree = AuditJson.toTree(result.audit());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        tree.set("normalization", mapper.valueToTree(result.normalizer().describe()));
        tree.set("coverage", mapper.valueToTree(CoverageCommand.toJson(result.coverage())));
        tree.set("resampling_units", AuditJson.resamplingUnits(result.units()));
        if (effect != null) {
            tree.set("condition_effect", ComparisonJson.toTree(effect, effectSources[0], effectSources[1]));
        }
        try {
            return mapper.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not render the speech audit as JSON", e);
        }
    }
}
