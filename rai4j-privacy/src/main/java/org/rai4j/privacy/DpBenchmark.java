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
 * Measures what differential privacy costs per training step, in one process. For each model, every
 * measured round times, in an order that rotates from round to round:
 * <ul>
 *   <li>a plain SGD step ({@link Sgd#step}) and a DP-SGD step ({@link DpSgd}: ghost-norm clipping, secure
 *       noise in the default {@link PrivacyRandom.NoiseMode}, ledger) — both starting from the <em>same
 *       parameters</em> (the SGD model is a copy of the DP model's parameters taken before the round), both
 *       Poisson-sampling their batch <em>inside</em> the timer from two AES-CTR streams with the same seed, so
 *       they draw the same batch at the cost of the secure stream, and do the same forward/backward work;</li>
 *   <li>the same DP-SGD step with the other noise mode, from the same parameters and batch (what the
 *       floating-point-hardened noise costs);</li>
 *   <li>the same DP-SGD step with every Gaussian draw made on the stepping thread (no chunks made ahead on
 *       the spare core), timed by the wall clock and by the thread's CPU clock — the work DP adds, which a
 *       loaded machine disturbs least;</li>
 *   <li>every few rounds, a naive DP-SGD step that materialises every per-example gradient (for scale).</li>
 * </ul>
 * The DP model follows its own DP trajectory; the figures are the median and quartiles over rounds, and
 * the ratio is the median of the per-round (paired) ratios, which resists load changes on a shared machine.
 * An optional {@link Baseline} (e.g. PyTorch in another process) takes a slot in the MLP's rotation.
 * Also measures the secure noise generator's throughput and the accountants' latency. Data are synthetic
 * (MNIST-shaped features; Zipf-distributed tokens), since only the arithmetic is timed. Not library API:
 * the engine behind {@code rai4j bench dp}.
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

    /** A step timed outside this JVM (e.g. PyTorch's non-private step on the same MLP and batch). */
    public interface Baseline {
        /** A description, e.g. "PyTorch 1.13.1, float32, 2 threads". */
        String name();

        /** Times a short block of steps and returns their median in milliseconds. */
        double stepMillis();
    }

    /**
     * Median and quartiles of repeated measurements.
     *
     * @param median the median
     * @param p25    the first quartile
     * @param p75    the third quartile
     * @param count  number of measurements
     */
    public record Spread(double median, double p25, double p75, int count) {
        static Spread of(double[] v) {
            if (v.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double[] s = v.clone();
            Arrays.sort(s);
            return new Spread(quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75), s.length);
        }
    }

    /**
     * Step times of one model.
     *
     * @param model        description, e.g. "softmax 784→10"
     * @param parameters   number of parameters
     * @param batchSize    expected batch size
     * @param noiseMode    the noise mode of the DP step (the default users get)
     * @param sgd          plain SGD step, ms
     * @param dp           DP-SGD step, ms
     * @param dpRatio      per-round DP/SGD ratio
     * @param otherMode    the noise mode of the comparison step
     * @param otherModeRatio per-round ratio of the DP step with the other noise mode to the DP step
     * @param naive        naive DP-SGD step (materialised per-example gradients), ms
     * @param target       the target for dp/sgd
     * @param oneThreadRatio per-round wall-time ratio to SGD of the DP step with all noise drawn on the stepping
     *                     thread (no drawing ahead on the spare core)
     * @param cpuRatio     per-round ratio of the stepping thread's CPU time, one-thread DP step over SGD step: the
     *                     work DP adds, least disturbed by other processes
     * @param loadStart    1-minute load average when this model's rounds began
     * @param loadEnd      1-minute load average when they ended
     */
    public record StepTimes(String model, int parameters, int batchSize, PrivacyRandom.NoiseMode noiseMode, Spread sgd,
                            Spread dp, Spread dpRatio, PrivacyRandom.NoiseMode otherMode, Spread otherModeRatio,
                            Spread naive, double target, Spread oneThreadRatio, Spread cpuRatio, double loadStart,
                            double loadEnd) {
        /** Median naive DP-SGD time over median plain SGD time. */
        public double naiveRatio() {
            return naive.median() / sgd.median();
        }
    }

    /**
     * An external baseline timed between the MLP's rounds.
     *
     * @param name    what it is
     * @param millis  its step time, ms
     * @param dpRatio per-round ratio of our DP-SGD step to the baseline's step
     * @param target  the target for that ratio
     */
    public record BaselineTimes(String name, Spread millis, Spread dpRatio, double target) {}

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

    /**
     * Everything measured.
     *
     * @param loadBefore the 1-minute load average before (NaN where unknown)
     * @param loadAfter  the 1-minute load average after
     * @param baseline   the external baseline, or null when none was given
     * @param kernels    which matrix kernels the dense models used
     */
    public record Report(List<StepTimes> steps, BaselineTimes baseline, List<NoiseThroughput> noise,
                         List<AccountingLatency> accounting, double loadBefore, double loadAfter, String kernels) {
        public Report {
            steps = List.copyOf(steps);
            noise = List.copyOf(noise);
            accounting = List.copyOf(accounting);
        }
    }

    /** Runs every measurement without an external baseline. */
    public static Report run(Options options, Consumer<String> progress) {
        return run(options, null, progress);
    }

    /**
     * Runs every measurement, announcing each on {@code progress}; {@code baseline} may be null. The noise
     * throughput is that of one thread drawing everything itself (no chunks made ahead).
     */
    public static Report run(Options options, Baseline baseline, Consumer<String> progress) {
        double loadBefore = loadAverage();
        int n = 8192;
        int batch = 256;
        SplittableRandom rng = new SplittableRandom(options.seed());
        DenseExamples images = syntheticImages(rng, n, 784, 10);
        List<StepTimes> steps = new ArrayList<>();
        BaselineTimes[] external = new BaselineTimes[1];
        progress.accept("softmax regression 784->10");
        steps.add(time("softmax regression 784→10", DenseNetwork.softmax(784, 10), images, batch, 1.15, options, null,
                null));
        progress.accept("MLP 784->256->10");
        steps.add(time("MLP 784→256→10 (ReLU), float32", DenseNetwork.mlp(784, new int[] {256}, 10, options.seed())
                .withPrecision(DenseNetwork.Precision.FLOAT32), images, batch, 1.2, options, baseline, external));
        progress.accept("embedding-bag classifier");
        TokenExamples text = syntheticText(rng, n, 20_000, 50, 10);
        steps.add(time("embedding bag 20k×64, 50 tokens → 10", EmbeddingBagClassifier.create(20_000, 64, 10, options.seed()),
                text, batch, 1.3, options, null, null));
        progress.accept("noise generator");
        List<NoiseThroughput> noise = noiseThroughput();
        progress.accept("accountants");
        List<AccountingLatency> accounting = accountingLatency();
        return new Report(steps, external[0], noise, accounting, loadBefore, loadAverage(),
                DenseNetwork.kernelDescription());
    }

    /** The 1-minute load average from /proc/loadavg, or NaN. */
    static double loadAverage() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return Double.parseDouble(s.substring(0, s.indexOf(' ')));
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static <E extends Examples> StepTimes time(String name, GradientModel<E> initial, E data, int batchSize,
                                                        double target, Options options, Baseline baseline,
                                                        BaselineTimes[] external) {
        int n = data.size();
        double q = batchSize / (double) n;
        double lr = 0.05;
        PrivacyRandom.NoiseMode mode = PrivacyRandom.DEFAULT_MODE;
        PrivacyRandom.NoiseMode other = mode == PrivacyRandom.NoiseMode.STANDARD
                ? PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED : PrivacyRandom.NoiseMode.STANDARD;
        GradientModel<E> dpModel = initial.copy();
        GradientModel<E> sgdModel = initial.copy();
        GradientModel<E> otherModel = initial.copy();
        GradientModel<E> naiveModel = initial.copy();
        DpSgdConfig config = DpSgdConfig.of(1.0, 1.0, q, Long.MAX_VALUE / 2, lr);
        DpSgd<E> dp = new DpSgd<>(dpModel, data, config, PrivacyRandom.secure(mode));
        // The other-mode step sees the same batches in the same rounds as the DP step, so its deferred-noise
        // schedule owes the same rows the same steps: identical work on a copy of the same parameters.
        DpSgd<E> otherDp = new DpSgd<>(otherModel, data, config, PrivacyRandom.secure(other));
        DpSgd<E> naive = new DpSgd<>(naiveModel, data, config.withClipping(DpSgdConfig.Clipping.MATERIALISED),
                PrivacyRandom.secure(mode));
        GradientModel<E> soloModel = initial.copy();
        DpSgd<E> solo = new DpSgd<>(soloModel, data, config, PrivacyRandom.secure(mode, false));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        double loadStart = loadAverage();
        double[] theta = dpModel.parameters();
        int m = options.measuredRounds();
        double[] sgdT = new double[m];
        double[] dpT = new double[m];
        double[] ratio = new double[m];
        double[] otherRatio = new double[m];
        double[] soloRatio = new double[m];
        double[] cpuRatio = new double[cpuClock ? m : 0];
        double[] baseT = new double[baseline == null ? 0 : m];
        double[] baseRatio = new double[baseline == null ? 0 : m];
        List<Double> naiveTimes = new ArrayList<>();
        long warmupEnd = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        int warm = 0;
        int measured = 0;
        int slots = baseline == null ? 4 : 5;
        long[] t = new long[slots];
        long[] cpu = new long[slots];
        double baseMillis = Double.NaN;
        for (int r = 0; measured < m; r++) {
            boolean measuring = warm >= options.warmupRounds() && System.nanoTime() >= warmupEnd;
            long seed = options.seed() * 1_000_003L + r;
            PrivacyRandom[] samplers = {PrivacyRandom.seededForSimulation(seed), PrivacyRandom.seededForSimulation(seed),
                    PrivacyRandom.seededForSimulation(seed), PrivacyRandom.seededForSimulation(seed)};
            System.arraycopy(theta, 0, sgdModel.parameters(), 0, theta.length);
            System.arraycopy(theta, 0, otherModel.parameters(), 0, theta.length);
            System.arraycopy(theta, 0, soloModel.parameters(), 0, theta.length);
            // The DP step changes theta, so the other steps run on copies taken before it: all start from the
            // same parameters and sample the same batch. The external baseline (if any) takes a slot too.
            for (int k = 0; k < slots; k++) {
                int which = (r + k) % slots;
                long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                if (which == 0) {
                    Sgd.step(sgdModel, data, PoissonSampling.sample(n, q, samplers[0]), lr);
                } else if (which == 1) {
                    dp.stepOn(PoissonSampling.sample(n, q, samplers[1]));
                } else if (which == 2) {
                    otherDp.stepOn(PoissonSampling.sample(n, q, samplers[2]));
                } else if (which == 3) {
                    solo.stepOn(PoissonSampling.sample(n, q, samplers[3]));
                } else if (measuring) {
                    baseMillis = baseline.stepMillis();
                }
                t[which] = System.nanoTime() - t0;
                cpu[which] = cpuClock ? threads.getCurrentThreadCpuTime() - c0 : 0;
            }
            if (r % options.naiveEvery() == 0) {
                System.arraycopy(theta, 0, naiveModel.parameters(), 0, theta.length);
                long t3 = System.nanoTime();
                naive.stepOn(PoissonSampling.sample(n, q, PrivacyRandom.seededForSimulation(seed)));
                long t4 = System.nanoTime();
                if (measuring) {
                    naiveTimes.add((t4 - t3) / 1e6);
                }
            }
            if (measuring) {
                sgdT[measured] = t[0] / 1e6;
                dpT[measured] = t[1] / 1e6;
                ratio[measured] = t[1] / (double) t[0];
                otherRatio[measured] = t[2] / (double) t[1];
                soloRatio[measured] = t[3] / (double) t[0];
                if (cpuClock) {
                    cpuRatio[measured] = cpu[3] / (double) Math.max(1, cpu[0]);
                }
                if (baseline != null) {
                    baseT[measured] = baseMillis;
                    baseRatio[measured] = dpT[measured] / baseT[measured];
                }
                measured++;
            } else {
                warm++;
            }
        }
        if (baseline != null) {
            external[0] = new BaselineTimes(baseline.name(), Spread.of(baseT), Spread.of(baseRatio), 1.5);
        }
        double[] nv = naiveTimes.stream().mapToDouble(Double::doubleValue).toArray();
        return new StepTimes(name, initial.parameterCount(), batchSize, mode, Spread.of(sgdT), Spread.of(dpT),
                Spread.of(ratio), other, Spread.of(otherRatio), Spread.of(nv), target, Spread.of(soloRatio),
                Spread.of(cpuRatio), loadStart, loadAverage());
    }

    private static List<NoiseThroughput> noiseThroughput() {
        double[] buf = new double[1 << 16];
        double[] small = new double[1 << 10];
        PrivacyRandom secure = PrivacyRandom.secure(PrivacyRandom.NoiseMode.STANDARD, false);
        PrivacyRandom hardened = PrivacyRandom.secure(PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED, false);
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
        return Spread.of(v).median();
    }

    /** The p-quantile of sorted values by linear interpolation (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
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
