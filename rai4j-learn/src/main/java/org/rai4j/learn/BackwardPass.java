package org.rai4j.learn;

/**
 * The result of one forward and backward pass over a batch: the summed loss, and what is needed to form
 * per-example gradient norms and weighted gradient sums. Gradients are of each example's own loss
 * ℓ_i = −log p(y_i | x_i). Valid until the model's parameters change; not thread-safe.
 */
public interface BackwardPass {
    /** Number of examples in the batch. */
    int size();

    /** Σ_i ℓ_i over the batch. */
    double loss();

    /**
     * ‖∇ℓ_i‖² for every example i, into {@code out} — computed from activations and output gradients
     * (ghost norms), without forming the per-example gradients.
     */
    void squaredGradientNorms(double[] out);

    /**
     * {@code target += scale · Σ_i weights[i]·∇ℓ_i} (book-keeping: one weighted product per layer, the
     * cost of an ordinary gradient). {@code target} is a full-length parameter vector — the parameters
     * themselves for a fused SGD update; embedding rows that the batch does not read are not touched.
     */
    void accumulateGradient(double[] weights, double scale, double[] target);

    /** ∇ℓ_i materialised into {@code out} (full length, zero where it vanishes): the slow, naive path. */
    void exampleGradient(int i, double[] out);
}
