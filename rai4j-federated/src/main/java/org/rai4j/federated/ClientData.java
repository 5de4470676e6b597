package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.Examples;
import org.rai4j.learn.TokenExamples;

/**
 * One device's data: its training examples (used for local training; their count is the device's
 * activity n_k) and its held-out test examples (used only for federated evaluation). Both are of the same
 * kind — dense feature rows or bags of token ids — with the same width and classes. Immutable.
 *
 * @param id    client id, 0-based
 * @param train local training examples
 * @param test  local test examples (may be empty)
 */
public record ClientData(int id, Examples train, Examples test) {
    public ClientData {
        Preconditions.checkAtLeast(id, 0, "client id");
        Preconditions.checkNotNull(train, "train");
        Preconditions.checkNotNull(test, "test");
        Preconditions.checkArgument(train.getClass() == test.getClass(),
                "train and test of client " + id + " are of different kinds (dense rows and token bags)");
        Preconditions.checkArgument(width(train) == width(test),
                "train and test of client " + id + " have " + width(train) + " and " + width(test) + " features");
    }

    /** The width of examples: feature columns of dense rows, the token-id range (vocabulary) of token bags. */
    public static int width(Examples e) {
        return e instanceof TokenExamples t ? t.vocabulary() : ((DenseExamples) e).columns();
    }
}
