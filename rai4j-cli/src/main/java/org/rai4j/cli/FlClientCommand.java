package org.rai4j.cli;

import org.rai4j.federated.ClientData;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.grpc.RemoteClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code rai4j fl client}: one federated client process. Loads its own partition of --dataset (the same
 * options as the server's), joins the server and trains when asked until the run is over.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join an fl server as one client: pull tasks, train locally (the simulator's client code), push updates.",
                "Start it with the same --dataset/--clients/--seed (and csv options) as the server; only this client's data is used."},
        footer = {"", "Example:",
                "  rai4j fl client --server 127.0.0.1:8980 --client-id 0 --dataset synthetic:1,1 --clients 4"})
public final class FlClientCommand implements Callable<Integer> {
    @Option(names = "--server", paramLabel = "HOST:PORT", required = true, description = "The fl server.")
    String server;

    @Option(names = "--client-id", paramLabel = "K", required = true, description = "This client's id (0 .. clients-1).")
    int clientId;

    @CommandLine.Mixin
    FlDataOptions data;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "Use TLS, trusting this certificate (the server's, or its CA).")
    Path tlsCa;

    @Option(names = "--give-up-after", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop when the server has been unreachable this long (default ${DEFAULT-VALUE}); a restarting server is waited for.")
    long giveUpAfter;

    @Override
    public Integer call() {
        int colon = server.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new UserException("--server must be HOST:PORT, got '" + server + "'");
        }
        if (colon <= 0) {
            throw new UserException("--server must be HOST:PORT, got '" + server + "'");
        }
        FederatedData population = data.population();
        if (clientId < 0 || clientId >= population.size()) {
            throw new UserException("--client-id must be in 0.." + (population.size() - 1) + ", got " + clientId);
        }
        ClientData own = population.load(clientId, 0);
        RemoteClient client = RemoteClient.training(server.substring(0, colon), port, tlsCa, own, Duration.ofSeconds(giveUpAfter),
                System.err);
        try {
            client.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return 0;
    }
}
