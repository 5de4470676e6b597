package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Seeds;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrategyTest {
    private static final FederatedData THREE = new FederatedData(Synthetic.generate(1, 1, 3).clients().subList(0, 3));

    private static SimulationConfig all3(Strategy s, int rounds) {
        return new SimulationConfig("t", ModelSpec.softmax(60, 10), s, new ClientSelector.Uniform(), 3, rounds, 1, 10, 0.01, 0,
                SystemModel.IDEAL, 1, 9);
    }

    private static double[] clientDelta(ClientData cd, int round, double[] x, double[] c, double[] ck, boolean qffl) {
        long seed = Seeds.derive(Seeds.derive(Seeds.derive(9, 12), round), cd.id());
        return new LocalClient(cd.id(), cd.train(), ModelSpec.softmax(60, 10))
                .fit(new FitInstructions(round, x, 1, 10, 0.01, 0, seed, c, ck, qffl)).delta();
    }

    /** Round 1 of SCAFFOLD has c = c_k = 0, so with η_g = 1 it is FedAvg's round bit for bit; round 2 differs. */
    @Test
    void scaffold_firstRoundIsFedAvg_thenControlVariatesAct() {
        SimulationResult avg1 = Simulation.run(THREE, all3(new Strategy.FedAvg(), 1), 2, null);
        SimulationResult sc1 = Simulation.run(THREE, all3(new Strategy.Scaffold(1), 1), 2, null);
        assertThat(sc1.parameters()).isEqualTo(avg1.parameters());
        SimulationResult avg2 = Simulation.run(THREE, all3(new Strategy.FedAvg(), 2), 2, null);
        SimulationResult sc2 = Simulation.run(THREE, all3(new Strategy.Scaffold(1), 2), 2, null);
        assertThat(sc2.parameters()).isNotEqualTo(avg2.parameters());
    }

    /** Round 2 of SCAFFOLD recomputed by hand: c = Σ_k Δc_k / N with Δc_k = −Δ_k/(Kη), c_k = Δc_k, then corrected steps. */
    @Test
    void scaffold_secondRound_matchesIndependentComputation() {
        List<ClientData> cs = THREE.clients();
        int p = 610;
        double[] x = new double[p];
        double total = 0;
        for (ClientData cd : cs) {
            total += cd.train().size();
        }
        double[] c = new double[p];
        double[][] ck = new double[3][p];
        double[] next = x.clone();
        for (int k = 0; k < 3; k++) {
            ClientData cd = cs.get(k);
            double[] d = clientDelta(cd, 1, x, new double[p], new double[p], false);
            int steps = (cd.train().size() + 9) / 10;
            for (int i = 0; i < p; i++) {
                next[i] += cd.train().size() / total * d[i];
                ck[k][i] = -d[i] / (steps * 0.01);
                c[i] += ck[k][i] / 3;
            }
        }
        double[] x2 = next.clone();
        for (int k = 0; k < 3; k++) {
            ClientData cd = cs.get(k);
            double[] d = clientDelta(cd, 2, next, c, ck[k], false);
            for (int i = 0; i < p; i++) {
                x2[i] += cd.train().size() / total * d[i];
            }
        }
        double[] got = Simulation.run(THREE, all3(new Strategy.Scaffold(1), 2), 2, null).parameters();
        for (int i = 0; i < p; i++) {
            assertThat(got[i]).isCloseTo(x2[i], within(1e-10));
        }
    }

    /** q = 0: h_k = L and Σ F^0 Δw_k / Σ L = −mean_k Δ_k, so q-FedAvg moves to the unweighted mean of the local models. */
    @Test
    void qFedAvg_qZero_isUnweightedMeanOfLocalModels() {
        double[] expected = new double[610];
        for (ClientData cd : THREE.clients()) {
            double[] d = clientDelta(cd, 1, new double[610], new double[0], new double[0], true);
            for (int i = 0; i < 610; i++) {
                expected[i] += d[i] / 3;
            }
        }
        double[] got = Simulation.run(THREE, all3(new Strategy.QFedAvg(0), 1), 2, null).parameters();
        for (int i = 0; i < 610; i++) {
            assertThat(got[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    /** q = 1 recomputed from the definition with each client's own F_k(x_t) (ln 10 at x = 0 for 10 classes). */
    @Test
    void qFedAvg_qOne_matchesDefinitionWithClientLosses() {
        double big = 100;
        double[] num = new double[610];
        double h = 0;
        for (ClientData cd : THREE.clients()) {
            double[] d = clientDelta(cd, 1, new double[610], new double[0], new double[0], true);
            double f = Math.log(10);
            double norm2 = 0;
            for (int i = 0; i < 610; i++) {
                double dw = -big * d[i];
                norm2 += dw * dw;
                num[i] += f * dw;
            }
            h += norm2 + big * f;
        }
        double[] got = Simulation.run(THREE, all3(new Strategy.QFedAvg(1), 1), 2, null).parameters();
        for (int i = 0; i < 610; i++) {
            assertThat(got[i]).isCloseTo(-num[i] / h, within(1e-12));
        }
    }

    /** One step of each FedOpt rule from the definition (Reddi et al. Alg. 2; v₋₁ = τ², m₋₁ = 0). */
    @Test
    void fedOpt_oneStep_matchesAlgorithmTwo() {
        double[] delta = {0.5, -0.2, 0.0};
        for (Strategy.FedOpt s : new Strategy.FedOpt[] {Strategy.FedOpt.adam(), Strategy.FedOpt.yogi(), Strategy.FedOpt.adagrad(),
                new Strategy.FedOpt(Strategy.Adaptivity.ADAM, 0.1, 0.9, 0.99, 1e-3, true)}) {
            double[] x = {1, 2, 3};
            ServerOptimizer opt = new ServerOptimizer(s, 3);
            opt.apply(x, delta);
            opt.apply(x, delta);
            double[] xe = {1, 2, 3};
            double[] m = new double[3];
            double[] v = {s.tau() * s.tau(), s.tau() * s.tau(), s.tau() * s.tau()};
            for (int t = 1; t <= 2; t++) {
                double eta = s.biasCorrection() ? s.eta() * Math.sqrt(1 - Math.pow(s.beta2(), t)) / (1 - Math.pow(s.beta1(), t)) : s.eta();
                for (int i = 0; i < 3; i++) {
                    double d = delta[i];
                    m[i] = s.beta1() * m[i] + (1 - s.beta1()) * d;
                    v[i] = switch (s.adaptivity()) {
                        case ADAGRAD -> v[i] + d * d;
                        case ADAM -> s.beta2() * v[i] + (1 - s.beta2()) * d * d;
                        case YOGI -> v[i] - (1 - s.beta2()) * d * d * Math.signum(v[i] - d * d);
                    };
                    xe[i] += eta * m[i] / (Math.sqrt(v[i]) + s.tau());
                }
            }
            assertThat(x).as(s.key()).containsExactly(xe, within(1e-15));
        }
        // FedAvgM: v₁ = g, v₂ = βv₁ + g; x ← x − η v
        double[] x = {0, 0, 0};
        ServerOptimizer m = new ServerOptimizer(new Strategy.FedAvgM(0.5, 0.9), 3);
        m.apply(x, delta);
        m.apply(x, delta);
        for (int i = 0; i < 3; i++) {
            double g = -delta[i];
            assertThat(x[i]).isCloseTo(-0.5 * g - 0.5 * (0.9 * g + g), within(1e-15));
        }
    }
}
