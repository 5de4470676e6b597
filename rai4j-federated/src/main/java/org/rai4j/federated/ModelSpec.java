package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseNetwork;

/**
 * The model trained federatedly: softmax (multinomial logistic) regression when {@code hidden} is empty —
 * the FedProx paper's model on Synthetic data — otherwise an MLP with those ReLU hidden layers.
 * Parameters start at 0 for regression and at He-initialised weights (seeded) for the MLP. Immutable.
 *
 * @param features input dimension
 * @param classes  number of classes ≥ 2
 * @param hidden   hidden layer widths (empty: regression)
 */
public record ModelSpec(int features, int classes, int[] hidden) {
    public ModelSpec {
        Preconditions.checkAtLeast(features, 1, "features");
        Preconditions.checkAtLeast(classes, 2, "classes");
        hidden = hidden.clone();
    }

    /** Softmax regression d → k. */
    public static ModelSpec softmax(int features, int classes) {
        return new ModelSpec(features, classes, new int[0]);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** A fresh network with the initial parameters. */
    public DenseNetwork create(long seed) {
        return hidden.length == 0 ? DenseNetwork.softmax(features, classes) : DenseNetwork.mlp(features, hidden, classes, seed);
    }

    /** "softmax" or "mlp:h1,h2…". */
    public String key() {
        if (hidden.length == 0) {
            return "softmax";
        }
        StringBuilder sb = new StringBuilder("mlp:");
        for (int i = 0; i < hidden.length; i++) {
            sb.append(i == 0 ? "" : ",").append(hidden[i]);
        }
        return sb.toString();
    }
}
