package org.rai4j.report;

import org.rai4j.core.Estimate;
import org.rai4j.fairness.ChangeEstimate;
import org.rai4j.fairness.ChangeFlag;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.SliceComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A last-mile comparison as a self-contained HTML page ({@code rai4j compare … --html FILE}), or as a
 * section of the audit report: the verdict, a forest plot of each slice's change and one of its
 * differential change (with intervals; flagged slices drawn as filled squares and named in bold), the
 * full table with flags and reasons, the method and both audits' provenance. Stateless.
 */
public final class ComparisonHtml {
    private ComparisonHtml() {}

    /** The comparison as a page. */
    public static String render(ComparisonResult r, String baselineSource, String candidateSource) {
        Doc doc = new Doc("rai4j last-mile comparison", String.format(Locale.ROOT, "%s · baseline %s (%d rows) → candidate %s (%d rows)",
                r.spec().metric(), baselineSource, r.baselineRows(), candidateSource, r.candidateRows()));
        doc.h2("Verdict", "verdict");
        sections(doc, r, baselineSource, candidateSource);
        doc.h2("Provenance", "provenance");
        doc.h3("Baseline", "provenance-baseline");
        AuditSections.provenance(doc, r.baselineProvenance(), baselineSource);
        doc.h3("Candidate", "provenance-candidate");
        AuditSections.provenance(doc, r.candidateProvenance(), candidateSource);
        return HtmlWriter.page(doc);
    }

    static void sections(Doc doc, ComparisonResult r, String baselineSource, String candidateSource) {
        doc.note(ComparisonReport.verdict(r));
        doc.p(String.format(Locale.ROOT, "Metric: %s (%s). Change = candidate − baseline. Differential change = the slice's change "
                        + "minus the change of %s; a significant differential degradation means the slice lost more than the others did. "
                        + "Flags use α = %s after %s adjustment.", r.spec().metric(), r.direction().id().replace('-', ' '),
                r.reference(), ConsoleReport.fmt(r.spec().alpha()), r.spec().adjust()));
        List<SliceComparison> all = new ArrayList<>();
        all.add(r.overall());
        all.addAll(r.slices());
        List<DotPlot.Row> change = new ArrayList<>();
        List<DotPlot.Row> diff = new ArrayList<>();
        for (SliceComparison s : all) {
            boolean strong = s.flag() == ChangeFlag.DIFFERENTIAL_DEGRADATION;
            boolean thin = s.flag() == ChangeFlag.NEW_SLICE || s.flag() == ChangeFlag.INSUFFICIENT_DATA;
            change.add(row(s, s.change(), strong, thin));
            if (!s.slice().isOverall()) {
                diff.add(row(s, s.differential(), strong, thin));
            }
        }
        List<SliceComparison> flagged = r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        String flaggedText = flagged.isEmpty() ? "No slice degrades differentially."
                : "Differential degradation: " + String.join("; ", flagged.stream().map(s -> s.slice().toString()).toList()) + ".";
        doc.figure(DotPlot.svg("cmp-change", "Change in " + Findings.humanName(r.spec().metric()) + " (candidate − baseline)",
                "Change of each slice with " + Math.round(r.spec().confidence() * 100) + "% bootstrap intervals. "
                        + ComparisonReport.verdict(r), change, 0.0, "no change", false),
                "Change per slice with intervals; filled squares: differential degradation; hollow: new slice or insufficient data.");
        doc.figure(DotPlot.svg("cmp-diff", "Differential change (slice's change − change of " + r.reference() + ")",
                "Differential change of each slice with intervals. " + flaggedText, diff, 0.0, "same change as " + r.reference(), false),
                "Differential change per slice; right of the dashed line (for a higher-is-worse metric) = lost more than the rest.");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (SliceComparison s : all) {
            rows.add(List.of(s.slice().toString(), est(s.baseline()), est(s.candidate()), ComparisonReport.change(s.change()),
                    ComparisonReport.p(s.change().pAdjusted()), ComparisonReport.change(s.differential()),
                    ComparisonReport.p(s.differential().pAdjusted()), s.flag().name()));
            classes.add(s.flag() == ChangeFlag.DIFFERENTIAL_DEGRADATION ? "flag-strong"
                    : s.flag() == ChangeFlag.NEW_SLICE || s.flag() == ChangeFlag.INSUFFICIENT_DATA ? "thin" : null);
        }
        doc.table("Every slice: " + baselineSource + " → " + candidateSource,
                List.of("slice", "baseline", "candidate", "change [interval]", "adj. p", "differential [interval]", "adj. p",
                        "flag"), rows, classes);
        doc.p("Why each slice got its flag:");
        doc.bullets(all.stream().map(s -> s.slice() + ": " + s.flag() + ". " + s.reason()).toList());
        doc.p("Method: " + r.method() + ". The smallest p-value this bootstrap can produce is "
                + ConsoleReport.fmt(r.smallestPossiblePValue()) + "; with many slices, raise --bootstrap so that adjusted p-values "
                + "can fall below α.");
    }

    private static DotPlot.Row row(SliceComparison s, ChangeEstimate c, boolean strong, boolean thin) {
        String right = c.isOk() ? ComparisonReport.change(c) + "  " + s.flag() : s.flag().name();
        return new DotPlot.Row(s.slice().toString(), c.value(), c.interval() == null ? Double.NaN : c.interval().lo(),
                c.interval() == null ? Double.NaN : c.interval().hi(), right, thin, strong, "not compared");
    }

    private static String est(Estimate e) {
        return ComparisonReport.fmt(e);
    }
}
