package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * Everything that determines a simulation's result (the number of worker threads does not: results are
 * bit-identical for any thread count). Immutable.
 *
 * @param dataset         a description of the data, recorded in the output (e.g. "synthetic:1,1")
 * @param model           the model trained
 * @param strategy        the server strategy
 * @param selector        client sampling and aggregation weights
 * @param clientsPerRound K ≥ 1 (the expected count for Poisson sampling is qN)
 * @param rounds          R ≥ 1
 * @param localEpochs     E ≥ 1
 * @param batchSize       B ≥ 1
 * @param learningRate    local η &gt; 0
 * @param dropPercent     the FedProx protocol's straggler fraction in [0, 1): per round, that fraction of the
 *                        selected clients (the same ones for every strategy) run only 1 … E−1 epochs
 * @param system          drop-outs, speeds and deadline on the virtual clock
 * @param evaluateEvery   evaluate the global model every this many rounds (and after the last) ≥ 1
 * @param seed            master seed: data generation and training
 * @param dp              DP-FedAvg settings, or null for none (requires {@link ClientSelector.Poisson} selection)
 * @param secureAggregation sum the updates with secure aggregation (pairwise masks; see {@link SecureAggregation})
 */
public record SimulationConfig(String dataset, ModelSpec model, Strategy strategy, ClientSelector selector,
                               int clientsPerRound, int rounds, int localEpochs, int batchSize, double learningRate,
                               double dropPercent, SystemModel system, int evaluateEvery, long seed, DpConfig dp,
                               boolean secureAggregation) {
    /** Without DP and without secure aggregation. */
    public SimulationConfig(String dataset, ModelSpec model, Strategy strategy, ClientSelector selector,
                            int clientsPerRound, int rounds, int localEpochs, int batchSize, double learningRate,
                            double dropPercent, SystemModel system, int evaluateEvery, long seed) {
        this(dataset, model, strategy, selector, clientsPerRound, rounds, localEpochs, batchSize, learningRate, dropPercent,
                system, evaluateEvery, seed, null, false);
    }

    public SimulationConfig {
        Preconditions.checkNotNull(dataset, "dataset");
        Preconditions.checkNotNull(model, "model");
        Preconditions.checkNotNull(strategy, "strategy");
        Preconditions.checkNotNull(selector, "selector");
        Preconditions.checkAtLeast(clientsPerRound, 1, "clients per round");
        Preconditions.checkAtLeast(rounds, 1, "rounds");
        Preconditions.checkAtLeast(localEpochs, 1, "local epochs");
        Preconditions.checkAtLeast(batchSize, 1, "batch size");
        Preconditions.checkPositive(learningRate, "learning rate");
        Preconditions.checkArgument(dropPercent >= 0 && dropPercent < 1, "drop percent must be in [0, 1), got " + dropPercent);
        Preconditions.checkNotNull(system, "system");
        Preconditions.checkAtLeast(evaluateEvery, 1, "evaluate every");
        Preconditions.checkArgument(dp == null || selector instanceof ClientSelector.Poisson,
                "DP-FedAvg needs Poisson client sampling (selection poisson:Q), which its privacy accounting assumes");
        Preconditions.checkArgument(dp == null || strategy instanceof Strategy.FedAvg || strategy instanceof Strategy.FedAvgM
                        || strategy instanceof Strategy.FedOpt,
                "DP-FedAvg works with fedavg, fedavgm and the FedOpt strategies (they post-process the noisy average), not " + strategy.key());
    }

    /** A copy with DP-FedAvg and/or secure aggregation. */
    public SimulationConfig withPrivacy(DpConfig dpConfig, boolean secure) {
        return new SimulationConfig(dataset, model, strategy, selector, clientsPerRound, rounds, localEpochs, batchSize,
                learningRate, dropPercent, system, evaluateEvery, seed, dpConfig, secure);
    }

    /**
     * The FedProx paper's protocol on Synthetic data: 10 clients per round, E = 20, B = 10, η = 0.01,
     * 200 rounds, softmax regression 60 → 10, uniform selection, evaluation every round.
     */
    public static SimulationConfig fedProxPaper(String dataset, Strategy strategy, double dropPercent, long seed) {
        return new SimulationConfig(dataset, ModelSpec.softmax(Synthetic.DIMENSION, Synthetic.CLASSES), strategy,
                new ClientSelector.Uniform(), 10, 200, 20, 10, 0.01, dropPercent, SystemModel.IDEAL, 1, seed);
    }

    /** A copy with another strategy. */
    public SimulationConfig withStrategy(Strategy s) {
        return new SimulationConfig(dataset, model, s, selector, clientsPerRound, rounds, localEpochs, batchSize,
                learningRate, dropPercent, system, evaluateEvery, seed, dp, secureAggregation);
    }

    /** A copy with another number of rounds. */
    public SimulationConfig withRounds(int r) {
        return new SimulationConfig(dataset, model, strategy, selector, clientsPerRound, r, localEpochs, batchSize,
                learningRate, dropPercent, system, evaluateEvery, seed, dp, secureAggregation);
    }
}
