package org.rai4j.federated.grpc;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.federated.ClientSelector;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.LocalClient;
import org.rai4j.federated.ModelSpec;
import org.rai4j.federated.Simulation;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;
import org.rai4j.federated.Strategy;
import org.rai4j.federated.Synthetic;
import org.rai4j.federated.SystemModel;
import org.rai4j.learn.Examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire (in one JVM, over real loopback sockets): messages round-trip through their proto3 encoding; a
 * model of 5 MiB (over gRPC's 4 MiB default message size) travels in chunks and the run equals the simulation;
 * TLS with a self-signed certificate works and a client without the certificate is refused; a request of
 * another protocol version is refused with a message naming both versions.
 */
class TransportTest {
    @Test
    void taskAndUpdateChunks_roundTripThroughTheirEncoding() throws Exception {
        Wire.TaskChunk t = new Wire.TaskChunk(1, Wire.TaskStatus.TASK, 3, "x-3-2", 20, 10, 0.01, 1.0, -42L, true, 7, 2,
                new double[] {1.5, Double.NaN, -0.0, Double.MIN_VALUE});
        Wire.TaskChunk back = Wire.decodeTaskChunk(com.google.protobuf.CodedInputStream.newInstance(Wire.encode(t)));
        assertThat(back.parameters()).containsExactly(t.parameters());
        assertThat(Wire.encode(back)).isEqualTo(Wire.encode(t));
        assertThat(back.seed()).isEqualTo(-42L);
        Wire.JoinReply j = new Wire.JoinReply(1, "run", 60, 10, new int[] {300, 5}, 30, 200, 0);
        Wire.JoinReply jb = Wire.decodeJoinReply(com.google.protobuf.CodedInputStream.newInstance(Wire.encode(j)));
        assertThat(jb.hidden()).containsExactly(300, 5);
        assertThat(Wire.encode(jb)).isEqualTo(Wire.encode(j));
        // unknown fields (a newer peer) are skipped: append field 99 (varint 0) to an update chunk
        Wire.UpdateChunk u = new Wire.UpdateChunk(1, 4, 2, "t", 50, 0.5, 20, Double.NaN, 3, 0, new double[] {1, 2, 3});
        byte[] plus = concat(Wire.encode(u), new byte[] {(byte) 0x98, 0x06, 0});
        Wire.UpdateChunk ub = Wire.decodeUpdateChunk(com.google.protobuf.CodedInputStream.newInstance(plus));
        assertThat(Wire.encode(ub)).isEqualTo(Wire.encode(u));
        assertThat(ub.lossBefore()).isNaN();
    }

    @Test
    void modelOverTheDefaultMessageSize_travelsInChunks_andEqualsTheSimulation() {
        FederatedData data = Deployments.data();
        // 60 → 9000 → 10: 639,010 parameters = 5.1 MB of doubles per transfer
        SimulationConfig config = new SimulationConfig(Deployments.DATASET, new ModelSpec(Synthetic.DIMENSION, Synthetic.CLASSES,
                new int[] {9000}), new Strategy.FedAvg(), new ClientSelector.Uniform(), 2, 1, 1, 50, 0.01, 0, SystemModel.IDEAL, 1,
                Deployments.SEED);
        assertThat(8L * config.model().create(0).parameterCount()).isGreaterThan(4L << 20);
        SimulationResult simulated = Simulation.run(data, config, 1, null);
        SimulationResult deployed = deployInProcess(data, config, ServerOptions.loopback(Deployments.CLIENTS), null);
        assertThat(deployed.parameters()).containsExactly(simulated.parameters());
    }

    /** The embedding-bag text model over the wire: the join message carries its embedding width; same bits as simulated. */
    @Test
    void textModel_deployed_equalsTheSimulation() throws Exception {
        java.util.List<org.rai4j.federated.ClientData> clients = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int n = 30 + 10 * k;
            int[][] bags = new int[n][];
            int[] labels = new int[n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(100 + k);
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(3);
                bags[i] = new int[] {10 * labels[i] + r.nextInt(10), r.nextInt(50), r.nextInt(50)};
            }
            org.rai4j.learn.TokenExamples all = org.rai4j.learn.TokenExamples.of(bags, labels, 3, 50);
            int[] tr = java.util.stream.IntStream.range(0, n - 5).toArray();
            int[] te = java.util.stream.IntStream.range(n - 5, n).toArray();
            clients.add(new org.rai4j.federated.ClientData(k, all.select(tr), all.select(te)));
        }
        FederatedData data = new FederatedData(clients);
        SimulationConfig config = new SimulationConfig("text", ModelSpec.embeddingBag(50, 4, 3), new Strategy.FedProx(0.1),
                new ClientSelector.Uniform(), 2, 3, 2, 8, 0.3, 0, SystemModel.IDEAL, 1, 5);
        SimulationResult simulated = Simulation.run(data, config, 1, null);
        SimulationResult deployed = deployInProcess(data, config, ServerOptions.loopback(3), null);
        assertThat(deployed.parameters()).containsExactly(simulated.parameters());
        Wire.JoinReply j = new Wire.JoinReply(1, "run", 50, 3, new int[0], 3, 3, 4);
        assertThat(Wire.decodeJoinReply(com.google.protobuf.CodedInputStream.newInstance(Wire.encode(j))).embeddingDim()).isEqualTo(4);
    }

    @Test
    void tls_withTheServersCertificate_works(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        FederatedData data = Deployments.data();
        SimulationConfig config = Deployments.config(2, 1);
        SimulationResult deployed = deployInProcess(data, config,
                ServerOptions.loopback(Deployments.CLIENTS).withTls(cert.certificate(), cert.privateKey()), cert.certificate());
        assertThat(deployed.parameters()).containsExactly(Simulation.run(data, config, 1, null).parameters());
    }

    @Test
    void tls_plaintextClient_isRefused(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        try (FederatedServer server = FederatedServer.start(Deployments.data(), Deployments.config(2, 1),
                ServerOptions.loopback(0).withTls(cert.certificate(), cert.privateKey()), System.out)) {
            ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
            try {
                assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(ch, FederationService.JOIN,
                        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new Wire.JoinRequest(1, 0, 50)))
                        .isInstanceOf(StatusRuntimeException.class);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void anotherProtocolVersion_isRefusedNamingBothVersions() {
        try (FederatedServer server = FederatedServer.start(Deployments.data(), Deployments.config(2, 1), ServerOptions.loopback(0),
                System.out)) {
            ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
            try {
                assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(ch, FederationService.JOIN,
                        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new Wire.JoinRequest(2, 0, 50)))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                            assertThat(e.getStatus().getDescription()).contains("rai4j.fl.v2").contains("rai4j.fl.v1");
                        });
                // and a client whose data does not match the server's registry is told so
                assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(ch, FederationService.JOIN,
                        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new Wire.JoinRequest(1, 0, 51)))
                        .hasMessageContaining("same --dataset");
            } finally {
                ch.shutdownNow();
            }
        }
    }

    /** Server and one client thread per client, in this JVM, over loopback sockets. */
    static SimulationResult deployInProcess(FederatedData data, SimulationConfig config, ServerOptions opts, Path ca) {
        try (FederatedServer server = FederatedServer.start(data, config, opts, System.out)) {
            List<Thread> threads = new ArrayList<>();
            for (int id = 0; id < data.size(); id++) {
                int k = id;
                Examples train = data.load(k, 0).train();
                RemoteClient c = new RemoteClient("127.0.0.1", server.port(), ca, k, train.size(),
                        spec -> new LocalClient(k, train, spec), Duration.ofSeconds(60), System.out);
                Thread t = new Thread(c::run, "client-" + k);
                t.start();
                threads.add(t);
            }
            SimulationResult r = server.run(null);
            for (Thread t : threads) {
                t.join(TimeUnit.MINUTES.toMillis(2));
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
