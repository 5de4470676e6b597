/**
 * Federated learning: a deterministic cross-device simulation engine ({@link org.rai4j.federated.Simulation}),
 * server strategies ({@link org.rai4j.federated.Strategy}: FedAvg, FedProx, FedAvgM, FedAdagrad/FedAdam/FedYogi),
 * client selection ({@link org.rai4j.federated.ClientSelector}), a virtual clock with drop-outs and stragglers
 * ({@link org.rai4j.federated.SystemModel}) and the FedProx Synthetic(α, β) generator
 * ({@link org.rai4j.federated.Synthetic}).
 *
 * <p>Determinism: every random choice is drawn from a stream derived from one master seed and the
 * (round, client) it concerns, and client updates are summed in client-id order, so a run gives the same
 * bits for any number of worker threads.
 */
package org.rai4j.federated;
