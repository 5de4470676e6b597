package org.rai4j.federated;

import java.util.List;

/**
 * The outcome of {@link Simulation#run}: the configuration, every round, the final metrics, realised
 * client inclusion, the privacy spent (NaN without DP) and warnings. Contains no wall-clock timing, so two
 * runs with the same configuration compare equal. Immutable.
 *
 * @param clients population size N
 * @param epsilon ε of user-level DP-FedAvg at {@code delta} (NaN without DP)
 * @param delta   δ (NaN without DP)
 */
public record SimulationResult(SimulationConfig config, int clients, List<RoundResult> rounds, FinalMetrics finalMetrics,
                               InclusionReport inclusion, double epsilon, double delta, List<String> warnings,
                               double[] parameters) {
    public SimulationResult {
        rounds = List.copyOf(rounds);
        warnings = List.copyOf(warnings);
        parameters = parameters.clone();
    }

    /** The final global parameters (a copy). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The result of the last round. */
    public RoundResult last() {
        return rounds.get(rounds.size() - 1);
    }
}
