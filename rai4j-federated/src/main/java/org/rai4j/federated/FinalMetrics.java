package org.rai4j.federated;

/**
 * The final global model's quality.
 *
 * @param testAccuracy          accuracy on the evaluation test set
 * @param trainLoss             mean cross-entropy on the evaluation training set
 * @param majorityClassAccuracy accuracy of always predicting the most frequent training label (a floor)
 */
public record FinalMetrics(double testAccuracy, double trainLoss, double majorityClassAccuracy) {}
