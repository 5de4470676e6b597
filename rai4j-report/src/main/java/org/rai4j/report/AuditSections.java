package org.rai4j.report;

import org.rai4j.core.Estimate;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.fairness.AggregateValue;
import org.rai4j.fairness.Analysis;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.FairnessValue;
import org.rai4j.fairness.MetricAggregates;
import org.rai4j.fairness.SliceResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Building blocks shared by the HTML report and the service card: metric charts and tables, heatmaps, coverage, gaps, provenance. */
final class AuditSections {
    private AuditSections() {}

    /** A dot plot and a table of one metric over overall and every slice of an analysis. */
    static void metric(Doc doc, AuditResult r, Analysis a, String metric, String idPrefix) {
        List<DotPlot.Row> rows = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<SliceResult> all = new ArrayList<>();
        all.add(a.overall());
        all.addAll(a.groups());
        int thin = 0;
        SliceResult hiS = null;
        SliceResult loS = null;
        for (SliceResult s : all) {
            Estimate e = s.metric(metric);
            if (e == null) {
                continue;
            }
            boolean isThin = s.status() == Status.INSUFFICIENT_DATA;
            thin += isThin ? 1 : 0;
            String name = s.slice().toString();
            double lo = e.interval() == null ? Double.NaN : e.interval().lo();
            double hi = e.interval() == null ? Double.NaN : e.interval().hi();
            String right = (Double.isNaN(e.value()) ? "undefined" : ConsoleReport.fmt(e.value()) + " " + Findings.ci(e.interval()))
                    + "  n=" + s.n();
            rows.add(new DotPlot.Row(isThin ? name + " (thin)" : name, e.value(), lo, hi, right, isThin, s.slice().isOverall(), "undefined"));
            table.add(List.of(name, Long.toString(s.n()), Long.toString(e.n()), s.status().name(),
                    Double.isNaN(e.value()) ? "undefined" : ConsoleReport.fmt(e.value()), Findings.ci(e.interval()),
                    e.interval() == null ? "" : e.interval().method().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    e.reason() == null ? "" : e.reason()));
            classes.add(isThin ? "thin" : null);
            if (!isThin && !s.slice().isOverall() && !Double.isNaN(e.value())) {
                hiS = hiS == null || e.value() > hiS.metric(metric).value() ? s : hiS;
                loS = loS == null || e.value() < loS.metric(metric).value() ? s : loS;
            }
        }
        Estimate overall = a.overall().metric(metric);
        String desc = String.format(Locale.ROOT, "%s by slice with %d%% intervals, %d slices. Overall %s.%s%s",
                Findings.humanName(metric), Math.round(r.spec().confidence() * 100), rows.size() - 1,
                overall == null || Double.isNaN(overall.value()) ? "undefined" : ConsoleReport.fmt(overall.value()),
                hiS == null ? "" : " Highest: " + hiS.slice() + " " + ConsoleReport.fmt(hiS.metric(metric).value())
                        + "; lowest: " + loS.slice() + " " + ConsoleReport.fmt(loS.metric(metric).value()) + ".",
                thin == 0 ? "" : " " + thin + " slices are thin (below the minimum group size of " + r.spec().minGroupSize()
                        + ") and drawn hollow.");
        boolean proportion = overall != null && overall.interval() != null
                && overall.interval().method() == org.rai4j.core.IntervalMethod.WILSON;
        double ref = overall == null ? Double.NaN : overall.value();
        doc.figure(DotPlot.svg(idPrefix + "-" + metric.replace(':', '-'), Findings.humanName(metric) + " by slice", desc, rows,
                ref, "overall " + ConsoleReport.fmt(ref), proportion),
                "Dots: point values; whiskers: " + Math.round(r.spec().confidence() * 100) + "% intervals; hollow dots: thin slices "
                        + "(n < " + r.spec().minGroupSize() + "); dashed line: overall.");
        doc.table(Findings.humanName(metric) + " by slice (the chart's numbers)",
                List.of("slice", "rows", "n (denominator)", "status", "value", "interval", "interval method", "note"), table, classes);
    }

    /** Heatmaps of the finest slices for each metric (two or more group columns). */
    static void heatmaps(Doc doc, AuditResult r, List<String> metrics, String idPrefix) {
        List<String> groups = r.spec().groups();
        if (groups.size() < 2) {
            doc.p("One group column (" + groups.get(0) + "): there are no intersections to map; the charts above show every group.");
            return;
        }
        String rowAttr = groups.get(0);
        List<String> rest = groups.subList(1, groups.size());
        String colAttr = String.join(" × ", rest);
        Set<String> rowLabels = new LinkedHashSet<>();
        Set<String> colLabels = new LinkedHashSet<>();
        List<SliceResult> cells = new ArrayList<>();
        for (SliceResult s : r.main().groups()) {
            if (s.slice().order() == groups.size()) {
                cells.add(s);
            }
        }
        for (SliceResult s : r.main().groups()) {
            if (s.slice().order() == 1 && s.slice().attributes().get(0).equals(rowAttr)) {
                rowLabels.add(s.slice().values().get(0));
            }
        }
        for (SliceResult c : cells) {
            colLabels.add(colLabel(c.slice(), rest));
        }
        List<String> rl = new ArrayList<>(rowLabels);
        List<String> cl = new ArrayList<>(colLabels);
        for (String metric : metrics) {
            double[][] v = new double[rl.size()][cl.size()];
            long[][] n = new long[rl.size()][cl.size()];
            boolean[][] thin = new boolean[rl.size()][cl.size()];
            for (SliceResult c : cells) {
                int i = rl.indexOf(c.slice().value(rowAttr));
                int j = cl.indexOf(colLabel(c.slice(), rest));
                Estimate e = c.metric(metric);
                v[i][j] = e == null ? Double.NaN : e.value();
                n[i][j] = c.n();
                thin[i][j] = c.status() == Status.INSUFFICIENT_DATA;
            }
            String desc = String.format(Locale.ROOT, "Heatmap of %s over %s (rows) by %s (columns); each cell prints its value "
                    + "and n. %d cells with data.", Findings.humanName(metric), rowAttr, colAttr, cells.size());
            doc.figure(Heatmap.svg(idPrefix + "-heat-" + metric.replace(':', '-'), Findings.humanName(metric) + " by "
                    + rowAttr + " × " + colAttr, desc, rowAttr, colAttr, rl, cl, v, n, thin),
                    Findings.humanName(metric) + " of every intersection; the numbers are in the tables above.");
        }
    }

    private static String colLabel(SliceKey k, List<String> rest) {
        return String.join(", ", rest.stream().map(k::value).toList());
    }

    /** The coverage table: every finest slice with n, share and status, and the combinations with no rows. */
    static void coverage(Doc doc, AuditResult r) {
        Coverage c = Coverage.of(r);
        doc.p(c.summary());
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (SliceResult s : c.cells()) {
            boolean thin = s.n() < c.minGroupSize();
            rows.add(List.of(s.slice().toString(), Long.toString(s.n()),
                    String.format(Locale.ROOT, "%.1f%%", 100.0 * s.n() / Math.max(1, c.rows())),
                    thin ? "thin (n < " + c.minGroupSize() + ")" : "ok"));
            classes.add(thin ? "thin" : null);
        }
        for (SliceKey k : c.missing()) {
            rows.add(List.of(k.toString(), "0", "0.0%", "missing: no rows"));
            classes.add("thin");
        }
        doc.table("Coverage of the evaluation data (" + c.rows() + " rows)", List.of("slice", "rows", "share", "coverage"), rows,
                classes);
    }

    /** Gaps between groups with intervals, and the named fairness metrics with significance. */
    static void gaps(Doc doc, AuditResult r, Analysis a, List<String> metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (String m : metrics) {
            MetricAggregates agg = a.aggregates().get(m);
            if (agg == null || m.equals("count")) {
                continue;
            }
            rows.add(List.of(m, agg(agg.groupMin()), agg(agg.groupMax()), agg(agg.differenceBetweenGroups()),
                    agg(agg.ratioBetweenGroups()), agg(agg.differenceToOverall()),
                    agg.argMax() == null ? "" : agg.argMax() + " vs " + agg.argMin()));
        }
        doc.table("Gaps between the finest groups (eligible slices only; bootstrap intervals)",
                List.of("metric", "min", "max", "difference", "ratio", "difference to overall", "max vs min"), rows);
        if (!a.fairness().isEmpty()) {
            List<List<String>> fair = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            for (Map.Entry<String, FairnessValue> e : a.fairness().entrySet()) {
                FairnessValue f = e.getValue();
                boolean ok = f.status() == Status.OK;
                fair.add(List.of(e.getKey(), ok ? ConsoleReport.fmt(f.value()) : "undefined", Findings.ci(f.interval()),
                        f.significant() == null ? "-" : f.significant() ? "YES" : "no",
                        Double.isNaN(f.pValue()) ? "-" : ConsoleReport.fmt(f.pValue()),
                        f.high() == null ? (f.reason() == null ? "" : f.reason()) : f.metric() + ": " + f.high() + " vs " + f.low()));
                classes.add(Boolean.TRUE.equals(f.significant()) ? "flag-strong" : null);
            }
            doc.table("Fairness metrics (intervals from simultaneous intervals of all pairwise gaps; significant = the interval "
                            + "excludes no gap; significant rows in bold)",
                    List.of("fairness metric", "value", "interval", "significant", "p", "attained by"), fair, classes);
        }
        MetricAggregates any = metrics.isEmpty() ? null : a.aggregates().get(metrics.get(0));
        if (any != null && !any.excluded().isEmpty()) {
            doc.p("Left out of the gaps (listed, never hidden):");
            doc.bullets(any.excluded());
        }
    }

    private static String agg(AggregateValue v) {
        return v.status() == Status.OK ? ConsoleReport.fmt(v.value()) + " " + Findings.ci(v.interval()) : "undefined";
    }

    /** The conventions, reference groups and normalisation used. */
    static void conventions(Doc doc, AuditResult r) {
        List<String> items = new ArrayList<>(org.rai4j.fairness.Conventions.describe());
        if (r.spec().task() == org.rai4j.fairness.Task.SPEECH) {
            // no Wilson intervals in a speech audit: replace the general sentence with what was done
            items.removeIf(i -> i.startsWith("Intervals:") || i.startsWith("Small slices:"));
            String method = r.bootstrapMethod();
            if (method != null && method.startsWith("clusters:")) {
                String col = method.substring("clusters:".length());
                items.add(1, "Intervals: every slice metric (WER, CER, sentence error rate, …) has a delete-one-" + col
                        + " jackknife interval with a t quantile on G − 1 degrees of freedom (G = " + col + "s in the slice); "
                        + "gaps between groups use percentile intervals of a bootstrap that resamples whole " + col + "s. "
                        + "No interval assumes independent utterances.");
                items.add(2, "Small slices: min_group_size counts " + col + "s; a slice with fewer is INSUFFICIENT_DATA, one "
                        + "with fewer than 10 is FEW_CLUSTERS (wide interval, left out of gaps).");
            } else {
                items.add(1, "Intervals: bootstrap percentile intervals over whole-data resamples of utterances (utterances "
                        + "are treated as independent; give a cluster column such as the speaker when they are not).");
                items.add(2, "Small slices: slices with fewer utterances than min_group_size are INSUFFICIENT_DATA; shown, "
                        + "but left out of aggregates.");
            }
        }
        items.add("Reference groups: none. Gaps are between groups (max − min over the finest slices) and to overall; "
                + "no group is singled out as privileged.");
        String norm = r.provenance().config().get("normalization");
        items.add("Normalisation: " + (norm != null ? norm : "none; labels and predictions are compared as given (numbers by value)."));
        items.add(String.format(Locale.ROOT, "Settings: minimum group size %d, confidence %s, bootstrap B=%d (%s), seed %d, "
                        + "multiple-comparison adjustment %s.", r.spec().minGroupSize(), ConsoleReport.fmt(r.spec().confidence()),
                r.spec().bootstrap(), r.bootstrapMethod(), r.spec().seed(), r.spec().adjust()));
        doc.bullets(items);
    }

    /** Provenance: tool, versions, seed, input hashes, configuration. */
    static void provenance(Doc doc, org.rai4j.core.Provenance p, String source) {
        List<List<String>> rows = new ArrayList<>();
        if (source != null) {
            rows.add(List.of("audit file", source));
        }
        rows.add(List.of("tool", p.tool() + " " + p.version()));
        rows.add(List.of("Java", p.jvm()));
        rows.add(List.of("seed", p.seed() == null ? "none" : Long.toString(p.seed())));
        p.inputs().forEach((k, v) -> rows.add(List.of("input " + k + " (SHA-256)", v)));
        p.config().forEach((k, v) -> rows.add(List.of("config " + k, v)));
        doc.table("Where these numbers come from", List.of("item", "value"), rows);
    }
}
