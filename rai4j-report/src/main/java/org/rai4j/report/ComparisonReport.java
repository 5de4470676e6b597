package org.rai4j.report;

import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Status;
import org.rai4j.fairness.ChangeEstimate;
import org.rai4j.fairness.ChangeFlag;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.SliceComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A readable plain-text rendering of a last-mile comparison: one row per slice with baseline,
 * candidate, change and differential change (each with its interval), the adjusted p-value and the
 * flag; then the verdict and the reason behind every flag that is not OK. Stateless.
 */
public final class ComparisonReport {
    private ComparisonReport() {}

    /** Renders the comparison. */
    public static String render(ComparisonResult r, String baselineSource, String candidateSource) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "rai4j compare · %s (%s) · baseline %s (%d rows) → candidate %s (%d rows)%n",
                r.spec().metric(), r.direction().id(), baselineSource, r.baselineRows(), candidateSource, r.candidateRows()));
        out.append(String.format(Locale.ROOT, "differential = the slice's change − the change of %s · %d%% intervals · %s%n",
                r.reference(), Math.round(r.spec().confidence() * 100), r.method()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"slice", "baseline", "candidate", "change", "differential", "adj. p (diff)", "flag"});
        rows.add(row(r.overall()));
        for (SliceComparison s : r.slices()) {
            rows.add(row(s));
        }
        out.append('\n').append(ConsoleReport.table(rows));
        out.append('\n').append(verdict(r)).append('\n');
        for (SliceComparison s : r.slices()) {
            if (s.flag() != ChangeFlag.OK) {
                out.append("  ").append(s.flag()).append("  ").append(s.slice()).append(": ").append(s.reason()).append('\n');
            }
        }
        return out.toString();
    }

    /** One sentence: which slices degrade differentially, or that none does. */
    public static String verdict(ComparisonResult r) {
        List<SliceComparison> diff = r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        List<SliceComparison> degraded = r.flagged(ChangeFlag.DEGRADED);
        String overall = switch (r.overall().flag()) {
            case DEGRADED -> "Overall " + r.spec().metric() + " got significantly worse";
            case IMPROVED -> "Overall " + r.spec().metric() + " got significantly better";
            default -> "Overall " + r.spec().metric() + " shows no significant change";
        };
        String change = r.overall().change().isOk()
                ? String.format(Locale.ROOT, ": %s (n=%d) → %s (n=%d).", ConsoleReport.fmt(r.overall().baseline().value()),
                r.overall().baseline().n(), ConsoleReport.fmt(r.overall().candidate().value()), r.overall().candidate().n()) : ".";
        StringBuilder sb = new StringBuilder(overall).append(change).append(' ');
        if (diff.isEmpty()) {
            sb.append("No slice degrades differentially");
        } else {
            sb.append(diff.size()).append(diff.size() == 1 ? " slice degrades" : " slices degrade").append(" differentially: ");
            sb.append(String.join("; ", diff.stream().map(s -> s.slice().toString()).toList()));
        }
        if (!degraded.isEmpty()) {
            sb.append(diff.isEmpty() ? "; " : ". ").append(degraded.size())
                    .append(degraded.size() == 1 ? " slice degrades" : " slices degrade").append(" in line with the rest");
        }
        int newSlices = r.flagged(ChangeFlag.NEW_SLICE).size();
        if (newSlices > 0) {
            sb.append(". ").append(newSlices).append(newSlices == 1 ? " slice is" : " slices are")
                    .append(" new (the baseline has no evidence on ").append(newSlices == 1 ? "it" : "them").append(")");
        }
        return sb.append('.').toString();
    }

    private static String[] row(SliceComparison s) {
        return new String[] {s.slice().toString(), fmt(s.baseline()), fmt(s.candidate()), change(s.change()),
                change(s.differential()), s.differential().isOk() ? p(s.differential().pAdjusted()) : "-", s.flag().name()};
    }

    static String fmt(Estimate e) {
        if (e == null) {
            return "absent";
        }
        if (e.status() == Status.UNDEFINED) {
            return "undefined";
        }
        return ConsoleReport.fmt(e.value()) + " (n=" + e.n() + ")";
    }

    static String change(ChangeEstimate c) {
        if (!c.isOk()) {
            return "-";
        }
        return signed(c.value()) + " " + ci(c.interval());
    }

    static String ci(Interval ci) {
        return ci == null ? "" : "[" + signed(ci.lo()) + ", " + signed(ci.hi()) + "]";
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
