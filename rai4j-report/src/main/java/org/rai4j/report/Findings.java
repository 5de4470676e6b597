package org.rai4j.report;

import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Status;
import org.rai4j.fairness.AggregateValue;
import org.rai4j.fairness.Analysis;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.FairnessValue;
import org.rai4j.fairness.MetricAggregates;
import org.rai4j.fairness.SliceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Audit results in plain words: one sentence per fairness metric or gap, with its numbers and significance. Stateless. */
final class Findings {
    private Findings() {}

    /** Sentences on the named fairness metrics (binary), or on the gaps of {@code metrics} otherwise. */
    static List<String> fairness(AuditResult r, List<String> metrics) {
        List<String> out = new ArrayList<>();
        Analysis a = r.main();
        String adjust = r.spec().adjust().toString();
        for (Map.Entry<String, FairnessValue> e : a.fairness().entrySet()) {
            if (!e.getKey().endsWith("_difference")) {
                continue;
            }
            out.add(fairnessSentence(a, humanName(e.getKey()), e.getValue(), adjust));
        }
        if (out.isEmpty()) {
            for (String m : metrics) {
                MetricAggregates agg = a.aggregates().get(m);
                if (agg == null || m.equals("count")) {
                    continue;
                }
                AggregateValue d = agg.differenceBetweenGroups();
                if (d.status() != Status.OK) {
                    out.add(humanName(m) + ": the gap between groups is undefined (" + d.reason() + ").");
                } else {
                    out.add(String.format(Locale.ROOT, "%s differs by %s %s between groups: highest %s, lowest %s "
                                    + "(no significance test for this task; judge by the interval).",
                            capital(humanName(m)), ConsoleReport.fmt(d.value()), ci(d.interval()), agg.argMax(), agg.argMin()));
                }
            }
        }
        return out;
    }

    private static String fairnessSentence(Analysis a, String name, FairnessValue f, String adjust) {
        if (f.status() != Status.OK) {
            return capital(name) + " is undefined: " + f.reason() + ".";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s is %s %s", capital(name),
                ConsoleReport.fmt(f.value()), ci(f.interval())));
        if (f.high() != null) {
            sb.append(String.format(Locale.ROOT, ": the %s of %s (%s) is higher than that of %s (%s)", humanName(f.metric()),
                    f.high(), value(a, f.high(), f.metric()), f.low(), value(a, f.low(), f.metric())));
        }
        if (f.significant() == null) {
            sb.append(" (no bootstrap, so no significance test).");
        } else if (f.significant()) {
            sb.append(String.format(Locale.ROOT, ". This gap is statistically significant: its interval, derived from "
                            + "simultaneous intervals of all pairwise gaps, excludes no gap (p = %s).",
                    ConsoleReport.fmt(f.pValue())));
        } else {
            sb.append(String.format(Locale.ROOT, ". This gap is not statistically significant: its interval, derived from "
                    + "simultaneous intervals of all pairwise gaps, includes no gap (p = %s); "
                    + "the data cannot tell it apart from chance, which is not evidence that the groups are treated alike.",
                    ConsoleReport.fmt(f.pValue())));
        }
        return sb.toString();
    }

    private static String value(Analysis a, org.rai4j.core.SliceKey key, String metric) {
        SliceResult s = a.group(key);
        Estimate e = s == null ? null : s.metric(metric);
        return e == null ? "?" : ConsoleReport.fmt(e.value()) + ", n=" + s.n();
    }

    static String ci(Interval ci) {
        return ci == null ? "" : "[" + ConsoleReport.fmt(ci.lo()) + ", " + ConsoleReport.fmt(ci.hi()) + "]";
    }

    /** {@code true_positive_rate} → {@code true positive rate}. */
    static String humanName(String metric) {
        return metric.replace('_', ' ');
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
