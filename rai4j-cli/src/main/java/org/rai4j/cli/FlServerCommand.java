package org.rai4j.cli;

import org.rai4j.federated.FederatedData;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;
import org.rai4j.federated.SystemModel;
import org.rai4j.federated.grpc.FederatedServer;
import org.rai4j.federated.grpc.ServerOptions;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code rai4j fl server}: the deployment server. Runs the same rounds as {@code fl simulate} with client
 * processes ({@code rai4j fl client}) that reach it over gRPC; writes the same {@code rai4j.fl/1} JSON.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run federated training with real client processes over gRPC (rai4j.fl.v1; chunked transfers, "
                + "round deadlines, optional TLS, checkpoint/resume).",
                "Every decision is fl simulate's: when every client answers, the JSON equals fl simulate's for the same options."},
        footer = {"", "Example (one terminal per process):",
                "  rai4j fl server --dataset synthetic:1,1 --clients 4 --clients-per-round 3 --rounds 5 --port 8980 --json out.json",
                "  rai4j fl client --server 127.0.0.1:8980 --client-id 0 --dataset synthetic:1,1 --clients 4"})
public final class FlServerCommand implements Callable<Integer> {
    @CommandLine.Mixin
    FlRunOptions run;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: all interfaces).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8980", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--round-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "A round closes this long after its tasks are published, with the updates that arrived (default ${DEFAULT-VALUE}).")
    double roundTimeout;

    @Option(names = "--wait-for", paramLabel = "N", description = "Clients that must join before round 1 (default: all).")
    Integer waitFor;

    @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Start round 1 after this long even if fewer clients joined (default ${DEFAULT-VALUE}).")
    double joinTimeout;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Write the state after every round here; a restarted server continues from it.")
    Path checkpoint;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "TLS certificate chain (PEM); with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key (PEM, PKCS#8).")
    Path tlsKey;

    @CommandLine.Mixin
    FlJsonOutput json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the output is checked before the data is read and the rounds run; it may not be the csv input
        OutputFiles outputs = new OutputFiles().input("--dataset", run.data.inputFile());
        json.declare(outputs);
        FederatedData data = run.data.population();
        SimulationConfig config = run.config(data, run.data.described(), SystemModel.IDEAL);
        if (roundTimeout <= 0 || joinTimeout < 0) {
            throw new UserException("--round-timeout must be > 0 and --join-timeout >= 0 seconds");
        }
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, tlsCert, tlsKey, Duration.ofMillis((long) (roundTimeout * 1000)),
                    Duration.ofMillis((long) (joinTimeout * 1000)), waitFor == null ? data.size() : waitFor, checkpoint,
                    Duration.ofSeconds(5));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        SimulationResult result;
        try (FederatedServer server = FederatedServer.start(data, config, options, System.err)) {
            result = server.run(null);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        json.write(result, outputs, out, err, r -> "");
        return 0;
    }
}
