package org.rai4j.federated;

/** The server-side state of a {@link Strategy}: applies the aggregated update to the global parameters. Not thread-safe. */
final class ServerOptimizer {
    private final Strategy strategy;
    private double[] m;
    private double[] v;
    private int steps;

    ServerOptimizer(Strategy strategy, int parameters) {
        this.strategy = strategy;
        if (strategy instanceof Strategy.FedAvgM) {
            m = new double[parameters];
        } else if (strategy instanceof Strategy.FedOpt opt) {
            m = new double[parameters];
            v = new double[parameters];
            java.util.Arrays.fill(v, opt.tau() * opt.tau());
        }
    }

    /** The optimizer's state for a checkpoint: steps taken, first and second moments (empty when the strategy has none). */
    State state() {
        return new State(steps, m == null ? new double[0] : m.clone(), v == null ? new double[0] : v.clone());
    }

    /** Restores a {@link #state()} taken by an optimizer of the same strategy and size. */
    void restore(State st) {
        if ((m == null ? 0 : m.length) != st.m().length || (v == null ? 0 : v.length) != st.v().length) {
            throw new IllegalArgumentException("the checkpoint's server optimizer state does not fit strategy " + strategy.key());
        }
        steps = st.steps();
        if (m != null) {
            System.arraycopy(st.m(), 0, m, 0, m.length);
        }
        if (v != null) {
            System.arraycopy(st.v(), 0, v, 0, v.length);
        }
    }

    /** Server optimizer state (arrays are not copied: package plumbing). */
    record State(int steps, double[] m, double[] v) {}

    /** x ← next(x, Δ̄). */
    void apply(double[] x, double[] meanDelta) {
        steps++;
        if (strategy instanceof Strategy.FedAvgM s) {
            for (int i = 0; i < x.length; i++) {
                double g = -meanDelta[i];
                m[i] = steps == 1 ? g : s.momentum() * m[i] + g;
                x[i] -= s.serverLearningRate() * m[i];
            }
        } else if (strategy instanceof Strategy.FedOpt s) {
            double eta = s.eta();
            if (s.biasCorrection()) {
                eta *= Math.sqrt(1 - Math.pow(s.beta2(), steps)) / (1 - Math.pow(s.beta1(), steps));
            }
            for (int i = 0; i < x.length; i++) {
                double d = meanDelta[i];
                double d2 = d * d;
                m[i] = s.beta1() * m[i] + (1 - s.beta1()) * d;
                switch (s.adaptivity()) {
                    case ADAGRAD -> v[i] = v[i] + d2;
                    case ADAM -> v[i] = s.beta2() * v[i] + (1 - s.beta2()) * d2;
                    case YOGI -> v[i] = v[i] - (1 - s.beta2()) * d2 * Math.signum(v[i] - d2);
                    default -> throw new IllegalStateException();
                }
                x[i] += eta * m[i] / (Math.sqrt(v[i]) + s.tau());
            }
        } else if (strategy instanceof Strategy.Scaffold s) {
            for (int i = 0; i < x.length; i++) {
                x[i] += s.globalLearningRate() * meanDelta[i];
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                x[i] += meanDelta[i];
            }
        }
    }
}
