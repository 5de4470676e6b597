package org.rai4j.federated;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the FedProx paper's Synthetic protocol (Li et al. 2020, §5; 30 devices, 10 per round, E = 20,
 * B = 10, η = 0.01) for the reproduction tests and prints what it measured.
 */
final class FedProxReproduction {
    static final long[] SEEDS = {1, 2, 3};

    private FedProxReproduction() {}

    /** Mean over data seeds of the final accuracy and of the loss instability. */
    record Outcome(String label, double meanAccuracy, double meanInstability, double meanFinalLoss, double[] accuracies) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s acc %.4f %s  final loss %.4f  instability %.4f", label, meanAccuracy,
                    java.util.Arrays.toString(accuracies), meanFinalLoss, meanInstability);
        }
    }

    /**
     * Instability of the training-loss curve: the mean absolute round-to-round change of the global training
     * loss. A smooth descent has small steps; FedAvg's oscillating curve on heterogeneous data has large ones.
     */
    static double instability(SimulationResult r) {
        double s = 0;
        List<RoundResult> rounds = r.rounds();
        for (int i = 1; i < rounds.size(); i++) {
            s += Math.abs(rounds.get(i).trainLoss() - rounds.get(i - 1).trainLoss());
        }
        return s / (rounds.size() - 1);
    }

    static Outcome run(String dataset, Strategy strategy, double drop, int rounds) {
        double acc = 0;
        double inst = 0;
        double loss = 0;
        double[] accs = new double[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            long seed = SEEDS[i];
            FederatedData data = FederatedDatasets.synthetic(dataset, Synthetic.DEVICES, seed);
            SimulationConfig c = SimulationConfig.fedProxPaper(dataset, strategy, drop, seed).withRounds(rounds);
            SimulationResult r = Simulation.run(data, c, 2, null);
            accs[i] = r.finalMetrics().testAccuracy();
            acc += accs[i];
            inst += instability(r);
            loss += r.finalMetrics().trainLoss();
        }
        String label = dataset + " " + strategy.key() + (strategy.proximalMu() > 0 ? "(mu=" + strategy.proximalMu() + ")" : "")
                + (drop > 0 ? " drop=" + drop : "") + " R=" + rounds;
        Outcome o = new Outcome(label, acc / SEEDS.length, inst / SEEDS.length, loss / SEEDS.length, accs);
        System.out.println("[fl reproduction] " + o);
        return o;
    }

    static List<Outcome> all() {
        return new ArrayList<>();
    }
}
