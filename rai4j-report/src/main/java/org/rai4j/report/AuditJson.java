package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Provenance;
import org.rai4j.core.SliceKey;
import org.rai4j.fairness.AggregateValue;
import org.rai4j.fairness.Analysis;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.Conventions;
import org.rai4j.fairness.FairnessValue;
import org.rai4j.fairness.MetricAggregates;
import org.rai4j.fairness.PairTest;
import org.rai4j.fairness.SliceResult;

import java.util.Map;

/**
 * The {@code rai4j.audit/1} JSON rendering of an {@link AuditResult}: a public contract documented in
 * {@code docs/audit-json.md}. Numbers that are undefined are written as {@code null} next to a status and
 * a reason. Stateless and thread-safe.
 */
public final class AuditJson {
    private AuditJson() {}

    /** The audit as a JSON tree. */
    public static ObjectNode toTree(AuditResult r) {
        ObjectNode root = Json.object();
        root.put("schema", AuditResult.SCHEMA);
        root.put("task", r.spec().task().id());
        root.put("n", r.n());
        root.put("seed", r.spec().seed());
        root.set("provenance", provenance(r.provenance()));
        ArrayNode classes = root.putArray("classes");
        r.classes().forEach(classes::add);
        root.put("confidence", r.spec().confidence());
        root.put("min_group_size", r.spec().minGroupSize());
        root.put("bootstrap", r.spec().bootstrap());
        root.put("bootstrap_method", r.bootstrapMethod());
        if (r.scoreBinning() != null) {
            ObjectNode b = root.putObject("score_binning");
            b.put("bins", r.scoreBinning().bins());
            b.put("exact", r.scoreBinning().exact());
            b.put("auc_error_bound", r.scoreBinning().aucErrorBound());
            b.put("brier_error_bound", r.scoreBinning().brierErrorBound());
            b.put("ece_error_bound", r.scoreBinning().eceErrorBound());
        }
        root.put("adjust", r.spec().adjust().toString());
        ArrayNode groups = root.putArray("group_columns");
        r.spec().groups().forEach(groups::add);
        ArrayNode conventions = root.putArray("conventions");
        Conventions.describe().forEach(conventions::add);
        analysis(root, r.main());
        ArrayNode byControl = root.putArray("by_control");
        for (Analysis a : r.byControl()) {
            ObjectNode node = byControl.addObject();
            node.set("control", slice(a.control()));
            analysis(node, a);
        }
        return root;
    }

    /** The audit as indented JSON text. */
    public static String toJson(AuditResult r) {
        return Json.document(toTree(r)) + "\n";
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode n = Json.object();
        n.put("tool", p.tool());
        n.put("version", p.version());
        n.put("jvm", p.jvm());
        if (p.seed() != null) {
            n.put("seed", p.seed());
        }
        ObjectNode inputs = n.putObject("inputs_sha256");
        p.inputs().forEach(inputs::put);
        ObjectNode config = n.putObject("config");
        p.config().forEach(config::put);
        return n;
    }

    private static void analysis(ObjectNode node, Analysis a) {
        node.set("overall", sliceResult(a.overall(), false));
        ArrayNode groups = node.putArray("groups");
        for (SliceResult s : a.groups()) {
            groups.add(sliceResult(s, true));
        }
        ObjectNode aggs = node.putObject("aggregates");
        for (Map.Entry<String, MetricAggregates> e : a.aggregates().entrySet()) {
            aggs.set(e.getKey(), aggregates(e.getValue()));
        }
        ObjectNode fair = node.putObject("fairness");
        for (Map.Entry<String, FairnessValue> e : a.fairness().entrySet()) {
            fair.set(e.getKey(), fairness(e.getValue()));
        }
    }

    private static ObjectNode sliceResult(SliceResult s, boolean withKey) {
        ObjectNode n = Json.object();
        if (withKey) {
            n.set("slice", slice(s.slice()));
        }
        n.put("n", s.n());
        n.put("status", s.status().name());
        if (s.reason() != null) {
            n.put("reason", s.reason());
        }
        ObjectNode metrics = n.putObject("metrics");
        for (Map.Entry<String, Estimate> e : s.metrics().entrySet()) {
            metrics.set(e.getKey(), estimate(e.getValue()));
        }
        ObjectNode counts = n.putObject("counts");
        s.counts().forEach((k, v) -> Json.putCount(counts, k, v));
        return n;
    }

    /**
     * The {@code resampling_units} object of a speech audit JSON: method, statistics, finest slices,
     * number of units and entries {@code [unit, slice, rows, statistics…]}.
     */
    public static ObjectNode resamplingUnits(org.rai4j.fairness.ResamplingUnits u) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("method", u.method());
        n.put("units", u.units());
        com.fasterxml.jackson.databind.node.ArrayNode stats = n.putArray("statistics");
        u.statistics().forEach(stats::add);
        com.fasterxml.jackson.databind.node.ArrayNode finest = n.putArray("finest");
        u.finest().forEach(f -> finest.add(slice(f)));
        com.fasterxml.jackson.databind.node.ArrayNode entries = n.putArray("entries");
        for (org.rai4j.fairness.ResamplingUnits.Entry e : u.entries()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = entries.addArray();
            a.add(e.unit()).add(e.slice()).add(e.rows());
            for (double v : e.values()) {
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    a.add((long) v);
                } else {
                    a.add(v);
                }
            }
        }
        return n;
    }

    static ObjectNode slice(SliceKey key) {
        ObjectNode n = Json.object();
        key.asMap().forEach(n::put);
        return n;
    }

    private static ObjectNode estimate(Estimate e) {
        ObjectNode n = Json.object();
        Json.putCount(n, "value", e.value());
        interval(n, e.interval());
        n.put("n", e.n());
        n.put("status", e.status().name());
        if (e.reason() != null) {
            n.put("reason", e.reason());
        }
        return n;
    }

    private static ObjectNode aggregates(MetricAggregates m) {
        ObjectNode n = Json.object();
        ObjectNode intervals = Json.object();
        for (String name : MetricAggregates.NAMES) {
            AggregateValue v = m.get(name);
            Json.putCount(n, name, v.value());
            if (v.interval() != null) {
                intervals.set(name, Json.array().add(v.interval().lo()).add(v.interval().hi()));
            }
            if (v.reason() != null && !n.has("reason")) {
                n.put("reason", v.reason());
            }
        }
        n.set("ci", intervals);
        String method = null;
        for (String name : MetricAggregates.NAMES) {
            if (m.get(name).interval() != null) {
                method = m.get(name).interval().method().name().toLowerCase(java.util.Locale.ROOT);
                break;
            }
        }
        if (method != null) {
            n.put("ci_method", method);
        }
        if (m.argMin() != null) {
            n.set("arg_min", slice(m.argMin()));
            n.set("arg_max", slice(m.argMax()));
        }
        ArrayNode ex = n.putArray("excluded");
        m.excluded().forEach(ex::add);
        if (!m.pairs().isEmpty()) {
            n.put("pair_count", m.pairCount());
            ArrayNode pairs = n.putArray("pairs");
            for (PairTest t : m.pairs()) {
                ObjectNode o = pairs.addObject();
                o.set("high", slice(t.high()));
                o.set("low", slice(t.low()));
                Json.putCount(o, "difference", t.difference());
                interval(o, t.interval());
                Json.putCount(o, "p_value", t.pValue());
                Json.putCount(o, "p_value_adjusted", t.pValueAdjusted());
            }
        }
        return n;
    }

    private static ObjectNode fairness(FairnessValue f) {
        ObjectNode n = Json.object();
        Json.putCount(n, "value", f.value());
        interval(n, f.interval());
        if (f.significant() != null) {
            n.put("significant", f.significant());
            Json.putCount(n, "p_value_adjusted", f.pValue());
        }
        n.put("status", f.status().name());
        if (f.reason() != null) {
            n.put("reason", f.reason());
        }
        n.put("metric", f.metric());
        if (f.high() != null) {
            n.set("high", slice(f.high()));
            n.set("low", slice(f.low()));
        }
        return n;
    }

    private static void interval(ObjectNode n, Interval ci) {
        if (ci == null) {
            n.putNull("ci");
        } else {
            n.set("ci", Json.array().add(ci.lo()).add(ci.hi()));
            n.put("ci_method", ci.method().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

}
