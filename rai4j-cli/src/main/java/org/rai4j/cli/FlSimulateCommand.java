package org.rai4j.cli;

import org.rai4j.federated.ClientPopulation;
import org.rai4j.federated.ClientSelector;
import org.rai4j.federated.ContinualPopulation;
import org.rai4j.federated.DpConfig;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.FederatedDatasets;
import org.rai4j.federated.ModelSpec;
import org.rai4j.federated.Simulation;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;
import org.rai4j.federated.Strategy;
import org.rai4j.federated.Synthetic;
import org.rai4j.federated.SystemModel;
import org.rai4j.report.OutputFiles;
import org.rai4j.report.FederatedJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
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
                "  rai4j fl simulate --dataset synthetic:0.5,0.5 --selection activity:1 --json -"})
public final class FlSimulateCommand implements Callable<Integer> {
    @Option(names = "--dataset", paramLabel = "synthetic:A,B|synthetic:iid", required = true,
            description = "FedProx Synthetic(alpha, beta) or Synthetic-IID.")
    String dataset;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "fedavg",
            description = "fedavg (default), fedprox, fedavgm, fedadagrad, fedadam, fedyogi, scaffold, qfedavg.")
    String strategy;

    @Option(names = "--mu", paramLabel = "M", description = "FedProx proximal term mu (default 1 for fedprox).")
    Double mu;

    @Option(names = "--server-learning-rate", paramLabel = "ETA", description = "Server learning rate of fedavgm (default 1) and fedadam/fedyogi/fedadagrad (their defaults).")
    Double serverLearningRate;

    @Option(names = "--q", paramLabel = "Q", description = "q-FedAvg fairness parameter q (default 1).")
    Double q;

    @Option(names = "--server-momentum", paramLabel = "BETA", description = "FedAvgM server momentum (default 0.9).")
    Double serverMomentum;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "30", description = "Number of devices (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--clients-per-round", paramLabel = "K", defaultValue = "10", description = "Clients sampled per round (default ${DEFAULT-VALUE}).")
    int clientsPerRound;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "200", description = "Rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--local-epochs", paramLabel = "E", defaultValue = "20", description = "Local epochs (default ${DEFAULT-VALUE}).")
    int localEpochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "10", description = "Local batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "ETA", defaultValue = "0.01", description = "Local learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--drop-percent", paramLabel = "P", defaultValue = "0",
            description = "Fraction of each round's clients that are stragglers (FedProx protocol; fedavg drops them, fedprox keeps their partial work).")
    double dropPercent;

    @Option(names = "--selection", paramLabel = "uniform|activity:G[:replace][:by-examples]|poisson:Q", defaultValue = "uniform",
            description = "Client sampling: uniform without replacement (default); activity p~n^G (without replacement, "
                    + "Horvitz-Thompson weights; ':replace' for independent draws; ':by-examples' for the biased n-weighting); "
                    + "poisson with rate Q.")
    String selection;

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

    @Option(names = "--hidden", paramLabel = "H1,H2", split = ",", description = "Train an MLP with these hidden layers instead of softmax regression.")
    int[] hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the data generation and the training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "Worker threads (default: available processors); the result does not depend on it.")
    int threads;

    @Option(names = "--json", paramLabel = "-|FILE", defaultValue = "-", description = "Write the JSON to standard output (-, default) or FILE.")
    String json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!FederatedDatasets.isSynthetic(dataset)) {
            throw new UserException("--dataset must be synthetic:A,B or synthetic:iid, got '" + dataset + "'");
        }
        // The output is checked before the simulation (writable, not a directory); the data is generated, so
        // there is no input file it could overwrite.
        OutputFiles files = new OutputFiles();
        Path target = "-".equals(json) ? null : files.declare("--json", Path.of(json));
        SimulationConfig config;
        ClientPopulation population;
        try {
            FederatedData base = FederatedDatasets.synthetic(dataset, clients, seed);
            population = base;
            String described = dataset.trim();
            if (continual != null) {
                ContinualPopulation.Deletion del = switch (deletion.trim().toLowerCase(Locale.ROOT)) {
                    case "fifo" -> ContinualPopulation.Deletion.FIFO;
                    case "reservoir" -> ContinualPopulation.Deletion.RESERVOIR;
                    default -> throw new UserException("--deletion must be fifo or reservoir, got '" + deletion + "'");
                };
                int cap = storageCap == null ? Integer.MAX_VALUE : storageCap;
                population = new ContinualPopulation(base, continual, cap, del, seed);
                described += " continual:" + continual + (storageCap == null ? "" : " storage_cap:" + storageCap + " deletion:" + del.name().toLowerCase(Locale.ROOT));
            } else if (storageCap != null) {
                throw new UserException("--storage-cap applies to --continual data only");
            }
            ModelSpec model = hidden == null || hidden.length == 0 ? ModelSpec.softmax(Synthetic.DIMENSION, Synthetic.CLASSES)
                    : new ModelSpec(Synthetic.DIMENSION, Synthetic.CLASSES, hidden);
            SystemModel system = new SystemModel(availability, speedSpread, 1000,
                    deadline == null ? Double.POSITIVE_INFINITY : deadline);
            config = new SimulationConfig(described, model, strategy(), selector(), clientsPerRound, rounds, localEpochs,
                    batchSize, learningRate, dropPercent, system, 1, seed);
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
        try (Progress bar = Progress.start("fl simulate", rounds)) {
            result = Simulation.run(population, config, t, (r, total) -> bar.listener().accept(r));
        }
        for (String w : result.warnings()) {
            err.println("rai4j: warning: " + w);
        }
        String text = FederatedJson.toJson(result);
        if ("-".equals(json)) {
            out.print(text);
            out.flush();
        } else {
            files.put(target, text);
            files.commit();
            err.printf(Locale.ROOT, "rai4j: final test accuracy %.4f, train loss %.4f; wrote %s%n",
                    result.finalMetrics().testAccuracy(), result.finalMetrics().trainLoss(), json);
        }
        return 0;
    }

    private Strategy strategy() {
        String s = strategy.trim().toLowerCase(Locale.ROOT);
        if (mu != null && !s.equals("fedprox")) {
            throw new UserException("--mu applies to --strategy fedprox only");
        }
        return switch (s) {
            case "fedavg" -> new Strategy.FedAvg();
            case "fedprox" -> new Strategy.FedProx(mu == null ? 1.0 : mu);
            case "fedavgm" -> new Strategy.FedAvgM(serverLearningRate == null ? 1.0 : serverLearningRate,
                    serverMomentum == null ? 0.9 : serverMomentum);
            case "fedadam", "fedyogi", "fedadagrad" -> {
                Strategy.FedOpt d = s.equals("fedadam") ? Strategy.FedOpt.adam() : s.equals("fedyogi") ? Strategy.FedOpt.yogi() : Strategy.FedOpt.adagrad();
                yield new Strategy.FedOpt(d.adaptivity(), serverLearningRate == null ? d.eta() : serverLearningRate,
                        d.beta1(), d.beta2(), d.tau(), false);
            }
            case "scaffold" -> new Strategy.Scaffold(serverLearningRate == null ? 1.0 : serverLearningRate);
            case "qfedavg" -> new Strategy.QFedAvg(q == null ? 1.0 : q);
            default -> throw new UserException("--strategy must be one of fedavg, fedprox, fedavgm, fedadagrad, fedadam, fedyogi, "
                    + "scaffold, qfedavg; got '" + strategy + "'");
        };
    }

    private ClientSelector selector() {
        String s = selection.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        try {
            switch (parts[0]) {
                case "uniform":
                    if (parts.length == 1) {
                        return new ClientSelector.Uniform();
                    }
                    break;
                case "activity": {
                    if (parts.length < 2) {
                        break;
                    }
                    double gamma = Double.parseDouble(parts[1]);
                    boolean replace = false;
                    ClientSelector.Weighting w = ClientSelector.Weighting.UNBIASED;
                    for (int i = 2; i < parts.length; i++) {
                        if (parts[i].equals("replace")) {
                            replace = true;
                        } else if (parts[i].equals("by-examples")) {
                            w = ClientSelector.Weighting.BY_EXAMPLES;
                        } else {
                            throw new UserException("--selection activity takes ':replace' and ':by-examples', got ':" + parts[i] + "'");
                        }
                    }
                    return new ClientSelector.Activity(gamma, replace, w);
                }
                case "poisson":
                    if (parts.length == 2) {
                        return new ClientSelector.Poisson(Double.parseDouble(parts[1]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new UserException("--selection: not a number in '" + selection + "'");
        }
        throw new UserException("--selection must be uniform, activity:G[:replace][:by-examples] or poisson:Q; got '" + selection + "'");
    }
}
