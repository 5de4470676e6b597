package org.rai4j.federated;

/**
 * One round's sampled clients and their aggregation weights: the aggregate is
 * {@code Σ_i weights[i]·Δ_{ids[i]} / D} with D = the sum of the weights of the clients that report
 * ({@code fixedDenominator} NaN: normalised) or the fixed D given. {@code ids} are ascending and distinct;
 * a client drawn several times (sampling with replacement) appears once with its weight multiplied.
 * Package-private plumbing between selectors and the engine.
 */
record Selection(int[] ids, double[] weights, double fixedDenominator) {
    int size() {
        return ids.length;
    }

    boolean normalised() {
        return Double.isNaN(fixedDenominator);
    }
}
