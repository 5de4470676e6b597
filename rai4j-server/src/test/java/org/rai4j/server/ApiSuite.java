package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API against a real server on a free port. Run once on the embedded H2 ({@link H2ApiTest})
 * and once on a private PostgreSQL 15 cluster ({@link PostgresApiTest}); one server per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ApiSuite {
    static final String BOUNTY = DemoLoader.BOUNTY;
    static final String GOOD_GROUP = "credit_history == 'critical/other existing credit'";

    Path dir;
    Rai4jServer server;
    Http http;
    String adminPassword;

    /** The options of the server under test (database included). */
    abstract ServerOptions options(Path dataDir) throws Exception;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("rai4j-api");
        server = Rai4jServer.start(options(dir));
        adminPassword = server.oneTimeAdminPassword().orElseThrow();
        http = new Http(server.url());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * The demo is computed in the background while the database opens, and requests wait at a gate until
     * start-up is done; this checks the store itself (no request) right after {@link Rai4jServer#start} returned.
     */
    @Test
    @Order(0)
    void start_returnsWithTheDemoStored() throws Exception {
        Set<String> ids = new HashSet<>();
        server.store.models().forEach(m -> ids.add(m.id()));
        assertThat(ids).containsExactlyInAnyOrder(DemoLoader.CREDIT, DemoLoader.SPEECH, BOUNTY);
        Store.Version credit = server.store.latestPublished(DemoLoader.CREDIT).orElseThrow();
        assertThat(Json.parse(credit.auditJson()).get("schema").asText()).isEqualTo("rai4j.audit/1");
        assertThat(Json.parse(credit.artifactJson()).get("coefficients").size()).isGreaterThan(10);
        assertThat(Json.parse(server.store.latestPublished(DemoLoader.SPEECH).orElseThrow().auditJson()).get("schema").asText())
                .isEqualTo("rai4j.audit/1");
        assertThat(server.store.bounty(BOUNTY).orElseThrow().holdoutRows()).isEqualTo(400);
        assertThat(server.store.trainCsv(BOUNTY)).isPresent();
    }

    /** The launcher's class-data run ({@code serve --self-check}) relies on every self-check read answering 200. */
    @Test
    @Order(0)
    void selfCheck_afterFirstStart_everyPublicReadIs200() throws Exception {
        Map<String, Integer> status = server.selfCheck();
        assertThat(status.keySet()).containsExactlyElementsOf(Rai4jServer.SELF_CHECK_PATHS);
        assertThat(status.values()).containsOnly(200);
    }

    /**
     * More keep-alive connections than Jetty has threads ({@link Web#MAX_THREADS}): every connection is served, each
     * reading in turn several times (a held connection does not hold a thread).
     */
    @Test
    @Order(0)
    void keepAliveConnections_beyondTheThreadPool_allServed() throws Exception {
        int clients = 4 * Web.MAX_THREADS;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Integer>> oks = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                oks.add(pool.submit(() -> {
                    try (LoopbackClient client = new LoopbackClient("127.0.0.1", server.port())) {
                        int ok = client.get("/api/models") == 200 ? 1 : 0;
                        connected.countDown();
                        connected.await();   // every connection open and kept alive at once
                        for (int i = 0; i < 5; i++) {
                            ok += client.get(i % 2 == 0 ? "/api/bounties" : "/healthz") == 200 ? 1 : 0;
                        }
                        return ok;
                    }
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : oks) {
                total += f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(clients * 6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void healthzAndIndex_afterFirstStart_listTheDemo() throws Exception {
        Http.Response h = http.get("/healthz");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.json().get("status").asText()).isEqualTo("ok");
        Http.Response index = http.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("German credit scoring (logistic regression)").contains("/bounties/" + BOUNTY);
        JsonNode models = http.get("/api/models").json();
        assertThat(models.isArray()).isTrue();
        Set<String> ids = new HashSet<>();
        models.forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains(DemoLoader.CREDIT, DemoLoader.SPEECH, BOUNTY);
        JsonNode bounties = http.get("/api/bounties").json();
        assertThat(bounties.isArray()).isTrue();
        assertThat(bounties.get(0).get("id").asText()).isEqualTo(BOUNTY);
        assertThat(bounties.get(0).get("holdout_rows").asInt()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void openApi_documentsEveryRoute_andEveryDocumentedRouteIsServed() throws Exception {
        JsonNode doc = http.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
            p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
            p.getValue().forEach(op -> assertThat(op.has("responses") && op.has("summary") && op.has("operationId")).isTrue());
        }
        Set<String> registered = new TreeSet<>();
        for (ParsedEndpoint e : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
            String path = e.endpoint.path;
            if (path.startsWith("/api/") || path.equals("/healthz") || path.equals("/openapi.json")) {
                registered.add(e.endpoint.method.name() + " " + path);
            }
        }
        assertThat(registered).as("registered API routes").isEqualTo(documented);
        assertThat(documented).contains("GET /healthz", "GET /api/models", "GET /api/models/{id}", "POST /api/models/{id}/predict",
                "GET /api/bounties", "GET /api/bounties/{id}/leaderboard", "POST /api/bounties/{id}/submissions",
                "GET /api/submissions/{id}", "POST /api/models/{id}/last-mile", "GET /api/bounties/{id}/train.csv");
        // Every documented route is served: with real ids it never answers 404 (no route) or 405.
        String sub = submitAs(Http.hunterToken(server.url(), "routes-hunter", "routes"), GOOD_GROUP, Map.of("constant", "good"))
                .get("id").asText();
        for (String op : documented) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replace("/api/models/{id}", "/api/models/" + DemoLoader.CREDIT)
                    .replace("/api/bounties/{id}", "/api/bounties/" + BOUNTY).replace("/api/submissions/{id}", "/api/submissions/" + sub);
            Http.Response r = method.equals("GET") ? http.get(path) : http.postJson(path, "{}");
            assertThat(r.status()).as(op + " → " + r.body()).isNotIn(404, 405);
        }
    }

    @Test
    @Order(3)
    void unknownQueryParameter_anyRoute_is400ProblemJson() throws Exception {
        for (String path : List.of("/api/models?foo=1", "/api/bounties/" + BOUNTY + "/leaderboard?sort=x", "/healthz?x", "/?q=1")) {
            Http.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            if (path.startsWith("/api") || path.startsWith("/healthz")) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("detail").asText()).contains("unknown query parameter");
                assertThat(r.json().get("status").asInt()).isEqualTo(400);
            }
        }
        Http.Response ok = http.get("/api/bounties/" + BOUNTY + "/group-mass?predicate=" + java.net.URLEncoder.encode("sex == 'female'", "UTF-8"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("rows").asInt()).isBetween(150, 250);
    }

    @Test
    @Order(4)
    void reading_isPublic_writing_needsSessionOrToken() throws Exception {
        for (String path : List.of("/", "/models/" + DemoLoader.CREDIT, "/bounties/" + BOUNTY, "/api/models/" + DemoLoader.CREDIT,
                "/api/bounties/" + BOUNTY + "/leaderboard", "/api/bounties/" + BOUNTY + "/train.csv", "/models/" + DemoLoader.SPEECH)) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
        Http.Response w = http.postJson("/api/bounties/" + BOUNTY + "/submissions", Map.of());
        assertThat(w.status()).isEqualTo(401);
        assertThat(w.contentType()).startsWith("application/problem+json");
        assertThat(http.postJson("/api/models/" + DemoLoader.CREDIT + "/predict", Map.of()).status()).isEqualTo(401);
        assertThat(http.postJson("/api/tokens", Map.of()).status()).isEqualTo(401);
        assertThat(http.get("/api/submissions").status()).isEqualTo(401);
        assertThat(http.postJson("/api/bounties/" + BOUNTY + "/submissions", Map.of(), "Authorization", "Bearer r4j_forged").status()).isEqualTo(401);
    }

    JsonNode submitAs(String token, String predicate, Map<String, String> model) throws Exception {
        Http.Response r = http.postJson("/api/bounties/" + BOUNTY + "/submissions", Map.of("group", Map.of("predicate", predicate), "model", model),
                "Authorization", "Bearer " + token);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    JsonNode awaitDecided(String token, String id) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = http.get("/api/submissions/" + id, "Authorization", "Bearer " + token).json();
            if (s.get("status").asText().equals("decided")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("submission " + id + " was not decided within 60 s");
    }

    @Test
    @Order(5)
    void submission_isVerified_shownOnLeaderboard_andOnlyToItsHunter() throws Exception {
        String alice = Http.hunterToken(server.url(), "alice", "credit-hackers");
        String bob = Http.hunterToken(server.url(), "bob", "stats-club");
        JsonNode s = submitAs(alice, GOOD_GROUP, Map.of("constant", "good"));
        assertThat(s.get("status").asText()).isIn("queued", "verifying");
        JsonNode d = awaitDecided(alice, s.get("id").asText());
        assertThat(d.get("decision").asText()).as(d.toString()).isIn("accepted", "rejected");
        JsonNode lb = http.get("/api/bounties/" + BOUNTY + "/leaderboard").json();
        boolean listed = false;
        for (JsonNode row : lb) {
            listed |= row.get("team").asText().equals("credit-hackers") && row.get("submissions").asInt() >= 1;
        }
        assertThat(listed).as(lb.toString()).isTrue();
        // another hunter: 404, not 403 (the id's existence is not revealed)
        Http.Response other = http.get("/api/submissions/" + s.get("id").asText(), "Authorization", "Bearer " + bob);
        assertThat(other.status()).isEqualTo(404);
        assertThat(http.get("/api/submissions", "Authorization", "Bearer " + bob).json().size()).isZero();
        // the hunter view carries no holdout number
        assertThat(d.toString()).doesNotContain("holdout").doesNotContain("error_reduction").doesNotContain("group_rows");
        // a malformed predicate is a 422 naming the problem; nothing is queued
        Http.Response bad = http.postJson("/api/bounties/" + BOUNTY + "/submissions",
                Map.of("group", Map.of("predicate", "no_such_column == 1"), "model", Map.of("constant", "good")), "Authorization", "Bearer " + alice);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asText()).contains("no_such_column");
    }

    @Test
    @Order(6)
    void predictAndLastMile_hostedModel_scoreAndFlag() throws Exception {
        String token = Http.hunterToken(server.url(), "carol", "carol");
        String csv = http.get("/api/bounties/" + BOUNTY + "/train.csv").body();
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",");
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        String[] first = lines.get(1).split(",");
        JsonNode schema = http.get("/api/models/" + DemoLoader.CREDIT).json().get("artifact").get("features");
        for (int j = 0; j < header.length; j++) {
            String name = header[j];
            boolean isFeature = false;
            for (JsonNode f : schema) {
                isFeature |= f.asText().equals(name);
            }
            if (isFeature) {
                String v = first[j].replace("\"", "");
                row.put(name, v.matches("-?[0-9.]+") ? (Object) Double.valueOf(v) : v);
            }
        }
        Http.Response p = http.postJson("/api/models/" + DemoLoader.CREDIT + "/predict", Map.of("rows", List.of(row, row)),
                "Authorization", "Bearer " + token);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        double score = p.json().get("predictions").get(0).get("score").asDouble();
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(p.json().get("predictions").get(1).get("score").asDouble()).isEqualTo(score);
        Http.Response lm = http.postCsv("/api/models/" + DemoLoader.CREDIT + "/last-mile?kind=predictions", LastMileData.degradedYoung(),
                "Authorization", "Bearer " + token);
        assertThat(lm.status()).as(lm.body()).isEqualTo(200);
        assertThat(lm.json().get("flagged").toString()).contains("age_band=19-24").contains("DIFFERENTIAL_DEGRADATION");
        Http.Response wrong = http.postCsv("/api/models/" + DemoLoader.CREDIT + "/last-mile", "a,b\n1,2\n", "Authorization", "Bearer " + token);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("missing column");
    }

    @Test
    @Order(7)
    void noRoute_servesTheHoldout() throws Exception {
        for (String path : List.of("/api/bounties/" + BOUNTY + "/holdout.csv", "/api/bounties/" + BOUNTY + "/holdout",
                "/api/bounties/" + BOUNTY + "/test.csv", "/api/bounties/" + BOUNTY + "/validation.csv", "/bounties/" + BOUNTY + "/holdout.csv",
                "/api/bounties/" + BOUNTY + "/train.csv/../holdout.csv", "/api/bounties/" + BOUNTY + "/data")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(404);
        }
        String train = http.get("/api/bounties/" + BOUNTY + "/train.csv").body();
        assertThat(train.lines().count() - 1).isEqualTo(600);
    }

    @Test
    @Order(100)
    void restart_keepsEverySubmission() throws Exception {
        String token = Http.hunterToken(server.url(), "dave", "dave-team");
        String id = submitAs(token, "sex == 'female'", Map.of("constant", "good")).get("id").asText();
        assertThat(server.awaitIdle(Duration.ofSeconds(60))).isTrue();
        long before = server.store.submissionsOfBounty(BOUNTY).size();
        server.close();
        server = Rai4jServer.start(options(dir).withPort(0));
        http = new Http(server.url());
        assertThat(server.oneTimeAdminPassword()).isEmpty();
        assertThat(server.store.submissionsOfBounty(BOUNTY)).hasSize((int) before);
        assertThat(http.get("/api/submissions/" + id, "Authorization", "Bearer " + token).json().get("status").asText()).isEqualTo("decided");
        // the engine is restored by replaying the stored audit log: a new submission is still verified
        String next = submitAs(token, "age_band == '19-24'", Map.of("constant", "good")).get("id").asText();
        assertThat(awaitDecided(token, next).get("status").asText()).isEqualTo("decided");
    }
}
