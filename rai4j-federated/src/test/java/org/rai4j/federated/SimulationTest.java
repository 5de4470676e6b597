package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulationTest {
    private static final FederatedData DATA = Synthetic.generate(1, 1, 3);

    private static SimulationConfig small(Strategy s, double drop, int rounds) {
        return SimulationConfig.fedProxPaper("synthetic:1,1", s, drop, 3).withRounds(rounds);
    }

    private static SimulationConfig cheap(Strategy s, int rounds, int epochs) {
        return new SimulationConfig("synthetic:1,1", ModelSpec.softmax(60, 10), s, new ClientSelector.Uniform(), 10, rounds,
                epochs, 10, 0.01, 0, SystemModel.IDEAL, 1, 3);
    }

    @Test
    void run_anyThreadCount_bitIdenticalParametersAndRounds() {
        SimulationConfig c = cheap(new Strategy.FedProx(1), 4, 2);
        SimulationResult one = Simulation.run(DATA, c, 1, null);
        SimulationResult three = Simulation.run(DATA, c, 3, null);
        SimulationResult again = Simulation.run(DATA, c, 2, null);
        assertThat(three.parameters()).isEqualTo(one.parameters());
        assertThat(again.parameters()).isEqualTo(one.parameters());
        assertThat(three.rounds()).isEqualTo(one.rounds());
        assertThat(one.rounds()).hasSize(4);
        assertThat(one.rounds().get(0).round()).isEqualTo(1);
    }

    /** All clients every round: FedAvg's aggregate is Σ (n_k/N) w_k, computed here independently from each client's fit. */
    @Test
    void fedAvg_fullParticipation_equalsExampleWeightedMeanOfLocalModels() {
        List<ClientData> three = new ArrayList<>(DATA.clients().subList(0, 3));
        FederatedData data = new FederatedData(three);
        SimulationConfig c = new SimulationConfig("t", ModelSpec.softmax(60, 10), new Strategy.FedAvg(), new ClientSelector.Uniform(),
                3, 1, 2, 10, 0.01, 0, SystemModel.IDEAL, 1, 9);
        SimulationResult r = Simulation.run(data, c, 2, null);
        double[] expected = new double[610];
        double total = 0;
        for (ClientData cd : three) {
            total += cd.train().size();
        }
        for (ClientData cd : three) {
            long seed = org.rai4j.core.Seeds.derive(org.rai4j.core.Seeds.derive(org.rai4j.core.Seeds.derive(9, 12), 1), cd.id());
            ClientUpdate u = new LocalClient(cd.id(), cd.train(), c.model()).fit(new FitInstructions(1, new double[610], 2, 10, 0.01, 0, seed));
            double[] d = u.delta();
            for (int p = 0; p < 610; p++) {
                expected[p] += cd.train().size() / total * d[p];
            }
        }
        double[] got = r.parameters();
        for (int p = 0; p < 610; p++) {
            assertThat(got[p]).isCloseTo(expected[p], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /** One PGD step on one example, against the softmax-regression gradient written out by hand. */
    @Test
    void localClient_oneStep_matchesHandWrittenProximalGradientStep() {
        double[][] x = {{1.0, -2.0}};
        int[] y = {1};
        DenseExamples ex = DenseExamples.of(x, y, 3);
        LocalClient client = new LocalClient(0, ex, ModelSpec.softmax(2, 3));
        // parameters: W (3 x 2, row-major by output) then b (3)
        double[] w0 = {0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.01, 0.02, 0.03};
        double eta = 0.5;
        double mu = 0.7;
        ClientUpdate u = client.fit(new FitInstructions(1, w0, 1, 1, eta, mu, 1));
        double[] z = new double[3];
        for (int o = 0; o < 3; o++) {
            z[o] = w0[6 + o] + w0[o * 2] * 1.0 + w0[o * 2 + 1] * -2.0;
        }
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double s = 0;
        double[] p = new double[3];
        for (int o = 0; o < 3; o++) {
            p[o] = Math.exp(z[o] - max);
            s += p[o];
        }
        double[] expectedDelta = new double[9];
        for (int o = 0; o < 3; o++) {
            double g = p[o] / s - (o == 1 ? 1 : 0);
            // at the first step w = x_t, so the proximal term μ(w − x_t) is 0
            expectedDelta[o * 2] = -eta * g * 1.0;
            expectedDelta[o * 2 + 1] = -eta * g * -2.0;
            expectedDelta[6 + o] = -eta * g;
        }
        double[] d = u.delta();
        for (int i = 0; i < 9; i++) {
            assertThat(d[i]).isCloseTo(expectedDelta[i], org.assertj.core.data.Offset.offset(1e-14));
        }
        assertThat(u.examples()).isEqualTo(1);
    }

    /** The proximal term pulls towards x_t: with η = 1/μ and a zero-gradient direction, a second step returns to x_t. */
    @Test
    void localClient_proximalTerm_isSquaredNormGradient() {
        // Two identical examples, two steps of batch 1. Step 2 applies −ημ(w₁ − x_t) = −ημΔ₁ plus the gradient at w₁.
        double[][] x = {{0.0}, {0.0}};
        int[] y = {0, 0};
        DenseExamples ex = DenseExamples.of(x, y, 2);
        double[] w0 = {0, 0, 0, 0};
        double eta = 0.1;
        double mu = 2.0;
        ClientUpdate noProx = new LocalClient(0, ex, ModelSpec.softmax(1, 2)).fit(new FitInstructions(1, w0, 1, 1, eta, 0, 5));
        ClientUpdate prox = new LocalClient(0, ex, ModelSpec.softmax(1, 2)).fit(new FitInstructions(1, w0, 1, 1, eta, mu, 5));
        // bias gradient of class 0 at b: p0 − 1 with p0 = e^{b0}/(e^{b0}+e^{b1}); compute both paths by hand
        double b0 = 0;
        double b1 = 0;
        double[] bn = {0, 0};
        double[] bp = {0, 0};
        for (int step = 0; step < 2; step++) {
            double g0 = sigma(bn[0] - bn[1]) - 1;
            bn = new double[] {bn[0] - eta * g0, bn[1] + eta * g0};
            double h0 = sigma(bp[0] - bp[1]) - 1;
            bp = new double[] {bp[0] - eta * (h0 + mu * (bp[0] - b0)), bp[1] - eta * (-h0 + mu * (bp[1] - b1))};
        }
        assertThat(noProx.delta()[2]).isCloseTo(bn[0], org.assertj.core.data.Offset.offset(1e-14));
        assertThat(prox.delta()[2]).isCloseTo(bp[0], org.assertj.core.data.Offset.offset(1e-14));
        assertThat(prox.delta()[3]).isCloseTo(bp[1], org.assertj.core.data.Offset.offset(1e-14));
    }

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void fedAvgM_unitRateNoMomentum_isExactlyFedAvg() {
        SimulationResult avg = Simulation.run(DATA, cheap(new Strategy.FedAvg(), 3, 1), 2, null);
        SimulationResult m = Simulation.run(DATA, cheap(new Strategy.FedAvgM(1, 0), 3, 1), 2, null);
        assertThat(m.parameters()).isEqualTo(avg.parameters());
    }

    @Test
    void fedProx_muZeroNoStragglers_isExactlyFedAvg() {
        SimulationResult avg = Simulation.run(DATA, cheap(new Strategy.FedAvg(), 3, 1), 2, null);
        SimulationResult prox = Simulation.run(DATA, cheap(new Strategy.FedProx(0), 3, 1), 2, null);
        assertThat(prox.parameters()).isEqualTo(avg.parameters());
    }

    /** FedProx protocol with 90 % stragglers: FedAvg aggregates round(10·0.1) = 1 client, FedProx all 10. */
    @Test
    void dropPercent_fedAvgDropsStragglers_fedProxKeepsPartialWork() {
        SimulationConfig c = small(new Strategy.FedAvg(), 0.9, 2);
        SimulationResult avg = Simulation.run(DATA, new SimulationConfig(c.dataset(), c.model(), c.strategy(), c.selector(), 10, 2, 2, 10,
                0.01, 0.9, SystemModel.IDEAL, 1, 3), 2, null);
        SimulationResult prox = Simulation.run(DATA, new SimulationConfig(c.dataset(), c.model(), new Strategy.FedProx(0), c.selector(), 10, 2, 2,
                10, 0.01, 0.9, SystemModel.IDEAL, 1, 3), 2, null);
        for (RoundResult r : avg.rounds()) {
            assertThat(r.selected()).isEqualTo(10);
            assertThat(r.aggregated()).isEqualTo(1);
        }
        for (RoundResult r : prox.rounds()) {
            assertThat(r.aggregated()).isEqualTo(10);
        }
    }

    /** Virtual clock: availability 0.5 drops about half; a deadline shorter than any epoch drops everyone (model unchanged). */
    @Test
    void systemModel_dropOutsAndDeadline() {
        SimulationConfig base = cheap(new Strategy.FedProx(0), 20, 1);
        SimulationConfig flaky = new SimulationConfig("t", base.model(), base.strategy(), base.selector(), 10, 20, 1, 10, 0.01, 0,
                new SystemModel(0.5, 0, 1000, Double.POSITIVE_INFINITY), 20, 3);
        int aggregated = 0;
        for (RoundResult r : Simulation.run(DATA, flaky, 2, null).rounds()) {
            aggregated += r.aggregated();
        }
        // Binomial(200, 0.5): mean 100, sd 7.1; [65, 135] is ±4.9 sd
        assertThat(aggregated).isBetween(65, 135);
        SimulationConfig impossible = new SimulationConfig("t", base.model(), base.strategy(), base.selector(), 10, 2, 1, 10, 0.01, 0,
                new SystemModel(1, 0, 1000, 1e-6), 1, 3);
        SimulationResult r = Simulation.run(DATA, impossible, 2, null);
        assertThat(r.rounds().get(0).aggregated()).isZero();
        assertThat(r.parameters()).containsOnly(0.0);
        assertThat(r.rounds().get(0).virtualSeconds()).isEqualTo(1e-6);
    }

    @Test
    void run_mismatchedModel_rejectedWithMessage() {
        SimulationConfig c = new SimulationConfig("t", ModelSpec.softmax(5, 10), new Strategy.FedAvg(), new ClientSelector.Uniform(),
                10, 1, 1, 10, 0.01, 0, SystemModel.IDEAL, 1, 3);
        assertThatThrownBy(() -> Simulation.run(DATA, c, 1, null)).hasMessageContaining("60 features");
    }
}
