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
 */
public record FitInstructions(int round, double[] globalParameters, int epochs, int batchSize, double learningRate,
                              double proximalMu, long seed) {
    public FitInstructions {
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

    /** The global parameters without a copy, for the engine's own clients (callers must not modify them). */
    double[] globalParametersShared() {
        return globalParameters;
    }
}
