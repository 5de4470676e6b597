package org.rai4j.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.rai4j.server.internal.View;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-rendered pages (JTE templates compiled in the build). Every page works without JavaScript; the
 * submit page's live mass check is a small script from the same origin. Forms carry the CSRF token.
 */
final class Pages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<body>(.*)</body>", Pattern.DOTALL);

    private final Store store;
    private final Models models;
    private final Bounties bounties;
    private final Auth auth;
    private final Api api;
    private final TemplateEngine jte = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, byte[]> statics = new HashMap<>();

    Pages(Store store, Models models, Bounties bounties, Auth auth, Api api) {
        this.store = store;
        this.models = models;
        this.bounties = bounties;
        this.auth = auth;
        this.api = api;
        for (String f : List.of("app.css", "app.js")) {
            try (InputStream in = Pages.class.getResourceAsStream("static/" + f)) {
                statics.put(f, in.readAllBytes());
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("static/" + f + " is missing from the rai4j-server jar", e);
            }
        }
    }

    private static Route page(String method, String path, Access access, Set<String> query, io.javalin.http.Handler h) {
        return new Route(method, path, "page", access, query, false, List.of(), "text/html", 200, h);
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(page("GET", "/", Access.PUBLIC, Set.of(), this::index));
        r.add(page("GET", "/static/app.css", Access.PUBLIC, Set.of(), ctx -> staticFile(ctx, "app.css", "text/css; charset=utf-8")));
        r.add(page("GET", "/static/app.js", Access.PUBLIC, Set.of(), ctx -> staticFile(ctx, "app.js", "text/javascript; charset=utf-8")));
        r.add(page("GET", "/models/{id}", Access.PUBLIC, Set.of(), this::model));
        r.add(page("GET", "/models/{id}/card", Access.PUBLIC, Set.of(), ctx -> ctx.html(models.cardHtml(published(ctx)))));
        r.add(page("GET", "/models/{id}/audit", Access.PUBLIC, Set.of(), ctx -> ctx.html(models.auditHtml(published(ctx)))));
        r.add(page("POST", "/models/{id}/last-mile", Access.USER, Set.of(), this::lastMile));
        r.add(page("GET", "/bounties/{id}", Access.PUBLIC, Set.of(), this::bounty));
        r.add(page("GET", "/bounties/{id}/submit", Access.HUNTER, Set.of("predicate"), this::submitForm));
        r.add(page("POST", "/bounties/{id}/submit", Access.HUNTER, Set.of(), this::submit));
        r.add(page("GET", "/submissions", Access.USER, Set.of(), ctx -> submissions(ctx, store.submissionsOf(Web.principal(ctx).id()))));
        r.add(page("GET", "/submissions/{id}", Access.USER, Set.of(), ctx -> submissions(ctx, List.of(api.ownSubmission(ctx, ctx.pathParam("id"))))));
        r.add(page("GET", "/login", Access.PUBLIC, Set.of("next"), ctx -> login(ctx, false)));
        r.add(page("POST", "/login", Access.PUBLIC, Set.of(), this::doLogin));
        r.add(page("GET", "/signup", Access.PUBLIC, Set.of(), ctx -> login(ctx, true)));
        r.add(page("POST", "/signup", Access.PUBLIC, Set.of(), this::doSignup));
        r.add(page("POST", "/logout", Access.USER, Set.of(), ctx -> {
            auth.endSession(ctx);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }));
        r.add(page("GET", "/tokens", Access.USER, Set.of(), ctx -> render(ctx, "tokens.jte", pageOf(ctx, "API tokens", null), Map.of())));
        r.add(page("POST", "/tokens", Access.USER, Set.of(), ctx -> {
            String label = ctx.formParam("label");
            String token = auth.newToken(Web.principal(ctx).id(), label == null || label.isBlank() ? "api" : label.strip());
            Map<String, Object> m = new HashMap<>();
            m.put("token", token);
            ctx.header("Cache-Control", "no-store");
            render(ctx, "tokens.jte", pageOf(ctx, "API tokens", "Token created."), m);
        }));
        r.add(page("GET", "/admin", Access.PROVIDER, Set.of(), ctx -> render(ctx, "admin.jte", pageOf(ctx, "Admin", null),
                Map.of("models", modelRows()))));
        r.add(page("POST", "/admin/bounties", Access.PROVIDER, Set.of(), this::adminBounty));
        r.add(page("POST", "/admin/versions", Access.PROVIDER, Set.of(), this::adminVersion));
        return r;
    }

    // ------------------------------------------------------------------ rendering helpers

    private void render(Context ctx, String template, View.Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput();
        jte.render(template, all, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private View.Page pageOf(Context ctx, String title, String flash) {
        return pageOf(ctx, title, flash, null);
    }

    private View.Page pageOf(Context ctx, String title, String flash, String headStyle) {
        Principal p = Web.principal(ctx);
        if (p == null) {
            return new View.Page(title, null, auth.preToken(ctx), flash, headStyle);
        }
        return new View.Page(title, new View.User(p.username(), p.role().spelling(), p.team()), p.csrf(), flash, headStyle);
    }

    /** The error page for browser routes. */
    void error(Context ctx, ApiException e) {
        if (ctx.attribute(Web.PRINCIPAL) == null) {
            try {
                auth.principal(ctx).ifPresent(p -> ctx.attribute(Web.PRINCIPAL, p));
            } catch (ApiException ignored) {
                // an invalid token: render as anonymous
            }
        }
        Map<String, Object> m = new HashMap<>();
        m.put("status", e.status);
        m.put("detail", e.getMessage());
        render(ctx, "error.jte", pageOf(ctx, e.title, null), m);
        ctx.status(e.status);
    }

    private void staticFile(Context ctx, String name, String type) {
        ctx.contentType(type).header("Cache-Control", "public, max-age=3600").result(statics.get(name));
    }

    private static String when(java.time.OffsetDateTime t) {
        return t == null ? "" : WHEN.format(t);
    }

    /** The report's CSS and body, to embed a rai4j-report page into a platform page. */
    static String[] split(String html) {
        Matcher s = STYLE.matcher(html);
        Matcher b = BODY.matcher(html);
        return new String[] {s.find() ? s.group(1) : "", b.find() ? b.group(1) : html};
    }

    // ------------------------------------------------------------------ pages

    private List<View.ModelRow> modelRows() {
        List<View.ModelRow> rows = new ArrayList<>();
        for (Store.Model m : store.models()) {
            rows.add(new View.ModelRow(m.id(), m.name(), m.kind(), m.summary(), m.latestVersion(),
                    store.bountyForModel(m.id()).map(Store.Bounty::id).orElse(null)));
        }
        return rows;
    }

    private void index(Context ctx) {
        render(ctx, "index.jte", pageOf(ctx, "Models and bounties", null), Map.of("models", modelRows(),
                "bounties", store.bounties().stream().map(Pages::bountyRow).toList()));
    }

    private Store.Version published(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        return store.latestPublished(m.id()).orElseThrow(() -> ApiException.notFound("model '" + m.id() + "' has no published card or audit"));
    }

    private void model(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        Store.Version v = store.latestPublished(m.id()).orElse(null);
        String card = null;
        String audit = null;
        StringBuilder css = new StringBuilder();
        if (v != null) {
            String[] c = split(models.cardHtml(v));
            String[] a = split(models.auditHtml(v));
            card = c[1];
            audit = a[1];
            css.append(scoped(c[0]));
        }
        View.LastMileForm lm = null;
        if (v != null && models.audit(v).spec().task() == org.rai4j.fairness.Task.BINARY) {
            var spec = models.audit(v).spec();
            List<String> cols = new ArrayList<>(List.of(spec.label(), spec.prediction()));
            cols.addAll(spec.groups());
            boolean hosted = v.artifactJson() != null;
            lm = new View.LastMileForm(m.id(), hosted, cols, hosted ? "the German credit columns (as in the bounty's train.csv: "
                    + "20 attributes, class, sex, age_band)" : "");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("model", new View.ModelRow(m.id(), m.name(), m.kind(), m.summary(), m.latestVersion(),
                store.bountyForModel(m.id()).map(Store.Bounty::id).orElse(null)));
        p.put("versions", store.versions(m.id()).stream().map(x -> new View.VersionRow(x.version(), x.changeKind(), x.note(), when(x.createdAt()))).toList());
        p.put("cardHtml", card);
        p.put("auditHtml", audit);
        p.put("lastMile", lm);
        render(ctx, "model.jte", pageOf(ctx, m.name(), null, css.toString()), p);
    }

    /** The report's CSS limited to the embedded report blocks (so it does not restyle the platform's own page). */
    private static String scoped(String css) {
        StringBuilder out = new StringBuilder();
        for (String rule : css.split("}")) {
            int brace = rule.indexOf('{');
            if (brace < 0 || rule.strip().startsWith("@")) {
                continue;
            }
            String selectors = rule.substring(0, brace);
            StringBuilder sel = new StringBuilder();
            for (String s : selectors.split(",")) {
                String t = s.strip();
                if (t.isEmpty()) {
                    continue;
                }
                t = t.replaceFirst("^(html|body|:root)\\b", "");
                sel.append(sel.length() > 0 ? "," : "").append(".report ").append(t);
            }
            out.append(sel).append(rule.substring(brace)).append("}\n");
        }
        return out.toString();
    }

    private void lastMile(Context ctx) {
        Store.Model m = models.require(ctx.pathParam("id"));
        Models.LastMile lm = models.lastMile(m.id(), Api.uploadedCsv(ctx), Api.uploadKind(ctx.formParam("kind")));
        List<String> flagged = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> f = (List<Map<String, Object>>) lm.summary().get("flagged");
        for (Map<String, Object> x : f) {
            flagged.add(x.get("slice") + ": " + x.get("flag") + String.format(Locale.ROOT, " (error rate %s → %s)",
                    fmt(x.get("baseline")), fmt(x.get("candidate"))));
        }
        String[] parts = split(lm.html());
        Map<String, Object> p = new HashMap<>();
        p.put("modelId", m.id());
        p.put("flagged", flagged);
        p.put("reportHtml", parts[1]);
        render(ctx, "lastmile.jte", pageOf(ctx, "Last-mile check", null, scoped(parts[0])), p);
    }

    private static String fmt(Object o) {
        return o instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : "n/a";
    }

    static View.BountyRow bountyRow(Store.Bounty b) {
        return new View.BountyRow(b.id(), b.title(), b.status(), b.modelId(), b.labelColumn(), b.positiveLabel(), b.baseModel(),
                b.alpha(), b.repairAlpha(), b.minGroupSize(), b.guardPolicy(), b.budgetPerHunter(),
                b.ratePerHour(), b.trainRows(), b.holdoutRows());
    }

    private void bounty(Context ctx) {
        Store.Bounty b = api.bounty(ctx);
        List<View.LeaderRow> lb = new ArrayList<>();
        int rank = 1;
        for (Map<String, Object> row : api.leaderboard(b)) {
            lb.add(new View.LeaderRow(rank++, (String) row.get("team"), (Long) row.get("submissions"), (Long) row.get("accepted")));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("bounty", bountyRow(b));
        p.put("leaderboard", lb);
        p.put("heatmap", heatmap(store.submissionsOfBounty(b.id())));
        p.put("changelog", store.versions(b.modelId()).stream()
                .map(x -> new View.VersionRow(x.version(), x.changeKind(), x.note(), when(x.createdAt()))).toList());
        render(ctx, "bounty.jte", pageOf(ctx, b.title(), null), p);
    }

    /** Teams × features: the share of each team's submissions whose group uses the feature. */
    static View.Heatmap heatmap(List<Store.Submission> subs) {
        Map<String, List<Store.Submission>> byTeam = new LinkedHashMap<>();
        TreeSet<String> features = new TreeSet<>();
        for (Store.Submission s : subs) {
            byTeam.computeIfAbsent(s.team(), t -> new ArrayList<>()).add(s);
            for (String f : s.features().split(",")) {
                if (!f.isBlank()) {
                    features.add(f);
                }
            }
        }
        List<View.HeatRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Store.Submission>> e : byTeam.entrySet()) {
            List<View.Cell> cells = new ArrayList<>();
            for (String f : features) {
                long k = e.getValue().stream().filter(s -> List.of(s.features().split(",")).contains(f)).count();
                double share = (double) k / e.getValue().size();
                cells.add(new View.Cell(k == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * share),
                        k == 0 ? 0 : (int) Math.min(4, Math.ceil(share * 4))));
            }
            rows.add(new View.HeatRow(e.getKey(), cells));
        }
        return new View.Heatmap(List.copyOf(features), rows);
    }

    private void submitForm(Context ctx) {
        Store.Bounty b = api.bounty(ctx);
        String predicate = ctx.queryParam("predicate");
        View.Mass mass = null;
        if (predicate != null && !predicate.isBlank()) {
            try {
                Bounties.GroupMass gm = bounties.groupMass(b, predicate);
                mass = new View.Mass(predicate, String.format(Locale.ROOT, "Mass on the public training split: %.1f%% (%d of %d rows)",
                        100 * gm.mass(), gm.rows(), gm.trainRows()), true);
            } catch (ApiException e) {
                mass = new View.Mass(predicate, e.getMessage(), false);
            }
        }
        Map<String, Object> p = new HashMap<>();
        p.put("bounty", bountyRow(b));
        p.put("mass", mass);
        p.put("predicate", predicate == null ? "" : predicate);
        render(ctx, "submit.jte", pageOf(ctx, "Submit", null), p);
    }

    private void submit(Context ctx) {
        Store.Bounty b = api.bounty(ctx);
        Bounties.NewSubmission ns = new Bounties.NewSubmission(ctx.formParam("group_predicate"), Api.file(ctx, "group_onnx"),
                ctx.formParam("model_rule"), ctx.formParam("model_constant"), Api.file(ctx, "model_onnx"), ctx.formParam("description"));
        Store.Submission s = bounties.submit(Web.principal(ctx), b, ns);
        ctx.redirect("/submissions?", HttpStatus.SEE_OTHER);
        ctx.attribute("submitted", s.id());
    }

    private void submissions(Context ctx, List<Store.Submission> subs) {
        List<View.SubmissionRow> rows = new ArrayList<>();
        for (Store.Submission s : subs) {
            rows.add(new View.SubmissionRow(s.id(), s.bountyId(), s.status(), s.accepted() == null ? "pending" : s.accepted() ? "accepted" : "rejected",
                    s.hunterReason() == null ? "" : s.hunterReason(),
                    s.groupKind().equals("onnx") ? "onnx:" + s.groupText().substring(0, 12) : s.groupText(),
                    s.modelKind() + ":" + (s.modelKind().equals("onnx") ? s.modelText().substring(0, 12) : s.modelText()),
                    String.format(Locale.ROOT, "%.3f", s.trainMass()), when(s.createdAt()), s.description()));
        }
        render(ctx, "submissions.jte", pageOf(ctx, "My submissions", null), Map.of("submissions", rows));
    }

    private void login(Context ctx, boolean signup) {
        String next = ctx.queryParam("next");
        Map<String, Object> p = new HashMap<>();
        p.put("next", safeNext(next));
        p.put("signup", signup);
        render(ctx, "login.jte", pageOf(ctx, signup ? "Sign up" : "Log in", null), p);
    }

    private static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }

    private void checkPreToken(Context ctx) {
        String cookie = ctx.cookie(Auth.PRE_COOKIE);
        String form = ctx.formParam("_csrf");
        Principal p = auth.principal(ctx).orElse(null);
        boolean ok = Secrets.same(cookie, form) || (p != null && Secrets.same(p.csrf(), form));
        if (!ok) {
            throw ApiException.forbidden("missing or wrong CSRF token: reload the page and submit the form again");
        }
    }

    private void doLogin(Context ctx) {
        checkPreToken(ctx);
        Store.User u = auth.login(ctx.formParam("username"), ctx.formParam("password"), ctx.ip());
        auth.startSession(ctx, u);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void doSignup(Context ctx) {
        checkPreToken(ctx);
        Role role = Role.parse(ctx.formParam("role") == null ? "hunter" : ctx.formParam("role"));
        if (role != Role.HUNTER && role != Role.CUSTOMER) {
            throw ApiException.forbidden("sign-up creates hunter or customer accounts; an admin creates providers and admins");
        }
        auth.createUser(ctx.formParam("username"), ctx.formParam("password"), role, ctx.formParam("team"));
        Store.User u = auth.login(ctx.formParam("username"), ctx.formParam("password"), ctx.ip());
        auth.startSession(ctx, u);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void adminBounty(Context ctx) {
        byte[] train = Api.file(ctx, "train");
        byte[] holdout = Api.file(ctx, "holdout");
        if (train == null || holdout == null) {
            throw ApiException.badRequest("upload both the public train split and the private holdout as CSV files");
        }
        Store.Bounty b = bounties.create(new Bounties.NewBounty(ctx.formParam("id"), ctx.formParam("title"), ctx.formParam("title"),
                new String(train, StandardCharsets.UTF_8), new String(holdout, StandardCharsets.UTF_8), ctx.formParam("label"),
                blankToNull(ctx.formParam("positive_label")), ctx.formParam("base_model"), ctx.formParam("alpha"), ctx.formParam("repair_alpha"),
                intParam(ctx, "min_group_size"), ctx.formParam("guard"), intParam(ctx, "budget_per_hunter"), intParam(ctx, "rate_per_hour")));
        ctx.redirect("/bounties/" + URLEncoder.encode(b.id(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void adminVersion(Context ctx) {
        byte[] audit = Api.file(ctx, "audit");
        byte[] card = Api.file(ctx, "card");
        String model = ctx.formParam("model");
        models.publish(model == null ? "" : model, audit == null ? null : new String(audit, StandardCharsets.UTF_8),
                card == null ? null : new String(card, StandardCharsets.UTF_8), ctx.formParam("note"));
        ctx.redirect("/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int intParam(Context ctx, String name) {
        String v = ctx.formParam(name);
        try {
            return Integer.parseInt(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": expected an integer, got '" + v + "'");
        }
    }

    static void unused(UncheckedIOException e) {
        throw e;
    }
}
