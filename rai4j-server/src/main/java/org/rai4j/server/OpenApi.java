package org.rai4j.server;

import org.rai4j.core.Provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The OpenAPI 3.1 document of the REST API, generated from the same route table the server registers. */
final class OpenApi {
    private OpenApi() {}

    static Map<String, Object> document(List<Route> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "rai4j platform API", "version", Provenance.rai4jVersion(),
                "description", "Models with service cards and audits, last-mile checks and bias bounties. Reading is public; writing "
                        + "needs a session cookie (with the X-CSRF-Token header) or an API token (Authorization: Bearer). Errors are "
                        + "RFC 9457 application/problem+json. Unknown query parameters are rejected with 400."));
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new TreeMap<>();
        for (Route r : routes) {
            if (!r.api()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), p -> new LinkedHashMap<String, Object>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("operationId", operationId(r));
            op.put("summary", r.summary());
            List<Object> params = new ArrayList<>();
            for (String p : r.pathParameters()) {
                params.add(Map.of("name", p, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            for (String q : new java.util.TreeSet<>(r.query())) {
                params.add(Map.of("name", q, "in", "query", "required", false, "schema", Map.of("type", "string")));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (!r.request().isEmpty()) {
                Map<String, Object> content = new LinkedHashMap<>();
                for (String mt : r.request()) {
                    content.put(mt, Map.of("schema", mt.equals("application/json") ? Map.of("type", "object")
                            : mt.equals("text/csv") ? Map.of("type", "string") : Map.of("type", "object")));
                }
                op.put("requestBody", Map.of("required", true, "content", content));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            Object schema = r.response().equals("application/json") ? Map.of("type", r.path().equals("/api/models")
                    || r.path().equals("/api/bounties") || r.path().endsWith("/leaderboard") || r.path().endsWith("/changelog")
                    || r.path().endsWith("/versions") && r.method().equals("GET") || r.path().equals("/api/submissions") ? "array" : "object")
                    : Map.of("type", "string");
            responses.put(Integer.toString(r.status()), Map.of("description", "success",
                    "content", Map.of(r.response(), Map.of("schema", schema))));
            responses.put("default", Map.of("description", "an error (RFC 9457 problem details)",
                    "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            op.put("responses", responses);
            if (r.access() != Access.PUBLIC) {
                op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
                op.put("x-rai4j-role", r.access().name().toLowerCase(Locale.ROOT));
            }
            item.put(r.method().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "instance", Map.of("type", "string")));
        problem.put("required", List.of("title", "status", "detail"));
        doc.put("components", Map.of("schemas", Map.of("Problem", problem),
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", Auth.SESSION_COOKIE))));
        return doc;
    }

    private static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
        for (String part : r.path().split("[/{}.-]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
