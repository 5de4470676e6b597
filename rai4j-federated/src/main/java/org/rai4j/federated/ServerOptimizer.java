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
