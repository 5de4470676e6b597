package org.rai4j.federated;

/**
 * One round's outcome. Accuracy and loss are NaN in rounds without evaluation.
 *
 * @param round          the round, from 1
 * @param testAccuracy   the global model's accuracy on the evaluation test set after the round
 * @param trainLoss      its mean cross-entropy on the evaluation training set
 * @param selected       clients sampled
 * @param aggregated     clients whose update was aggregated (after drop-outs and stragglers)
 * @param virtualSeconds the round's duration on the virtual clock
 */
public record RoundResult(int round, double testAccuracy, double trainLoss, int selected, int aggregated, double virtualSeconds) {}
