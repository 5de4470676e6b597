package org.rai4j.federated.grpc;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import org.rai4j.core.Preconditions;
import org.rai4j.federated.Client;
import org.rai4j.federated.ClientUpdate;
import org.rai4j.federated.FitInstructions;
import org.rai4j.federated.ModelSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A client process's side of the deployment: joins a {@link FederatedServer}, then pulls tasks, trains with
 * the same {@link Client} the simulator uses, and pushes the updates, until the server says the run is done.
 * Every call has a deadline; while the server is unreachable (restarting from its checkpoint) the client keeps
 * retrying for up to {@code giveUpAfter}. Not thread-safe: one instance per client.
 */
public final class RemoteClient {
    private final String host;
    private final int port;
    private final Path trustedCertificate;
    private final int clientId;
    private final long examples;
    private final Function<ModelSpec, Client> clientFactory;
    private final Duration giveUpAfter;
    private final PrintStream log;

    /**
     * @param host               server host
     * @param port               server port
     * @param trustedCertificate PEM certificate (or CA) to trust for TLS, or null for plaintext
     * @param clientId           this client's id in the run
     * @param examples           its number of training examples (checked against the server's registry)
     * @param clientFactory      builds the trainer once the server has said which model it trains
     * @param giveUpAfter        stop when the server has been unreachable this long
     * @param log                where progress lines go
     */
    public RemoteClient(String host, int port, Path trustedCertificate, int clientId, long examples,
                        Function<ModelSpec, Client> clientFactory, Duration giveUpAfter, PrintStream log) {
        this.host = Preconditions.checkNotNull(host, "host");
        this.port = port;
        this.trustedCertificate = trustedCertificate;
        this.clientId = clientId;
        this.examples = examples;
        this.clientFactory = Preconditions.checkNotNull(clientFactory, "clientFactory");
        this.giveUpAfter = giveUpAfter;
        this.log = log;
    }

    /**
     * A client that trains on {@code own}'s training examples with the simulator's {@link org.rai4j.federated.LocalClient}.
     *
     * @param host               server host
     * @param port               server port
     * @param trustedCertificate PEM certificate to trust for TLS, or null for plaintext
     * @param own                this client's data (its id is the client id)
     * @param giveUpAfter        stop when the server has been unreachable this long
     * @param log                where progress lines go
     */
    public static RemoteClient training(String host, int port, Path trustedCertificate, org.rai4j.federated.ClientData own,
                                        Duration giveUpAfter, PrintStream log) {
        return new RemoteClient(host, port, trustedCertificate, own.id(), own.train().size(),
                spec -> new org.rai4j.federated.LocalClient(own.id(), own.train(), spec), giveUpAfter, log);
    }

    /**
     * Runs until the server reports the run done.
     *
     * @return the number of updates this client pushed and the server accepted
     * @throws IllegalStateException when the server refuses this client (version, id, data) or stays unreachable
     */
    public int run() {
        ManagedChannel channel = channel();
        try {
            return loop(channel);
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ManagedChannel channel() {
        ChannelCredentials creds;
        try {
            creds = trustedCertificate == null ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trusted certificate " + trustedCertificate + ": " + e.getMessage(), e);
        }
        return Grpc.newChannelBuilderForAddress(host, port, creds).build();
    }

    private int loop(ManagedChannel channel) {
        Wire.JoinReply run = null;
        Client client = null;
        int pushed = 0;
        long lastContact = System.nanoTime();
        long backoffMs = 100;
        while (true) {
            try {
                if (run == null) {
                    run = ClientCalls.blockingUnaryCall(channel, FederationService.JOIN, options(10),
                            new Wire.JoinRequest(Wire.PROTOCOL_VERSION, clientId, examples));
                    if (client == null) {
                        client = clientFactory.apply(new ModelSpec(run.features(), run.classes(), run.hidden(), run.embeddingDim()));
                    }
                    log.printf(Locale.ROOT, "rai4j fl client %d: joined %s:%d, run %s%n", clientId, host, port, run.runId());
                    log.flush();
                }
                Wire.TaskChunk head = null;
                double[] params = null;
                Iterator<Wire.TaskChunk> chunks = ClientCalls.blockingServerStreamingCall(channel, FederationService.PULL_TASK,
                        options(30), new Wire.TaskRequest(Wire.PROTOCOL_VERSION, clientId, run.runId()));
                while (chunks.hasNext()) {
                    Wire.TaskChunk c = chunks.next();
                    if (head == null) {
                        head = c;
                        params = new double[c.parameterCount()];
                    }
                    Preconditions.checkArgument(c.offset() + c.parameters().length <= params.length,
                            "the server sent a parameter chunk past the model's end");
                    System.arraycopy(c.parameters(), 0, params, c.offset(), c.parameters().length);
                }
                lastContact = System.nanoTime();
                backoffMs = 100;
                if (head == null || head.status() == Wire.TaskStatus.WAIT) {
                    continue;
                }
                if (head.status() == Wire.TaskStatus.DONE) {
                    log.printf(Locale.ROOT, "rai4j fl client %d: run finished; %d updates accepted%n", clientId, pushed);
                    log.flush();
                    return pushed;
                }
                FitInstructions ins = new FitInstructions(head.round(), params, head.epochs(), head.batchSize(), head.learningRate(),
                        head.proximalMu(), head.seed(), new double[0], new double[0], head.evaluateFirst());
                log.printf(Locale.ROOT, "rai4j fl client %d: round %d: training %d epochs%n", clientId, head.round(), head.epochs());
                log.flush();
                ClientUpdate u = client.fit(ins);
                Wire.PushReply reply = push(channel, head, u);
                if (reply.accepted()) {
                    pushed++;
                }
                log.printf(Locale.ROOT, "rai4j fl client %d: round %d: update %s%n", clientId, head.round(),
                        reply.accepted() ? "accepted" : "refused: " + reply.message());
                log.flush();
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.CANCELLED
                        && code != Status.Code.UNKNOWN) {
                    throw new IllegalStateException("the server refused client " + clientId + ": " + e.getStatus().getDescription(), e);
                }
                if (System.nanoTime() - lastContact > giveUpAfter.toNanos()) {
                    throw new IllegalStateException("no contact with the server at " + host + ":" + port + " for "
                            + giveUpAfter.toSeconds() + " s (" + code + "); giving up", e);
                }
                run = null; // the server may have restarted: join again
                sleep(backoffMs);
                backoffMs = Math.min(2000, backoffMs * 2);
            }
        }
    }

    private static CallOptions options(int seconds) {
        return CallOptions.DEFAULT.withDeadlineAfter(seconds, TimeUnit.SECONDS);
    }

    /** Streams the update in chunks and waits for the server's answer. */
    private Wire.PushReply push(ManagedChannel channel, Wire.TaskChunk task, ClientUpdate u) {
        CompletableFuture<Wire.PushReply> answer = new CompletableFuture<>();
        ClientCall<Wire.UpdateChunk, Wire.PushReply> call = channel.newCall(FederationService.PUSH_UPDATE, options(120));
        StreamObserver<Wire.UpdateChunk> out = ClientCalls.asyncClientStreamingCall(call, new StreamObserver<>() {
            @Override
            public void onNext(Wire.PushReply r) {
                answer.complete(r);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                answer.complete(new Wire.PushReply(false, "no answer"));
            }
        });
        double[] d = u.delta();
        int offset = 0;
        do {
            int len = Math.min(Wire.CHUNK_DOUBLES, d.length - offset);
            out.onNext(new Wire.UpdateChunk(Wire.PROTOCOL_VERSION, clientId, task.round(), task.taskId(), u.examples(), u.meanLoss(),
                    u.epochs(), u.lossBefore(), d.length, offset, java.util.Arrays.copyOfRange(d, offset, offset + len)));
            offset += len;
        } while (offset < d.length);
        out.onCompleted();
        try {
            return answer.get(130, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw Status.DEADLINE_EXCEEDED.withDescription("no answer to the update").asRuntimeException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
