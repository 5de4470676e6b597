package org.rai4j.federated;

import org.rai4j.learn.Examples;

/**
 * The devices of a federation, as handles: a client's data is materialised only when it is
 * {@link #load(int) loaded} for a round, so a population can hold millions of virtual clients whose data
 * is generated or read on demand. Implementations must be thread-safe and return the same data for the
 * same id every time.
 */
public interface ClientPopulation {
    /** Number of clients; ids are 0 … size−1. */
    int size();

    /** Number of features per example (for token bags: the number of token ids, the text model's embedding rows). */
    int features();

    /** Number of classes. */
    int classes();

    /** n_k: the number of local training examples of client {@code id} at time {@code period} (cheap: no data is built). */
    int trainCount(int id, int period);

    /** Client {@code id}'s data at time {@code period} (0 for static data). */
    ClientData load(int id, int period);

    /** Number of time periods (1 for static data). */
    default int periods() {
        return 1;
    }

    /** The examples the global model's test accuracy is measured on (for a small population: every client's test data). */
    Examples evaluationTest();

    /** The examples the global model's training loss is measured on (for a small population: every client's training data). */
    Examples evaluationTrain(int period);
}
