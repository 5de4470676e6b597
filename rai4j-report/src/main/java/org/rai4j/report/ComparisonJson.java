package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Provenance;
import org.rai4j.fairness.ChangeEstimate;
import org.rai4j.fairness.ChangeFlag;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.SliceComparison;

/**
 * The {@code rai4j.compare/1} JSON rendering of a last-mile comparison (documented in
 * {@code docs/last-mile.md}): {@code {"slices":[{"slice":{…}, "baseline":{…}, "candidate":{…},
 * "change":{"value":…,"ci":[…]}, "differential":{"value":…,"ci":[…]}, "flag":…}], "summary":{…}}} plus
 * the settings, the overall change and both audits' provenance. Undefined numbers are {@code null}
 * next to a status and a reason. Stateless and thread-safe.
 */
public final class ComparisonJson {
    private ComparisonJson() {}

    /**
     * The comparison as a JSON tree.
     *
     * @param baselineSource  where the baseline audit came from (file name), for the record
     * @param candidateSource where the candidate audit came from
     */
    public static ObjectNode toTree(ComparisonResult r, String baselineSource, String candidateSource) {
        ObjectNode root = Json.object();
        root.put("schema", ComparisonResult.SCHEMA);
        root.put("task", r.task().id());
        root.put("metric", r.spec().metric());
        root.put("direction", r.direction().id());
        if (r.spec().reference() == null) {
            root.put("reference", "rest");
        } else {
            root.set("reference", AuditJson.slice(r.spec().reference()));
        }
        root.put("confidence", r.spec().confidence());
        root.put("bootstrap", r.spec().bootstrap());
        root.put("seed", r.spec().seed());
        root.put("adjust", r.spec().adjust().toString());
        root.put("method", r.method());
        root.set("baseline", audit(baselineSource, r.baselineRows(), r.baselineProvenance()));
        root.set("candidate", audit(candidateSource, r.candidateRows(), r.candidateProvenance()));
        root.set("overall", slice(r.overall()));
        ArrayNode slices = root.putArray("slices");
        r.slices().forEach(s -> slices.add(slice(s)));
        root.set("summary", summary(r));
        return root;
    }

    /** The comparison as indented JSON text. */
    public static String toJson(ComparisonResult r, String baselineSource, String candidateSource) {
        return Json.document(toTree(r, baselineSource, candidateSource)) + "\n";
    }

    private static ObjectNode summary(ComparisonResult r) {
        ObjectNode s = Json.object();
        ObjectNode flags = s.putObject("flags");
        for (ChangeFlag f : ChangeFlag.values()) {
            flags.put(f.name(), r.flagged(f).size());
        }
        ArrayNode diff = s.putArray("differential_degradation");
        r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION).forEach(c -> diff.add(AuditJson.slice(c.slice())));
        s.put("overall_flag", r.overall().flag().name());
        Json.put(s, "overall_change", r.overall().change().value());
        s.put("alpha", r.spec().alpha());
        s.put("smallest_possible_p_value", r.smallestPossiblePValue());
        s.put("verdict", ComparisonReport.verdict(r));
        return s;
    }

    private static ObjectNode audit(String source, long n, Provenance p) {
        ObjectNode a = Json.object();
        a.put("source", source);
        a.put("n", n);
        a.put("version", p.version());
        ObjectNode inputs = a.putObject("inputs_sha256");
        p.inputs().forEach(inputs::put);
        if (p.seed() != null) {
            a.put("seed", p.seed());
        }
        return a;
    }

    private static ObjectNode slice(SliceComparison c) {
        ObjectNode n = Json.object();
        n.set("slice", AuditJson.slice(c.slice()));
        n.set("baseline", estimate(c.baseline()));
        n.set("candidate", estimate(c.candidate()));
        n.set("change", change(c.change()));
        n.set("differential", change(c.differential()));
        n.put("flag", c.flag().name());
        n.put("reason", c.reason());
        return n;
    }

    private static ObjectNode estimate(Estimate e) {
        if (e == null) {
            return null;
        }
        ObjectNode n = Json.object();
        Json.put(n, "value", e.value());
        interval(n, e.interval());
        n.put("n", e.n());
        n.put("status", e.status().name());
        if (e.reason() != null) {
            n.put("reason", e.reason());
        }
        return n;
    }

    private static ObjectNode change(ChangeEstimate c) {
        ObjectNode n = Json.object();
        Json.put(n, "value", c.value());
        interval(n, c.interval());
        Json.put(n, "p_value", c.pValue());
        Json.put(n, "p_value_adjusted", c.pAdjusted());
        n.put("status", c.status().name());
        if (c.reason() != null) {
            n.put("reason", c.reason());
        }
        return n;
    }

    private static void interval(ObjectNode n, Interval ci) {
        if (ci == null) {
            n.putNull("ci");
        } else {
            n.set("ci", Json.array().add(ci.lo()).add(ci.hi()));
        }
    }

}
