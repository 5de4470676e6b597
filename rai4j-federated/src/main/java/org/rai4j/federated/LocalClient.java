package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A client that trains a {@link ModelSpec} model (dense or the embedding-bag text model) on its own examples with the FedProx reference's
 * perturbed gradient descent: per minibatch, {@code w ← w − η·(∇f(w; batch) + μ·(w − x_t))} with ∇f the
 * batch-mean gradient (Li et al. 2020, {@code flearn/optimizer/pgd.py}); μ = 0 is FedAvg's plain SGD.
 * With SCAFFOLD instructions each step also adds {@code −η·(c − c_k)} and the update carries
 * {@code Δc = c_k⁺ − c_k} of option II (Karimireddy et al. 2020). The examples are reshuffled every epoch by a
 * generator seeded from the instructions. Not thread-safe.
 */
public final class LocalClient implements Client {
    private final int id;
    private final Examples train;
    private final GradientModel<Examples> model;

    /**
     * @param id    client id
     * @param train the local training examples (dense rows, or token bags for the text model)
     * @param spec  the model (its parameter values are replaced by the global ones on every fit)
     */
    public LocalClient(int id, Examples train, ModelSpec spec) {
        this.id = id;
        this.train = Preconditions.checkNotNull(train, "train");
        Preconditions.checkArgument(ClientData.width(train) == spec.features(),
                "client " + id + " has " + ClientData.width(train) + " features, the model takes " + spec.features());
        Preconditions.checkArgument(spec.accepts(train), "client " + id + " holds "
                + (spec.text() ? "dense rows" : "token bags") + " (or another number of classes), the model " + spec.key() + " reads "
                + (spec.text() ? "token bags" : "dense rows") + " of " + spec.classes() + " classes");
        this.model = spec.create(0);
    }

    @Override
    public int id() {
        return id;
    }

    /** n_k. */
    public int examples() {
        return train.size();
    }

    @Override
    public ClientUpdate fit(FitInstructions ins) {
        double[] global = ins.globalParametersShared();
        double[] w = model.parameters();
        Preconditions.checkArgument(global.length == w.length,
                "the server sent " + global.length + " parameters, the model has " + w.length);
        System.arraycopy(global, 0, w, 0, w.length);
        int n = train.size();
        SplittableRandom rng = new SplittableRandom(ins.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lossBefore = Double.NaN;
        if (ins.evaluateFirst()) {
            lossBefore = n == 0 ? Double.NaN : Simulation.loss(model, train);
        }
        double[] c = ins.scaffold() ? ins.serverControl() : null;
        double[] ck = ins.scaffold() ? ins.clientControl() : null;
        double lossSum = 0;
        long steps = 0;
        double eta = ins.learningRate();
        double decay = eta * ins.proximalMu();
        double[] ones = new double[Math.min(ins.batchSize(), Math.max(n, 1))];
        Arrays.fill(ones, 1.0);
        for (int epoch = 0; epoch < ins.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += ins.batchSize()) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(n, from + ins.batchSize()));
                BackwardPass pass = model.backward(train, batch);
                if (decay != 0) {
                    for (int p = 0; p < w.length; p++) {
                        w[p] -= decay * (w[p] - global[p]);
                    }
                }
                pass.accumulateGradient(ones, -eta / batch.length, w);
                if (c != null) {
                    // SCAFFOLD: y ← y − η(g − c_k + c)
                    for (int p = 0; p < w.length; p++) {
                        w[p] -= eta * (c[p] - ck[p]);
                    }
                }
                lossSum += pass.loss() / batch.length;
                steps++;
            }
        }
        double[] delta = new double[w.length];
        for (int p = 0; p < w.length; p++) {
            delta[p] = w[p] - global[p];
        }
        double[] controlDelta = new double[0];
        if (c != null && steps > 0) {
            // option II: c_k⁺ = c_k − c + (x_t − y)/(K η), so Δc = c_k⁺ − c_k = −c − Δ/(K η)
            controlDelta = new double[w.length];
            for (int p = 0; p < w.length; p++) {
                controlDelta[p] = -c[p] - delta[p] / (steps * eta);
            }
        }
        return new ClientUpdate(id, delta, n, steps == 0 ? Double.NaN : lossSum / steps, ins.epochs(), lossBefore, controlDelta);
    }
}
