package org.rai4j.federated;

import org.rai4j.core.Preconditions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulation engine at cross-device scale: a {@link GeneratedPopulation} of N virtual clients, K per
 * round, R rounds of FedAvg with binary logistic (2-class softmax) regression, E = 1, B = 10, η = 0.05.
 * Runs the same configuration with 1 and with 2 worker threads, alternating, {@code repetitions} times each
 * (identical starting state: every run starts from the same seed), and reports the median and range of
 * rounds per second, the peak heap, and whether the final parameters of all runs are bit-identical.
 * Wall-clock figures depend on the machine's load.
 */
public final class FederatedBenchmark {
    private FederatedBenchmark() {}

    /** @param clients N  @param perRound K  @param rounds R  @param repetitions runs per thread count ≥ 1 */
    public record Options(int clients, int perRound, int rounds, int repetitions, long seed) {
        public Options {
            Preconditions.checkAtLeast(clients, 1, "clients");
            Preconditions.checkAtLeast(perRound, 1, "clients per round");
            Preconditions.checkAtLeast(rounds, 1, "rounds");
            Preconditions.checkAtLeast(repetitions, 1, "repetitions");
        }
    }

    /** Rounds per second of the runs with one thread count, sorted. */
    public record Timing(int threads, double[] roundsPerSecond, double[] cpuMillisPerRound) {
        public Timing {
            roundsPerSecond = roundsPerSecond.clone();
            Arrays.sort(roundsPerSecond);
            cpuMillisPerRound = cpuMillisPerRound.clone();
            Arrays.sort(cpuMillisPerRound);
        }

        /** Median process CPU time per round in ms (all threads): independent of other load on the machine. */
        public double medianCpuMillisPerRound() {
            int n = cpuMillisPerRound.length;
            return n % 2 == 1 ? cpuMillisPerRound[n / 2] : (cpuMillisPerRound[n / 2 - 1] + cpuMillisPerRound[n / 2]) / 2;
        }

        @Override
        public double[] roundsPerSecond() {
            return roundsPerSecond.clone();
        }

        public double median() {
            int n = roundsPerSecond.length;
            return n % 2 == 1 ? roundsPerSecond[n / 2] : (roundsPerSecond[n / 2 - 1] + roundsPerSecond[n / 2]) / 2;
        }
    }

    /**
     * @param peakHeapBytes   the largest heap use seen (sum of heap pools' peaks) over all runs
     * @param identicalBits   every run's final parameters are bit-identical
     * @param finalAccuracy   the final global model's accuracy on the evaluation set
     */
    public record Report(Options options, Timing oneThread, Timing twoThreads, long peakHeapBytes, long maxHeapBytes,
                         boolean identicalBits, double finalAccuracy) {
        /** Median two-thread over median one-thread rounds per second. */
        public double speedup() {
            return twoThreads.median() / oneThread.median();
        }
    }

    private static double[] array(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long cpuNanos(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** Runs the benchmark; {@code progress} gets a line per run. */
    public static Report run(Options o, Consumer<String> progress) {
        GeneratedPopulation pop = new GeneratedPopulation(o.clients(), 20, o.seed());
        SimulationConfig c = new SimulationConfig("generated:" + o.clients(), ModelSpec.softmax(20, 2), new Strategy.FedAvg(),
                new ClientSelector.Uniform(), o.perRound(), o.rounds(), 1, 10, 0.05, 0, SystemModel.IDEAL, o.rounds(), o.seed());
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> cpuOne = new ArrayList<>();
        List<Double> cpuTwo = new ArrayList<>();
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double[] reference = null;
        boolean identical = true;
        double accuracy = Double.NaN;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        for (int rep = 0; rep < o.repetitions(); rep++) {
            for (int threads : new int[] {1, 2}) {
                long cpu0 = cpuNanos(os);
                long t0 = System.nanoTime();
                SimulationResult r = Simulation.run(pop, c, threads, null);
                double seconds = (System.nanoTime() - t0) / 1e9;
                (threads == 1 ? cpuOne : cpuTwo).add((cpuNanos(os) - cpu0) / 1e6 / o.rounds());
                double rps = o.rounds() / seconds;
                (threads == 1 ? one : two).add(rps);
                progress.accept(String.format(java.util.Locale.ROOT, "run %d, %d thread(s): %.1f rounds/s", rep + 1, threads, rps));
                if (reference == null) {
                    reference = r.parameters();
                    accuracy = r.finalMetrics().testAccuracy();
                } else {
                    identical &= Arrays.equals(reference, r.parameters());
                }
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Report(o, new Timing(1, array(one), array(cpuOne)), new Timing(2, array(two), array(cpuTwo)), peak,
                Runtime.getRuntime().maxMemory(), identical, accuracy);
    }
}
