package org.rai4j.report;

import org.rai4j.core.Estimate;
import org.rai4j.core.Status;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.Direction;
import org.rai4j.fairness.SliceResult;
import org.rai4j.fairness.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service card ({@code rai4j card}): what a model or service is for, how it was evaluated, how it
 * performs overall and by group (with intervals), what the evaluation data covers and misses, the
 * fairness findings in plain words, known limitations, how a customer tests it on their own data
 * with {@code rai4j compare}, and provenance. The sections follow the public AWS AI Service Cards
 * (header, overview, intended uses and limitations, design, deployment best practices, further
 * information); the words come from a {@link CardContent}, every number from the audit. Rendered as
 * self-contained HTML (charts inline, no network) or Markdown. Stateless.
 */
public final class ServiceCard {
    private ServiceCard() {}

    /** The card as a self-contained HTML page. */
    public static String html(AuditResult audit, CardContent content, String auditSource) {
        return HtmlWriter.page(document(audit, content, auditSource, true));
    }

    /** The card as Markdown (charts omitted; their numbers are in the tables). */
    public static String markdown(AuditResult audit, CardContent content, String auditSource) {
        return MarkdownWriter.render(document(audit, content, auditSource, false));
    }

    static Doc document(AuditResult r, CardContent c, String auditSource, boolean charts) {
        List<String> metrics = ConsoleReport.defaultMetrics(r);
        String name = c.name() == null ? "(unnamed service: add 'name' to the card YAML)" : c.name();
        Doc doc = new Doc("Service card: " + name, String.format(Locale.ROOT, "%s%s · numbers from audit %s (%d rows, rai4j %s)",
                c.version() == null ? "version not given" : "version " + c.version(), c.date() == null ? "" : " · " + c.date(),
                auditSource, r.n(), r.provenance().version()));
        doc.p("A service card says what a model or service is for, how it was evaluated and how it performs for different "
                + "groups of people, so that you can decide whether and how to use it. It evolves with feedback. Every number "
                + "below comes from a stored rai4j audit, with its sample size n and its " + pct(r) + " interval; nothing is typed by hand.");
        doc.note("Performance on your own data can differ: assess it on your content, for each use case, before and after "
                + "deployment. The section on testing on your own data gives the exact commands.");

        doc.h2("Overview", "overview");
        doc.p(text(c.overview(), "overview"));
        doc.p("How quality is assessed: " + metricDefinitions(r, metrics));

        doc.h2("Intended uses and limitations", "uses");
        doc.h3("Intended uses", "intended-uses");
        list(doc, c.intendedUses(), "intended_uses");
        doc.h3("Intended users", "intended-users");
        list(doc, c.intendedUsers(), "intended_users");
        doc.h3("Uses to avoid", "uses-to-avoid");
        list(doc, c.usesToAvoid(), "uses_to_avoid");
        doc.h3("Known limitations", "limitations");
        List<String> limits = new ArrayList<>(c.limitations());
        limits.addAll(measuredLimitations(r));
        list(doc, limits, "limitations");

        doc.h2("Design and evaluation", "design");
        doc.h3("Model or service", "model");
        doc.p(text(c.description(), "description"));
        doc.h3("Evaluation data and its coverage", "evaluation-data");
        doc.p(text(c.evaluationData(), "evaluation_data"));
        AuditSections.coverage(doc, r);

        doc.h2("Performance overall and by group", "performance");
        overallTable(doc, r, metrics);
        byGroupTable(doc, r, metrics);
        if (charts) {
            for (String m : metrics) {
                AuditSections.metric(doc, r, r.main(), m, "card");
            }
        }
        doc.h3("Fairness findings", "fairness");
        doc.bullets(Findings.fairness(r, metrics));

        doc.h2("Deployment and testing on your own data", "deployment");
        list(doc, c.deploymentGuidance(), "deployment_guidance");
        doc.p("Test the model on your own data before you rely on it, and again whenever conditions change (new sites, "
                + "devices, populations, vocabulary). Label a sample of your data, run the model on it, and compare your "
                + "audit with this card's baseline audit (" + auditSource + "). The comparison shows, slice by slice, how the "
                + "metric changed and whether some group lost more than the rest (DIFFERENTIAL_DEGRADATION), with intervals "
                + "and multiple-comparison adjustment:");
        if (r.spec().task() == Task.REGRESSION) {
            doc.note("This audit is a regression audit: rai4j compare supports binary and multiclass audits, so compare "
                    + "your audit's tables with this card by hand until regression comparisons are supported.");
        } else {
            doc.code(customerCommand(r, auditSource));
            doc.p("Or, from two stored audits:");
            doc.code("rai4j compare --baseline " + quote(auditSource) + " --candidate your-audit.json --metric "
                    + comparedMetric(r) + " --html last-mile.html");
            doc.p("Exit status 3 means a slice degrades differentially, so the command can gate a deployment pipeline.");
        }
        if (c.privacyAndSecurity() != null) {
            doc.h3("Privacy and security", "privacy");
            doc.p(c.privacyAndSecurity());
        }

        doc.h2("Further information", "further");
        doc.p(c.contact() == null ? "Contact: not provided (add 'contact' to the card YAML)." : "Contact: " + c.contact());
        if (!c.glossary().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            c.glossary().forEach((k, v) -> rows.add(List.of(k, v)));
            doc.table("Glossary", List.of("term", "definition"), rows);
        }
        doc.h3("Conventions", "conventions");
        AuditSections.conventions(doc, r);
        doc.h3("Provenance", "provenance");
        AuditSections.provenance(doc, r.provenance(), auditSource);
        return doc;
    }

    /** The one-line customer test kit: audit your data against this card's baseline. */
    static String customerCommand(AuditResult r, String auditSource) {
        Map<String, String> cfg = r.provenance().config();
        StringBuilder sb = new StringBuilder("rai4j audit --data your-data.csv");
        if (r.spec().task() != Task.BINARY) {
            sb.append(" --task ").append(r.spec().task().id());
        }
        if (r.spec().task() == Task.SPEECH) {
            sb.append(" --reference ").append(quote(r.spec().label())).append(" --hypothesis ").append(quote(r.spec().prediction()));
            if (cfg.containsKey("cluster")) {
                sb.append(" --cluster ").append(quote(cfg.get("cluster")));
            }
            String norm = cfg.get("normalization");
            if (norm != null && !norm.equals("lowercase,remove-punctuation,split-on-whitespace")) {
                // the same normalisation as the baseline, step by step (steps always run in a fixed order)
                sb.append(" --normalize none");
                for (String step : norm.split(",")) {
                    if (!step.isBlank() && !step.equals("split-on-whitespace")) {
                        sb.append(" --also ").append(step);
                    }
                }
            }
        } else {
            sb.append(" --label ").append(quote(r.spec().label())).append(" --prediction ").append(quote(r.spec().prediction()));
        }
        if (r.spec().task() == Task.BINARY && !"1".equals(r.spec().positiveLabel())) {
            sb.append(" --positive-label ").append(quote(r.spec().positiveLabel()));
        }
        for (String g : r.spec().groups()) {
            sb.append(" --group ").append(quote(g));
        }
        if (!cfg.getOrDefault("missing_group", "error").equals("error")) {
            sb.append(" --missing-group ").append(cfg.get("missing_group"));
        }
        sb.append(" --min-group-size ").append(r.spec().minGroupSize());
        sb.append(" \\\n    --baseline ").append(quote(auditSource)).append(" --metric ").append(comparedMetric(r))
                .append(" --fail-on differential --html last-mile.html");
        return sb.toString();
    }

    /** The metric a customer compares: the word error rate for speech, the error rate otherwise. */
    private static String comparedMetric(AuditResult r) {
        return r.spec().task() == Task.SPEECH ? "wer" : "error_rate";
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static void overallTable(Doc doc, AuditResult r, List<String> metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (String m : metrics) {
            Estimate e = r.main().overall().metric(m);
            rows.add(List.of(Findings.humanName(m), value(e), Findings.ci(e.interval()), Long.toString(e.n())));
        }
        doc.table("Overall (" + r.n() + " rows, " + pct(r) + " intervals)", List.of("metric", "value", "interval", "n"), rows);
    }

    private static void byGroupTable(Doc doc, AuditResult r, List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("slice", "n", "status"));
        metrics.forEach(m -> header.add(Findings.humanName(m)));
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (SliceResult s : r.main().groups()) {
            List<String> row = new ArrayList<>(List.of(s.slice().toString(), Long.toString(s.n()),
                    s.status() == Status.OK ? "ok" : "thin (n < " + r.spec().minGroupSize() + ")"));
            for (String m : metrics) {
                Estimate e = s.metric(m);
                row.add(value(e) + " " + Findings.ci(e.interval()));
            }
            rows.add(row);
            classes.add(s.status() == Status.OK ? null : "thin");
        }
        doc.table("By group (" + pct(r) + " intervals; thin groups in italics are too small to conclude anything)", header, rows, classes);
    }

    /** Limitations the audit itself shows: thin or missing coverage, gaps that could not be resolved. */
    private static List<String> measuredLimitations(AuditResult r) {
        List<String> out = new ArrayList<>();
        Coverage cov = Coverage.of(r);
        if (!cov.thin().isEmpty() || !cov.missing().isEmpty()) {
            out.add("From the audit: the evaluation data is thin or missing for some groups, so performance there is not "
                    + "established. " + cov.summary());
        }
        r.main().fairness().forEach((k, f) -> {
            if (k.endsWith("_difference") && Boolean.FALSE.equals(f.significant()) && f.interval() != null
                    && f.interval().hi() - f.interval().lo() > 0.2) {
                out.add(String.format(Locale.ROOT, "From the audit: the %s is %s with a wide interval %s and is not "
                        + "statistically significant after adjustment; the evaluation data cannot pin down the size of this gap.",
                        Findings.humanName(k), ConsoleReport.fmt(f.value()), Findings.ci(f.interval())));
            }
        });
        return out;
    }

    private static String metricDefinitions(AuditResult r, List<String> metrics) {
        List<String> parts = new ArrayList<>();
        for (String m : metrics) {
            parts.add(Findings.humanName(m) + " (" + definition(m) + ")");
        }
        String s = String.join("; ", parts) + ".";
        if (r.spec().task() == Task.BINARY) {
            s += " The positive label is '" + r.classes().get(1) + "'.";
        }
        return s;
    }

    private static String definition(String m) {
        Direction d = Direction.defaultFor(m);
        String dir = d == null ? "" : d == Direction.HIGHER_IS_BETTER ? "; higher is better" : "; lower is better";
        return switch (m) {
            case "selection_rate" -> "share of cases predicted positive";
            case "accuracy" -> "share of correct predictions" + dir;
            case "error_rate" -> "share of wrong predictions" + dir;
            case "true_positive_rate" -> "share of actual positives predicted positive (recall)" + dir;
            case "false_positive_rate" -> "share of actual negatives predicted positive" + dir;
            case "precision" -> "share of predicted positives that are actually positive" + dir;
            case "auc" -> "probability that a random positive scores above a random negative";
            case "mae" -> "mean absolute error";
            case "rmse" -> "root mean squared error";
            default -> "see docs/audit-json.md" + dir;
        };
    }

    private static String value(Estimate e) {
        return e == null || Double.isNaN(e.value()) ? "undefined" : ConsoleReport.fmt(e.value());
    }

    private static String pct(AuditResult r) {
        return Math.round(r.spec().confidence() * 100) + "%";
    }

    private static String text(String s, String key) {
        return s == null ? "Not provided (add '" + key + "' to the card YAML)." : s;
    }

    private static void list(Doc doc, List<String> items, String key) {
        if (items.isEmpty()) {
            doc.p("Not provided (add '" + key + "' to the card YAML).");
        } else {
            doc.bullets(items);
        }
    }
}
