package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.core.Estimate;
import org.rai4j.privacy.audit.AttackMetrics;
import org.rai4j.privacy.audit.EmpiricalEpsilon;
import org.rai4j.privacy.audit.OneRunAudit;
import org.rai4j.privacy.audit.PrivacyAudit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renderings of privacy audits (membership inference, empirical ε): JSON under the one policy, console text and
 * a static HTML page with log-log ROC plots.
 *
 * <p>{@code rai4j.privacy-audit/1}: {@code {"schema":…,"source":…,"sha256":…,"model":…,"settings":{…},"data":{…},
 * "rows":[{"theoretical_epsilon":8|"Infinity","noise_multiplier":…|null,"accountant_epsilon":…|null,
 * "test_accuracy":{"value":…,"n":…,"ci":[lo,hi]},"train_accuracy":…,"attacks":{"loss":{"auc":{"value":…,"ci":[…]},
 * "tpr_at_0.001_fpr":{…},"tpr_at_0.01_fpr":{…},"balanced_accuracy":{…},"empirical_epsilon_lower_bound":{"value":…,…}},…},
 * "empirical_epsilon_lower_bound":…,"one_run":{…}}]}}}: the row-level {@code empirical_epsilon_lower_bound} is the
 * one-run canary bound; each attack's is its Clopper–Pearson bound. ε = ∞ is the string {@code "Infinity"}
 * where it is a setting (the theoretical ε), {@code null} elsewhere (the one JSON policy).
 */
public final class PrivacyAuditReport {
    private PrivacyAuditReport() {}

    /** A one-run audit bound as one JSON object: the bound first, then the counts and settings it came from. */
    public static ObjectNode boundJson(OneRunAudit.Bound b) {
        ObjectNode o = Json.object();
        Json.put(o, "epsilon_lower_bound", b.epsilonLowerBound());
        o.put("confidence", 1 - b.beta());
        o.put("canaries", b.canaries());
        o.put("guesses", b.guesses());
        o.put("correct", b.correct());
        o.put("delta", b.delta());
        o.put("method", "one-run (Steinke, Nasr, Jagielski 2023)");
        return o;
    }

    /** A one-run audit bound as text. */
    public static String boundText(OneRunAudit.Bound b) {
        return String.format("epsilon lower bound  %.6f  (confidence %s, delta %s)%n", b.epsilonLowerBound(),
                percent(1 - b.beta()), b.delta())
                + String.format("guesses              %d correct of %d guesses on %d canaries%n", b.correct(), b.guesses(),
                b.canaries())
                + String.format("method               one-run audit (Steinke, Nasr, Jagielski 2023)%n");
    }

    /** The JSON schema identifier of an audit. */
    public static final String AUDIT_SCHEMA = "rai4j.privacy-audit/1";

    /** An audit as an indented JSON document ({@value #AUDIT_SCHEMA}). */
    public static String auditJson(PrivacyAudit.Result r) {
        PrivacyAudit.Spec s = r.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", AUDIT_SCHEMA);
        root.put("source", r.source());
        root.put("sha256", r.sha256());
        root.put("label", s.label());
        root.put("classes", r.classes());
        root.put("model", s.model().id());
        root.put("shape", r.shape());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batch_size", s.batchSize());
        settings.put("clip", s.clip());
        settings.put("learning_rate", s.learningRate());
        settings.put("delta", s.delta());
        settings.put("accountant", "rdp");
        settings.put("noise", "seeded simulation stream (the audit's models are never released)");
        settings.put("reference_models", s.needsReferences() ? s.referenceModels() : 0);
        settings.put("canaries", s.canaries());
        settings.put("confidence", s.confidence());
        settings.put("bootstrap_replicates", s.replicates());
        settings.put("seed", s.seed());
        root.put("settings", settings);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pool_rows", r.poolRows());
        data.put("pool_members", r.members());
        data.put("canaries", r.canaryRows());
        data.put("canaries_included", r.canariesIn());
        data.put("test_rows", r.testRows());
        root.put("data", data);
        List<Object> rows = new ArrayList<>();
        for (PrivacyAudit.Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("theoretical_epsilon", Double.isInfinite(row.theoreticalEpsilon()) ? "Infinity" : (Object) row.theoreticalEpsilon());
            m.put("noise_multiplier", Json.number(row.noiseMultiplier()));
            m.put("accountant_epsilon", Json.number(row.spentEpsilon()));
            m.put("test_accuracy", estimate(row.testAccuracy()));
            m.put("train_accuracy", Json.number(row.trainAccuracy()));
            Map<String, Object> attacks = new LinkedHashMap<>();
            for (PrivacyAudit.AttackOutcome o : row.attacks()) {
                Map<String, Object> a = new LinkedHashMap<>();
                AttackMetrics.Result mr = o.metrics();
                a.put("auc", estimate(mr.auc()));
                a.put("tpr_at_0.001_fpr", estimate(mr.tprAt01PctFpr()));
                a.put("tpr_at_0.01_fpr", estimate(mr.tprAt1PctFpr()));
                a.put("balanced_accuracy", estimate(mr.balancedAccuracy()));
                EmpiricalEpsilon.Bound b = o.empirical();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("value", Json.number(b.epsilonLowerBound()));
                e.put("method", "clopper-pearson; threshold chosen on a random half of the pool, counted on the other half");
                e.put("true_positives", b.truePositives());
                e.put("members", b.members());
                e.put("false_positives", b.falsePositives());
                e.put("non_members", b.nonMembers());
                a.put("empirical_epsilon_lower_bound", e);
                attacks.put(o.attack().id(), a);
            }
            m.put("attacks", attacks);
            OneRunAudit.Bound b = row.oneRun();
            m.put("empirical_epsilon_lower_bound", Json.number(b.epsilonLowerBound()));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("method", "one-run (Steinke, Nasr, Jagielski 2023), canaries scored by loss");
            one.put("canaries", b.canaries());
            one.put("guesses", b.guesses());
            one.put("correct", b.correct());
            one.put("delta", b.delta());
            one.put("confidence", 1 - b.beta());
            m.put("one_run", one);
            rows.add(m);
        }
        root.put("rows", rows);
        return Json.document(root);
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", Json.number(e.value()));
        m.put("n", e.n());
        m.put("ci", e.interval() == null ? null : List.of(Json.number(e.interval().lo()), Json.number(e.interval().hi())));
        return m;
    }

    /** An audit as console text: the settings, then one block per theoretical ε with a line per attack. */
    public static String auditText(PrivacyAudit.Result r) {
        PrivacyAudit.Spec s = r.spec();
        StringBuilder out = new StringBuilder();
        String conf = percent(s.confidence());
        out.append(String.format(Locale.ROOT, "privacy audit of %s: %s, %s%n", r.source(), s.model().id(), r.shape()));
        out.append(String.format(Locale.ROOT, "rows: pool %d (%d members of the target), %d canaries (%d included), %d test; "
                + "label %s %s%n", r.poolRows(), r.members(), r.canaryRows(), r.canariesIn(), r.testRows(), s.label(), r.classes()));
        out.append(String.format(Locale.ROOT, "training: %d epochs, batch %d, learning rate %s; DP-SGD clip %s, RDP accountant, "
                + "delta %s; %s%n", s.epochs(), s.batchSize(), num(s.learningRate()), num(s.clip()), s.delta(),
                s.needsReferences() ? s.referenceModels() + " reference models per epsilon" : "no reference models"));
        out.append(String.format(Locale.ROOT, "intervals: %s (attacks: bootstrap, %d replicates; accuracy: Wilson); "
                + "epsilon lower bounds at %s confidence%n", conf, s.replicates(), conf));
        for (PrivacyAudit.Row row : r.rows()) {
            boolean inf = Double.isInfinite(row.theoreticalEpsilon());
            out.append(String.format(Locale.ROOT, "%ntheoretical epsilon %s%s: test accuracy %s; one-run epsilon >= %.3f "
                            + "(%d of %d canary guesses right)%n", PrivacyAudit.epsilonText(row.theoreticalEpsilon()),
                    inf ? " (plain SGD)" : String.format(Locale.ROOT, " (sigma %.3f)", row.noiseMultiplier()),
                    withInterval(row.testAccuracy()), row.oneRun().epsilonLowerBound(), row.oneRun().correct(),
                    row.oneRun().guesses()));
            out.append(String.format(Locale.ROOT, "  %-13s %-24s %-24s %-24s %-9s %s%n", "attack", "AUC", "TPR@0.1%FPR", "TPR@1%FPR",
                    "bal.acc", "epsilon >= (CP)"));
            for (PrivacyAudit.AttackOutcome o : row.attacks()) {
                AttackMetrics.Result m = o.metrics();
                out.append(String.format(Locale.ROOT, "  %-13s %-24s %-24s %-24s %-9s %.3f%n", o.attack().id(), withInterval(m.auc()),
                        withInterval(m.tprAt01PctFpr()), withInterval(m.tprAt1PctFpr()),
                        String.format(Locale.ROOT, "%.4f", m.balancedAccuracy().value()), o.empirical().epsilonLowerBound()));
            }
        }
        return out.toString();
    }

    /** An audit as a static HTML page: a summary table, then per ε the attacks' table and their ROC curves (log-log). */
    public static String auditHtml(PrivacyAudit.Result r) {
        PrivacyAudit.Spec s = r.spec();
        Doc doc = new Doc("Privacy audit: " + s.model().id(), r.source() + " · pool " + r.poolRows() + " rows · "
                + r.canaryRows() + " canaries · " + r.testRows() + " test rows · delta " + s.delta());
        doc.p("Each theoretical epsilon trains the target model (and " + (s.needsReferences() ? s.referenceModels() : 0)
                + " reference models) on the same data; attacks score every pool row, about half of which the target trained on. "
                + "Epsilon lower bounds hold at " + percent(s.confidence()) + " confidence; a bound far below the theoretical "
                + "epsilon may mean a loose analysis or a weak attack.");
        List<String> header = new ArrayList<>(List.of("theoretical epsilon", "test accuracy", "one-run epsilon >="));
        for (PrivacyAudit.Attack a : s.attacks()) {
            header.add(a.id() + " AUC");
            header.add(a.id() + " TPR@0.1%FPR");
        }
        List<List<String>> rows = new ArrayList<>();
        for (PrivacyAudit.Row row : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(PrivacyAudit.epsilonText(row.theoreticalEpsilon()),
                    withInterval(row.testAccuracy()), String.format(Locale.ROOT, "%.3f", row.oneRun().epsilonLowerBound())));
            for (PrivacyAudit.AttackOutcome o : row.attacks()) {
                cells.add(withInterval(o.metrics().auc()));
                cells.add(withInterval(o.metrics().tprAt01PctFpr()));
            }
            rows.add(cells);
        }
        doc.table("Theory next to measurement", header, rows);
        int i = 0;
        for (PrivacyAudit.Row row : r.rows()) {
            String eps = PrivacyAudit.epsilonText(row.theoreticalEpsilon());
            doc.h2("Theoretical epsilon " + eps, "eps-" + i);
            doc.p("test accuracy " + withInterval(row.testAccuracy()) + "; one-run bound " + String.format(Locale.ROOT, "%.3f",
                    row.oneRun().epsilonLowerBound()) + " (" + row.oneRun().correct() + " of " + row.oneRun().guesses()
                    + " canary guesses right)" + (Double.isNaN(row.noiseMultiplier()) ? "; plain SGD"
                    : String.format(Locale.ROOT, "; noise multiplier %.3f", row.noiseMultiplier())));
            List<List<String>> t = new ArrayList<>();
            List<RocPlot.Curve> curves = new ArrayList<>();
            int nonMembers = 0;
            for (PrivacyAudit.AttackOutcome o : row.attacks()) {
                AttackMetrics.Result m = o.metrics();
                t.add(List.of(o.attack().id(), withInterval(m.auc()), withInterval(m.tprAt01PctFpr()), withInterval(m.tprAt1PctFpr()),
                        String.format(Locale.ROOT, "%.4f", m.balancedAccuracy().value()),
                        String.format(Locale.ROOT, "%.3f", o.empirical().epsilonLowerBound())));
                curves.add(new RocPlot.Curve(o.attack().id() + String.format(Locale.ROOT, " (AUC %.3f)", m.auc().value()),
                        m.roc().fpr(), m.roc().tpr()));
                nonMembers = m.nonMembers();
            }
            doc.table("Attacks at theoretical epsilon " + eps, List.of("attack", "AUC", "TPR@0.1%FPR", "TPR@1%FPR",
                    "balanced accuracy", "epsilon >= (Clopper-Pearson)"), t);
            doc.figure(RocPlot.svg("roc-" + i, "ROC curves at theoretical epsilon " + eps + " (log-log)",
                    "True positive rate against false positive rate of each attack on log axes; the dashed diagonal is guessing. "
                            + "AUCs: " + String.join(", ", curves.stream().map(RocPlot.Curve::label).toList()), curves, nonMembers),
                    "ROC curves at theoretical epsilon " + eps + ", log-log as in the LiRA paper: the low-FPR corner is what matters.");
            i++;
        }
        return HtmlWriter.page(doc);
    }

    private static String withInterval(Estimate e) {
        if (e.interval() == null) {
            return String.format(Locale.ROOT, "%.4f", e.value());
        }
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.value(), e.interval().lo(), e.interval().hi());
    }

    private static String num(double v) {
        String t = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String percent(double c) {
        String s = String.format("%.4f", 100 * c).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
