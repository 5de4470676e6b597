package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * What the server asks a client to do in one round: start from the global parameters, run {@code epochs}
 * passes of minibatch SGD over its local data with batch size B and learning rate η, minimising
 * {@code F_k(w) + (μ/2)·‖w − x_t‖²} (μ = 0: plain FedAvg local training), shuffling with the given seed.
 * Immutable; the parameter array is copied in and out.
 *
 * @param round        the round, from 1
 * @param epochs       local epochs ≥ 1
 * @param batchSize    B ≥ 1
 * @param learningRate η &gt; 0
 * @param proximalMu   μ ≥ 0
 * @param seed         seed of the client's shuffling stream for this round
 * @param serverControl SCAFFOLD's server control variate c (empty unless SCAFFOLD)
 * @param clientControl SCAFFOLD's control variate c_k of this client (empty unless SCAFFOLD)
 * @param evaluateFirst also report the local training loss F_k(x_t) of the global model before training (q-FedAvg)
 */
public record FitInstructions(int round, double[] globalParameters, int epochs, int batchSize, double learningRate,
                              double proximalMu, long seed, double[] serverControl, double[] clientControl, boolean evaluateFirst) {
    /** Plain (FedAvg/FedProx) instructions. */
    public FitInstructions(int round, double[] globalParameters, int epochs, int batchSize, double learningRate,
                           double proximalMu, long seed) {
        this(round, globalParameters, epochs, batchSize, learningRate, proximalMu, seed, new double[0], new double[0], false);
    }

    public FitInstructions {
        serverControl = serverControl.clone();
        clientControl = clientControl.clone();
        Preconditions.checkArgument(serverControl.length == clientControl.length
                        && (serverControl.length == 0 || serverControl.length == globalParameters.length),
                "control variates must be empty or have one entry per parameter");
        Preconditions.checkAtLeast(round, 1, "round");
        Preconditions.checkNotNull(globalParameters, "globalParameters");
        globalParameters = globalParameters.clone();
        Preconditions.checkAtLeast(epochs, 1, "epochs");
        Preconditions.checkAtLeast(batchSize, 1, "batch size");
        Preconditions.checkPositive(learningRate, "learning rate");
        Preconditions.checkNonNegative(proximalMu, "proximal mu");
    }

    @Override
    public double[] globalParameters() {
        return globalParameters.clone();
    }

    /** Whether these are SCAFFOLD instructions. */
    public boolean scaffold() {
        return serverControl.length > 0;
    }

    @Override
    public double[] serverControl() {
        return serverControl.clone();
    }

    @Override
    public double[] clientControl() {
        return clientControl.clone();
    }

    /** The global parameters without a copy, for the engine's own clients (callers must not modify them). */
    double[] globalParametersShared() {
        return globalParameters;
    }
}
