package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseExamples;

import java.util.List;

/**
 * A fully materialised, static population: a list of clients' data, evaluated on the union of every
 * client's test (and training) data — the protocol of the FedProx experiments. Immutable.
 */
public final class FederatedData implements ClientPopulation {
    private final List<ClientData> clients;
    private final DenseExamples allTest;
    private final DenseExamples allTrain;
    private final int classes;

    /** @param clients one entry per client, ids 0 … size−1 in order */
    public FederatedData(List<ClientData> clients) {
        Preconditions.checkArgument(!clients.isEmpty(), "need at least one client");
        this.clients = List.copyOf(clients);
        for (int i = 0; i < this.clients.size(); i++) {
            Preconditions.checkArgument(this.clients.get(i).id() == i, "client at position " + i + " has id " + this.clients.get(i).id());
        }
        this.classes = this.clients.get(0).train().classes();
        this.allTest = concat(this.clients, true);
        this.allTrain = concat(this.clients, false);
    }

    private static DenseExamples concat(List<ClientData> clients, boolean test) {
        int d = clients.get(0).train().columns();
        int rows = 0;
        for (ClientData c : clients) {
            rows += (test ? c.test() : c.train()).size();
        }
        double[] x = new double[rows * d];
        int[] y = new int[rows];
        int at = 0;
        for (ClientData c : clients) {
            DenseExamples e = test ? c.test() : c.train();
            for (int i = 0; i < e.size(); i++, at++) {
                for (int j = 0; j < d; j++) {
                    x[at * d + j] = e.feature(i, j);
                }
                y[at] = e.label(i);
            }
        }
        return DenseExamples.wrap(x, rows, d, y, clients.get(0).train().classes());
    }

    /** The clients, in id order. */
    public List<ClientData> clients() {
        return clients;
    }

    @Override
    public int size() {
        return clients.size();
    }

    @Override
    public int features() {
        return clients.get(0).train().columns();
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int trainCount(int id, int period) {
        return clients.get(id).train().size();
    }

    @Override
    public ClientData load(int id, int period) {
        return clients.get(id);
    }

    @Override
    public DenseExamples evaluationTest() {
        return allTest;
    }

    @Override
    public DenseExamples evaluationTrain(int period) {
        return allTrain;
    }
}
