package org.rai4j.server;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * The rai4j platform server ({@code rai4j serve}). {@link #start(ServerOptions)} opens (and migrates) the
 * database, creates the admin account with a one-time password on first start, loads the demo, resumes
 * queued verifications and starts listening; {@link #close()} stops it. Thread-safe.
 */
public final class Rai4jServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rai4jServer.class);

    private final Db db;
    private final Bounties bounties;
    private final Javalin app;
    private final String adminPassword;
    private final String url;
    private final long startMillis;
    final List<Route> routes;
    final Store store;

    private Rai4jServer(Db db, Store store, Bounties bounties, Javalin app, List<Route> routes, String adminPassword, String url, long startMillis) {
        this.db = db;
        this.store = store;
        this.bounties = bounties;
        this.app = app;
        this.routes = routes;
        this.adminPassword = adminPassword;
        this.url = url;
        this.startMillis = startMillis;
    }

    /**
     * Starts a server.
     *
     * @throws IllegalStateException when the database cannot be opened or migrated, or the demo cannot be loaded
     *                               (the message says what to do)
     */
    public static Rai4jServer start(ServerOptions o) throws Exception {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(o.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + o.dataDir() + ": " + e.getMessage(), e);
        }
        StartupPhases phases = new StartupPhases(t0);
        // A fresh embedded database will need the demo: compute it while the database opens and migrates.
        CompletableFuture<DemoLoader.Demo> demo = o.loadDemo() && o.jdbcUrl() == null
                && !Files.exists(o.dataDir().resolve("rai4j.mv.db")) ? DemoLoader.prepareInBackground() : null;
        Db db = Db.open(o, phases);
        try {
            ReadCache cache = new ReadCache(db.jdbi);
            Store store = new Store(db.jdbi, !db.postgres);
            Auth auth = new Auth(store);
            String adminPassword = null;
            if (store.countUsers() == 0) {
                adminPassword = auth.secrets().password();
                auth.createUser("admin", adminPassword, Role.ADMIN, "operators");
            }
            phases.lap("accounts");
            Models models = new Models(store);
            Bounties bounties = new Bounties(store, o.dataDir().resolve("artifacts"), o.workers(), o.verificationDelayMillis());
            boolean needDemo = o.loadDemo() && store.models().isEmpty();
            if (needDemo && demo == null) {
                demo = DemoLoader.prepareInBackground();
            }
            List<Route> routes = new ArrayList<>();
            Api api = new Api(store, models, bounties, auth, t0, cache);
            routes.addAll(api.routes());
            Pages pages = new Pages(store, models, bounties, auth, api);
            routes.addAll(pages.routes());
            routes.add(new Route("GET", "/openapi.json", "This OpenAPI 3.1 document.", Access.PUBLIC, java.util.Set.of(), true,
                    List.of(), "application/json", 200, ctx -> Api.json(ctx, OpenApi.document(routesView(routes)))));
            // Listening starts while the demo is still computing; requests wait at the gate until start-up is done.
            CountDownLatch ready = new CountDownLatch(1);
            Javalin app = Web.build(o, routes, auth, pages::error, ready);
            phases.lap("routes");
            try {
                app.start();
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot listen on " + o.host() + ":" + o.port() + ": " + rootMessage(e)
                        + " (is another program using the port? choose another with --port)", e);
            }
            phases.lap("listen");
            try {
                if (needDemo) {
                    DemoLoader.Demo d = awaitDemo(demo);
                    phases.lap("demo (computed in parallel)");
                    DemoLoader.store(store, bounties, d);
                    store.flush();
                    phases.lap("demo stored");
                }
                bounties.start();
            } catch (Exception | Error e) {
                app.stop();
                bounties.close();
                throw e;
            }
            ready.countDown();
            String host = o.host().equals("0.0.0.0") ? "127.0.0.1" : o.host();
            String url = "http://" + host + ":" + app.port() + "/";
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("rai4j platform ready at {} in {} ms ({}); start-up phases: {}", url, ms, db.description, phases);
            return new Rai4jServer(db, store, bounties, app, routes, adminPassword, url, ms);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    private static DemoLoader.Demo awaitDemo(CompletableFuture<DemoLoader.Demo> demo) throws Exception {
        try {
            return demo.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    private static List<Route> routesView(List<Route> routes) {
        return routes;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    /** The pages and API reads {@link #selfCheck()} requests: what a first visitor asks for. */
    static final List<String> SELF_CHECK_PATHS = List.of("/healthz", "/", "/static/app.css", "/models/" + DemoLoader.CREDIT,
            "/models/" + DemoLoader.CREDIT + "/audit", "/bounties/" + DemoLoader.BOUNTY, "/login", "/api/models",
            "/api/models/" + DemoLoader.CREDIT, "/api/bounties", "/api/bounties/" + DemoLoader.BOUNTY + "/leaderboard",
            "/openapi.json");

    /**
     * Requests the public pages and API reads a first visitor asks for ({@link #SELF_CHECK_PATHS}) from this
     * server over loopback and returns each path's status code, in order. Used by {@code rai4j serve
     * --self-check}, which the launcher runs once per build to record the class-data archive that makes later
     * starts faster (the requests load the classes that serving needs).
     *
     * @throws IOException when the server cannot be reached
     */
    public java.util.Map<String, Integer> selfCheck() throws IOException {
        String host = url.substring("http://".length(), url.lastIndexOf(':'));
        java.util.Map<String, Integer> status = new java.util.LinkedHashMap<>();
        try (LoopbackClient client = new LoopbackClient(host, app.port())) {
            for (String path : SELF_CHECK_PATHS) {
                status.put(path, client.get(path));
            }
        }
        return status;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        return url;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** The admin password created on first start (shown once), or empty on later starts. */
    public Optional<String> oneTimeAdminPassword() {
        return Optional.ofNullable(adminPassword);
    }

    /** Milliseconds from {@link #start} to ready (demo loaded, answering requests). */
    public long startupMillis() {
        return startMillis;
    }

    /** Where the data lives (for the start-up message). */
    public String databaseDescription() {
        return db.description;
    }

    /** The bounty service (the bench creates its large bounty through it). */
    Bounties bounties() {
        return bounties;
    }

    /** The Javalin instance (tests list its registered endpoints). */
    Javalin javalin() {
        return app;
    }

    /** Waits until no submission is queued or being verified. */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        return bounties.awaitIdle(timeout);
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                bounties.close();
            } finally {
                db.close();
            }
        }
    }
}
