package org.rai4j.federated;

import java.util.Locale;

/**
 * The FedProx paper's 90 %-straggler experiment on Synthetic(1,1) over several data seeds: FedAvg (drops
 * the stragglers), FedProx μ = 0 and FedProx μ = 1 (keep the stragglers' 1 … E−1 epochs), same seeds, same
 * selection and same stragglers for all three. Prints per seed and the mean with a 95 % t-interval of each
 * method's final test accuracy and final training loss, and of the paired differences (same seed).
 * Run: {@code java -cp … org.rai4j.federated.StragglerStudy SEEDS ROUNDS [THREADS [FIRST_SEED]]}
 * (seeds FIRST_SEED … FIRST_SEED+SEEDS−1, default 1 …) (a CPU campaign, not a unit test).
 */
final class StragglerStudy {
    private StragglerStudy() {}

    /** Two-sided 95 % Student t quantiles for 1 … 10 degrees of freedom. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int firstSeed = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Strategy[] methods = {new Strategy.FedAvg(), new Strategy.FedProx(0), new Strategy.FedProx(1)};
        String[] names = {"FedAvg(drop)", "FedProx mu=0", "FedProx mu=1"};
        double[][] acc = new double[3][seeds];
        double[][] loss = new double[3][seeds];
        for (int s = 0; s < seeds; s++) {
            long seed = s + firstSeed;
            FederatedData data = FederatedDatasets.synthetic("synthetic:1,1", Synthetic.DEVICES, seed);
            for (int m = 0; m < 3; m++) {
                SimulationConfig c = SimulationConfig.fedProxPaper("synthetic:1,1", methods[m], 0.9, seed).withRounds(rounds);
                SimulationResult r = Simulation.run(data, c, threads, null);
                acc[m][s] = r.finalMetrics().testAccuracy();
                loss[m][s] = r.finalMetrics().trainLoss();
                System.out.printf(Locale.ROOT, "seed %d %-13s acc %.4f loss %.4f instability %.4f%n", seed, names[m], acc[m][s],
                        loss[m][s], FedProxReproduction.instability(r));
                System.out.flush();
            }
        }
        for (int m = 0; m < 3; m++) {
            System.out.printf(Locale.ROOT, "%-13s acc %s   loss %s%n", names[m], interval(acc[m]), interval(loss[m]));
        }
        System.out.printf(Locale.ROOT, "paired acc  mu0 - avg %s   mu1 - mu0 %s%n", interval(diff(acc[1], acc[0])), interval(diff(acc[2], acc[1])));
        System.out.printf(Locale.ROOT, "paired loss avg - mu0 %s   mu0 - mu1 %s%n", interval(diff(loss[0], loss[1])), interval(diff(loss[1], loss[2])));
    }

    static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** "mean [lo, hi]" with the 95 % t-interval. */
    static String interval(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return String.format(Locale.ROOT, "%.4f", mean);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double half = T95[Math.min(n - 1, T95.length) - 1] * Math.sqrt(ss / (n - 1) / n);
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", mean, mean - half, mean + half);
    }
}
