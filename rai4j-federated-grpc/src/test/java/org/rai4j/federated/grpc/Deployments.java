package org.rai4j.federated.grpc;

import org.rai4j.federated.Client;
import org.rai4j.federated.ClientSelector;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.FederatedDatasets;
import org.rai4j.federated.LocalClient;
import org.rai4j.federated.ModelSpec;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.Strategy;
import org.rai4j.federated.Synthetic;
import org.rai4j.federated.SystemModel;
import org.rai4j.learn.Examples;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The deployment tests' shared run and child-process plumbing. {@link #main} is the child JVM's entry:
 * {@code client HOST PORT ID CLIENTS_PER_ROUND [ca=FILE] [hang]} or
 * {@code server PORT CLIENTS_PER_ROUND CHECKPOINT OUT_FILE}; both use {@link #config}.
 */
final class Deployments {
    static final String DATASET = "synthetic:1,1";
    static final int CLIENTS = 4;
    static final long SEED = 7;
    static final int ROUNDS = 4;

    private Deployments() {}

    static FederatedData data() {
        return FederatedDatasets.synthetic(DATASET, CLIENTS, SEED);
    }

    /** FedProx μ = 1, a third of each round's clients stragglers, E = 2, B = 10, η = 0.01. */
    static SimulationConfig config(int clientsPerRound, int rounds) {
        return new SimulationConfig(DATASET, ModelSpec.softmax(Synthetic.DIMENSION, Synthetic.CLASSES), new Strategy.FedProx(1),
                new ClientSelector.Uniform(), clientsPerRound, rounds, 2, 10, 0.01, 0.34, SystemModel.IDEAL, 1, SEED);
    }

    /** Client {@code id} of {@link #data()} talking to HOST:PORT (as `rai4j fl client` does). */
    static RemoteClient client(String host, int port, int id, Path ca, boolean hang) {
        Examples train = data().load(id, 0).train();
        return new RemoteClient(host, port, ca, id, train.size(), spec -> {
            Client c = new LocalClient(id, train, spec);
            if (!hang) {
                return c;
            }
            return new Client() {
                @Override
                public int id() {
                    return id;
                }

                @Override
                public org.rai4j.federated.ClientUpdate fit(org.rai4j.federated.FitInstructions ins) {
                    System.out.println("HANGING in round " + ins.round());
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("interrupted");
                }
            };
        }, Duration.ofSeconds(120), System.out);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("client")) {
            Path ca = null;
            boolean hang = false;
            for (int i = 4; i < args.length; i++) {
                if (args[i].startsWith("ca=")) {
                    ca = Path.of(args[i].substring(3));
                } else if (args[i].equals("hang")) {
                    hang = true;
                }
            }
            client(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), ca, hang).run();
            System.exit(0);
        }
        // server PORT K CHECKPOINT OUT
        ServerOptions opts = ServerOptions.loopback(CLIENTS).withPort(Integer.parseInt(args[1])).withCheckpoint(Path.of(args[3]));
        try (FederatedServer server = FederatedServer.start(data(), config(Integer.parseInt(args[2]), ROUNDS), opts, System.out)) {
            double[] p = server.run(null).parameters();
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[4])))) {
                out.writeInt(p.length);
                for (double d : p) {
                    out.writeLong(Double.doubleToRawLongBits(d));
                }
            }
        }
        System.exit(0);
    }

    /** A child JVM running {@link #main} whose output lines are collected. */
    static final class Child implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = Collections.synchronizedList(new ArrayList<>());

        Child(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Deployments.class.getName()));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        all.add(line);
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process died
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits (up to two minutes: the machine may be loaded) for a line containing {@code text}; returns it. */
        String await(String text) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < until) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.contains(text)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line containing '" + text + "' from the child; its output:\n" + String.join("\n", all));
        }

        int exit() throws InterruptedException {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish; its output:\n" + String.join("\n", all));
            }
            return process.exitValue();
        }

        String output() {
            return String.join("\n", all);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
