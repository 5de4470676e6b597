package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rai4j.fairness.Disparities;

/**
 * Renderings of Aequitas-style {@link Disparities} ({@code rai4j audit … --reference-group}): the JSON member
 * {@code "disparities"} of the audit JSON, a console table and an HTML section. Stateless.
 */
public final class DisparityRendering {
    private DisparityRendering() {}

    /** The {@code disparities} JSON member. */
    public static ObjectNode tree(Disparities.Report d) {
        ObjectNode n = Json.object();
        n.put("reference_group", d.reference().label());
        n.put("parity_tolerance", d.tolerance());
        n.put("rule", "parity when tolerance <= disparity <= 1/tolerance; disparity = group value / reference value");
        ArrayNode rows = n.putArray("rows");
        for (Disparities.Disparity r : d.rows()) {
            ObjectNode o = rows.addObject();
            o.put("column", r.column());
            o.put("group", r.group());
            o.put("metric", r.metric());
            Json.put(o, "value", r.value());
            o.put("n", r.n());
            o.put("reference_group", r.referenceGroup());
            Json.put(o, "reference_value", r.referenceValue());
            Json.put(o, "disparity", r.ratio());
            o.put("parity", r.parity().name());
            if (r.reason() != null) {
                o.put("reason", r.reason());
            }
        }
        ArrayNode groups = n.putArray("group_parity");
        for (Disparities.GroupParity g : d.groups()) {
            ObjectNode o = groups.addObject();
            o.put("column", g.column());
            o.put("group", g.group());
            ObjectNode p = o.putObject("parities");
            for (Map.Entry<String, Boolean> e : g.parities().entrySet()) {
                if (e.getValue() == null) {
                    p.putNull(e.getKey());
                } else {
                    p.put(e.getKey(), e.getValue());
                }
            }
        }
        return n;
    }

    /** The audit JSON with the disparities appended as the last member. */
    public static String auditJson(org.rai4j.fairness.AuditResult r, Disparities.Report d) {
        ObjectNode root = AuditJson.toTree(r);
        root.set("disparities", tree(d));
        return Json.document(root) + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<List<String>> table(Disparities.Report d) {
        List<List<String>> rows = new ArrayList<>();
        for (Disparities.Disparity r : d.rows()) {
            rows.add(List.of(r.column() + "=" + r.group(), r.metric(), num(r.value()), r.referenceGroup() == null ? "—" : r.referenceGroup(),
                    num(r.referenceValue()), num(r.ratio()), r.parity() == Disparities.Parity.UNDEFINED ? "UNDEFINED: " + r.reason()
                            : r.parity().name()));
        }
        return rows;
    }

    /** Console text: one line per group × metric. */
    public static String text(Disparities.Report d) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%ndisparities (Aequitas): reference group %s; parity when %.2f <= disparity <= %.2f%n",
                d.reference().label(), d.tolerance(), 1 / d.tolerance()));
        out.append(String.format(Locale.ROOT, "  %-24s %-10s %8s  %-16s %8s  %9s  %s%n", "group", "metric", "value", "reference",
                "ref.value", "disparity", "parity"));
        for (List<String> r : table(d)) {
            out.append(String.format(Locale.ROOT, "  %-24s %-10s %8s  %-16s %8s  %9s  %s%n", r.get(0), r.get(1), r.get(2), r.get(3),
                    r.get(4), r.get(5), r.get(6)).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The HTML section (heading, rule, tables). */
    static void section(Doc doc, Disparities.Report d) {
        doc.h2("Disparities (Aequitas)", "disparities");
        doc.p(String.format(Locale.ROOT, "Each group's metric divided by the reference group's (%s); parity when %.2f ≤ disparity ≤ %.2f.",
                d.reference().label(), d.tolerance(), 1 / d.tolerance()));
        doc.table("Disparity of every group and metric", List.of("group", "metric", "value", "reference", "reference value",
                "disparity", "parity"), table(d));
        List<List<String>> g = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("group"));
        for (Disparities.GroupParity p : d.groups()) {
            if (header.size() == 1) {
                header.addAll(p.parities().keySet());
            }
            List<String> row = new ArrayList<>(List.of(p.column() + "=" + p.group()));
            p.parities().values().forEach(v -> row.add(v == null ? "undefined" : v ? "yes" : "NO"));
            g.add(row);
        }
        doc.table("Combined parities per group", header, g);
    }
}
