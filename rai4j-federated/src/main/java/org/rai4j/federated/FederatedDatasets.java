package org.rai4j.federated;

import org.rai4j.core.Preconditions;

import java.util.Locale;

/**
 * Builds a {@link ClientPopulation} from a short description, as the command line gives it:
 * {@code synthetic:A,B} (FedProx Synthetic(α, β), 30 devices) or {@code synthetic:iid}.
 */
public final class FederatedDatasets {
    private FederatedDatasets() {}

    /** Whether {@code spec} names a FedProx Synthetic data set (whose defaults are the FedProx paper's protocol). */
    public static boolean isSynthetic(String spec) {
        return spec.trim().toLowerCase(Locale.ROOT).startsWith("synthetic:");
    }

    /**
     * The population described by {@code spec}.
     *
     * @param spec    {@code synthetic:A,B} or {@code synthetic:iid}
     * @param clients number of devices (the reference uses 30)
     * @param seed    data seed
     * @throws IllegalArgumentException naming what is wrong with {@code spec}
     */
    public static FederatedData synthetic(String spec, int clients, long seed) {
        Preconditions.checkArgument(isSynthetic(spec), "dataset must be synthetic:A,B or synthetic:iid, got '" + spec + "'");
        String arg = spec.trim().substring("synthetic:".length()).trim();
        if (arg.equalsIgnoreCase("iid")) {
            return Synthetic.generate(0, 0, true, clients, seed);
        }
        String[] parts = arg.split(",");
        Preconditions.checkArgument(parts.length == 2, "synthetic data need two parameters alpha,beta (e.g. synthetic:1,1) or iid, got '" + spec + "'");
        double alpha;
        double beta;
        try {
            alpha = Double.parseDouble(parts[0].trim());
            beta = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic:A,B needs two numbers, got '" + spec + "'", e);
        }
        Preconditions.checkArgument(alpha >= 0 && beta >= 0 && Double.isFinite(alpha) && Double.isFinite(beta),
                "synthetic alpha and beta must be finite and >= 0, got '" + spec + "'");
        return Synthetic.generate(alpha, beta, false, clients, seed);
    }
}
