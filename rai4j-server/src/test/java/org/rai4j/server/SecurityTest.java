package org.rai4j.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Attacks on the platform through its public interface: each must fail with the documented status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {
    Rai4jServer server;
    Http http;
    String admin;

    @BeforeAll
    void start() throws Exception {
        server = Rai4jServer.start(ServerOptions.of(0, Files.createTempDirectory("rai4j-sec")).withMaxUpload(64 * 1024));
        admin = server.oneTimeAdminPassword().orElseThrow();
        http = new Http(server.url());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http loggedIn(String user, String password) throws Exception {
        Http h = new Http(server.url());
        Http.Response r = h.postJson("/api/login", Map.of("username", user, "password", password));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return h;
    }

    @Test
    void stateChangingRequest_withSessionButNoCsrfToken_is403() throws Exception {
        Http.Response s = http.postJson("/api/signup", Map.of("username", "mallory", "password", "mallory's password", "role", "hunter"));
        assertThat(s.status()).isEqualTo(201);
        Http h = loggedIn("mallory", "mallory's password");
        Http.Response noToken = h.postJson("/api/tokens", Map.of("label", "x"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("detail").asText()).contains("CSRF");
        Http.Response wrong = h.postJson("/api/tokens", Map.of("label", "x"), "X-CSRF-Token", "guessed");
        assertThat(wrong.status()).isEqualTo(403);
        // the form route too: a cross-site form post carries the cookie but not the token
        Http.Response form = h.postForm("/bounties/" + DemoLoader.BOUNTY + "/submit", Map.of("group_predicate", "sex == 'female'",
                "model_constant", "good"));
        assertThat(form.status()).isEqualTo(403);
        Http.Response logoutForm = h.postForm("/logout", Map.of());
        assertThat(logoutForm.status()).isEqualTo(403);
    }

    @Test
    void sessionCookie_isHttpOnlySameSiteLax_andATamperedCookieIsRejected() throws Exception {
        http.postJson("/api/signup", Map.of("username", "trudy", "password", "trudy's password", "role", "customer"));
        Http h = new Http(server.url());
        Http.Response r = h.postJson("/api/login", Map.of("username", "trudy", "password", "trudy's password"));
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Auth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        String value = cookie.substring(Auth.SESSION_COOKIE.length() + 1, cookie.indexOf(';'));
        assertThat(new Http(server.url()).get("/api/me", "Cookie", Auth.SESSION_COOKIE + "=" + value).status()).isEqualTo(200);
        char last = value.charAt(value.length() - 1);
        String tampered = value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(new Http(server.url()).get("/api/me", "Cookie", Auth.SESSION_COOKIE + "=" + tampered).status()).isEqualTo(401);
        // only hashes are at rest: neither the session id nor the password appears in the database
        List<String> sessions = server.store.jdbi.withHandle(hd -> hd.createQuery("SELECT session_hash FROM sessions").mapTo(String.class).list());
        assertThat(sessions).doesNotContain(value).contains(Secrets.hash(value));
        String pw = server.store.userByName("trudy").orElseThrow().passwordHash();
        assertThat(pw).startsWith("$2a$10$").doesNotContain("trudy's password");
    }

    @Test
    void apiToken_isShownOnce_andStoredHashed() throws Exception {
        String token = Http.hunterToken(server.url(), "tokenuser", "t");
        List<String> stored = server.store.jdbi.withHandle(hd -> hd.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).list());
        assertThat(stored).doesNotContain(token).contains(Secrets.hash(token));
        assertThat(http.get("/api/me", "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void securityHeaders_onPagesApiAndErrors() throws Exception {
        for (String path : List.of("/", "/api/models", "/nope", "/api/nope", "/models/" + DemoLoader.CREDIT)) {
            Http.Response r = http.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void oversizeUpload_is413_andAnOnnxWithACustomOpDomainIsRejected() throws Exception {
        String token = Http.hunterToken(server.url(), "uploader", "u");
        byte[] big = new byte[200 * 1024];
        Http.Response r = http.postMultipart("/api/bounties/" + DemoLoader.BOUNTY + "/submissions", Map.of("model_constant", "good"),
                Map.of("group_onnx", big), "Authorization", "Bearer " + token);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        Http.Response csv = http.postCsv("/api/models/" + DemoLoader.CREDIT + "/last-mile", "x".repeat(100 * 1024), "Authorization", "Bearer " + token);
        assertThat(csv.status()).isEqualTo(413);
        // a small ONNX file declaring a custom operator domain: refused before anything runs, with a 422 naming the domain
        byte[] custom = OnnxFixtures.customDomainModel();
        Http.Response bad = http.postMultipart("/api/bounties/" + DemoLoader.BOUNTY + "/submissions",
                Map.of("group_predicate", "sex == 'female'"), Map.of("model_onnx", custom), "Authorization", "Bearer " + token);
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("detail").asText()).contains("com.evil");
    }

    @Test
    void loginBruteForce_isThrottled() throws Exception {
        http.postJson("/api/signup", Map.of("username", "victim", "password", "victim's long password", "role", "hunter"));
        Http h = new Http(server.url());
        for (int i = 0; i < Auth.MAX_FAILURES; i++) {
            assertThat(h.postJson("/api/login", Map.of("username", "victim", "password", "guess " + i)).status()).isEqualTo(401);
        }
        Http.Response locked = h.postJson("/api/login", Map.of("username", "victim", "password", "victim's long password"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void roles_areEnforced_andHoldoutIsNotInAnyPublicResponse() throws Exception {
        String hunter = Http.hunterToken(server.url(), "rolehunter", "r");
        assertThat(http.postJson("/api/bounties", Map.of("id", "x"), "Authorization", "Bearer " + hunter).status()).isEqualTo(403);
        assertThat(http.get("/api/bounties/" + DemoLoader.BOUNTY + "/audit-log", "Authorization", "Bearer " + hunter).status()).isEqualTo(403);
        assertThat(http.postJson("/api/users", Map.of("username", "boss", "password", "0123456789", "role", "admin"),
                "Authorization", "Bearer " + hunter).status()).isEqualTo(403);
        assertThat(http.postJson("/api/signup", Map.of("username", "boss2", "password", "0123456789a", "role", "admin")).status()).isEqualTo(403);
        // holdout rows (from the engine's own copy) appear in no public response
        String holdout = new String(server.store.holdoutCsvForEngine(DemoLoader.BOUNTY), java.nio.charset.StandardCharsets.UTF_8);
        List<String> holdoutRows = holdout.lines().skip(1).limit(50).toList();
        String train = http.get("/api/bounties/" + DemoLoader.BOUNTY + "/train.csv").body();
        StringBuilder all = new StringBuilder(train);
        for (String p : List.of("/", "/bounties/" + DemoLoader.BOUNTY, "/api/bounties/" + DemoLoader.BOUNTY, "/openapi.json",
                "/api/models/" + DemoLoader.BOUNTY, "/api/bounties/" + DemoLoader.BOUNTY + "/changelog")) {
            all.append(http.get(p).body());
        }
        long trainRowsInHoldout = train.lines().skip(1).filter(holdoutRows::contains).count();
        for (String row : holdoutRows) {
            if (!train.contains(row)) {
                assertThat(all.toString()).doesNotContain(row);
            }
        }
        assertThat(trainRowsInHoldout).isLessThan(holdoutRows.size());
    }
}
