package org.rai4j.privacy;

import org.rai4j.core.Preconditions;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.Sgd;
import org.rai4j.learn.TokenExamples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures what differential privacy costs per training step, in one process: for the same model and
 * expected batch size, the median time of a plain SGD step, a DP-SGD step (Poisson sampling, ghost-norm
 * clipping, secure noise, ledger) and a naive DP-SGD step that materialises every per-example gradient.
 * Steps of the three kinds are interleaved after a warm-up, so that load changes on the machine affect
 * them alike. Also measures the secure noise generator's throughput and the accountants' latency. Data
 * are synthetic (MNIST-shaped features; Zipf-distributed tokens), since only the arithmetic is timed.
 */
public final class DpBenchmark {
    private DpBenchmark() {}

    /**
     * How long to measure.
     *
     * @param warmupRounds   rounds before measuring (each round: one step of every kind)
     * @param warmupSeconds  warm up for at least this long too (the JIT compiles late on a loaded machine)
     * @param measuredRounds rounds measured
     * @param naiveEvery     take a naive step only every this many rounds (it is slow)
     * @param seed           seed of the synthetic data and initial weights
     */
    public record Options(int warmupRounds, double warmupSeconds, int measuredRounds, int naiveEvery, long seed) {
        public Options {
            Preconditions.checkAtLeast(warmupRounds, 0, "warm-up rounds");
            Preconditions.checkNonNegative(warmupSeconds, "warm-up seconds");
            Preconditions.checkAtLeast(measuredRounds, 1, "measured rounds");
            Preconditions.checkAtLeast(naiveEvery, 1, "naive every");
        }

        /** 40 warm-up rounds and at least 5 s, 40 measured rounds, a naive step every 4th round. */
        public static Options defaults() {
            return new Options(40, 5.0, 40, 4, 1L);
        }
    }

    /**
     * Median step times of one model.
     *
     * @param model      description, e.g. "softmax 784→10"
     * @param parameters number of parameters
     * @param batchSize  (expected) batch size
     * @param sgdMillis  median plain SGD step
     * @param dpMillis   median DP-SGD step (ghost norms)
     * @param naiveMillis median naive DP-SGD step (materialised per-example gradients)
     * @param target     the target for dp/sgd
     */
    public record StepTimes(String model, int parameters, int batchSize, double sgdMillis, double dpMillis,
                            double naiveMillis, double target) {
        /** DP-SGD time over plain SGD time. */
        public double dpRatio() {
            return dpMillis / sgdMillis;
        }

        /** Naive DP-SGD time over plain SGD time. */
        public double naiveRatio() {
            return naiveMillis / sgdMillis;
        }
    }

    /**
     * Throughput of a Gaussian generator.
     *
     * @param generator     description
     * @param drawsPerSecond measured N(0, 1) draws per second on one thread
     */
    public record NoiseThroughput(String generator, double drawsPerSecond) {}

    /**
     * Median latency of an accountant call.
     *
     * @param what    description of the call
     * @param millis  median milliseconds
     * @param result  the value it returned (for the record)
     */
    public record AccountingLatency(String what, double millis, double result) {}

    /** Everything measured. */
    public record Report(List<StepTimes> steps, List<NoiseThroughput> noise, List<AccountingLatency> accounting) {
        public Report {
            steps = List.copyOf(steps);
            noise = List.copyOf(noise);
            accounting = List.copyOf(accounting);
        }
    }

    /** Runs every measurement, announcing each on {@code progress}. */
    public static Report run(Options options, Consumer<String> progress) {
        int n = 8192;
        int batch = 256;
        SplittableRandom rng = new SplittableRandom(options.seed());
        DenseExamples images = syntheticImages(rng, n, 784, 10);
        List<StepTimes> steps = new ArrayList<>();
        progress.accept("softmax regression 784->10");
        steps.add(time("softmax regression 784→10", DenseNetwork.softmax(784, 10), images, batch, 1.15, options));
        progress.accept("MLP 784->256->10");
        steps.add(time("MLP 784→256→10 (ReLU)", DenseNetwork.mlp(784, new int[] {256}, 10, options.seed()), images, batch,
                1.2, options));
        progress.accept("embedding-bag classifier");
        TokenExamples text = syntheticText(rng, n, 20_000, 50, 10);
        steps.add(time("embedding bag 20k×64, 50 tokens → 10", EmbeddingBagClassifier.create(20_000, 64, 10, options.seed()),
                text, batch, 1.3, options));
        progress.accept("noise generator");
        List<NoiseThroughput> noise = noiseThroughput();
        progress.accept("accountants");
        List<AccountingLatency> accounting = accountingLatency();
        return new Report(steps, noise, accounting);
    }

    private static <E extends Examples> StepTimes time(String name, GradientModel<E> initial, E data, int batchSize,
                                                        double target, Options options) {
        int n = data.size();
        double q = batchSize / (double) n;
        GradientModel<E> sgdModel = initial.copy();
        DpSgdConfig config = DpSgdConfig.of(1.0, 1.0, q, Long.MAX_VALUE / 2, 0.05);
        DpSgd<E> dp = new DpSgd<>(initial.copy(), data, config, PrivacyRandom.secure());
        DpSgd<E> naive = new DpSgd<>(initial.copy(), data, config.withClipping(DpSgdConfig.Clipping.MATERIALISED),
                PrivacyRandom.secure());
        SplittableRandom rng = new SplittableRandom(options.seed() + 17);
        double[] sgd = new double[options.measuredRounds()];
        double[] dpt = new double[options.measuredRounds()];
        List<Double> naiveTimes = new ArrayList<>();
        long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        int warm = 0;
        int measured = 0;
        for (int r = 0; measured < options.measuredRounds(); r++) {
            boolean measuring = warm >= options.warmupRounds() && System.nanoTime() >= warmupEnd;
            int[] batch = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                batch[i] = rng.nextInt(n);
            }
            long t0 = System.nanoTime();
            Sgd.step(sgdModel, data, batch, 0.05);
            long t1 = System.nanoTime();
            dp.step();
            long t2 = System.nanoTime();
            if (measuring) {
                sgd[measured] = (t1 - t0) / 1e6;
                dpt[measured] = (t2 - t1) / 1e6;
            }
            if (r % options.naiveEvery() == 0) {
                long t3 = System.nanoTime();
                naive.step();
                long t4 = System.nanoTime();
                if (measuring) {
                    naiveTimes.add((t4 - t3) / 1e6);
                }
            }
            if (measuring) {
                measured++;
            } else {
                warm++;
            }
        }
        double[] nv = naiveTimes.stream().mapToDouble(Double::doubleValue).toArray();
        return new StepTimes(name, initial.parameterCount(), batchSize, median(sgd), median(dpt), median(nv), target);
    }

    private static List<NoiseThroughput> noiseThroughput() {
        double[] buf = new double[1 << 16];
        double[] small = new double[1 << 10];
        PrivacyRandom secure = PrivacyRandom.secure();
        PrivacyRandom hardened = PrivacyRandom.secure(PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED);
        SplittableRandom fast = new SplittableRandom(1);
        java.security.SecureRandom drbg;
        try {
            drbg = java.security.SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            drbg = new java.security.SecureRandom();
        }
        java.security.SecureRandom sr = drbg;
        List<String> names = List.of("secure: AES-256-CTR + ziggurat", "secure, floating-point hardened (4 draws each)",
                "baseline: SplittableRandom.nextGaussian (not secure)", "baseline: SecureRandom(DRBG).nextGaussian");
        List<Runnable> batches = List.of(
                () -> secure.addGaussianNoise(buf, 0, buf.length, 1.0),
                () -> hardened.addGaussianNoise(buf, 0, buf.length, 1.0),
                () -> {
                    for (int i = 0; i < buf.length; i++) {
                        buf[i] += fast.nextGaussian();
                    }
                },
                () -> {
                    for (int i = 0; i < small.length; i++) {
                        small[i] += sr.nextGaussian();
                    }
                });
        int[] sizes = {buf.length, buf.length, buf.length, small.length};
        for (int g = 0; g < batches.size(); g++) { // warm-up: let the JIT compile every path
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                batches.get(g).run();
            }
        }
        int windows = 11;
        double[][] rates = new double[batches.size()][windows];
        for (int w = 0; w < windows; w++) { // interleaved 100 ms windows; the median resists load spikes
            for (int g = 0; g < batches.size(); g++) {
                rates[g][w] = rate(batches.get(g), sizes[g], 100_000_000L);
            }
        }
        List<NoiseThroughput> out = new ArrayList<>();
        for (int g = 0; g < batches.size(); g++) {
            out.add(new NoiseThroughput(names.get(g), median(rates[g])));
        }
        return out;
    }

    /** Draws per second over a window of at least {@code nanos}. */
    private static double rate(Runnable batch, int drawsPerBatch, long nanos) {
        long start = System.nanoTime();
        long draws = 0;
        long now;
        do {
            batch.run();
            draws += drawsPerBatch;
            now = System.nanoTime();
        } while (now - start < nanos);
        return draws / ((now - start) / 1e9);
    }

    private static List<AccountingLatency> accountingLatency() {
        List<AccountingLatency> out = new ArrayList<>();
        List<Segment> opacus = List.of(new Segment(1.5, 0.04, 2250));
        out.add(latency("RDP epsilon (sigma 1.5, q 0.04, 2250 steps, delta 1e-5)", 50,
                () -> Rdp.epsilon(opacus, 1e-5, RdpOrders.OPACUS_DEFAULT).epsilon()));
        out.add(latency("RDP noise multiplier (target 8, q 0.04, 2250 steps)", 20,
                () -> NoiseCalibration.noiseMultiplier(8, 1e-5, 0.04, 2250, Accountant.RDP).noiseMultiplier()));
        out.add(latency("PRV epsilon (sigma 1.5, q 0.04, 2250 steps, delta 1e-5)", 5,
                () -> Prv.epsilon(opacus, 1e-5).upperBound()));
        out.add(latency("PRV epsilon (sigma 1.5, q 0.001, 100000 steps, delta 1e-6)", 3,
                () -> Prv.epsilon(List.of(new Segment(1.5, 0.001, 100_000)), 1e-6).upperBound()));
        return out;
    }

    private static AccountingLatency latency(String what, int repeats, java.util.function.DoubleSupplier call) {
        double result = call.getAsDouble(); // warm-up
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            result = call.getAsDouble();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new AccountingLatency(what, median(t), result);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** MNIST-shaped synthetic rows: pixel-like values in [0, 1), a class-dependent stripe, 10 classes. */
    static DenseExamples syntheticImages(SplittableRandom rng, int n, int d, int classes) {
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < d; j++) {
                double v = rng.nextDouble();
                x[i * d + j] = (j / 28) % classes == y[i] ? Math.min(1, v + 0.3) : v * 0.7;
            }
        }
        return DenseExamples.wrap(x, n, d, y, classes);
    }

    /** Token bags of fixed length with Zipf(1)-distributed ids (the shape of natural text). */
    static TokenExamples syntheticText(SplittableRandom rng, int n, int vocabulary, int length, int classes) {
        double[] cdf = new double[vocabulary];
        double h = 0;
        for (int k = 0; k < vocabulary; k++) {
            h += 1.0 / (k + 1);
            cdf[k] = h;
        }
        int[][] bags = new int[n][length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int t = 0; t < length; t++) {
                int k = Arrays.binarySearch(cdf, rng.nextDouble() * h);
                bags[i][t] = Math.min(vocabulary - 1, k >= 0 ? k : -k - 1);
            }
        }
        return TokenExamples.of(bags, y, classes, vocabulary);
    }
}
