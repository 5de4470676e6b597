package org.rai4j.report;

import org.rai4j.fairness.Analysis;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.Task;

import java.util.List;
import java.util.Locale;

/**
 * The audit as one self-contained HTML page ({@code rai4j audit … --html FILE}): per metric a dot
 * plot of every slice with interval whiskers and n plus the same numbers as a table; heatmaps of the
 * intersections; the coverage table; the gaps with significance; the conventions (zero denominators,
 * reference groups, normalisation) and the provenance (data hash, seed, version). Optionally the
 * last-mile comparison with a baseline. No scripts and no network requests (a Content-Security-Policy
 * forbids them); charts have text alternatives; readable in greyscale and in print. Stateless.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * The page.
     *
     * @param metrics         metrics to chart (null or empty: {@link ConsoleReport#defaultMetrics})
     * @param comparison      a comparison of this audit with a baseline, or null
     * @param baselineSource  the baseline's file name (when comparing)
     */
    public static String render(AuditResult r, List<String> metrics, ComparisonResult comparison, String baselineSource) {
        return render(r, metrics, comparison, baselineSource, null, null);
    }

    /** The page with an Aequitas disparities section ({@code --reference-group}); {@code disparities} may be null. */
    public static String render(AuditResult r, List<String> metrics, ComparisonResult comparison, String baselineSource,
                                org.rai4j.fairness.Disparities.Report disparities) {
        return render(r, metrics, comparison, baselineSource, null, disparities);
    }

    /**
     * The report with a condition-effect section (speech: a last-mile comparison of one acoustic
     * condition with clean speech, by group) instead of a baseline comparison.
     *
     * @param conditionEffect the comparison (baseline = clean speech, candidate = the condition), or null
     */
    public static String renderWithConditionEffect(AuditResult r, List<String> metrics, ComparisonResult conditionEffect,
                                                   String cleanSource, String conditionSource) {
        return render(r, metrics, conditionEffect, cleanSource, conditionSource, null);
    }

    private static String render(AuditResult r, List<String> metrics, ComparisonResult comparison, String baselineSource,
                                 String conditionSource, org.rai4j.fairness.Disparities.Report disparities) {
        List<String> shown = metrics == null || metrics.isEmpty() ? ConsoleReport.defaultMetrics(r) : metrics;
        String hash = r.provenance().inputs().values().stream().findFirst().map(h -> " · data sha256 " + h.substring(0, 12) + "…").orElse("");
        Doc doc = new Doc("rai4j audit report", String.format(Locale.ROOT, "task %s · %d rows · groups %s · %d%% intervals · seed %d%s",
                r.spec().task().id(), r.n(), String.join(" × ", r.spec().groups()), Math.round(r.spec().confidence() * 100),
                r.spec().seed(), hash));
        doc.h2("Summary", "summary");
        if (r.spec().task() == Task.BINARY) {
            doc.p("Positive label: " + r.classes().get(1) + ". Label column '" + r.spec().label() + "', prediction column '"
                    + r.spec().prediction() + "'.");
        }
        doc.bullets(Findings.fairness(r, shown));
        doc.note(Coverage.of(r).summary());
        if (comparison != null) {
            doc.note((conditionSource == null ? "Last-mile comparison with " + baselineSource
                    : "Effect of " + conditionSource + " vs " + baselineSource) + ": " + ComparisonReport.verdict(comparison));
        }
        doc.h2("Metrics by group", "metrics");
        doc.p("Every value carries its interval and n. Thin slices (fewer than " + r.spec().minGroupSize()
                + " rows) are shown in italics and drawn hollow; they are left out of gaps and fairness metrics.");
        for (String m : shown) {
            doc.h3(Findings.humanName(m), "metric-" + m.replace(':', '-'));
            AuditSections.metric(doc, r, r.main(), m, "main");
        }
        doc.h2("Intersections", "intersections");
        AuditSections.heatmaps(doc, r, shown, "main");
        doc.h2("Coverage", "coverage");
        AuditSections.coverage(doc, r);
        doc.h2("Gaps and significance", "gaps");
        AuditSections.gaps(doc, r, r.main(), shown);
        if (disparities != null) {
            DisparityRendering.section(doc, disparities);
        }
        if (comparison != null && conditionSource == null) {
            doc.h2("Comparison with the baseline", "comparison");
            ComparisonHtml.sections(doc, comparison, baselineSource, "this audit");
        } else if (comparison != null) {
            doc.h2("Condition effect: " + conditionSource + " vs " + baselineSource, "condition-effect");
            doc.p("The rows of " + baselineSource + " are the baseline audit and those of " + conditionSource + " the "
                    + "candidate: per group, the change of " + comparison.spec().metric() + " and the differential change "
                    + "(the group's change minus the rest's), with bootstrap intervals that resample each audit's "
                    + "speakers independently, and Holm-adjusted flags (rai4j's one last-mile method). The same speakers say "
                    + "the same prompts in both conditions; resampling them independently ignores that pairing, which makes "
                    + "the intervals conservative.");
            ComparisonHtml.sections(doc, comparison, baselineSource, conditionSource);
        }
        for (Analysis a : r.byControl()) {
            String id = "control-" + Math.abs(a.control().toString().hashCode());
            doc.h2("Within " + a.control(), id);
            for (String m : shown) {
                doc.h3(Findings.humanName(m) + " within " + a.control(), id + "-" + m.replace(':', '-'));
                AuditSections.metric(doc, r, a, m, id);
            }
            AuditSections.gaps(doc, r, a, shown);
        }
        doc.h2("Conventions", "conventions");
        AuditSections.conventions(doc, r);
        doc.h2("Provenance", "provenance");
        AuditSections.provenance(doc, r.provenance(), null);
        return HtmlWriter.page(doc);
    }
}
