package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseExamples;

/**
 * One device's data: its training examples (used for local training; their count is the device's
 * activity n_k) and its held-out test examples (used only for federated evaluation). Immutable.
 *
 * @param id    client id, 0-based
 * @param train local training examples
 * @param test  local test examples (may be empty)
 */
public record ClientData(int id, DenseExamples train, DenseExamples test) {
    public ClientData {
        Preconditions.checkAtLeast(id, 0, "client id");
        Preconditions.checkNotNull(train, "train");
        Preconditions.checkNotNull(test, "test");
        Preconditions.checkArgument(train.columns() == test.columns(),
                "train and test of client " + id + " have " + train.columns() + " and " + test.columns() + " features");
    }
}
