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
import org.rai4j.speech.ConditionEffect;
import org.rai4j.speech.SpeechAudit;

/**
 * Renders a speech audit the way {@code rai4j audit} renders any audit (console table, JSON
 * {@code rai4j.audit/1}, HTML, gates), plus what is specific to speech: the text normalisation used and
 * the coverage of the group dimensions (and, for the demo, condition effects).
 */
final class SpeechAuditRunner {
    private SpeechAuditRunner() {}

    /** Prints and writes {@code result}; returns the exit status (3 when a gate holds). */
    static int emit(SpeechAudit.Result result, List<ConditionEffect> effects, String effectTitle, AuditOutput output,
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
        if (effects != null) {
            text.append('\n').append(renderEffects(effects, effectTitle, r.spec().confidence()));
        }
        boolean jsonToStdout = "-".equals(output.json);
        if (output.json != null) {
            String json = json(result, effects);
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

    /** The audit JSON with {@code normalization}, {@code coverage} and (demo) {@code condition_effects} added. */
    static String json(SpeechAudit.Result result, List<ConditionEffect> effects) {
        ObjectNode tree = AuditJson.toTree(result.audit());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        tree.set("normalization", mapper.valueToTree(result.normalizer().describe()));
        tree.set("coverage", mapper.valueToTree(CoverageCommand.toJson(result.coverage())));
        if (effects != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ConditionEffect e : effects) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("group", e.group());
                m.put("baseline_utterances", e.baselineUtterances());
                m.put("target_utterances", e.targetUtterances());
                m.put("baseline", SpeechJson.number(e.baseline()));
                m.put("target", SpeechJson.number(e.target()));
                m.put("effect", SpeechJson.number(e.effect()));
                m.put("effect_interval", interval(e.effectInterval()));
                m.put("differential", SpeechJson.number(e.differential()));
                m.put("differential_interval", interval(e.differentialInterval()));
                list.add(m);
            }
            tree.set("condition_effects", mapper.valueToTree(list));
        }
        try {
            return mapper.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not render the speech audit as JSON", e);
        }
    }

    private static List<Double> interval(Interval i) {
        return i == null ? null : List.of(i.lo(), i.hi());
    }

    /** A table of condition effects by group. */
    static String renderEffects(List<ConditionEffect> effects, String title, double confidence) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        int pct = (int) Math.round(confidence * 100);
        sb.append(String.format(Locale.ROOT, "%-16s %7s %7s %26s %28s%n", "group", "base", "target",
                "effect [" + pct + "% CI]", "differential [" + pct + "% CI]"));
        for (ConditionEffect e : effects) {
            String mark = e.differentialInterval() != null && e.differentialInterval().excludesZero()
                    ? (e.differential() > 0 ? "  hurt more" : "  hurt less") : "";
            sb.append(String.format(Locale.ROOT, "%-16s %7.3f %7.3f %26s %28s%s%n", e.group(), e.baseline(), e.target(),
                    withCi(e.effect(), e.effectInterval()),
                    e.group().equals(ConditionEffect.ALL) ? "" : withCi(e.differential(), e.differentialInterval()), mark));
        }
        return sb.toString();
    }

    private static String withCi(double v, Interval i) {
        return i == null ? String.format(Locale.ROOT, "%+.3f", v)
                : String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", v, i.lo(), i.hi());
    }
}
