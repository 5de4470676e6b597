package org.rai4j.federated;

import java.util.Map;
import java.util.SortedMap;

/**
 * Clients that train somewhere else — in deployment, client processes reached over the network. The engine
 * ({@link Simulation#deploy}) decides each round exactly as in simulation (selection, stragglers, seeds,
 * {@link FitInstructions}); the fleet delivers the instructions to the clients and returns the updates that
 * arrived before the round closed. A client missing from the answer is treated as a drop-out.
 */
public interface ClientFleet {
    /**
     * Runs one round.
     *
     * @param round        the round, from 1
     * @param instructions what each participating client is asked to do, by client id
     * @return the updates that arrived in time, by client id (a subset of the keys of {@code instructions})
     */
    Map<Integer, ClientUpdate> fit(int round, SortedMap<Integer, FitInstructions> instructions);
}
