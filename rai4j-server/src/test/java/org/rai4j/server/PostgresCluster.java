package org.rai4j.server;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL cluster for the tests, one per test JVM: {@code initdb} into a temporary folder,
 * {@code pg_ctl start} on a free loopback port with its socket in that folder, stopped at JVM exit by the
 * pid in its own {@code postmaster.pid}. As root the binaries run as user {@code postgres} (PostgreSQL
 * refuses to run as root). Without PostgreSQL binaries the tests are skipped with a message — except
 * in CI ({@code CI=true}), where that is a failure.
 */
final class PostgresCluster {
    private static PostgresCluster instance;

    final String url;
    private final Path dir;
    private int databases;

    private PostgresCluster(Path dir, int port) {
        this.dir = dir;
        this.url = "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    static synchronized PostgresCluster get() throws Exception {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A fresh, empty database in the cluster; returns its JDBC URL (user postgres, trust authentication). */
    synchronized String newDatabase() throws Exception {
        String name = "rai4j_test_" + (++databases);
        try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url + name + "?user=postgres";
    }

    private static Path binary(String name) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/local/bin", name)));
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            dirs.sorted(java.util.Comparator.reverseOrder()).forEach(d -> candidates.add(d.resolve("bin").resolve(name)));
        } catch (IOException ignored) {
            // no Debian PostgreSQL layout
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static PostgresCluster start() throws Exception {
        Path initdb = binary("initdb");
        Path pgctl = binary("pg_ctl");
        if (initdb == null || pgctl == null) {
            String msg = "PostgreSQL 15 binaries (initdb, pg_ctl) not found in /usr/local/bin or /usr/lib/postgresql/*/bin; "
                    + "install them with 'apt-get install postgresql' (./run-tests does) to run the PostgreSQL API suite";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg + " — CI must run it");
            }
            Assumptions.abort(msg);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("rai4j-pg");
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), root, dir);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(List.of(initdb.toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"), root, dir);
        run(List.of(pgctl.toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root, dir);
        PostgresCluster c = new PostgresCluster(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "rai4j-test-postgres-stop"));
        return c;
    }

    /** Stops the cluster by the pid in its postmaster.pid (SIGTERM: smart shutdown; then SIGINT: fast). */
    void stop() {
        try {
            Path pidFile = dir.resolve("data").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ph -> {
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO();
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
                    ph.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    ph.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e);
        }
    }

    private static void run(List<String> cmd, boolean asPostgres, Path dir) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres && !cmd.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", full) + "' failed: " + out);
        }
    }
}
