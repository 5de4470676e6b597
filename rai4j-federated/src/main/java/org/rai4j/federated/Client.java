package org.rai4j.federated;

/**
 * A federated client: given the global model and instructions, it trains on its own data and returns
 * its update. The same interface serves the simulator (clients materialised on demand for one round) and
 * deployment (a client process answering a server over the network). Implementations need not be
 * thread-safe; the engine never calls one client instance from two threads.
 */
public interface Client {
    /** This client's id. */
    int id();

    /** Trains locally as instructed and returns the update. */
    ClientUpdate fit(FitInstructions instructions);
}
