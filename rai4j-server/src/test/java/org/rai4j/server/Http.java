package org.rai4j.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: JSON, CSV and multipart bodies, bearer tokens, cookies. */
final class Http {
    final String base;
    final HttpClient client;
    final java.net.CookieManager cookies = new java.net.CookieManager();

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return Json.parse(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    Response send(String method, String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body(), r.headers());
    }

    Response get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    Response postJson(String path, Object body, String... headers) throws Exception {
        return send("POST", path, "application/json", (body instanceof String s ? s : Json.write(body)).getBytes(StandardCharsets.UTF_8), headers);
    }

    Response postCsv(String path, String csv, String... headers) throws Exception {
        return send("POST", path, "text/csv", csv.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A multipart/form-data body: text fields, then files (name → bytes). */
    Response postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files, String... headers) throws Exception {
        String boundary = "----rai4j" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\"" + f.getKey()
                    + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(f.getValue());
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), headers);
    }

    Response postForm(String path, Map<String, String> fields, String... headers) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            sb.append(sb.length() > 0 ? "&" : "").append(java.net.URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return send("POST", path, "application/x-www-form-urlencoded", sb.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Signs up a hunter and returns an API token for it. */
    static String hunterToken(String base, String user, String team) throws Exception {
        Http h = new Http(base);
        Response s = h.postJson("/api/signup", Map.of("username", user, "password", "a long password " + user, "role", "hunter", "team", team));
        if (s.status() != 201) {
            throw new AssertionError("signup " + user + ": " + s.status() + " " + s.body());
        }
        return token(base, user, "a long password " + user);
    }

    static String token(String base, String user, String password) throws Exception {
        Http h = new Http(base);
        Response l = h.postJson("/api/login", Map.of("username", user, "password", password));
        if (l.status() != 200) {
            throw new AssertionError("login " + user + ": " + l.status() + " " + l.body());
        }
        String csrf = l.json().get("csrf_token").asText();
        Response t = h.postJson("/api/tokens", Map.of("label", "test"), "X-CSRF-Token", csrf);
        if (t.status() != 201) {
            throw new AssertionError("token " + user + ": " + t.status() + " " + t.body());
        }
        return t.json().get("token").asText();
    }
}
