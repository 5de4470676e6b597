package org.rai4j.cli;

import org.rai4j.server.Rai4jServer;
import org.rai4j.server.ServerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code rai4j serve}: starts the rai4j platform (models, service cards, last-mile checks, bias bounties) on the web. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the rai4j platform: models with service cards and audits, last-mile checks and bias bounties,",
                "as web pages and a REST API (/openapi.json). Embedded H2 database under --data-dir unless --db is given.",
                "On first start it loads a demo and prints a one-time admin password."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--data-dir", defaultValue = "./rai4j-data", paramLabel = "DIR",
            description = "Folder for the embedded database and uploaded artefacts (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the embedded H2, e.g. jdbc:postgresql://localhost:5432/rai4j "
                    + "(user with --db-user, password from the environment variable RAI4J_DB_PASSWORD).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for --db.")
    String dbUser;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Interface to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Verification workers (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--no-demo", description = "Do not load the demo models and bounty on first start.")
    boolean noDemo;

    @Option(names = "--self-check", hidden = true,
            description = "Start, request the public pages and API reads once, print their status codes and stop (exit 0 when all "
                    + "are 200). The launcher runs this once per build to record the class-data archive for fast start-up.")
    boolean selfCheck;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        ServerOptions o;
        try {
            o = new ServerOptions(host, port, dataDir, db, dbUser, System.getenv("RAI4J_DB_PASSWORD"), workers,
                    ServerOptions.DEFAULT_MAX_UPLOAD, !noDemo, 0);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Rai4jServer server;
        try {
            server = Rai4jServer.start(o);
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage());
        }
        if (selfCheck) {
            return selfCheck(server);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rai4j-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rai4j platform ready at %s (started in %.1f s; data: %s)%n", server.url(),
                server.startupMillis() / 1000.0, server.databaseDescription());
        server.oneTimeAdminPassword().ifPresent(p -> out.printf(Locale.ROOT,
                "admin login: admin / %s  (shown once: only its bcrypt hash is stored)%n", p));
        out.printf(Locale.ROOT, "API: %sopenapi.json   health: %shealthz   stop with Ctrl+C%n", server.url(), server.url());
        out.flush();
        stopped.await();
        return 0;
    }

    private int selfCheck(Rai4jServer server) throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (server) {
            java.util.Map<String, Integer> status = server.selfCheck();
            status.forEach((path, code) -> out.printf(Locale.ROOT, "%d %s%n", code, path));
            out.printf(Locale.ROOT, "started in %.1f s%n", server.startupMillis() / 1000.0);
            out.flush();
            return status.values().stream().allMatch(c -> c == 200) ? 0 : 1;
        }
    }
}
