package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rai4j.core.Interval;
import org.rai4j.core.Table;
import org.rai4j.mitigation.MitigationResult;

/**
 * Renderings of a {@link MitigationResult} ({@code rai4j mitigate}): console before/after table, JSON
 * ({@code rai4j.mitigate/1}, with both audits in full), a static HTML page and the predictions CSV. Stateless.
 */
public final class MitigationRendering {
    /** The JSON schema identifier. */
    public static final String SCHEMA = "rai4j.mitigate/1";

    private MitigationRendering() {}

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ci(Interval i) {
        return i == null ? "" : "[" + num(i.lo()) + ", " + num(i.hi()) + "]";
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.3f", v);
    }

    private static List<List<String>> rows(MitigationResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (MitigationResult.Comparison c : r.comparisons()) {
            rows.add(List.of(c.metric(), num(c.before()) + " " + ci(c.beforeCi()), num(c.after()) + " " + ci(c.afterCi()),
                    signed(c.change()) + " " + ci(c.changeCi())));
        }
        return rows;
    }

    private static String title(MitigationResult r) {
        return String.format(Locale.ROOT, "rai4j mitigate · %s · %s · group %s · %d training rows, %d test rows · seed %d",
                r.spec().method().name().toLowerCase(Locale.ROOT), r.spec().constraint().name().toLowerCase(Locale.ROOT),
                r.spec().group(), r.trainRows(), r.testRows(), r.spec().seed());
    }

    /** Console text: what was learned, then the before/after table on the test rows. */
    public static String text(MitigationResult r) {
        StringBuilder out = new StringBuilder(title(r)).append('\n');
        for (String d : r.details()) {
            out.append(d).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%non the %d test rows (95%% paired bootstrap intervals, B=%d):%n", r.testRows(),
                r.spec().bootstrap()));
        out.append(String.format(Locale.ROOT, "  %-30s %-22s %-22s %s%n", "metric", "before", "after", "change"));
        for (List<String> row : rows(r)) {
            out.append(String.format(Locale.ROOT, "  %-30s %-22s %-22s %s%n", row.get(0), row.get(1), row.get(2), row.get(3)));
        }
        MitigationResult.Comparison acc = r.comparisons().get(0);
        out.append(String.format(Locale.ROOT, "accuracy cost: %.3f %s%n", -acc.change(),
                acc.changeCi() == null ? "" : "[" + num(-acc.changeCi().hi()) + ", " + num(-acc.changeCi().lo()) + "]"));
        return out.toString();
    }

    /** The JSON document. */
    public static String json(MitigationResult r) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("method", r.spec().method().name().toLowerCase(Locale.ROOT));
        root.put("constraint", r.spec().constraint().name().toLowerCase(Locale.ROOT));
        root.put("source", r.source());
        root.put("sha256", r.sha256());
        root.put("group", r.spec().group());
        root.put("label", r.spec().label());
        root.put("positive_label", r.spec().positiveLabel());
        root.put("seed", r.spec().seed());
        root.put("train_rows", r.trainRows());
        root.put("test_rows", r.testRows());
        ArrayNode det = root.putArray("details");
        r.details().forEach(det::add);
        ArrayNode cmp = root.putArray("comparison");
        for (MitigationResult.Comparison c : r.comparisons()) {
            ObjectNode o = cmp.addObject();
            o.put("metric", c.metric());
            Json.put(o, "before", c.before());
            interval(o, "before_ci", c.beforeCi());
            Json.put(o, "after", c.after());
            interval(o, "after_ci", c.afterCi());
            Json.put(o, "change", c.change());
            interval(o, "change_ci", c.changeCi());
        }
        root.set("audit_before", AuditJson.toTree(r.before()));
        root.set("audit_after", AuditJson.toTree(r.after()));
        return Json.document(root) + "\n";
    }

    private static void interval(ObjectNode o, String key, Interval i) {
        if (i == null) {
            o.putNull(key);
        } else {
            ArrayNode a = o.putArray(key);
            a.add(i.lo());
            a.add(i.hi());
        }
    }

    /** A static HTML page: the before/after table, what was learned, and both audits' metric tables. */
    public static String html(MitigationResult r) {
        Doc doc = new Doc("rai4j mitigate", title(r));
        doc.h2("Before and after", "comparison");
        doc.table("Test rows, 95% paired bootstrap intervals", List.of("metric", "before", "after", "change"), rows(r));
        doc.h2("What the mitigation learned", "details");
        doc.bullets(r.details());
        List<String> shown = List.of("selection_rate", "true_positive_rate", "false_positive_rate", "accuracy");
        doc.h2("Audit before", "before");
        for (String m : shown) {
            doc.h3(Findings.humanName(m) + " before", "before-" + m);
            AuditSections.metric(doc, r.before(), r.before().main(), m, "before");
        }
        doc.h2("Audit after", "after");
        for (String m : shown) {
            doc.h3(Findings.humanName(m) + " after", "after-" + m);
            AuditSections.metric(doc, r.after(), r.after().main(), m, "after");
        }
        return HtmlWriter.page(doc);
    }

    /** The predictions CSV: every column of the input, then split, prediction_before, prediction_after. */
    public static String csv(Table table, MitigationResult r) {
        StringBuilder out = new StringBuilder();
        List<String> cols = table.columnNames();
        for (String c : cols) {
            out.append(field(c)).append(',');
        }
        out.append("split,prediction_before,prediction_after\n");
        int[] split = r.split();
        int[] before = r.predictionBefore();
        int[] after = r.predictionAfter();
        try {
            for (int i = 0; i < table.rowCount(); i++) {
                for (String c : cols) {
                    String v = table.column(c).text(i);
                    out.append(v == null ? "" : field(v)).append(',');
                }
                out.append(split[i] == 0 ? "train" : split[i] == 1 ? "test" : "").append(',')
                        .append(before[i] < 0 ? "" : Integer.toString(before[i])).append(',')
                        .append(after[i] < 0 ? "" : Integer.toString(after[i])).append('\n');
            }
        } catch (org.rai4j.core.DataFileException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String field(String v) {
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
