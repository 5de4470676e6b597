package org.rai4j.cli;

import org.rai4j.federated.ClientPopulation;
import org.rai4j.federated.ContinualPopulation;
import org.rai4j.federated.DpConfig;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.Simulation;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;
import org.rai4j.federated.SystemModel;
import org.rai4j.report.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rai4j fl simulate}: one federated simulation; JSON {@code rai4j.fl/1} to a file or stdout, progress
 * on stderr. For Synthetic data the defaults are the FedProx paper's protocol.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate federated training, deterministically (same --seed: same bytes, any --threads).",
                "Synthetic data (synthetic:A,B or synthetic:iid) default to the FedProx paper's protocol: 30 devices, "
                        + "10 per round, E=20, B=10, lr=0.01, 200 rounds, softmax regression, evaluation on all devices."},
        footer = {"", "Examples:",
                "  rai4j fl simulate --dataset synthetic:1,1 --strategy fedprox --mu 1 --json -",
                "  rai4j fl simulate --dataset synthetic:1,1 --strategy fedavg --drop-percent 0.9 --seed 2 --json out.json",
                "  rai4j fl simulate --dataset synthetic:0.5,0.5 --selection activity:1 --json -",
                "  rai4j fl simulate --dataset csv:data.csv --label y --partition dirichlet:0.5 --clients 20 --json -",
                "  rai4j fl simulate --dataset csv:intents.csv --label intent --text utterance --partition natural:device --json -"})
public final class FlSimulateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    FlRunOptions run;

    @Option(names = "--availability", paramLabel = "A", defaultValue = "1", description = "Probability that a selected client answers (default ${DEFAULT-VALUE}).")
    double availability;

    @Option(names = "--speed-spread", paramLabel = "S", defaultValue = "0", description = "Sigma of the clients' log speed factors on the virtual clock (default ${DEFAULT-VALUE}).")
    double speedSpread;

    @Option(names = "--deadline", paramLabel = "SECONDS", description = "Round deadline on the virtual clock (1000 examples per second at speed 1); default none.")
    Double deadline;

    @Option(names = "--continual", paramLabel = "PERIODS", description = "Continual data: each device's examples arrive over PERIODS periods (rounds split evenly).")
    Integer continual;

    @Option(names = "--storage-cap", paramLabel = "C", description = "Continual data: examples a device keeps (default: all).")
    Integer storageCap;

    @Option(names = "--deletion", paramLabel = "fifo|reservoir", defaultValue = "fifo", description = "Continual data: what a full device deletes (default ${DEFAULT-VALUE}).")
    String deletion;

    @Option(names = "--dp-clip", paramLabel = "S", description = "DP-FedAvg: clip each client update to L2 norm S (needs --selection poisson:Q and --dp-noise).")
    Double dpClip;

    @Option(names = "--dp-noise", paramLabel = "Z", description = "DP-FedAvg noise multiplier z: Gaussian noise sd z*S/(qN) on the average.")
    Double dpNoise;

    @Option(names = "--dp-delta", paramLabel = "D", defaultValue = "1e-5", description = "Delta at which epsilon is reported (default ${DEFAULT-VALUE}).")
    double dpDelta;

    @Option(names = "--secure-aggregation", description = "Sum the updates with secure aggregation (X25519 pairwise masks, Shamir shares).")
    boolean secureAggregation;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "Worker threads (default: available processors); the result does not depend on it.")
    int threads;

    @CommandLine.Mixin
    FlJsonOutput json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The output is checked before the data is read and the simulation runs; it may not be the csv input.
        OutputFiles files = new OutputFiles().input("--dataset", run.data.inputFile());
        json.declare(files);
        SimulationConfig config;
        ClientPopulation population;
        FederatedData base = run.data.population();
        population = base;
        String described = run.data.described();
        try {
            if (continual != null) {
                ContinualPopulation.Deletion del = switch (deletion.trim().toLowerCase(Locale.ROOT)) {
                    case "fifo" -> ContinualPopulation.Deletion.FIFO;
                    case "reservoir" -> ContinualPopulation.Deletion.RESERVOIR;
                    default -> throw new UserException("--deletion must be fifo or reservoir, got '" + deletion + "'");
                };
                int cap = storageCap == null ? Integer.MAX_VALUE : storageCap;
                population = new ContinualPopulation(base, continual, cap, del, run.data.seed);
                described += " continual:" + continual + (storageCap == null ? "" : " storage_cap:" + storageCap + " deletion:" + del.name().toLowerCase(Locale.ROOT));
            } else if (storageCap != null) {
                throw new UserException("--storage-cap applies to --continual data only");
            }
            SystemModel system = new SystemModel(availability, speedSpread, 1000,
                    deadline == null ? Double.POSITIVE_INFINITY : deadline);
            config = run.config(base, described, system);
            if ((dpClip == null) != (dpNoise == null)) {
                throw new UserException("DP-FedAvg needs both --dp-clip and --dp-noise");
            }
            DpConfig dp = dpClip == null ? null : new DpConfig(dpClip, dpNoise, dpDelta);
            config = config.withPrivacy(dp, secureAggregation);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SimulationResult result;
        try (Progress bar = Progress.start("fl simulate", config.rounds())) {
            result = Simulation.run(population, config, t, (r, total) -> bar.listener().accept(r));
        }
        json.write(result, files, out, err, r -> String.format(Locale.ROOT, "final test accuracy %.4f, train loss %.4f; ",
                r.finalMetrics().testAccuracy(), r.finalMetrics().trainLoss()));
        return 0;
    }
}
