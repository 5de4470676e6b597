package org.rai4j.server;

import io.javalin.http.Handler;

import java.util.List;
import java.util.Set;

/**
 * One route: what it does (for the OpenAPI document), who may call it, which query parameters it
 * accepts (any other → 400), and its handler.
 *
 * @param method   GET or POST
 * @param path     Javalin path, e.g. {@code /api/models/{id}}
 * @param summary  one line for the OpenAPI document
 * @param access   who may call it
 * @param query    the accepted query parameters
 * @param api      true for the REST API (documented in /openapi.json), false for pages
 * @param request  media types of the request body (empty when none)
 * @param response media type of the success response
 * @param status   HTTP status of the success response
 * @param handler  the handler
 */
record Route(String method, String path, String summary, Access access, Set<String> query, boolean api,
             List<String> request, String response, int status, Handler handler) {
    Route {
        query = Set.copyOf(query);
        request = List.copyOf(request);
    }

    List<String> pathParameters() {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
