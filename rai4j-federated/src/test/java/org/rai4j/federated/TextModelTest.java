package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Seeds;
import org.rai4j.learn.BackwardPass;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.TokenExamples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedding-bag text model trained federatedly ({@link ModelSpec#embeddingBag}). */
class TextModelTest {
    private static final int VOCABULARY = 200;
    private static final int CLASSES = 4;

    /**
     * Seeded token bags: class c owns tokens 10c … 10c+9; an example holds 3 of its class's tokens and 5 noise tokens
     * from the whole vocabulary. Client k draws its labels with probability 0.7 from class k mod 4 (label skew) and
     * holds 20 + 7k examples; a tenth of each client's examples are its test set.
     */
    static FederatedData textClients(int clients, long seed) {
        List<ClientData> out = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            SplittableRandom r = Seeds.stream(seed, k);
            int n = 20 + 7 * k;
            int[][] bags = new int[n][];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                int c = r.nextDouble() < 0.7 ? k % CLASSES : r.nextInt(CLASSES);
                labels[i] = c;
                bags[i] = new int[8];
                for (int t = 0; t < 3; t++) {
                    bags[i][t] = 10 * c + r.nextInt(10);
                }
                for (int t = 3; t < 8; t++) {
                    bags[i][t] = r.nextInt(VOCABULARY);
                }
            }
            TokenExamples all = TokenExamples.of(bags, labels, CLASSES, VOCABULARY);
            int train = (int) (0.9 * n);
            int[] tr = new int[train];
            int[] te = new int[n - train];
            Arrays.setAll(tr, i -> i);
            Arrays.setAll(te, i -> train + i);
            out.add(new ClientData(k, all.select(tr), all.select(te)));
        }
        return new FederatedData(out);
    }

    private static SimulationConfig config(int clientsPerRound, int rounds, int epochs, int batch, double eta, Strategy s, long seed) {
        return new SimulationConfig("text", ModelSpec.embeddingBag(VOCABULARY, 8, CLASSES), s, new ClientSelector.Uniform(),
                clientsPerRound, rounds, epochs, batch, eta, 0, SystemModel.IDEAL, 1, seed);
    }

    /** Centralised full-batch gradient descent θ ← θ − η·(1/N)·Σ_i ∇ℓ_i on {@code data}, from {@code start}. */
    private static double[] centralGradientDescent(double[] start, TokenExamples data, double eta, int steps) {
        GradientModel<TokenExamples> m = EmbeddingBagClassifier.create(VOCABULARY, 8, CLASSES, 0);
        System.arraycopy(start, 0, m.parameters(), 0, start.length);
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        double[] ones = new double[all.length];
        Arrays.fill(ones, 1.0);
        for (int s = 0; s < steps; s++) {
            BackwardPass pass = m.backward(data, all);
            pass.accumulateGradient(ones, -eta / all.length, m.parameters());
        }
        return m.parameters().clone();
    }

    private static double[] initial(SimulationConfig c) {
        return c.model().create(Seeds.derive(c.seed(), Simulation.MODEL)).parameters().clone();
    }

    private static void assertClose(double[] got, double[] want, double tolerance) {
        assertThat(got).hasSameSizeAs(want);
        double worst = 0;
        for (int p = 0; p < got.length; p++) {
            worst = Math.max(worst, Math.abs(got[p] - want[p]));
        }
        assertThat(worst).as("largest coordinate difference").isLessThanOrEqualTo(tolerance);
    }

    /**
     * FedSGD: every client every round, one local epoch with the whole local set as one batch. FedAvg's
     * n-weighted mean of the local steps is then exactly one full-batch gradient step on the union of the clients'
     * training data, so R rounds equal R centralised steps — up to floating-point summation order. Tolerance 1e-12:
     * the parameters stay O(1) and each step adds ~10^3 rounded terms of size ≤ η, so differences are ~1e-14.
     */
    @Test
    void fedAvg_allClientsOneFullBatchEpoch_equalsCentralisedGradientDescent() {
        FederatedData data = textClients(6, 3);
        SimulationConfig c = config(6, 5, 1, 1000, 0.3, new Strategy.FedAvg(), 4);
        SimulationResult r = Simulation.run(data, c, 2, null);
        double[] want = centralGradientDescent(initial(c), (TokenExamples) data.evaluationTrain(0), 0.3, 5);
        assertClose(r.parameters(), want, 1e-12);
        // the tolerance separates it from a deliberately wrong aggregation: clients' mean gradients averaged unweighted
        GradientModel<TokenExamples> m = EmbeddingBagClassifier.create(VOCABULARY, 8, CLASSES, 0);
        System.arraycopy(initial(c), 0, m.parameters(), 0, want.length);
        for (int s = 0; s < 5; s++) {
            double[] next = m.parameters().clone();
            for (ClientData cd : data.clients()) {
                TokenExamples tr = (TokenExamples) cd.train();
                int[] all = new int[tr.size()];
                Arrays.setAll(all, i -> i);
                double[] ones = new double[all.length];
                Arrays.fill(ones, 1.0);
                m.backward(tr, all).accumulateGradient(ones, -0.3 / all.length / data.size(), next);
            }
            System.arraycopy(next, 0, m.parameters(), 0, next.length);
        }
        double worst = 0;
        for (int p = 0; p < want.length; p++) {
            worst = Math.max(worst, Math.abs(m.parameters()[p] - r.parameters()[p]));
        }
        assertThat(worst).isGreaterThan(1e-4);
    }

    /** One client, full participation, E full-batch epochs in one round: E centralised gradient steps on its data. */
    @Test
    void oneClient_severalEpochs_equalsCentralisedTraining() {
        ClientData third = textClients(3, 8).clients().get(2);
        FederatedData data = new FederatedData(List.of(new ClientData(0, third.train(), third.test())));
        SimulationConfig c = config(1, 1, 7, 1000, 0.5, new Strategy.FedAvg(), 2);
        SimulationResult r = Simulation.run(data, c, 1, null);
        double[] want = centralGradientDescent(initial(c), (TokenExamples) data.clients().get(0).train(), 0.5, 7);
        assertClose(r.parameters(), want, 1e-12);
    }

    @Test
    void run_anyThreadCount_bitIdentical() {
        FederatedData data = textClients(12, 5);
        SimulationConfig c = config(5, 6, 2, 8, 0.5, new Strategy.FedProx(0.1), 7);
        SimulationResult one = Simulation.run(data, c, 1, null);
        SimulationResult three = Simulation.run(data, c, 3, null);
        assertThat(three.parameters()).isEqualTo(one.parameters());
        assertThat(three.rounds()).isEqualTo(one.rounds());
        assertThat(Simulation.run(data, c, 2, null).parameters()).isEqualTo(one.parameters());
    }

    /**
     * A short non-IID run learns: test accuracy well above the majority-class rate (about 0.3 here). The data are
     * seeded, so this is one deterministic outcome, not a statistical claim; an untrained model (η tiny) stays near
     * chance, which shows the threshold is not met for free.
     */
    @Test
    void run_labelSkewedClients_learnsWellAboveMajorityRate() {
        FederatedData data = textClients(12, 11);
        SimulationResult r = Simulation.run(data, config(4, 30, 2, 8, 0.5, new Strategy.FedAvg(), 1), 2, null);
        double majority = r.finalMetrics().majorityClassAccuracy();
        assertThat(majority).isBetween(0.2, 0.45);
        assertThat(r.finalMetrics().testAccuracy()).isGreaterThan(majority + 0.3);
        SimulationResult frozen = Simulation.run(data, config(4, 30, 2, 8, 1e-6, new Strategy.FedAvg(), 1), 2, null);
        assertThat(frozen.finalMetrics().testAccuracy()).isLessThan(majority + 0.2);
    }

    @Test
    void run_denseModelOnTokenBags_refusedWithWhatEachReads() {
        FederatedData data = textClients(3, 1);
        SimulationConfig dense = new SimulationConfig("text", ModelSpec.softmax(VOCABULARY, CLASSES), new Strategy.FedAvg(),
                new ClientSelector.Uniform(), 2, 1, 1, 8, 0.1, 0, SystemModel.IDEAL, 1, 1);
        assertThatThrownBy(() -> Simulation.run(data, dense, 1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the data are token bags").hasMessageContaining("reads dense rows");
        assertThatThrownBy(() -> new ModelSpec(10, 2, new int[] {4}, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no hidden layers");
    }

    @Test
    void loadText_hashesWordsAndPartitionsByDevice() throws Exception {
        Path dir = Files.createTempDirectory("fl-text");
        Path csv = dir.resolve("intents.csv");
        StringBuilder sb = new StringBuilder("device,utterance,intent\n");
        for (int i = 0; i < 40; i++) {
            sb.append("d").append(i % 4).append(',').append(i % 2 == 0 ? "play some jazz" : "what is the weather").append(' ').append(i)
                    .append(',').append(i % 2 == 0 ? "music" : "weather").append('\n');
        }
        Files.writeString(csv, sb.toString());
        FederatedData d = CsvFederatedData.loadText(csv, "intent", "utterance", 64, "natural:device", 0, 1);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.features()).isEqualTo(64);
        assertThat(d.classes()).isEqualTo(2);
        int rows = 0;
        for (ClientData c : d.clients()) {
            TokenExamples tr = (TokenExamples) c.train();
            rows += tr.size() + c.test().size();
            for (int i = 0; i < tr.size(); i++) {
                int[] want = TokenExamples.hashTokens(tr.label(i) == 0 ? "play some jazz" : "what is the weather", 64);
                assertThat(Arrays.copyOf(tr.bag(i), want.length)).isEqualTo(want); // music < weather: 0, 1
                assertThat(tr.bag(i)).hasSize(want.length + 1); // and the number
            }
        }
        assertThat(rows).isEqualTo(40);
    }

    @Test
    void loadText_missingTextAndLabel_reportedWithFileLineAndColumn() throws Exception {
        Path dir = Files.createTempDirectory("fl-text");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "utterance,intent\nplay jazz,music\n,weather\nturn on,\nhi,music\n");
        assertThatThrownBy(() -> CsvFederatedData.loadText(csv, "intent", "utterance", 16, "iid", 2, 1))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv:3: column 'utterance': missing text")
                .hasMessageContaining("bad.csv:4: column 'intent': missing label");
        assertThatThrownBy(() -> CsvFederatedData.loadText(csv, "intent", "text", 16, "iid", 2, 1))
                .isInstanceOf(DataFileException.class).hasMessageContaining("'text'");
    }

    @Test
    void examplesKind_isCheckedWhereClientsAreBuilt() {
        TokenExamples t = TokenExamples.of(new int[][] {{1}}, new int[] {0}, 2, 5);
        Examples dense = org.rai4j.learn.DenseExamples.of(new double[][] {{1.0}}, new int[] {0}, 2);
        assertThatThrownBy(() -> new ClientData(0, t, dense)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different kinds");
        assertThatThrownBy(() -> new LocalClient(0, t, ModelSpec.softmax(5, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token bags");
    }
}
