package org.rai4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rai4j.core.Estimate;
import org.rai4j.core.Status;
import org.rai4j.fairness.BiasMetricCatalog;
import org.rai4j.fairness.BiasMode;
import org.rai4j.fairness.BiasReport;
import org.rai4j.fairness.BiasResult;

/**
 * Renderings of a {@link BiasReport}: JSON ({@code rai4j.bias/1}), console text and a static HTML page.
 *
 * <p>JSON: {@code {"schema":"rai4j.bias/1","mode":…,"results":[{"facet_value":…,"monitored":{…},
 * "reference":{…},"metrics":{"CI":{"value":…,"n":…,"ci":[lo,hi]|null,"status":…},…}}]}}. Unlike the rest of
 * rai4j's JSON (non-finite numbers as null), Clarify mode writes an infinite value as the string
 * {@code "Infinity"} / {@code "-Infinity"}, as Clarify does; an undefined metric has value null, status
 * {@code UNDEFINED} and a {@code reason}. Stateless.
 */
public final class BiasRendering {
    /** The JSON schema identifier. */
    public static final String SCHEMA = "rai4j.bias/1";

    private BiasRendering() {}

    /** The JSON document. */
    public static String json(BiasReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("mode", r.spec().mode().name().toLowerCase(Locale.ROOT));
        root.put("source", r.source());
        root.put("sha256", r.sha256());
        root.put("facet", r.spec().facet());
        root.put("label", r.spec().label());
        root.put("positive", r.positiveRule());
        root.put("prediction", r.spec().prediction());
        root.put("group_variable", r.spec().groupVariable());
        root.put("rows", r.rows());
        root.put("rows_excluded_missing", r.rowsExcluded());
        if (r.spec().mode() == BiasMode.STRICT) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("method", "bootstrap percentile (rows resampled with replacement)");
            b.put("replicates", r.spec().replicates());
            b.put("confidence", r.spec().confidence());
            b.put("seed", r.spec().seed());
            root.put("intervals", b);
        }
        List<Object> results = new ArrayList<>();
        for (BiasResult res : r.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("facet_value", res.facetValue());
            m.put("monitored", group(res.monitored(), res.monitoredN()));
            m.put("reference", group(res.reference(), res.referenceN()));
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, Estimate> e : res.metrics().entrySet()) {
                metrics.put(e.getKey(), metric(e.getValue()));
            }
            m.put("metrics", metrics);
            results.add(m);
        }
        root.put("results", results);
        return Json.document(root);
    }

    private static Map<String, Object> group(String description, long n) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("group", description);
        g.put("n", n);
        return g;
    }

    private static Map<String, Object> metric(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        double v = e.value();
        m.put("value", e.status() != Status.OK ? null
                : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : (Object) v);
        m.put("n", e.n());
        m.put("ci", e.interval() == null ? null : List.of(e.interval().lo(), e.interval().hi()));
        m.put("status", e.status().name());
        if (e.reason() != null) {
            m.put("reason", e.reason());
        }
        return m;
    }

    private static String number(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String value(Estimate e) {
        return e.status() == Status.OK ? number(e.value()) : "UNDEFINED";
    }

    private static String interval(Estimate e) {
        return e.interval() == null ? "" : "[" + number(e.interval().lo()) + ", " + number(e.interval().hi()) + "]";
    }

    /** Console text: one table per monitored group, then the orientation of each metric. */
    public static String text(BiasReport r) {
        StringBuilder out = new StringBuilder();
        boolean strict = r.spec().mode() == BiasMode.STRICT;
        out.append(String.format(Locale.ROOT, "bias metrics (%s mode) of %s: %d rows%s; positive: %s%s%n",
                r.spec().mode().name().toLowerCase(Locale.ROOT), r.source(), r.rows(),
                r.rowsExcluded() > 0 ? " (" + r.rowsExcluded() + " left out: missing value)" : "", r.positiveRule(),
                r.spec().prediction() == null ? "" : "; prediction: " + r.spec().prediction()));
        if (strict) {
            out.append(String.format(Locale.ROOT, "intervals: %.0f%% bootstrap percentile, %d replicates, seed %d%n",
                    100 * r.spec().confidence(), r.spec().replicates(), r.spec().seed()));
        }
        for (BiasResult res : r.results()) {
            out.append(String.format(Locale.ROOT, "%nmonitored %s (n=%d) vs reference %s (n=%d)%n", res.monitored(),
                    res.monitoredN(), res.reference(), res.referenceN()));
            out.append(strict ? String.format(Locale.ROOT, "  %-6s %10s  %s%n", "metric", "value",
                    String.format(Locale.ROOT, "%.0f%% interval", 100 * r.spec().confidence()))
                    : String.format(Locale.ROOT, "  %-6s %10s%n", "metric", "value"));
            for (Map.Entry<String, Estimate> e : res.metrics().entrySet()) {
                Estimate est = e.getValue();
                String line = strict ? String.format(Locale.ROOT, "  %-6s %10s  %-20s", e.getKey(), value(est), interval(est))
                        : String.format(Locale.ROOT, "  %-6s %10s", e.getKey(), value(est));
                if (est.status() != Status.OK) {
                    line = line + "  (" + est.reason() + ")";
                }
                out.append(line.stripTrailing()).append('\n');
            }
        }
        out.append("\nsee docs/bias-metrics.md for each metric's formula and which sign means the monitored group is disadvantaged\n");
        return out.toString();
    }

    /** A static HTML page (no scripts): one table per monitored group with each metric's orientation. */
    public static String html(BiasReport r) {
        Doc doc = new Doc("Bias metrics: " + r.spec().facet(), r.source() + " · " + r.rows() + " rows · positive: "
                + r.positiveRule() + " · " + r.spec().mode().name().toLowerCase(Locale.ROOT) + " mode");
        boolean strict = r.spec().mode() == BiasMode.STRICT;
        int i = 0;
        for (BiasResult res : r.results()) {
            doc.h2(res.monitored() + " vs " + res.reference(), "g" + i++);
            doc.p("monitored n = " + res.monitoredN() + ", reference n = " + res.referenceN());
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Estimate> e : res.metrics().entrySet()) {
                BiasMetricCatalog.Entry info = BiasMetricCatalog.of(e.getKey());
                Estimate est = e.getValue();
                List<String> row = new ArrayList<>(List.of(e.getKey(), value(est)));
                if (strict) {
                    row.add(interval(est));
                }
                row.add(est.status() == Status.OK ? (info == null ? "" : info.orientation()) : est.reason());
                rows.add(row);
            }
            List<String> header = strict ? List.of("metric", "value", "interval", "orientation / reason")
                    : List.of("metric", "value", "orientation / reason");
            doc.table("Bias metrics of " + res.monitored(), header, rows);
        }
        return HtmlWriter.page(doc);
    }
}
