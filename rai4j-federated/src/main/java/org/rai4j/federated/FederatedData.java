package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.Examples;
import org.rai4j.learn.TokenExamples;

import java.util.List;

/**
 * A fully materialised, static population: a list of clients' data, evaluated on the union of every
 * client's test (and training) data — the protocol of the FedProx experiments. Immutable.
 */
public final class FederatedData implements ClientPopulation {
    private final List<ClientData> clients;
    private final Examples allTest;
    private final Examples allTrain;
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

    private static Examples concat(List<ClientData> clients, boolean test) {
        Examples first = clients.get(0).train();
        for (ClientData c : clients) {
            Preconditions.checkArgument(c.train().getClass() == first.getClass() && ClientData.width(c.train()) == ClientData.width(first)
                            && c.train().classes() == first.classes(),
                    "client " + c.id() + "'s examples differ in kind, width or classes from client 0's");
        }
        if (first instanceof TokenExamples tokens) {
            List<int[]> bags = new java.util.ArrayList<>();
            List<Integer> labels = new java.util.ArrayList<>();
            for (ClientData c : clients) {
                TokenExamples e = (TokenExamples) (test ? c.test() : c.train());
                for (int i = 0; i < e.size(); i++) {
                    bags.add(e.bag(i));
                    labels.add(e.label(i));
                }
            }
            return TokenExamples.of(bags.toArray(new int[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                    tokens.classes(), tokens.vocabulary());
        }
        int d = ((DenseExamples) first).columns();
        int rows = 0;
        for (ClientData c : clients) {
            rows += (test ? c.test() : c.train()).size();
        }
        double[] x = new double[rows * d];
        int[] y = new int[rows];
        int at = 0;
        for (ClientData c : clients) {
            DenseExamples e = (DenseExamples) (test ? c.test() : c.train());
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
        return ClientData.width(clients.get(0).train());
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
    public Examples evaluationTest() {
        return allTest;
    }

    @Override
    public Examples evaluationTrain(int period) {
        return allTrain;
    }
}
