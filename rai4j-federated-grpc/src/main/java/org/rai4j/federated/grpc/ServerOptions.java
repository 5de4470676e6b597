package org.rai4j.federated.grpc;

import org.rai4j.core.Preconditions;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link FederatedServer} listens and waits. Immutable.
 *
 * @param host           address to bind (127.0.0.1: this machine only)
 * @param port           TCP port (0: any free port; see {@link FederatedServer#port()})
 * @param tlsCertificate PEM certificate chain for TLS, or null for plaintext
 * @param tlsKey         PEM PKCS#8 private key of the certificate (with {@code tlsCertificate})
 * @param roundTimeout   a round closes this long after its tasks are published, with the updates that arrived
 * @param joinTimeout    how long round 1 waits for {@code waitForClients} clients to join (then it starts anyway)
 * @param waitForClients clients that must have joined before round 1 (0: start at once)
 * @param checkpoint     file for the state after every round (a restarted server continues from it), or null
 * @param linger         after the last round, how long to keep answering DONE to clients that have not heard it
 */
public record ServerOptions(String host, int port, Path tlsCertificate, Path tlsKey, Duration roundTimeout, Duration joinTimeout,
                            int waitForClients, Path checkpoint, Duration linger) {
    public ServerOptions {
        Preconditions.checkNotNull(host, "host");
        Preconditions.checkArgument(port >= 0 && port <= 65535, "port must be in 0..65535, got " + port);
        Preconditions.checkArgument((tlsCertificate == null) == (tlsKey == null), "TLS needs both a certificate and its private key");
        Preconditions.checkArgument(!roundTimeout.isNegative() && !roundTimeout.isZero(), "round timeout must be > 0");
        Preconditions.checkArgument(!joinTimeout.isNegative(), "join timeout must be >= 0");
        Preconditions.checkAtLeast(waitForClients, 0, "clients to wait for");
        Preconditions.checkArgument(!linger.isNegative(), "linger must be >= 0");
    }

    /** Loopback, any free port, plaintext, 60 s rounds, waiting up to 60 s for the given clients, no checkpoint. */
    public static ServerOptions loopback(int waitForClients) {
        return new ServerOptions("127.0.0.1", 0, null, null, Duration.ofSeconds(60), Duration.ofSeconds(60), waitForClients, null,
                Duration.ofSeconds(5));
    }

    /** A copy with TLS from these PEM files. */
    public ServerOptions withTls(Path certificate, Path key) {
        return new ServerOptions(host, port, certificate, key, roundTimeout, joinTimeout, waitForClients, checkpoint, linger);
    }

    /** A copy with another round timeout. */
    public ServerOptions withRoundTimeout(Duration timeout) {
        return new ServerOptions(host, port, tlsCertificate, tlsKey, timeout, joinTimeout, waitForClients, checkpoint, linger);
    }

    /** A copy with a checkpoint file. */
    public ServerOptions withCheckpoint(Path file) {
        return new ServerOptions(host, port, tlsCertificate, tlsKey, roundTimeout, joinTimeout, waitForClients, file, linger);
    }

    /** A copy with another port. */
    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, tlsCertificate, tlsKey, roundTimeout, joinTimeout, waitForClients, checkpoint, linger);
    }
}
