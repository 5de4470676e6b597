package org.rai4j.server;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server without the CLI (used by the crash tests, which start it in a child JVM):
 * {@code java -cp … org.rai4j.server.ServerMain --port P --data-dir D [--db URL] [--verify-delay-ms MS]}.
 * Prints {@code READY <url>} when listening; stops on SIGTERM.
 */
public final class ServerMain {
    private ServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dir = Path.of("rai4j-data");
        String db = null;
        String user = null;
        long delay = 0;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(v);
                case "--data-dir" -> dir = Path.of(v);
                case "--db" -> db = v;
                case "--db-user" -> user = v;
                case "--verify-delay-ms" -> delay = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        ServerOptions o = ServerOptions.of(port, dir).withDatabase(db, user, null).withVerificationDelay(delay);
        Rai4jServer server = Rai4jServer.start(o);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        System.out.println("READY " + server.url() + (server.oneTimeAdminPassword().isPresent() ? " admin " + server.oneTimeAdminPassword().get() : ""));
        System.out.flush();
        stop.await();
    }
}
