package org.rai4j.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The HTTP layer: security headers on every response, the per-route guard (unknown query parameters →
 * 400, login and role checks, CSRF on cookie-authenticated writes), upload limits (413) and RFC 9457
 * problem responses ({@code application/problem+json}) for every API error.
 */
final class Web {
    private static final Logger LOG = LoggerFactory.getLogger(Web.class);
    static final String PRINCIPAL = "rai4j.principal";
    private static final String RENDERED = "rai4j.problem-rendered";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final int READY_WAIT_SECONDS = 60;

    /**
     * Jetty's thread pool (acceptor and selector included; {@code -Drai4j.jetty.maxThreads=N} overrides it, at least 8).
     * Small on purpose: with 200 keep-alive readers on 2 cores, 250 handler threads (Javalin's default) leave the order
     * of service to the OS scheduler, and the read latency's tail grew with them; 16 threads serve requests nearly in
     * arrival order (docs/platform.md, Performance: p99 36-46 ms instead of 47-69 ms).
     */
    static final int MAX_THREADS = 16;

    private Web() {}

    /** Renders an error as an HTML page for browser routes. */
    interface ErrorPage extends BiConsumer<Context, ApiException> {}

    /**
     * Builds the application. Requests wait until {@code ready} opens (start-up finished), at most
     * {@link #READY_WAIT_SECONDS} s, then get 503.
     */
    static Javalin build(ServerOptions o, List<Route> routes, Auth auth, ErrorPage errorPage, CountDownLatch ready) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = o.maxUploadBytes();
            config.jetty.host = o.host();
            config.jetty.port = o.port();
            int maxThreads = Math.max(8, Integer.getInteger("rai4j.jetty.maxThreads", MAX_THREADS));
            org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(maxThreads, 8);
            pool.setName("rai4j-http");
            config.jetty.threadPool = pool;
            config.jetty.multipartConfig.maxFileSize(o.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(o.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, o.maxUploadBytes()), io.javalin.config.SizeUnit.BYTES);
            config.routes.before(ctx -> {
                if (ready.getCount() > 0 && !ready.await(READY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new ApiException(503, "Starting", "the platform is still starting (loading the demo); try again in a few seconds", "5");
                }
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("Cross-Origin-Opener-Policy", "same-origin");
                long length = ctx.req().getContentLengthLong();
                if (length > o.maxUploadBytes()) {
                    drain(ctx, 64L << 20);
                    throw new ApiException(413, "Upload too large", "the request body has " + length + " bytes; this server accepts at most "
                            + o.maxUploadBytes() + " bytes per request");
                }
            });
            for (Route r : routes) {
                Handler guarded = guard(r, auth);
                if (r.method().equals("GET")) {
                    config.routes.get(r.path(), guarded);
                } else {
                    config.routes.post(r.path(), guarded);
                }
            }
            config.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e, errorPage));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, switch (e.getStatus()) {
                case 404 -> ApiException.notFound("no page or API route at " + ctx.method() + " " + ctx.path()
                        + "; the API is described at /openapi.json");
                case 413 -> new ApiException(413, "Upload too large", "the request body is larger than this server accepts ("
                        + o.maxUploadBytes() + " bytes)");
                case 405 -> new ApiException(405, "Method not allowed", ctx.method() + " is not served at " + ctx.path());
                default -> new ApiException(e.getStatus(), e.getStatus() >= 500 ? "Internal error" : "Bad request", String.valueOf(e.getMessage()));
            }, errorPage));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                render(ctx, new ApiException(500, "Internal error", "the server failed on this request (" + e.getClass().getSimpleName()
                        + "); the operator's log has the details"), errorPage);
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    render(ctx, ApiException.notFound("no page or API route at " + ctx.method() + " " + ctx.path()
                            + "; the API is described at /openapi.json"), errorPage);
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(RENDERED) == null) {
                    render(ctx, new ApiException(405, "Method not allowed", ctx.method() + " is not served at " + ctx.path()), errorPage);
                }
            });
        });
    }

    /** Reads and discards up to {@code max} bytes of an oversize body, so the client can read the 413 instead of a reset. */
    private static void drain(Context ctx, long max) {
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < max && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (java.io.IOException ignored) {
            // the client went away: nothing to answer
        }
    }

    static boolean isApi(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/") || p.equals("/api") || p.equals("/healthz") || p.equals("/openapi.json");
    }

    static void render(Context ctx, ApiException e, ErrorPage errorPage) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(e.status);
        if (e.retryAfterSeconds != null) {
            ctx.header("Retry-After", e.retryAfterSeconds);
        }
        if (isApi(ctx)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", "about:blank");
            p.put("title", e.title);
            p.put("status", e.status);
            p.put("detail", e.getMessage());
            p.put("instance", ctx.path());
            ctx.contentType("application/problem+json").result(Json.write(p));
        } else {
            errorPage.accept(ctx, e);
        }
    }

    private static Handler guard(Route r, Auth auth) {
        return ctx -> {
            for (String q : ctx.queryParamMap().keySet()) {
                if (!r.query().contains(q)) {
                    throw ApiException.badRequest("unknown query parameter '" + q + "' for " + r.method() + " " + r.path()
                            + (r.query().isEmpty() ? "; it takes none" : "; it accepts: " + String.join(", ", new TreeSet<>(r.query()))));
                }
            }
            Optional<Principal> p = auth.principal(ctx);
            if (r.access() != Access.PUBLIC) {
                if (p.isEmpty()) {
                    if (!r.api() && r.method().equals("GET")) {
                        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
                        return;
                    }
                    throw ApiException.unauthorized("log in (session cookie) or send 'Authorization: Bearer <token>' to "
                            + r.method() + " " + r.path());
                }
                if (!r.access().allows(p.get().role())) {
                    throw ApiException.forbidden(r.method() + " " + r.path() + " needs the " + r.access().name().toLowerCase(java.util.Locale.ROOT)
                            + " role; you are " + p.get().role().spelling());
                }
                if (!r.method().equals("GET") && !p.get().viaToken()) {
                    String sent = ctx.header("X-CSRF-Token");
                    if (sent == null && isForm(ctx)) {
                        sent = ctx.formParam("_csrf");
                    }
                    if (!Secrets.same(sent, p.get().csrf())) {
                        throw ApiException.forbidden("missing or wrong CSRF token: reload the page and submit the form again "
                                + "(API clients: send the X-CSRF-Token header or use an API token)");
                    }
                }
            }
            ctx.attribute(PRINCIPAL, p.orElse(null));
            r.handler().handle(ctx);
        };
    }

    static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data"));
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }
}
