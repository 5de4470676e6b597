package org.rai4j.federated;

import java.util.Locale;

/**
 * Parses the short text forms of strategies and client selection that the command line and the deployment
 * server take, so every front end reads them the same way. Errors are {@link IllegalArgumentException}s
 * naming the option and what is accepted.
 */
public final class FlSpecs {
    private FlSpecs() {}

    /**
     * A strategy by name with its optional parameters (null: the default).
     *
     * @param name               fedavg, fedprox, fedavgm, fedadagrad, fedadam, fedyogi, scaffold or qfedavg
     * @param mu                 FedProx μ (default 1); only for fedprox
     * @param serverLearningRate server η of fedavgm (1), the FedOpt strategies (their defaults) and scaffold (1)
     * @param serverMomentum     FedAvgM β (default 0.9)
     * @param q                  q-FedAvg q (default 1)
     */
    public static Strategy strategy(String name, Double mu, Double serverLearningRate, Double serverMomentum, Double q) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (mu != null && !s.equals("fedprox")) {
            throw new IllegalArgumentException("--mu applies to --strategy fedprox only");
        }
        return switch (s) {
            case "fedavg" -> new Strategy.FedAvg();
            case "fedprox" -> new Strategy.FedProx(mu == null ? 1.0 : mu);
            case "fedavgm" -> new Strategy.FedAvgM(serverLearningRate == null ? 1.0 : serverLearningRate,
                    serverMomentum == null ? 0.9 : serverMomentum);
            case "fedadam", "fedyogi", "fedadagrad" -> {
                Strategy.FedOpt d = s.equals("fedadam") ? Strategy.FedOpt.adam() : s.equals("fedyogi") ? Strategy.FedOpt.yogi() : Strategy.FedOpt.adagrad();
                yield new Strategy.FedOpt(d.adaptivity(), serverLearningRate == null ? d.eta() : serverLearningRate,
                        d.beta1(), d.beta2(), d.tau(), false);
            }
            case "scaffold" -> new Strategy.Scaffold(serverLearningRate == null ? 1.0 : serverLearningRate);
            case "qfedavg" -> new Strategy.QFedAvg(q == null ? 1.0 : q);
            default -> throw new IllegalArgumentException("--strategy must be one of fedavg, fedprox, fedavgm, fedadagrad, fedadam, "
                    + "fedyogi, scaffold, qfedavg; got '" + name + "'");
        };
    }

    /** {@code uniform}, {@code activity:G[:replace][:by-examples]} or {@code poisson:Q}. */
    public static ClientSelector selection(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        try {
            switch (parts[0]) {
                case "uniform":
                    if (parts.length == 1) {
                        return new ClientSelector.Uniform();
                    }
                    break;
                case "activity": {
                    if (parts.length < 2) {
                        break;
                    }
                    double gamma = Double.parseDouble(parts[1]);
                    boolean replace = false;
                    ClientSelector.Weighting w = ClientSelector.Weighting.UNBIASED;
                    for (int i = 2; i < parts.length; i++) {
                        if (parts[i].equals("replace")) {
                            replace = true;
                        } else if (parts[i].equals("by-examples")) {
                            w = ClientSelector.Weighting.BY_EXAMPLES;
                        } else {
                            throw new IllegalArgumentException("--selection activity takes ':replace' and ':by-examples', got ':" + parts[i] + "'");
                        }
                    }
                    return new ClientSelector.Activity(gamma, replace, w);
                }
                case "poisson":
                    if (parts.length == 2) {
                        return new ClientSelector.Poisson(Double.parseDouble(parts[1]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--selection: not a number in '" + spec + "'");
        }
        throw new IllegalArgumentException("--selection must be uniform, activity:G[:replace][:by-examples] or poisson:Q; got '" + spec + "'");
    }
}
