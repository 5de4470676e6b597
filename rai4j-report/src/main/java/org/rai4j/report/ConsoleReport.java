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
import org.rai4j.fairness.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A readable plain-text rendering of an audit: a groups × metrics table where every value carries its
 * interval and every row its n and status, then the gaps between groups and the named fairness metrics
 * with significance, then what was excluded and why. Stateless.
 */
public final class ConsoleReport {
    private ConsoleReport() {}

    /** The metrics shown by default for a task (all metrics are in the JSON). */
    public static List<String> defaultMetrics(AuditResult r) {
        return switch (r.spec().task()) {
            case BINARY -> {
                List<String> m = new ArrayList<>(List.of("selection_rate", "accuracy", "true_positive_rate", "false_positive_rate", "precision"));
                if (r.spec().score() != null) {
                    m.add("auc");
                }
                yield m;
            }
            case MULTICLASS -> List.of("accuracy", "error_rate");
            case REGRESSION -> List.of("mae", "rmse", "mean_prediction", "mean_label");
            case SPEECH -> List.of("wer", "cer", "sentence_error_rate");
        };
    }

    /**
     * How the audit's intervals were computed, in a few words: Wilson and bootstrap for count-based
     * audits; for speech audits the bootstrap over utterances, or with clusters the cluster jackknife t
     * (slices) and the simultaneous cluster jackknife t (gaps).
     */
    public static String intervalMethods(AuditResult r) {
        String method = r.bootstrapMethod();
        if (method != null && method.startsWith("clusters:")) {
            String column = method.substring("clusters:".length());
            return String.format(Locale.ROOT, "%s-cluster jackknife t for slices, simultaneous %s-cluster jackknife t for gaps",
                    column, column);
        }
        if (r.spec().task() == Task.SPEECH) {
            return String.format(Locale.ROOT, "bootstrap B=%d over utterances", r.spec().bootstrap());
        }
        return String.format(Locale.ROOT, "Wilson for proportions, bootstrap B=%d otherwise", r.spec().bootstrap());
    }

    /** Renders the whole audit, showing {@code metrics} in the tables. */
    public static String render(AuditResult r, List<String> metrics) {
        StringBuilder out = new StringBuilder();
        int confidence = (int) Math.round(r.spec().confidence() * 100);
        out.append(String.format(Locale.ROOT, "rai4j audit · task %s · %d rows · groups %s%s · %d%% intervals (%s) · seed %d%n",
                r.spec().task().id(), r.n(), String.join(" × ", r.spec().groups()),
                r.spec().controls().isEmpty() ? "" : " · controls " + String.join(", ", r.spec().controls()),
                confidence, intervalMethods(r), r.spec().seed()));
        if (r.spec().task() == Task.BINARY) {
            out.append("positive label: ").append(r.classes().get(1)).append('\n');
        }
        section(out, r, r.main(), metrics, "");
        for (Analysis a : r.byControl()) {
            section(out, r, a, metrics, "within " + a.control());
        }
        return out.toString();
    }

    private static void section(StringBuilder out, AuditResult r, Analysis a, List<String> metrics, String title) {
        if (!title.isEmpty()) {
            out.append("\n== ").append(title).append(" ==\n");
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("slice", "n", "status"));
        header.addAll(metrics);
        rows.add(header.toArray(new String[0]));
        rows.add(row(a.overall(), metrics, "overall"));
        for (SliceResult s : a.groups()) {
            rows.add(row(s, metrics, s.slice().toString()));
        }
        out.append('\n').append(table(rows));

        List<String[]> gaps = new ArrayList<>();
        gaps.add(new String[] {"metric", "min", "max", "difference", "ratio", "max vs min"});
        for (String m : metrics) {
            MetricAggregates agg = a.aggregates().get(m);
            if (agg == null || m.equals("count")) {
                continue;
            }
            gaps.add(new String[] {m, value(agg.groupMin()), value(agg.groupMax()), value(agg.differenceBetweenGroups()),
                    value(agg.ratioBetweenGroups()), agg.argMax() == null ? "" : agg.argMax() + " vs " + agg.argMin()});
        }
        out.append("\nGaps between the finest groups (eligible slices only):\n").append(table(gaps));

        if (!a.fairness().isEmpty()) {
            List<String[]> fair = new ArrayList<>();
            fair.add(new String[] {"fairness metric", "value [interval]", "significant", "p", "attained by"});
            for (Map.Entry<String, FairnessValue> e : a.fairness().entrySet()) {
                FairnessValue f = e.getValue();
                String val = f.status() == Status.OK ? fmt(f.value()) + " " + ci(f.interval()) : "undefined: " + f.reason();
                String sig = f.significant() == null ? "-" : (f.significant() ? "YES" : "no");
                String p = Double.isNaN(f.pValue()) ? "-" : fmt(f.pValue());
                String by = f.high() == null ? "" : f.metric() + ": " + f.high() + " vs " + f.low();
                fair.add(new String[] {e.getKey(), val, sig, p, by});
            }
            out.append("\nFairness metrics (intervals from simultaneous ").append(Math.round(r.spec().confidence() * 100))
                    .append("% intervals of all pairwise gaps; significant = the interval excludes no gap):\n").append(table(fair));
        }
        MetricAggregates any = a.aggregates().get(metrics.get(0));
        if (any != null && !any.excluded().isEmpty()) {
            out.append("\nLeft out of the gaps for ").append(metrics.get(0)).append(" (listed, never hidden):\n");
            for (String ex : any.excluded()) {
                out.append("  - ").append(ex).append('\n');
            }
        }
    }

    private static String[] row(SliceResult s, List<String> metrics, String name) {
        String[] row = new String[3 + metrics.size()];
        row[0] = name;
        row[1] = Long.toString(s.n());
        row[2] = s.status() == Status.OK ? "OK" : s.status().name();
        for (int i = 0; i < metrics.size(); i++) {
            Estimate e = s.metric(metrics.get(i));
            row[3 + i] = e == null ? "" : estimate(e);
        }
        return row;
    }

    private static String estimate(Estimate e) {
        if (e.status() == Status.UNDEFINED) {
            return "undefined";
        }
        return fmt(e.value()) + " " + ci(e.interval());
    }

    private static String value(AggregateValue v) {
        return v.status() == Status.OK ? fmt(v.value()) + " " + ci(v.interval()) : "undefined";
    }

    private static String ci(Interval ci) {
        return ci == null ? "" : "[" + fmt(ci.lo()) + ", " + fmt(ci.hi()) + "]";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Left-aligned columns separated by two spaces, header underlined. */
    static String table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c] == null ? 0 : r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                String cell = r[c] == null ? "" : r[c];
                line.append(cell).append(" ".repeat(width[c] - cell.length()));
                if (c < cols - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                sb.append("  ").append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
        }
        return sb.toString();
    }
}
