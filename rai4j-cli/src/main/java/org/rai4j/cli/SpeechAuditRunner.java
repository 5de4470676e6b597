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
import org.rai4j.speech.ConditionEffect;
import org.rai4j.speech.SpeechAudit;

/**
 * Renders a speech audit the way {@code rai4j audit} renders any audit (console table, JSON
 * {@code rai4j.audit/1}, HTML, gates), plus what is specific to speech: the text normalisation used and
 * the coverage of the group dimensions (and, for the demo, condition effects).
 */
final class SpeechAuditRunner {
    private SpeechAuditRunner() {}

    /** Prints and writes {@code result} (outputs declared in {@code run}); returns the exit status (3 when a gate holds). */
    static int emit(SpeechAudit.Result result, List<ConditionEffect> effects, String effectTitle, AuditOutput output,
                    List<FailCondition> conditions, RunOutputs run, PrintWriter out, PrintWriter err) throws IOException {
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
        if (effects != null) {
            text.append('\n').append(renderEffects(effects, effectTitle, r.spec().confidence()));
        }
        boolean jsonToStdout = "-".equals(output.json);
        if (output.json != null) {
            String json = json(result, effects);
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
            run.file(Path.of(output.html), HtmlReport.render(r, shown, null, null));
            info.append("wrote ").append(output.html).append('\n');
        }
        run.finish(out, err);
        return AuditOutput.gates(Gates.audit(r, conditions), err);
    }

    /** The audit JSON with {@code normalization}, {@code coverage} and (demo) {@code condition_effects} added. */
    static String json(SpeechAudit.Result result, List<ConditionEffect> effects) {
        ObjectNode tree = AuditJson.toTree(result.audit());
        tree.set("normalization", Json.tree(result.normalizer().describe()));
        tree.set("coverage", Json.tree(CoverageCommand.toJson(result.coverage())));
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
            tree.set("condition_effects", Json.tree(list));
        }
        return Json.document(tree) + "\n";
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
