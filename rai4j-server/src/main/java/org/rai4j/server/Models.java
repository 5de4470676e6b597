package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.ChangeFlag;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;
import org.rai4j.fairness.LastMileComparison;
import org.rai4j.fairness.MissingGroupPolicy;
import org.rai4j.fairness.SliceComparison;
import org.rai4j.fairness.Task;
import org.rai4j.report.AuditJsonReader;
import org.rai4j.report.CardContent;
import org.rai4j.report.ComparisonHtml;
import org.rai4j.report.ConsoleReport;
import org.rai4j.report.HtmlReport;
import org.rai4j.report.ServiceCard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models hosted on the platform: their published versions (audit + card), renderings through
 * rai4j-report, batch prediction with the hosted German credit model, and last-mile checks
 * (rai4j-fairness {@link LastMileComparison} of the customer's data against the published audit).
 */
final class Models {
    static final int MAX_PREDICT_ROWS = 10_000;
    static final int LAST_MILE_BOOTSTRAP = 1000;

    private final Store store;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private volatile CreditModel credit;
    private volatile Table germanCredit;

    Models(Store store) {
        this.store = store;
    }

    Table germanCredit() throws DataFileException {
        if (germanCredit == null) {
            germanCredit = DemoData.germanCredit();
        }
        return germanCredit;
    }

    Store.Model require(String id) {
        return store.model(id).orElseThrow(() -> ApiException.notFound("no model '" + id + "'; GET /api/models lists them"));
    }

    /** The hosted predictor of a model, or a 422 saying the model is not hosted for scoring. */
    CreditModel hosted(String modelId) {
        Store.Version v = store.latestPublished(modelId).orElse(null);
        JsonNode a = v == null || v.artifactJson() == null ? null : Json.parse(v.artifactJson());
        if (a == null || !"logistic-regression".equals(a.path("type").asText())) {
            throw ApiException.unprocessable("model '" + modelId + "' is not hosted for scoring here (only its audit and card are "
                    + "published); predictions and feature uploads work for models with a hosted artefact, e.g. german-credit");
        }
        CreditModel m = credit;
        if (m == null) {
            try {
                m = CreditModel.fromArtifact(a, germanCredit());
            } catch (DataFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            credit = m;
        }
        return m;
    }

    // ------------------------------------------------------------------ renderings

    AuditResult audit(Store.Version v) {
        try {
            return AuditJsonReader.parse(v.auditJson(), v.modelId() + " v" + v.version() + " audit.json");
        } catch (DataFileException e) {
            throw new IllegalStateException("stored audit of " + v.modelId() + " v" + v.version() + " does not parse: " + e.getMessage(), e);
        }
    }

    String cardHtml(Store.Version v) {
        return rendered.computeIfAbsent("card:" + v.modelId() + ":" + v.version(), k -> {
            try {
                CardContent c = v.cardYaml() == null ? CardContent.empty() : CardContent.parse(v.cardYaml(), "card.yaml");
                return ServiceCard.html(audit(v), c, v.modelId() + " v" + v.version() + " audit");
            } catch (DataFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    String auditHtml(Store.Version v) {
        return rendered.computeIfAbsent("audit:" + v.modelId() + ":" + v.version(), k -> {
            AuditResult r = audit(v);
            return HtmlReport.render(r, ConsoleReport.defaultMetrics(r), null, null);
        });
    }

    // ------------------------------------------------------------------ prediction

    Map<String, Object> predict(String modelId, JsonNode body) {
        CreditModel m = hosted(modelId);
        JsonNode rows = body.get("rows");
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw ApiException.badRequest("expected {\"rows\": [{feature: value, …}, …]} with at least one row");
        }
        if (rows.size() > MAX_PREDICT_ROWS) {
            throw ApiException.badRequest("at most " + MAX_PREDICT_ROWS + " rows per request, got " + rows.size());
        }
        Table t = table(m, rows);
        double[] s;
        try {
            s = m.scores(t);
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (double v : s) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("label", v >= 0.5 ? "good" : "bad");
            p.put("score", v);
            out.add(p);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", modelId);
        r.put("version", store.latestPublished(modelId).map(Store.Version::version).orElse(-1));
        r.put("score_meaning", "P(class = good)");
        r.put("predictions", out);
        return r;
    }

    private static Table table(CreditModel m, JsonNode rows) {
        List<Column> cols = new ArrayList<>();
        try {
            for (String f : m.features) {
                boolean numeric = m.train.column(f).isNumeric();
                double[] num = new double[rows.size()];
                String[] txt = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    JsonNode row = rows.get(i);
                    if (!row.isObject()) {
                        throw ApiException.badRequest("rows[" + i + "]: expected an object of feature: value");
                    }
                    JsonNode v = row.get(f);
                    if (v == null || v.isNull()) {
                        throw ApiException.badRequest("rows[" + i + "]: missing feature '" + f + "' (the model reads " + String.join(", ", m.features) + ")");
                    }
                    if (numeric) {
                        if (!v.isNumber()) {
                            throw ApiException.badRequest("rows[" + i + "]." + f + ": expected a number, got " + v);
                        }
                        num[i] = v.asDouble();
                    } else {
                        List<String> levels = m.train.column(f).levels();
                        if (!v.isTextual() || !levels.contains(v.asText())) {
                            throw ApiException.badRequest("rows[" + i + "]." + f + ": expected one of " + levels + ", got " + v);
                        }
                        txt[i] = v.asText();
                    }
                }
                cols.add(numeric ? Column.numeric(f, num) : Column.categorical(f, txt));
            }
        } catch (DataFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new Table("request", null, cols, null);
    }

    // ------------------------------------------------------------------ last-mile checks

    /** How an uploaded CSV is read. */
    enum UploadKind { PREDICTIONS, FEATURES }

    /** A last-mile check's result: the comparison, its rendering and a short summary. */
    record LastMile(ComparisonResult comparison, String html, Map<String, Object> summary) {}

    LastMile lastMile(String modelId, byte[] csv, UploadKind kind) {
        Store.Version v = store.latestPublished(modelId)
                .orElseThrow(() -> ApiException.unprocessable("model '" + modelId + "' has no published audit to compare with"));
        AuditResult baseline = audit(v);
        if (baseline.spec().task() != Task.BINARY) {
            throw ApiException.unprocessable("last-mile uploads are available for binary classifiers; model '" + modelId
                    + "' is a " + baseline.spec().task().id() + " model: run 'rai4j compare' with your own audit instead");
        }
        if (csv.length == 0) {
            throw ApiException.badRequest("the uploaded CSV is empty");
        }
        Table t;
        try {
            t = Bounties.parseCsv(csv, "upload.csv");
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        AuditSpec bs = baseline.spec();
        Table audited;
        try {
            if (kind == UploadKind.FEATURES) {
                audited = hosted(modelId).audited(t, "upload.csv");
            } else {
                List<String> need = new ArrayList<>(List.of(bs.label(), bs.prediction()));
                need.addAll(bs.groups());
                List<String> missing = need.stream().filter(c -> !t.hasColumn(c)).toList();
                if (!missing.isEmpty()) {
                    throw ApiException.badRequest("upload.csv: missing column(s) " + String.join(", ", missing) + "; a predictions file needs "
                            + String.join(", ", need) + " (labels " + bs.positiveLabel() + "/" + bs.negativeLabel() + ")");
                }
                audited = t;
            }
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        AuditSpec spec = new AuditSpec(bs.task(), bs.label(), bs.prediction(), kind == UploadKind.FEATURES || audited.hasColumn(String.valueOf(bs.score()))
                ? bs.score() : null, null, bs.positiveLabel(), bs.negativeLabel(), bs.groups(), List.of(), MissingGroupPolicy.ERROR,
                bs.minGroupSize(), bs.confidence(), LAST_MILE_BOOTSTRAP, bs.seed(), bs.adjust());
        AuditResult candidate;
        ComparisonResult r;
        try {
            candidate = Auditor.run(audited, spec, i -> { });
            r = LastMileComparison.compare(baseline, candidate, new ComparisonSpec("error_rate", null, null, 0.95,
                    ComparisonSpec.DEFAULT_BOOTSTRAP, 42L, Adjustment.HOLM));
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("upload.csv: " + e.getMessage());
        }
        String base = modelId + " v" + v.version() + " (published audit)";
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", modelId);
        summary.put("baseline_version", v.version());
        summary.put("rows", audited.rowCount());
        summary.put("metric", "error_rate");
        List<Map<String, Object>> flagged = new ArrayList<>();
        for (ChangeFlag f : List.of(ChangeFlag.DIFFERENTIAL_DEGRADATION, ChangeFlag.DEGRADED)) {
            for (SliceComparison s : r.flagged(f)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("slice", s.slice().toString());
                m.put("flag", f.name());
                m.put("baseline", Json.finite(s.baseline().value()));
                m.put("candidate", Json.finite(s.candidate().value()));
                flagged.add(m);
            }
        }
        summary.put("overall_flag", r.overall().flag().name());
        summary.put("flagged", flagged);
        return new LastMile(r, ComparisonHtml.render(r, base, "your upload"), summary);
    }

    // ------------------------------------------------------------------ publishing

    /** Publishes a new version of a model with its audit JSON and card YAML (both validated first). */
    int publish(String modelId, String auditJson, String cardYaml, String note) {
        require(modelId);
        if (auditJson == null || auditJson.isBlank()) {
            throw ApiException.badRequest("audit: expected the audit JSON (rai4j audit --json)");
        }
        try {
            AuditJsonReader.parse(auditJson, "audit.json");
            if (cardYaml != null && !cardYaml.isBlank()) {
                CardContent.parse(cardYaml, "card.yaml");
            }
        } catch (DataFileException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String artifact = store.latestPublished(modelId).map(Store.Version::artifactJson).orElse(null);
        int published = store.jdbi.inTransaction(h -> {
            int v = store.latestVersion(h, modelId) + 1;
            store.insertVersion(h, new Store.Version(modelId, v, "published", note == null || note.isBlank() ? "published version " + v : note.strip(),
                    artifact, auditJson, cardYaml == null || cardYaml.isBlank() ? null : cardYaml, null, null, null));
            return v;
        });
        store.flush();
        return published;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
