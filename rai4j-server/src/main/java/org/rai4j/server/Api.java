package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REST API under {@code /api} (documented at {@code /openapi.json}); handlers parse, call a service, render JSON. */
final class Api {
    private final Store store;
    private final Models models;
    private final Bounties bounties;
    private final Auth auth;
    private final long startedNanos;
    private final ReadCache cache;

    Api(Store store, Models models, Bounties bounties, Auth auth, long startedNanos, ReadCache cache) {
        this.store = store;
        this.cache = cache;
        this.models = models;
        this.bounties = bounties;
        this.auth = auth;
        this.startedNanos = startedNanos;
    }

    private static Route get(String path, String summary, Access access, Set<String> query, String response, Handler h) {
        return new Route("GET", path, summary, access, query, true, List.of(), response, 200, h);
    }

    private static Route post(String path, String summary, Access access, Set<String> query, List<String> request, int status, Handler h) {
        return new Route("POST", path, summary, access, query, true, request, "application/json", status, h);
    }

    private static final String JSON = "application/json";
    static final long HEALTH_MAX_AGE_NANOS = 1_000_000_000L;
    private static final List<String> JSON_BODY = List.of(JSON);

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(get("/healthz", "Liveness and readiness: 200 when the database answers.", Access.PUBLIC, Set.of(), JSON, this::health));
        r.add(get("/api/models", "List the models (JSON array of objects with an id).", Access.PUBLIC, Set.of(), JSON,
                cachedJson(ctx -> store.models().stream().map(this::modelJson).toList())));
        r.add(get("/api/models/{id}", "A model with its versions and published audit summary.", Access.PUBLIC, Set.of(), JSON, cachedJson(this::model)));
        r.add(get("/api/models/{id}/versions", "A model's immutable versions, newest first.", Access.PUBLIC, Set.of(), JSON,
                cachedJson(ctx -> store.versions(models.require(ctx.pathParam("id")).id()).stream().map(Api::versionJson).toList())));
        r.add(get("/api/models/{id}/audit", "The published audit (rai4j.audit/1 JSON) of a model's latest published version.",
                Access.PUBLIC, Set.of(), JSON, cached(this::auditJson)));
        r.add(post("/api/models/{id}/predict", "Score a batch of rows with the hosted model: {\"rows\": [{feature: value}]}.",
                Access.USER, Set.of(), JSON_BODY, 200, ctx -> json(ctx, models.predict(models.require(ctx.pathParam("id")).id(), Json.parse(ctx.body())))));
        r.add(post("/api/models/{id}/last-mile", "Last-mile check: upload a predictions CSV (kind=predictions) or a features CSV the hosted "
                        + "model scores (kind=features); returns the comparison with the published audit and its flags.",
                Access.USER, Set.of("kind"), List.of("text/csv", "multipart/form-data"), 200, this::lastMile));
        r.add(post("/api/models/{id}/versions", "Publish a new model version with its audit JSON and service-card YAML (provider).",
                Access.PROVIDER, Set.of(), JSON_BODY, 201, this::publish));
        r.add(get("/api/bounties", "List the bounties (JSON array of objects with an id).", Access.PUBLIC, Set.of(), JSON,
                cachedJson(ctx -> store.bounties().stream().map(Api::bountyJson).toList())));
        r.add(post("/api/bounties", "Open a bounty: base model, public train split, private holdout, alpha, alpha_r, guard, budgets (provider).",
                Access.PROVIDER, Set.of(), JSON_BODY, 201, this::createBounty));
        r.add(get("/api/bounties/{id}", "A bounty's rules: alpha, holdout size, guard policy, budgets.", Access.PUBLIC, Set.of(), JSON,
                cachedJson(ctx -> bountyJson(bounty(ctx)))));
        r.add(get("/api/bounties/{id}/leaderboard", "Teams ranked by accepted submissions (no holdout number is released).",
                Access.PUBLIC, Set.of(), JSON, cachedJson(ctx -> leaderboard(bounty(ctx)))));
        r.add(get("/api/bounties/{id}/changelog", "Accepted groups and repairs, one entry per model version.", Access.PUBLIC, Set.of(), JSON,
                cachedJson(ctx -> store.versions(bounty(ctx).modelId()).stream().map(Api::versionJson).toList())));
        r.add(get("/api/bounties/{id}/train.csv", "The public training split (CSV). No other split is served.", Access.PUBLIC, Set.of(),
                "text/csv", ctx -> {
                    Store.Bounty b = bounty(ctx);
                    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + b.id() + "-train.csv\"")
                            .result(store.trainCsv(b.id()).orElseThrow());
                }));
        r.add(get("/api/bounties/{id}/group-mass", "Mass of a group predicate on the public training split (the live check of the submit page).",
                Access.PUBLIC, Set.of("predicate"), JSON, ctx -> {
                    String p = ctx.queryParam("predicate");
                    if (p == null || p.isBlank()) {
                        throw ApiException.badRequest("query parameter 'predicate' is required, e.g. predicate=sex == 'female'");
                    }
                    json(ctx, bounties.groupMass(bounty(ctx), p));
                }));
        r.add(get("/api/bounties/{id}/audit-log", "The bounty's hash-chained audit log as JSON lines (replay with rai4j bounty replay; provider).",
                Access.PROVIDER, Set.of(), "application/x-ndjson", ctx -> {
                    Store.Bounty b = bounty(ctx);
                    ctx.contentType("application/x-ndjson; charset=utf-8").result(String.join("\n", store.auditLog(b.id())) + "\n");
                }));
        r.add(post("/api/bounties/{id}/submissions", "Submit a group (predicate or ONNX) and a model (rule, constant or ONNX); "
                        + "queued for verification on the private holdout (hunter).",
                Access.HUNTER, Set.of(), List.of(JSON, "multipart/form-data"), 202, this::submit));
        r.add(get("/api/submissions", "Your own submissions, newest first.", Access.USER, Set.of(), JSON,
                ctx -> json(ctx, store.submissionsOf(Web.principal(ctx).id()).stream().map(Api::submissionJson).toList())));
        r.add(get("/api/submissions/{id}", "One of your submissions: status and the hunter view of its decision (another's: 404).",
                Access.USER, Set.of(), JSON, ctx -> json(ctx, submissionJson(ownSubmission(ctx, ctx.pathParam("id"))))));
        r.add(post("/api/login", "Log in: {\"username\", \"password\"}; sets the session cookie and returns the CSRF token.",
                Access.PUBLIC, Set.of(), JSON_BODY, 200, this::login));
        r.add(post("/api/signup", "Create a hunter or customer account: {\"username\", \"password\", \"role\", \"team\"}.",
                Access.PUBLIC, Set.of(), JSON_BODY, 201, this::signup));
        r.add(post("/api/users", "Create an account with any role (admin).", Access.ADMIN, Set.of(), JSON_BODY, 201, this::createUser));
        r.add(post("/api/tokens", "Create an API token for yourself: {\"label\"}; the token is shown once and stored hashed.",
                Access.USER, Set.of(), JSON_BODY, 201, this::token));
        r.add(get("/api/me", "Who you are (401 when not logged in).", Access.USER, Set.of(), JSON, ctx -> {
            Principal p = Web.principal(ctx);
            json(ctx, Map.of("id", p.id(), "username", p.username(), "role", p.role().spelling(), "team", p.team()));
        }));
        return r;
    }

    /** A route's JSON, computed from the request. */
    private interface JsonBody {
        Object compute(Context ctx) throws Exception;
    }

    /** A route's JSON text (already rendered), computed from the request. */
    private interface TextBody {
        String compute(Context ctx) throws Exception;
    }

    /**
     * A public read route whose JSON depends only on its path and the database: served from the {@link ReadCache}
     * (so concurrent readers do not each run the same queries) until the next write. Errors are not cached.
     */
    private Handler cachedJson(JsonBody body) {
        return cached(ctx -> Json.write(body.compute(ctx)));
    }

    private Handler cached(TextBody body) {
        return ctx -> writeJson(ctx, cache.get(ctx.path(), () -> body.compute(ctx)));
    }

    /**
     * Writes a JSON body straight to the response with its length. {@code ctx.result(…)} would wrap it in a stream
     * that Javalin copies through a fresh buffer on every request: on the hot read routes that copy was most of the
     * server's allocation (GC pauses show in the read latency's tail). Bodies here are small and not compressed.
     */
    static void writeJson(Context ctx, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.contentType("application/json");
        ctx.res().setContentLength(bytes.length);
        ctx.res().getOutputStream().write(bytes);
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }

    /**
     * Health: one database round trip at most once a second (concurrent checks share it), or after a write;
     * the counts change only with writes.
     */
    private void health(Context ctx) throws Exception {
        String body = cache.get("healthz", HEALTH_MAX_AGE_NANOS, () -> {
            long[] counts = store.healthCounts();
            return counts[0] + "," + counts[1] + "," + counts[2];
        });
        long[] counts = java.util.Arrays.stream(body.split(",")).mapToLong(Long::parseLong).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("models", counts[0]);
        m.put("queued", counts[1]);
        m.put("verifying", counts[2]);
        m.put("uptime_seconds", (System.nanoTime() - startedNanos) / 1_000_000_000L);
        writeJson(ctx, Json.write(m));
    }

    // ------------------------------------------------------------------ models

    Map<String, Object> modelJson(Store.Model m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.id());
        j.put("name", m.name());
        j.put("kind", m.kind());
        j.put("summary", m.summary());
        j.put("latest_version", m.latestVersion());
        j.put("bounty", store.bountyForModel(m.id()).map(Store.Bounty::id).orElse(null));
        j.put("page", "/models/" + m.id());
        return j;
    }

    private Map<String, Object> model(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        Map<String, Object> j = modelJson(m);
        j.put("versions", store.versions(m.id()).stream().map(Api::versionJson).toList());
        store.latestPublished(m.id()).ifPresent(v -> {
            j.put("published_version", v.version());
            j.put("audit", "/api/models/" + m.id() + "/audit");
            j.put("card", "/models/" + m.id() + "/card");
            if (v.artifactJson() != null) {
                j.put("artifact", Json.parse(v.artifactJson()));
            }
        });
        return j;
    }

    private String auditJson(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        Store.Version v = store.latestPublished(m.id())
                .orElseThrow(() -> ApiException.notFound("model '" + m.id() + "' has no published audit"));
        return v.auditJson();
    }

    static Map<String, Object> versionJson(Store.Version v) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", v.modelId() + "@" + v.version());
        j.put("version", v.version());
        j.put("change", v.changeKind());
        j.put("note", v.note());
        j.put("submission", v.submissionId());
        j.put("created_at", v.createdAt() == null ? null : v.createdAt().toString());
        return j;
    }

    private void lastMile(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        Models.UploadKind kind = uploadKind(ctx.queryParam("kind") != null ? ctx.queryParam("kind")
                : Web.isForm(ctx) ? ctx.formParam("kind") : null);
        json(ctx, models.lastMile(m.id(), uploadedCsv(ctx), kind).summary());
    }

    static Models.UploadKind uploadKind(String k) {
        if (k == null || k.isBlank() || k.equals("predictions")) {
            return Models.UploadKind.PREDICTIONS;
        }
        if (k.equals("features")) {
            return Models.UploadKind.FEATURES;
        }
        throw ApiException.badRequest("kind must be predictions or features, got '" + k + "'");
    }

    static byte[] uploadedCsv(Context ctx) {
        String ct = ctx.contentType() == null ? "" : ctx.contentType();
        if (ct.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                throw ApiException.badRequest("expected a CSV file in the form field 'file'");
            }
            try (var in = f.content()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw ApiException.badRequest("cannot read the uploaded file: " + e.getMessage());
            }
        }
        if (!ct.startsWith("text/csv")) {
            throw new ApiException(415, "Unsupported media type", "send the CSV as Content-Type: text/csv or as the multipart form field 'file'");
        }
        return ctx.bodyAsBytes();
    }

    private void publish(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        JsonNode b = Json.parse(ctx.body());
        JsonNode audit = b.get("audit");
        String auditText = audit == null ? null : audit.isTextual() ? audit.asText() : Json.write(audit);
        int v = models.publish(m.id(), auditText, text(b, "card_yaml"), text(b, "note"));
        ctx.status(201);
        json(ctx, Map.of("id", m.id() + "@" + v, "model", m.id(), "version", v));
    }

    // ------------------------------------------------------------------ bounties

    Store.Bounty bounty(Context ctx) {
        String id = ctx.pathParam("id");
        return store.bounty(id).orElseThrow(() -> ApiException.notFound("no bounty '" + id + "'; GET /api/bounties lists them"));
    }

    static Map<String, Object> bountyJson(Store.Bounty b) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", b.id());
        j.put("title", b.title());
        j.put("status", b.status());
        j.put("model", b.modelId());
        j.put("label", b.labelColumn());
        j.put("positive_label", b.positiveLabel());
        j.put("base_model", b.baseModel());
        j.put("alpha", b.alpha());
        j.put("repair_alpha", b.repairAlpha());
        j.put("min_group_size", b.minGroupSize());
        j.put("guard", b.guardPolicy());
        j.put("budget_per_hunter", b.budgetPerHunter());
        j.put("rate_per_hour", b.ratePerHour());
        j.put("train_rows", b.trainRows());
        j.put("holdout_rows", b.holdoutRows());
        j.put("train_csv", "/api/bounties/" + b.id() + "/train.csv");
        j.put("page", "/bounties/" + b.id());
        return j;
    }

    /** Teams by accepted submissions (no holdout number is released, so there is no improvement column). */
    List<Map<String, Object>> leaderboard(Store.Bounty b) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Store.Submission s : store.submissionsOfBounty(b.id())) {
            long[] c = counts.computeIfAbsent(s.team(), t -> new long[2]);
            c[0]++;
            if (Boolean.TRUE.equals(s.accepted())) {
                c[1]++;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", e.getKey());
            j.put("team", e.getKey());
            j.put("submissions", e.getValue()[0]);
            j.put("accepted", e.getValue()[1]);
            rows.add(j);
        }
        rows.sort((x, y) -> Long.compare((Long) y.get("accepted"), (Long) x.get("accepted")));
        return rows;
    }

    private void createBounty(Context ctx) {
        JsonNode b = Json.parse(ctx.body());
        Store.Bounty created = bounties.create(new Bounties.NewBounty(required(b, "id"), required(b, "title"),
                text(b, "model_name") == null ? required(b, "title") : text(b, "model_name"), required(b, "train_csv"),
                required(b, "holdout_csv"), required(b, "label"), text(b, "positive_label"), required(b, "base_model"),
                required(b, "alpha"), text(b, "repair_alpha") == null ? "0" : text(b, "repair_alpha"), integer(b, "min_group_size", 30),
                text(b, "guard") == null ? "significance" : text(b, "guard"), integer(b, "budget_per_hunter", 50),
                integer(b, "rate_per_hour", 20)));
        ctx.status(201);
        json(ctx, bountyJson(created));
    }

    private void submit(Context ctx) {
        Store.Bounty b = bounty(ctx);
        Bounties.NewSubmission ns;
        if (Web.isForm(ctx)) {
            ns = new Bounties.NewSubmission(ctx.formParam("group_predicate"), file(ctx, "group_onnx"), ctx.formParam("model_rule"),
                    ctx.formParam("model_constant"), file(ctx, "model_onnx"), ctx.formParam("description"));
        } else {
            JsonNode j = Json.parse(ctx.body());
            JsonNode g = j.path("group");
            JsonNode m = j.path("model");
            if (!g.isObject() || !m.isObject()) {
                throw ApiException.badRequest("expected {\"group\": {\"predicate\": …} or {\"onnx\": base64}, \"model\": {\"rule\": …} | "
                        + "{\"constant\": …} | {\"onnx\": base64}, \"description\": …}");
            }
            ns = new Bounties.NewSubmission(text(g, "predicate"), base64(g, "group.onnx"), text(m, "rule"), text(m, "constant"),
                    base64(m, "model.onnx"), text(j, "description"));
        }
        Store.Submission s = bounties.submit(Web.principal(ctx), b, ns);
        ctx.status(202).header("Location", "/api/submissions/" + s.id());
        json(ctx, submissionJson(s));
    }

    static byte[] file(Context ctx, String field) {
        UploadedFile f = ctx.uploadedFile(field);
        if (f == null || f.size() == 0) {
            return null;
        }
        try (var in = f.content()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("cannot read the uploaded file " + field + ": " + e.getMessage());
        }
    }

    private static byte[] base64(JsonNode parent, String what) {
        JsonNode n = parent.get("onnx");
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(n.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(what + ": expected the ONNX file as base64 text");
        }
    }

    Store.Submission ownSubmission(Context ctx, String id) {
        Principal p = Web.principal(ctx);
        Store.Submission s = store.submission(id).orElse(null);
        if (s == null || (s.userId() != p.id() && p.role() != Role.ADMIN)) {
            throw ApiException.notFound("no submission '" + id + "' of yours");
        }
        return s;
    }

    static Map<String, Object> submissionJson(Store.Submission s) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", s.id());
        j.put("bounty", s.bountyId());
        j.put("team", s.team());
        j.put("status", s.status());
        j.put("decision", s.accepted() == null ? null : s.accepted() ? "accepted" : "rejected");
        j.put("reason", s.hunterReason());
        j.put("version", Boolean.TRUE.equals(s.accepted()) ? s.version() : null);
        j.put("group", Map.of(s.groupKind(), s.groupText()));
        j.put("model", Map.of(s.modelKind(), s.modelText()));
        j.put("train_mass", s.trainMass());
        j.put("description", s.description());
        j.put("created_at", s.createdAt() == null ? null : s.createdAt().toString());
        j.put("decided_at", s.decidedAt() == null ? null : s.decidedAt().toString());
        return j;
    }

    // ------------------------------------------------------------------ accounts

    private void login(Context ctx) {
        JsonNode b = Json.parse(ctx.body());
        Store.User u = auth.login(text(b, "username"), text(b, "password"), ctx.ip());
        auth.startSession(ctx, u);
        Principal p = store.sessionUser(sessionHashJustSet(ctx)).map(su -> new Principal(su.user().id(), su.user().username(),
                su.user().role(), su.user().team(), su.csrf())).orElseThrow();
        json(ctx, Map.of("username", u.username(), "role", u.role().spelling(), "csrf_token", p.csrf()));
    }

    /** The hash of the session cookie set on this response. */
    static String sessionHashJustSet(Context ctx) {
        for (String h : ctx.res().getHeaders("Set-Cookie")) {
            if (h.startsWith(Auth.SESSION_COOKIE + "=")) {
                String v = h.substring(Auth.SESSION_COOKIE.length() + 1, h.indexOf(';'));
                return Secrets.hash(v);
            }
        }
        throw new IllegalStateException("no session cookie was set");
    }

    private void signup(Context ctx) {
        JsonNode b = Json.parse(ctx.body());
        Role role = Role.parse(text(b, "role") == null ? "hunter" : text(b, "role"));
        if (role != Role.HUNTER && role != Role.CUSTOMER) {
            throw ApiException.forbidden("sign-up creates hunter or customer accounts; an admin creates providers and admins");
        }
        long id = auth.createUser(required(b, "username"), required(b, "password"), role, text(b, "team"));
        ctx.status(201);
        json(ctx, Map.of("id", id, "username", required(b, "username"), "role", role.spelling()));
    }

    private void createUser(Context ctx) {
        JsonNode b = Json.parse(ctx.body());
        Role role = Role.parse(required(b, "role"));
        long id = auth.createUser(required(b, "username"), required(b, "password"), role, text(b, "team"));
        ctx.status(201);
        json(ctx, Map.of("id", id, "username", required(b, "username"), "role", role.spelling()));
    }

    private void token(Context ctx) {
        JsonNode b = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.parse(ctx.body());
        String label = text(b, "label") == null ? "api" : text(b, "label");
        if (label.length() > 100) {
            throw ApiException.badRequest("label: at most 100 characters");
        }
        String token = auth.newToken(Web.principal(ctx).id(), label);
        ctx.status(201);
        json(ctx, Map.of("token", token, "label", label, "note", "shown once: only its SHA-256 is stored"));
    }

    // ------------------------------------------------------------------ JSON helpers

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ApiException.badRequest(field + ": expected text, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.asText();
    }

    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("missing field '" + field + "'");
        }
        return v;
    }

    static int integer(JsonNode n, String field, int dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ApiException.badRequest(field + ": expected an integer, got " + v);
        }
        return v.asInt();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
