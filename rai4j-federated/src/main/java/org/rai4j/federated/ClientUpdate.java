package org.rai4j.federated;

import org.rai4j.core.Preconditions;

/**
 * A client's answer to {@link FitInstructions}: the change of its parameters {@code Δ_k = w_k − x_t}, the
 * number of local training examples n_k, the mean training loss over its local steps, and the epochs it
 * completed. Immutable; the array is copied in and out.
 *
 * @param clientId  the client
 * @param examples  n_k ≥ 0
 * @param meanLoss  mean minibatch loss over the local steps (NaN if none)
 * @param epochs    epochs completed
 * @param lossBefore   F_k(x_t), the mean local training loss of the global model before training (NaN if not asked)
 * @param controlDelta SCAFFOLD's c_k⁺ − c_k (empty unless SCAFFOLD)
 */
public record ClientUpdate(int clientId, double[] delta, long examples, double meanLoss, int epochs, double lossBefore,
                           double[] controlDelta) {
    /** An update without SCAFFOLD or q-FedAvg extras. */
    public ClientUpdate(int clientId, double[] delta, long examples, double meanLoss, int epochs) {
        this(clientId, delta, examples, meanLoss, epochs, Double.NaN, new double[0]);
    }

    public ClientUpdate {
        controlDelta = controlDelta.clone();
        Preconditions.checkNotNull(delta, "delta");
        delta = delta.clone();
        Preconditions.checkAtLeast(examples, 0L, "examples");
        for (int i = 0; i < delta.length; i++) {
            if (!Double.isFinite(delta[i])) {
                throw new IllegalArgumentException("client " + clientId + " sent a non-finite update at parameter " + i
                        + " (" + delta[i] + "); lower the learning rate");
            }
        }
    }

    @Override
    public double[] delta() {
        return delta.clone();
    }

    @Override
    public double[] controlDelta() {
        return controlDelta.clone();
    }

    double[] controlDeltaShared() {
        return controlDelta;
    }

    double[] deltaShared() {
        return delta;
    }
}
