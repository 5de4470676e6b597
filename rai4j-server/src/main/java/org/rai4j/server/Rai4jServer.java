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
        Db db = Db.open(o);
        try {
            Store store = new Store(db.jdbi, !db.postgres);
            Auth auth = new Auth(store);
            String adminPassword = null;
            if (store.countUsers() == 0) {
                adminPassword = auth.secrets().password();
                auth.createUser("admin", adminPassword, Role.ADMIN, "operators");
            }
            Models models = new Models(store);
            Bounties bounties = new Bounties(store, o.dataDir().resolve("artifacts"), o.workers(), o.verificationDelayMillis());
            if (o.loadDemo() && store.models().isEmpty()) {
                DemoLoader.load(store, bounties, models);
                store.flush();
            }
            List<Route> routes = new ArrayList<>();
            Api api = new Api(store, models, bounties, auth, t0);
            routes.addAll(api.routes());
            Pages pages = new Pages(store, models, bounties, auth, api);
            routes.addAll(pages.routes());
            routes.add(new Route("GET", "/openapi.json", "This OpenAPI 3.1 document.", Access.PUBLIC, java.util.Set.of(), true,
                    List.of(), "application/json", 200, ctx -> Api.json(ctx, OpenApi.document(routesView(routes)))));
            Javalin app = Web.build(o, routes, auth, pages::error);
            bounties.start();
            try {
                app.start();
            } catch (RuntimeException e) {
                bounties.close();
                throw new IllegalStateException("cannot listen on " + o.host() + ":" + o.port() + ": " + rootMessage(e)
                        + " (is another program using the port? choose another with --port)", e);
            }
            String host = o.host().equals("0.0.0.0") ? "127.0.0.1" : o.host();
            String url = "http://" + host + ":" + app.port() + "/";
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("rai4j platform ready at {} in {} ms ({})", url, ms, db.description);
            return new Rai4jServer(db, store, bounties, app, routes, adminPassword, url, ms);
        } catch (Exception | Error e) {
            db.close();
            throw e;
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

    /** Milliseconds from {@link #start} to listening. */
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
