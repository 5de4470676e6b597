package org.rai4j.server;

import org.rai4j.core.Preconditions;

import java.nio.file.Path;

/**
 * How {@link Rai4jServer} runs. Immutable; every check runs in the constructor.
 *
 * @param host                    interface to listen on (default {@code 127.0.0.1}: loopback only)
 * @param port                    TCP port, 0 for any free port
 * @param dataDir                 folder for the embedded database and materialised artefacts (created when missing)
 * @param jdbcUrl                 a {@code jdbc:postgresql://…} or {@code jdbc:h2:…} URL, or null for the embedded H2
 *                                file database under {@code dataDir}
 * @param dbUser                  database user for {@code jdbcUrl}, or null
 * @param dbPassword              database password for {@code jdbcUrl}, or null
 * @param workers                 verification workers (≥ 1); model updates are serialised whatever the number
 * @param maxUploadBytes          largest request body accepted (larger → 413)
 * @param loadDemo                load the demo (German credit model, speech audit, open bounty) on first start
 * @param verificationDelayMillis extra pause inside each verification; 0 in production (crash tests use it to
 *                                catch a submission mid-verification)
 */
public record ServerOptions(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                            int workers, long maxUploadBytes, boolean loadDemo, long verificationDelayMillis) {
    /** Default upload limit: 20 MiB (ONNX artefacts are capped at 16 MiB by rai4j-onnx). */
    public static final long DEFAULT_MAX_UPLOAD = 20L << 20;

    public ServerOptions {
        Preconditions.checkNotNull(host, "host");
        Preconditions.checkArgument(port >= 0 && port <= 65535, "port must be in [0, 65535], got " + port);
        Preconditions.checkNotNull(dataDir, "dataDir");
        Preconditions.checkArgument(jdbcUrl == null || jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.startsWith("jdbc:h2:"),
                "--db must be a jdbc:postgresql://HOST:PORT/DB or jdbc:h2:… URL, got '" + jdbcUrl + "'");
        Preconditions.checkAtLeast(workers, 1, "workers");
        Preconditions.checkArgument(maxUploadBytes >= 1024, "maxUploadBytes must be >= 1024, got " + maxUploadBytes);
        Preconditions.checkArgument(verificationDelayMillis >= 0, "verificationDelayMillis must be >= 0, got " + verificationDelayMillis);
    }

    /** Loopback, the given port and data folder, embedded H2, two workers, demo on. */
    public static ServerOptions of(int port, Path dataDir) {
        return new ServerOptions("127.0.0.1", port, dataDir, null, null, null, 2, DEFAULT_MAX_UPLOAD, true, 0);
    }

    /** A copy using the database at {@code url} (null: embedded H2). */
    public ServerOptions withDatabase(String url, String user, String password) {
        return new ServerOptions(host, port, dataDir, url, user, password, workers, maxUploadBytes, loadDemo, verificationDelayMillis);
    }

    /** A copy with another port. */
    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, dataDir, jdbcUrl, dbUser, dbPassword, workers, maxUploadBytes, loadDemo, verificationDelayMillis);
    }

    /** A copy with another verification delay. */
    public ServerOptions withVerificationDelay(long millis) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, dbUser, dbPassword, workers, maxUploadBytes, loadDemo, millis);
    }

    /** A copy with another upload limit. */
    public ServerOptions withMaxUpload(long bytes) {
        return new ServerOptions(host, port, dataDir, jdbcUrl, dbUser, dbPassword, workers, bytes, loadDemo, verificationDelayMillis);
    }
}
