package org.rai4j.federated;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;

/**
 * The cross-device simulation engine. Per round: sample clients ({@link ClientSelector}); decide drop-outs
 * and stragglers (the FedProx protocol's drop percentage and the {@link SystemModel} virtual clock);
 * materialise each participating client from the {@link ClientPopulation}, train it on a bounded pool of
 * worker threads, and fold its update into a running weighted sum in ascending client-id order (so memory
 * is O(model × threads), not O(clients × model), and the result is bit-identical for any thread count);
 * apply the {@link Strategy}'s server step; evaluate.
 *
 * <p>Randomness: selection and the straggler choice of round r come from stream (seed, "select", r);
 * client k's local shuffling in round r from (seed, "train", r, k); its drop-out from (seed, "system", r, k);
 * its speed from (seed, "speed", k). Thread-safe: {@link #run} keeps no state between calls.
 */
public final class Simulation {
    private static final long SELECT = 11;
    private static final long TRAIN = 12;
    private static final long SYSTEM = 13;
    private static final long SPEED = 14;
    /** Stream of the global model's initial parameters: (seed, MODEL). */
    static final long MODEL = 15;
    private static final long NOISE = 16;
    /** Fixed-point scale of updates under secure aggregation: 2^24 per unit (rounding error ≤ 2^−25 per client and coordinate). */
    static final double SECAGG_SCALE = 1 << 24;

    private Simulation() {}

    /** Called after each round with the round number and the total (for progress display). */
    @FunctionalInterface
    public interface Progress {
        void roundDone(int round, int rounds);
    }

    /**
     * Runs the simulation.
     *
     * @param population the clients
     * @param config     what to run
     * @param threads    worker threads ≥ 1 (does not change the result)
     * @param progress   progress callback (may be null)
     */
    public static SimulationResult run(ClientPopulation population, SimulationConfig config, int threads, Progress progress) {
        Preconditions.checkAtLeast(threads, 1, "threads");
        Preconditions.checkArgument(population.features() == config.model().features(),
                "the data have " + population.features() + " features, the model takes " + config.model().features());
        Preconditions.checkArgument(population.classes() == config.model().classes(),
                "the data have " + population.classes() + " classes, the model predicts " + config.model().classes());
        Preconditions.checkArgument(config.model().accepts(population.evaluationTest()), "the data are "
                + (config.model().text() ? "dense rows" : "token bags") + ", the model " + config.model().key() + " reads "
                + (config.model().text() ? "token bags" : "dense rows"));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rai4j-fl-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return new Run(population, config, threads, pool, progress, null, null).execute();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Runs the same rounds as {@link #run} but has the participating clients train in a {@link ClientFleet}
     * (deployment: client processes over the network). Every decision — selection, stragglers, seeds,
     * instructions, aggregation in client-id order — is the simulation's, so when every client answers the
     * result equals {@link #run}'s bit for bit; a client that does not answer before the fleet closes the round
     * is left out of that round's aggregate, like a drop-out. With a {@code checkpoint} file the state after
     * every round is written there, and a run that finds a checkpoint of the same configuration continues after
     * its round (and again reaches the uninterrupted result).
     *
     * @param population the client registry (ids, example counts) and the evaluation data
     * @param config     what to run; DP-FedAvg, secure aggregation and SCAFFOLD are simulation-only
     * @param fleet      where the clients train
     * @param checkpoint file for the server's checkpoint, or null for none
     * @param progress   progress callback (may be null)
     * @throws IllegalArgumentException for a configuration the deployment does not support, or a checkpoint of another run
     */
    public static SimulationResult deploy(ClientPopulation population, SimulationConfig config, ClientFleet fleet,
                                          java.nio.file.Path checkpoint, Progress progress) {
        Preconditions.checkNotNull(fleet, "fleet");
        Preconditions.checkArgument(config.dp() == null, "DP-FedAvg is simulation-only in this release; drop --dp-clip/--dp-noise");
        Preconditions.checkArgument(!config.secureAggregation(),
                "secure aggregation is simulation-only in this release (its key exchange is not on the wire); drop --secure-aggregation");
        Preconditions.checkArgument(!(config.strategy() instanceof Strategy.Scaffold),
                "SCAFFOLD keeps per-client state and is simulation-only in this release; use another --strategy");
        Preconditions.checkArgument(config.system().ideal(),
                "the virtual-clock system model is for simulation; a deployment has real drop-outs and a real round deadline");
        Preconditions.checkArgument(population.periods() == 1, "continual data is simulation-only in this release");
        Preconditions.checkArgument(population.features() == config.model().features(),
                "the data have " + population.features() + " features, the model takes " + config.model().features());
        Preconditions.checkArgument(population.classes() == config.model().classes(),
                "the data have " + population.classes() + " classes, the model predicts " + config.model().classes());
        Preconditions.checkArgument(config.model().accepts(population.evaluationTest()), "the data are "
                + (config.model().text() ? "dense rows" : "token bags") + ", the model " + config.model().key() + " reads "
                + (config.model().text() ? "token bags" : "dense rows"));
        return new Run(population, config, 1, null, progress, fleet, checkpoint).execute();
    }

    /** The last completed round recorded in a {@link #deploy} checkpoint file, 0 when there is none. */
    public static int checkpointRound(java.nio.file.Path checkpoint) {
        Checkpoint c = Checkpoint.read(checkpoint);
        return c == null ? 0 : c.round();
    }

    /** A text that identifies everything {@link #deploy} decides from: a checkpoint of another configuration is refused. */
    static String fingerprint(ClientPopulation population, SimulationConfig c) {
        return String.join("|", "rai4j.fl/1", c.dataset(), c.model().key(), "features=" + c.model().features(),
                "classes=" + c.model().classes(), c.strategy().key(), "mu=" + c.strategy().proximalMu(), c.selector().key(),
                "N=" + population.size(), "K=" + c.clientsPerRound(), "R=" + c.rounds(), "E=" + c.localEpochs(),
                "B=" + c.batchSize(), "lr=" + c.learningRate(), "drop=" + c.dropPercent(), "every=" + c.evaluateEvery(),
                "seed=" + c.seed());
    }

    /** One participant of a round: the client, how many epochs it runs, and its aggregation weight. */
    private record Task(int client, int epochs, double weight) {}

    private static final class Run {
        final ClientPopulation population;
        final SimulationConfig config;
        final int threads;
        final ExecutorService pool;
        final Progress progress;
        final GradientModel<Examples> global;
        final int n;
        final long seed;
        final List<String> warnings = new ArrayList<>();
        /** SCAFFOLD: the server control variate and the control variates of clients that have participated. */
        double[] serverControl;
        double[] serverControlSnapshot;
        final java.util.Map<Integer, double[]> clientControls = new java.util.HashMap<>();
        /** Deployment: where the clients train (null: in this process) and the checkpoint file (null: none). */
        final ClientFleet fleet;
        final java.nio.file.Path checkpoint;

        Run(ClientPopulation population, SimulationConfig config, int threads, ExecutorService pool, Progress progress,
            ClientFleet fleet, java.nio.file.Path checkpoint) {
            this.fleet = fleet;
            this.checkpoint = checkpoint;
            this.population = population;
            this.config = config;
            this.threads = threads;
            this.pool = pool;
            this.progress = progress;
            this.seed = config.seed();
            this.global = config.model().create(Seeds.derive(seed, MODEL));
            this.n = population.size();
            if (config.strategy() instanceof Strategy.Scaffold) {
                serverControl = new double[global.parameterCount()];
            }
        }

        SimulationResult execute() {
            ClientSelector selector = config.selector();
            if (selector instanceof ClientSelector.Activity a && a.weighting() == ClientSelector.Weighting.BY_EXAMPLES && a.gamma() > 0) {
                warnings.add("selection is by activity (p ~ n^" + a.gamma() + ") and aggregation also weights by n: heavy "
                        + "clients count twice (~ n^" + (1 + a.gamma()) + "); the aggregate is biased towards them");
            }
            ServerOptimizer optimizer = new ServerOptimizer(config.strategy(), global.parameterCount());
            long[] selections = new long[n];
            double[] intended = new double[n];
            List<RoundResult> rounds = new ArrayList<>(config.rounds());
            int periods = population.periods();
            int first = 1;
            String fingerprint = checkpoint == null ? null : fingerprint(population, config);
            Checkpoint resumed = checkpoint == null ? null : Checkpoint.read(checkpoint);
            if (resumed != null) {
                Preconditions.checkArgument(resumed.fingerprint().equals(fingerprint), "the checkpoint " + checkpoint
                        + " belongs to another run (" + resumed.fingerprint() + "); use another --checkpoint file or delete it");
                double[] x = global.parameters();
                Preconditions.checkArgument(resumed.parameters().length == x.length, "corrupt checkpoint " + checkpoint);
                System.arraycopy(resumed.parameters(), 0, x, 0, x.length);
                optimizer.restore(resumed.optimizer());
                System.arraycopy(resumed.selections(), 0, selections, 0, n);
                System.arraycopy(resumed.intended(), 0, intended, 0, n);
                rounds.addAll(resumed.rounds());
                warnings.clear();
                warnings.addAll(resumed.warnings());
                first = resumed.round() + 1;
            }
            for (int round = first; round <= config.rounds(); round++) {
                int period = (int) ((long) (round - 1) * periods / config.rounds());
                IntUnaryOperator counts = id -> population.trainCount(id, period);
                SplittableRandom rr = Seeds.stream(Seeds.derive(seed, SELECT), round);
                Selection sel = selector.select(n, counts, config.clientsPerRound(), rr);
                if (selector.needsCounts() || round == 1) {
                    // uniform inclusion is the same every round: computed once, scaled in inclusion()
                    double[] in = selector.intendedInclusion(n, counts, config.clientsPerRound());
                    for (int k = 0; k < n; k++) {
                        intended[k] += selector.needsCounts() ? in[k] : in[k] * config.rounds();
                    }
                }
                for (int id : sel.ids()) {
                    selections[id]++;
                }
                List<Task> tasks = participants(sel, rr, round, counts);
                double seconds = roundSeconds(tasks, counts, sel.size());
                int aggregated = trainAndAggregate(tasks, sel, round, period, optimizer);
                boolean evaluate = round % config.evaluateEvery() == 0 || round == config.rounds();
                double acc = evaluate ? accuracy(global, population.evaluationTest()) : Double.NaN;
                double loss = evaluate ? loss(global, population.evaluationTrain(period)) : Double.NaN;
                rounds.add(new RoundResult(round, acc, loss, sel.size(), aggregated, seconds));
                if (checkpoint != null) {
                    new Checkpoint(fingerprint, round, global.parameters(), optimizer.state(), selections.clone(), intended.clone(),
                            rounds, warnings).write(checkpoint);
                }
                if (progress != null) {
                    progress.roundDone(round, config.rounds());
                }
            }
            RoundResult last = rounds.get(rounds.size() - 1);
            FinalMetrics fin = new FinalMetrics(last.testAccuracy(), last.trainLoss(),
                    majorityAccuracy(population.evaluationTrain(periods - 1), population.evaluationTest()));
            double epsilon = Double.NaN;
            double delta = Double.NaN;
            if (config.dp() != null) {
                delta = config.dp().delta();
                epsilon = epsilon(config);
            }
            return new SimulationResult(config, n, rounds, fin, inclusion(selections, intended, periods), epsilon, delta,
                    warnings, global.parameters());
        }

        /** Drop-outs and stragglers of the round; the tasks that train, in ascending client order. */
        private List<Task> participants(Selection sel, SplittableRandom rr, int round, IntUnaryOperator counts) {
            int s = sel.size();
            int epochs = config.localEpochs();
            int[] taskEpochs = new int[s];
            Arrays.fill(taskEpochs, epochs);
            boolean[] straggler = new boolean[s];
            if (config.dropPercent() > 0) {
                // The FedProx protocol: round(K(1 − p)) active clients chosen uniformly; the rest run 1 … E−1 epochs.
                int active = (int) Math.rint(s * (1 - config.dropPercent()));
                int[] activeIdx = ClientSelector.distinctUniform(s, active, rr);
                Arrays.fill(straggler, true);
                for (int i : activeIdx) {
                    straggler[i] = false;
                }
                for (int i = 0; i < s; i++) {
                    if (straggler[i]) {
                        taskEpochs[i] = epochs > 1 ? 1 + rr.nextInt(epochs - 1) : 1;
                    }
                }
            }
            SystemModel sys = config.system();
            List<Task> tasks = new ArrayList<>(s);
            for (int i = 0; i < s; i++) {
                int id = sel.ids()[i];
                int e = taskEpochs[i];
                if (!sys.ideal()) {
                    SplittableRandom cr = Seeds.stream(Seeds.derive(Seeds.derive(seed, SYSTEM), round), id);
                    if (cr.nextDouble() >= sys.availability()) {
                        continue;
                    }
                    double perEpoch = counts.applyAsInt(id) / (sys.samplesPerSecond() * speed(id));
                    int fits = perEpoch <= 0 ? e : (int) Math.min(e, Math.floor(sys.deadlineSeconds() / perEpoch));
                    if (fits < e) {
                        straggler[i] = true;
                        e = fits;
                    }
                }
                if (straggler[i] && !config.strategy().keepsPartialWork()) {
                    continue;
                }
                if (e >= 1) {
                    tasks.add(new Task(id, e, sel.weights()[i]));
                }
            }
            return tasks;
        }

        private double speed(int id) {
            double spread = config.system().speedSpread();
            return spread == 0 ? 1 : Math.exp(spread * Seeds.stream(Seeds.derive(seed, SPEED), id).nextGaussian());
        }

        /** Until the last answer, or the deadline when it comes first or when some selected client never answers. */
        private double roundSeconds(List<Task> tasks, IntUnaryOperator counts, int selected) {
            SystemModel sys = config.system();
            if (tasks.size() < selected && sys.deadlineSeconds() < Double.POSITIVE_INFINITY) {
                return sys.deadlineSeconds();
            }
            double longest = 0;
            for (Task t : tasks) {
                longest = Math.max(longest, t.epochs() * counts.applyAsInt(t.client()) / (sys.samplesPerSecond() * speed(t.client())));
            }
            return Math.min(longest, sys.deadlineSeconds());
        }

        /** This round's updates from the fleet (deployment), null in simulation. */
        private java.util.Map<Integer, ClientUpdate> remote;

        /** Trains the tasks (in parallel) and folds their updates into the global model in task order. */
        private int trainAndAggregate(List<Task> tasks, Selection sel, int round, int period, ServerOptimizer optimizer) {
            double[] x = global.parameters();
            double[] sum = new double[x.length];
            double[] controlSum = serverControl == null ? null : new double[x.length];
            boolean qffl = config.strategy() instanceof Strategy.QFedAvg;
            java.util.Map<Integer, long[]> secure = config.secureAggregation() ? new java.util.TreeMap<>() : null;
            double hSum = 0;
            double weightSum = 0;
            int aggregated = 0;
            double[] snapshot = x.clone();
            serverControlSnapshot = serverControl == null ? null : serverControl.clone();
            if (fleet != null) {
                java.util.SortedMap<Integer, FitInstructions> asked = new java.util.TreeMap<>();
                for (Task t : tasks) {
                    asked.put(t.client(), instructions(t, snapshot, round, null));
                }
                java.util.Map<Integer, ClientUpdate> answered = fleet.fit(round, asked);
                List<Task> arrived = new ArrayList<>();
                for (Task t : tasks) {
                    ClientUpdate u = answered.get(t.client());
                    if (u != null) {
                        Preconditions.checkArgument(u.clientId() == t.client() && u.deltaShared().length == x.length,
                                "client " + t.client() + " answered with an update of another client or model size");
                        arrived.add(t);
                    }
                }
                remote = answered;
                tasks = arrived;
            }
            Deque<Future<ClientUpdate>> inFlight = new ArrayDeque<>();
            Deque<Task> inFlightTasks = new ArrayDeque<>();
            int next = 0;
            while (next < tasks.size() || !inFlight.isEmpty()) {
                while (next < tasks.size() && (pool == null ? inFlight.isEmpty() : inFlight.size() < 2 * threads)) {
                    Task t = tasks.get(next++);
                    double[] ck = serverControl == null ? null : clientControls.getOrDefault(t.client(), new double[x.length]);
                    java.util.concurrent.Callable<ClientUpdate> job = () -> fit(t, snapshot, round, period, ck);
                    inFlight.add(pool == null ? java.util.concurrent.CompletableFuture.completedFuture(call(job)) : pool.submit(job));
                    inFlightTasks.add(t);
                }
                ClientUpdate u = await(inFlight.poll());
                Task t = inFlightTasks.poll();
                double[] d = u.deltaShared();
                double weight = t.weight();
                DpConfig dp = config.dp();
                if (dp != null) {
                    d = clip(d, dp.clipNorm());
                    weight = 1;
                }
                if (secure != null) {
                    long[] q = new long[d.length + 1];
                    for (int p = 0; p < d.length; p++) {
                        q[p] = Math.round(weight * d[p] * SECAGG_SCALE);
                    }
                    q[d.length] = Math.round(weight * SECAGG_SCALE);
                    secure.put(t.client(), q);
                    aggregated++;
                    continue;
                }
                if (qffl) {
                    hSum += qfflAccumulate(((Strategy.QFedAvg) config.strategy()).q(), u, d, sum);
                } else {
                    for (int p = 0; p < sum.length; p++) {
                        sum[p] += weight * d[p];
                    }
                }
                if (controlSum != null && u.controlDeltaShared().length == x.length) {
                    double[] dc = u.controlDeltaShared();
                    double[] ck = clientControls.computeIfAbsent(t.client(), k -> new double[x.length]);
                    for (int p = 0; p < dc.length; p++) {
                        controlSum[p] += dc[p];
                        ck[p] += dc[p];
                    }
                }
                weightSum += weight;
                aggregated++;
            }
            if (secure != null && secure.size() >= 2) {
                weightSum = secureSum(secure, sum);
            } else if (secure != null && secure.size() == 1) {
                warnings.add("round " + round + ": only one client reported; secure aggregation needs two, the round was skipped");
                aggregated = 0;
            }
            if (aggregated == 0 && config.dp() == null) {
                return 0;
            }
            if (qffl) {
                // x ← x − Σ Δ_k / Σ h_k (sum holds Σ F^q Δw_k)
                if (hSum > 0) {
                    for (int p = 0; p < x.length; p++) {
                        x[p] -= sum[p] / hSum;
                    }
                }
                return aggregated;
            }
            if (controlSum != null) {
                // c ← c + (|S|/N)·mean_S Δc = c + Σ_S Δc / N
                for (int p = 0; p < x.length; p++) {
                    serverControl[p] += controlSum[p] / n;
                }
            }
            DpConfig dp = config.dp();
            double denominator = dp != null ? ((ClientSelector.Poisson) config.selector()).q() * n
                    : sel.normalised() ? weightSum : sel.fixedDenominator();
            for (int p = 0; p < sum.length; p++) {
                sum[p] /= denominator;
            }
            if (dp != null && dp.noiseMultiplier() > 0) {
                // Gaussian noise of sd z·S/(qN) on the average (sensitivity S/(qN)); seeded: the simulation path
                org.rai4j.privacy.PrivacyRandom noise = org.rai4j.privacy.PrivacyRandom.seededForSimulation(
                        Seeds.derive(Seeds.derive(seed, NOISE), round));
                double sd = dp.noiseMultiplier() * dp.clipNorm() / denominator;
                for (int p = 0; p < sum.length; p++) {
                    sum[p] += sd * noise.nextGaussian();
                }
            }
            optimizer.apply(x, sum);
            return aggregated;
        }

        private ClientUpdate fit(Task t, double[] snapshot, int round, int period, double[] clientControl) {
            if (remote != null) {
                return remote.get(t.client());
            }
            ClientData data = population.load(t.client(), period);
            LocalClient client = new LocalClient(t.client(), data.train(), config.model());
            return client.fit(instructions(t, snapshot, round, clientControl));
        }

        /** What client t is asked to do this round (the same in simulation and deployment). */
        private FitInstructions instructions(Task t, double[] snapshot, int round, double[] clientControl) {
            long clientSeed = Seeds.derive(Seeds.derive(Seeds.derive(seed, TRAIN), round), t.client());
            double[] c = clientControl == null ? new double[0] : serverControlSnapshot;
            double[] ck = clientControl == null ? new double[0] : clientControl;
            return new FitInstructions(round, snapshot, t.epochs(), config.batchSize(), config.learningRate(),
                    config.strategy().proximalMu(), clientSeed, c, ck, config.strategy() instanceof Strategy.QFedAvg);
        }

        /** Secure aggregation of the quantised weighted updates; writes Σ w_k Δ_k into {@code sum} and returns Σ w_k. */
        private double secureSum(java.util.Map<Integer, long[]> inputs, double[] sum) {
            int[] ids = inputs.keySet().stream().mapToInt(Integer::intValue).toArray();
            SecureAggregation sa = new SecureAggregation(ids, SecureAggregation.defaultThreshold(ids.length), new java.security.SecureRandom());
            sa.shareKeys(inputs.keySet());
            for (java.util.Map.Entry<Integer, long[]> e : inputs.entrySet()) {
                sa.maskedInput(e.getKey(), e.getValue());
            }
            long[] z = sa.unmask(inputs.keySet());
            for (int p = 0; p < sum.length; p++) {
                sum[p] = z[p] / SECAGG_SCALE;
            }
            return z[sum.length] / SECAGG_SCALE;
        }

        private static double[] clip(double[] d, double bound) {
            double norm2 = 0;
            for (double v : d) {
                norm2 += v * v;
            }
            double norm = Math.sqrt(norm2);
            if (norm <= bound) {
                return d;
            }
            double f = bound / norm;
            double[] out = new double[d.length];
            for (int p = 0; p < d.length; p++) {
                out[p] = d[p] * f;
            }
            return out;
        }

        /** Adds F^q·Δw_k to {@code sum} (Δw_k = L(x_t − w̄_k) = −L·Δ_k, L = 1/η) and returns h_k. */
        private double qfflAccumulate(double q, ClientUpdate u, double[] delta, double[] sum) {
            double big = 1 / config.learningRate();
            double f = u.lossBefore();
            double fq = Math.pow(f, q);
            double norm2 = 0;
            for (int p = 0; p < delta.length; p++) {
                double dw = -big * delta[p];
                norm2 += dw * dw;
                sum[p] += fq * dw;
            }
            return q * Math.pow(f, q - 1) * norm2 + big * fq;
        }

        private InclusionReport inclusion(long[] selections, double[] intended, int periods) {
            int rounds = config.rounds();
            double maxDev = 0;
            List<InclusionReport.Row> rows = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double want = intended[k] / rounds;
                double got = selections[k] / (double) rounds;
                maxDev = Math.max(maxDev, Math.abs(got - want));
                if (n <= InclusionReport.PER_CLIENT_LIMIT) {
                    rows.add(new InclusionReport.Row(k, population.trainCount(k, periods - 1), want, got));
                }
            }
            String weighting = config.selector() instanceof ClientSelector.Activity a
                    ? (a.weighting() == ClientSelector.Weighting.UNBIASED ? "unbiased" : "by_examples")
                    : config.selector() instanceof ClientSelector.Poisson ? "unbiased" : "by_examples";
            return new InclusionReport(config.selector().key(), weighting, rounds, maxDev, rows);
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> job) {
        try {
            return job.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a client", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * ε of user-level DP-FedAvg: the Poisson-subsampled Gaussian mechanism with q and z over the rounds, from
     * {@link org.rai4j.privacy.Accountant#RDP} (Opacus's orders) at the configured δ.
     */
    public static double epsilon(SimulationConfig config) {
        Preconditions.checkArgument(config.dp() != null, "no DP configured");
        double q = ((ClientSelector.Poisson) config.selector()).q();
        return org.rai4j.privacy.Accountant.RDP.epsilon(
                List.of(new org.rai4j.privacy.Segment(config.dp().noiseMultiplier(), q, config.rounds())), config.dp().delta()).epsilon();
    }

    /** Accuracy of the model on the examples. */
    static double accuracy(GradientModel<Examples> model, Examples data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        return model.accuracy(data);
    }

    /** Mean cross-entropy of the model on the examples, in chunks. */
    static double loss(GradientModel<Examples> model, Examples data) {
        int m = data.size();
        if (m == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int from = 0; from < m; from += 1024) {
            int to = Math.min(m, from + 1024);
            int[] batch = new int[to - from];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = from + i;
            }
            BackwardPass pass = model.backward(data, batch);
            total += pass.loss();
        }
        return total / m;
    }

    static double majorityAccuracy(Examples train, Examples test) {
        if (test.size() == 0 || train.size() == 0) {
            return Double.NaN;
        }
        int[] freq = new int[train.classes()];
        for (int i = 0; i < train.size(); i++) {
            freq[train.label(i)]++;
        }
        int best = 0;
        for (int c = 1; c < freq.length; c++) {
            if (freq[c] > freq[best]) {
                best = c;
            }
        }
        int hit = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) == best) {
                hit++;
            }
        }
        return hit / (double) test.size();
    }
}
