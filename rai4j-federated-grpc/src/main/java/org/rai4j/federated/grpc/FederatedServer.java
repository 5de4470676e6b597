package org.rai4j.federated.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.rai4j.federated.ClientFleet;
import org.rai4j.federated.ClientPopulation;
import org.rai4j.federated.ClientUpdate;
import org.rai4j.federated.FitInstructions;
import org.rai4j.federated.Simulation;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The deployment server: runs {@link Simulation#deploy} with a fleet of client processes that reach it over
 * gRPC (service {@code rai4j.fl.v1.Federation}, see rai4j_fl_v1.proto). Clients join, then pull work; in each
 * round the server publishes the engine's instructions to the selected clients and closes the round when all
 * of them have pushed their update or when {@link ServerOptions#roundTimeout()} has passed — a client that dies
 * or hangs mid-round is left out of that round. With a checkpoint file the server can be killed and restarted
 * and continues after the last completed round. Thread-safe.
 */
public final class FederatedServer implements AutoCloseable {
    private final ClientPopulation population;
    private final SimulationConfig config;
    private final ServerOptions options;
    private final PrintStream log;
    private final Server server;
    private final String runId;
    private final String incarnation = UUID.randomUUID().toString().substring(0, 8);
    private final Object lock = new Object();
    /** Guarded by lock. */
    private final Set<Integer> joined = new TreeSet<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final Map<Integer, ClientUpdate> results = new HashMap<>();
    private final Set<Integer> toldDone = new HashSet<>();
    private final int parameterCount;
    private boolean done;

    /** A task published to a client in the current round. */
    private record Pending(int round, String taskId, FitInstructions instructions) {}

    private FederatedServer(ClientPopulation population, SimulationConfig config, ServerOptions options, PrintStream log)
            throws IOException {
        this.population = population;
        this.config = config;
        this.options = options;
        this.log = log;
        this.parameterCount = config.model().create(0).parameterCount();
        this.runId = config.dataset() + "/seed=" + config.seed() + "/rounds=" + config.rounds();
        ServerCredentials creds = options.tlsCertificate() == null ? InsecureServerCredentials.create()
                : TlsServerCredentials.create(options.tlsCertificate().toFile(), options.tlsKey().toFile());
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()), creds)
                .addService(service())
                .build()
                .start();
    }

    /**
     * Starts listening (the rounds start with {@link #run}).
     *
     * @param population the client registry (ids 0 … N−1 and their example counts) and the evaluation data
     * @param config     the run, as for {@link Simulation#run}
     * @param options    address, TLS, timeouts, checkpoint
     * @param log        where progress lines go (stderr in the command line)
     * @throws IllegalArgumentException if the port cannot be bound or a TLS file cannot be read
     */
    public static FederatedServer start(ClientPopulation population, SimulationConfig config, ServerOptions options,
                                        PrintStream log) {
        try {
            FederatedServer s = new FederatedServer(population, config, options, log);
            log.printf(Locale.ROOT, "rai4j fl server: listening on %s:%d (%s), protocol rai4j.fl.v%d, %d clients, run %s%n",
                    options.host(), s.port(), options.tlsCertificate() == null ? "plaintext" : "TLS", Wire.PROTOCOL_VERSION,
                    population.size(), s.runId);
            log.flush();
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /**
     * Waits for the clients, runs every round, tells the clients the run is over and returns the result.
     *
     * @param progress progress callback (may be null)
     */
    public SimulationResult run(Simulation.Progress progress) {
        if (options.checkpoint() != null) {
            int done = Simulation.checkpointRound(options.checkpoint());
            if (done > 0) {
                log.printf(Locale.ROOT, "rai4j fl server: resuming after round %d from checkpoint %s%n", done, options.checkpoint());
            }
        }
        awaitClients();
        SimulationResult result = Simulation.deploy(population, config, new Fleet(), options.checkpoint(), progress);
        long until = System.nanoTime() + options.linger().toNanos();
        synchronized (lock) {
            done = true;
            lock.notifyAll();
            while (!toldDone.containsAll(joined) && System.nanoTime() < until) {
                waitOn(until);
            }
        }
        log.printf(Locale.ROOT, "rai4j fl server: finished %d rounds, final test accuracy %.4f%n", config.rounds(),
                result.finalMetrics().testAccuracy());
        log.flush();
        return result;
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitClients() {
        int want = Math.min(options.waitForClients(), population.size());
        long until = System.nanoTime() + options.joinTimeout().toNanos();
        synchronized (lock) {
            while (joined.size() < want && System.nanoTime() < until) {
                waitOn(until);
            }
            log.printf(Locale.ROOT, "rai4j fl server: %d of %d clients joined; starting%n", joined.size(), population.size());
            log.flush();
        }
    }

    /** Waits on the lock until notified or {@code until} (nanoTime); caller holds the lock. */
    private void waitOn(long until) {
        long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()));
        try {
            lock.wait(Math.min(ms, 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The engine's side: publishes a round's tasks and collects what arrives before the deadline. */
    private final class Fleet implements ClientFleet {
        @Override
        public Map<Integer, ClientUpdate> fit(int round, SortedMap<Integer, FitInstructions> instructions) {
            long until = System.nanoTime() + options.roundTimeout().toNanos();
            synchronized (lock) {
                pending.clear();
                results.clear();
                for (Map.Entry<Integer, FitInstructions> e : instructions.entrySet()) {
                    pending.put(e.getKey(), new Pending(round, incarnation + "-" + round + "-" + e.getKey(), e.getValue()));
                }
                lock.notifyAll();
                while (results.size() < pending.size() && System.nanoTime() < until) {
                    waitOn(until);
                }
                Map<Integer, ClientUpdate> arrived = new TreeMap<>(results);
                Set<Integer> missing = new TreeSet<>(pending.keySet());
                missing.removeAll(arrived.keySet());
                pending.clear();
                results.clear();
                log.printf(Locale.ROOT, "rai4j fl server: round %d: %d tasks, %d updates%s%n", round, instructions.size(), arrived.size(),
                        missing.isEmpty() ? "" : "; closed at the " + options.roundTimeout().toMillis() / 1000.0
                                + " s deadline without clients " + missing);
                log.flush();
                return arrived;
            }
        }
    }

    // ---------------------------------------------------------------- the gRPC service

    private ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(FederationService.SERVICE)
                .addMethod(FederationService.JOIN, ServerCalls.asyncUnaryCall(this::join))
                .addMethod(FederationService.PULL_TASK, ServerCalls.asyncServerStreamingCall(this::pull))
                .addMethod(FederationService.PUSH_UPDATE, ServerCalls.asyncClientStreamingCall(this::push))
                .build();
    }

    private static boolean versionOk(int version, StreamObserver<?> out) {
        if (version != Wire.PROTOCOL_VERSION) {
            out.onError(Status.FAILED_PRECONDITION.withDescription("the client speaks rai4j.fl.v" + version
                    + ", this server rai4j.fl.v" + Wire.PROTOCOL_VERSION + "; use matching rai4j versions").asRuntimeException());
            return false;
        }
        return true;
    }

    private boolean clientOk(int id, StreamObserver<?> out) {
        if (id < 0 || id >= population.size()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("client id " + id + " is not in this run (ids 0.."
                    + (population.size() - 1) + ")").asRuntimeException());
            return false;
        }
        return true;
    }

    private void join(Wire.JoinRequest req, StreamObserver<Wire.JoinReply> out) {
        if (!versionOk(req.version(), out) || !clientOk(req.clientId(), out)) {
            return;
        }
        int expected = population.trainCount(req.clientId(), 0);
        if (req.examples() != expected) {
            out.onError(Status.FAILED_PRECONDITION.withDescription("client " + req.clientId() + " holds " + req.examples()
                    + " training examples, the server's registry says " + expected + "; start the client with the same --dataset, "
                    + "--clients and --seed as the server").asRuntimeException());
            return;
        }
        boolean fresh;
        synchronized (lock) {
            fresh = joined.add(req.clientId());
            lock.notifyAll();
        }
        if (fresh) {
            log.printf(Locale.ROOT, "rai4j fl server: client %d joined (%d examples)%n", req.clientId(), req.examples());
            log.flush();
        }
        out.onNext(new Wire.JoinReply(Wire.PROTOCOL_VERSION, runId, config.model().features(), config.model().classes(),
                config.model().hidden(), population.size(), config.rounds(), config.model().embeddingDim()));
        out.onCompleted();
    }

    private void pull(Wire.TaskRequest req, StreamObserver<Wire.TaskChunk> out) {
        if (!versionOk(req.version(), out) || !clientOk(req.clientId(), out)) {
            return;
        }
        if (!runId.equals(req.runId())) {
            out.onError(Status.FAILED_PRECONDITION.withDescription("this server runs " + runId + ", the client joined "
                    + req.runId()).asRuntimeException());
            return;
        }
        Pending task;
        boolean finished;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (lock) {
            joined.add(req.clientId());
            while (!done && !hasTask(req.clientId()) && System.nanoTime() < until) {
                waitOn(until);
            }
            finished = done;
            task = finished || !hasTask(req.clientId()) ? null : pending.get(req.clientId());
            if (finished) {
                toldDone.add(req.clientId());
                lock.notifyAll();
            }
        }
        if (finished) {
            out.onNext(Wire.TaskChunk.status(Wire.TaskStatus.DONE));
        } else if (task == null) {
            out.onNext(Wire.TaskChunk.status(Wire.TaskStatus.WAIT));
        } else {
            FitInstructions ins = task.instructions();
            double[] p = ins.globalParameters();
            int offset = 0;
            do {
                int len = Math.min(Wire.CHUNK_DOUBLES, p.length - offset);
                double[] slice = java.util.Arrays.copyOfRange(p, offset, offset + len);
                out.onNext(new Wire.TaskChunk(Wire.PROTOCOL_VERSION, Wire.TaskStatus.TASK, task.round(), task.taskId(), ins.epochs(),
                        ins.batchSize(), ins.learningRate(), ins.proximalMu(), ins.seed(), ins.evaluateFirst(), p.length, offset, slice));
                offset += len;
            } while (offset < p.length);
        }
        out.onCompleted();
    }

    /** Whether the client has a task of the open round it has not answered yet; caller holds the lock. */
    private boolean hasTask(int client) {
        return pending.containsKey(client) && !results.containsKey(client);
    }

    private StreamObserver<Wire.UpdateChunk> push(StreamObserver<Wire.PushReply> out) {
        return new StreamObserver<>() {
            Wire.UpdateChunk head;
            double[] delta;
            int received;
            String problem;

            @Override
            public void onNext(Wire.UpdateChunk c) {
                if (problem != null) {
                    return;
                }
                if (head == null) {
                    if (c.version() != Wire.PROTOCOL_VERSION) {
                        problem = "the client speaks rai4j.fl.v" + c.version() + ", this server rai4j.fl.v" + Wire.PROTOCOL_VERSION;
                        return;
                    }
                    if (c.parameterCount() != parameterCount) {
                        problem = "the update has " + c.parameterCount() + " parameters, the model " + parameterCount;
                        return;
                    }
                    head = c;
                    delta = new double[c.parameterCount()];
                }
                if (c.offset() != received || received + c.delta().length > delta.length) {
                    problem = "chunk at offset " + c.offset() + " (" + c.delta().length + " values) does not follow " + received;
                    return;
                }
                System.arraycopy(c.delta(), 0, delta, received, c.delta().length);
                received += c.delta().length;
            }

            @Override
            public void onError(Throwable t) {
                // the client went away mid-upload: nothing arrived
            }

            @Override
            public void onCompleted() {
                String answer = problem;
                if (answer == null && head == null) {
                    answer = "empty update";
                } else if (answer == null && received != delta.length) {
                    answer = "the update stopped after " + received + " of " + delta.length + " values";
                }
                if (answer == null) {
                    synchronized (lock) {
                        Pending p = pending.get(head.clientId());
                        if (p == null || p.round() != head.round() || !p.taskId().equals(head.taskId())) {
                            answer = "no open task " + head.taskId() + " for client " + head.clientId() + " (the round has closed)";
                        } else {
                            try {
                                results.put(head.clientId(), new ClientUpdate(head.clientId(), delta, head.examples(), head.meanLoss(),
                                        head.epochs(), head.lossBefore(), new double[0]));
                                lock.notifyAll();
                            } catch (IllegalArgumentException e) {
                                answer = e.getMessage();
                            }
                        }
                    }
                }
                out.onNext(new Wire.PushReply(answer == null, answer == null ? "" : answer));
                out.onCompleted();
            }
        };
    }

    /** For tests and the command line: the run id clients must echo. */
    String runId() {
        return runId;
    }
}
