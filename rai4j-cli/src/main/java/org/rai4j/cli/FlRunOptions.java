package org.rai4j.cli;

import org.rai4j.federated.FederatedData;
import org.rai4j.federated.FlSpecs;
import org.rai4j.federated.ModelSpec;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SystemModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Arrays;

/**
 * The options that define a federated run's data and training, shared by {@code fl simulate} and
 * {@code fl server}: parsing only; strategy and selection are built by rai4j-federated.
 */
final class FlRunOptions {
    @CommandLine.Mixin
    FlDataOptions data;

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

    @Option(names = "--hidden", paramLabel = "H1,H2", split = ",", description = "Train an MLP with these hidden layers instead of softmax regression.")
    int[] hidden;

    @Option(names = "--dim", paramLabel = "D", description = "With --text: the embedding dimension of the text model (default 16).")
    Integer dim;

    /** The model: softmax regression (or the --hidden MLP) on the population's features and classes, or the text model with --text. */
    ModelSpec model(FederatedData population) {
        int[] h = hidden == null ? new int[0] : Arrays.copyOf(hidden, hidden.length);
        if (data.text == null && dim != null) {
            throw new UserException("--dim applies to the text model (--text COLUMN) only");
        }
        if (data.text != null && hidden != null) {
            throw new UserException("--hidden does not apply to the text model (--text): it is an embedding bag and a softmax layer");
        }
        try {
            if (data.text != null) {
                return ModelSpec.embeddingBag(population.features(), dim == null ? 16 : dim, population.classes());
            }
            return new ModelSpec(population.features(), population.classes(), h);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The run's configuration (without DP or secure aggregation). */
    SimulationConfig config(FederatedData population, String described, SystemModel system) {
        try {
            return new SimulationConfig(described, model(population), FlSpecs.strategy(strategy, mu, serverLearningRate, serverMomentum, q),
                    FlSpecs.selection(selection), clientsPerRound, rounds, localEpochs, batchSize, learningRate, dropPercent, system, 1, data.seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
