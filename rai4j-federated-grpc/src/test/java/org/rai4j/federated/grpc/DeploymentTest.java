package org.rai4j.federated.grpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.RoundResult;
import org.rai4j.federated.Simulation;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;

import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployment mode end to end on loopback: a gRPC server and client PROCESSES (child JVMs). (1) All clients
 * answer: the deployed run reaches the simulation's final model bit for bit (same seed, same selection, same
 * stragglers, same instructions, aggregation in client-id order). (2) Over TLS with a self-signed certificate
 * made for the test, one client is killed with SIGKILL while it trains: its round closes at the deadline
 * without it and the run completes. (3) The server process is killed with SIGKILL after round 3 has closed and
 * restarted on the same port: it continues from its checkpoint, the clients re-join, and the final model
 * again equals the simulation's bit for bit.
 */
class DeploymentTest {
    @Test
    void fourClientProcesses_reachTheSimulationsFinalModelBitForBit() throws Exception {
        FederatedData data = Deployments.data();
        SimulationConfig config = Deployments.config(3, Deployments.ROUNDS);
        SimulationResult simulated = Simulation.run(data, config, 1, null);
        List<Deployments.Child> clients = new ArrayList<>();
        try (FederatedServer server = FederatedServer.start(data, config, ServerOptions.loopback(Deployments.CLIENTS), System.out)) {
            for (int id = 0; id < Deployments.CLIENTS; id++) {
                clients.add(new Deployments.Child("client", "127.0.0.1", Integer.toString(server.port()), Integer.toString(id)));
            }
            SimulationResult deployed = server.run(null);
            for (Deployments.Child c : clients) {
                assertThat(c.exit()).as(c.output()).isZero();
                assertThat(c.output()).contains("run finished");
            }
            assertThat(deployed.parameters()).containsExactly(simulated.parameters());
            assertThat(deployed.rounds()).isEqualTo(simulated.rounds());
            assertThat(deployed.finalMetrics()).isEqualTo(simulated.finalMetrics());
        } finally {
            clients.forEach(Deployments.Child::close);
        }
    }

    @Test
    void clientKilledMidRound_roundClosesAtTheDeadlineWithoutIt_overTls(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        FederatedData data = Deployments.data();
        int rounds = 2;
        SimulationConfig config = Deployments.config(Deployments.CLIENTS, rounds);
        ServerOptions opts = ServerOptions.loopback(Deployments.CLIENTS).withTls(cert.certificate(), cert.privateKey())
                .withRoundTimeout(Duration.ofSeconds(20));
        List<Deployments.Child> clients = new ArrayList<>();
        try (FederatedServer server = FederatedServer.start(data, config, opts, System.out)) {
            String port = Integer.toString(server.port());
            String ca = "ca=" + cert.certificate();
            for (int id = 0; id < Deployments.CLIENTS - 1; id++) {
                clients.add(new Deployments.Child("client", "127.0.0.1", port, Integer.toString(id), ca));
            }
            Deployments.Child victim = new Deployments.Child("client", "127.0.0.1", port, "3", ca, "hang");
            clients.add(victim);
            Thread killer = new Thread(() -> {
                try {
                    victim.await("HANGING in round 1");
                    victim.process.destroyForcibly(); // SIGKILL on Linux
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            SimulationResult deployed = server.run(null);
            killer.join();
            assertThat(victim.exit()).isNotZero();
            for (Deployments.Child c : clients.subList(0, Deployments.CLIENTS - 1)) {
                assertThat(c.exit()).as(c.output()).isZero();
            }
            assertThat(deployed.rounds()).hasSize(rounds);
            for (RoundResult r : deployed.rounds()) {
                // every client is selected every round; the killed one never answers
                assertThat(r.selected()).isEqualTo(Deployments.CLIENTS);
                assertThat(r.aggregated()).isEqualTo(Deployments.CLIENTS - 1);
            }
            assertThat(deployed.finalMetrics().testAccuracy()).isGreaterThan(deployed.finalMetrics().majorityClassAccuracy());
        } finally {
            clients.forEach(Deployments.Child::close);
        }
    }

    @Test
    void serverKilledAndRestarted_resumesFromItsCheckpoint_andReachesTheSimulationsModel(@TempDir Path dir) throws Exception {
        FederatedData data = Deployments.data();
        SimulationConfig config = Deployments.config(3, Deployments.ROUNDS);
        SimulationResult simulated = Simulation.run(data, config, 1, null);
        Path checkpoint = dir.resolve("server.ckpt");
        Path out = dir.resolve("final.bin");
        List<Deployments.Child> children = new ArrayList<>();
        try {
            Deployments.Child first = new Deployments.Child("server", "0", "3", checkpoint.toString(), out.toString());
            children.add(first);
            String listening = first.await("listening on 127.0.0.1:");
            String port = listening.replaceAll(".*listening on 127\\.0\\.0\\.1:(\\d+).*", "$1");
            for (int id = 0; id < Deployments.CLIENTS; id++) {
                children.add(new Deployments.Child("client", "127.0.0.1", port, Integer.toString(id)));
            }
            first.await("round 3:");
            first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the clients
            first.exit();
            assertThat(Simulation.checkpointRound(checkpoint)).isBetween(2, 3);
            Deployments.Child second = null;
            for (int attempt = 0; attempt < 20 && second == null; attempt++) {
                Deployments.Child s = new Deployments.Child("server", port, "3", checkpoint.toString(), out.toString());
                children.add(s);
                String line = s.await("rai4j fl server:");
                if (line.contains("cannot listen")) {
                    s.exit();
                    Thread.sleep(1000);
                } else {
                    second = s;
                }
            }
            assertThat(second).as("restarted server").isNotNull();
            second.await("resuming after round");
            assertThat(second.exit()).as(second.output()).isZero();
            for (Deployments.Child c : children.subList(1, 1 + Deployments.CLIENTS)) {
                assertThat(c.exit()).as(c.output()).isZero();
            }
            double[] deployed;
            try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
                deployed = new double[in.readInt()];
                for (int i = 0; i < deployed.length; i++) {
                    deployed[i] = Double.longBitsToDouble(in.readLong());
                }
            }
            assertThat(deployed).containsExactly(simulated.parameters());
        } finally {
            children.forEach(Deployments.Child::close);
        }
    }
}
