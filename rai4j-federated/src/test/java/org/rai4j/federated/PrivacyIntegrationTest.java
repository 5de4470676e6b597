package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Seeds;
import org.rai4j.privacy.Rdp;
import org.rai4j.privacy.RdpOrders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrivacyIntegrationTest {
    private static final FederatedData DATA = Synthetic.generate(1, 1, 3);

    private static SimulationConfig poisson(double q, int rounds, Strategy s) {
        return new SimulationConfig("synthetic:1,1", ModelSpec.softmax(60, 10), s, new ClientSelector.Poisson(q), 10, rounds, 1, 10,
                0.01, 0, SystemModel.IDEAL, 1, 5);
    }

    /** ε reported equals the RDP accountant's for the same (q, σ, rounds), recomputed from the per-order RDP values. */
    @Test
    void dpFedAvg_epsilonEqualsRdpAccountant() {
        SimulationConfig c = poisson(0.3, 3, new Strategy.FedAvg()).withPrivacy(new DpConfig(0.5, 1.1, 1e-5), false);
        SimulationResult r = Simulation.run(DATA, c, 2, null);
        double[] orders = RdpOrders.OPACUS_DEFAULT.orders();
        double[] rdp = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            rdp[i] = 3 * Rdp.rdp(0.3, 1.1, orders[i]);
        }
        assertThat(r.epsilon()).isEqualTo(Rdp.epsilon(orders, rdp, 1e-5).epsilon());
        assertThat(r.delta()).isEqualTo(1e-5);
        assertThat(r.epsilon()).isPositive().isFinite();
    }

    /** q = 1, z = 0, no clipping in effect: DP-FedAvg's fixed-denominator estimate is Σ_k Δ_k / N (uniform weights). */
    @Test
    void dpFedAvg_noNoiseNoClip_isUniformMeanOverFixedDenominator() {
        FederatedData three = new FederatedData(DATA.clients().subList(0, 3));
        SimulationConfig c = poisson(1.0, 1, new Strategy.FedAvg()).withPrivacy(new DpConfig(1e9, 0, 1e-5), false);
        double[] got = Simulation.run(three, c, 2, null).parameters();
        double[] expected = new double[610];
        for (ClientData cd : three.clients()) {
            long seed = Seeds.derive(Seeds.derive(Seeds.derive(5, 12), 1), cd.id());
            double[] d = new LocalClient(cd.id(), cd.train(), c.model()).fit(new FitInstructions(1, new double[610], 1, 10, 0.01, 0, seed)).delta();
            for (int i = 0; i < 610; i++) {
                expected[i] += d[i] / 3;
            }
        }
        assertThat(got).containsExactly(expected, within(1e-12));
    }

    /**
     * Noise: the difference between z = 2 and z = 0 after one round is N(0, (zS/(qN))²) per coordinate. With 610
     * coordinates the sample variance / σ² has sd √(2/609) = 0.057; the band [0.75, 1.25] is ±4.4 sd (false failure
     * ≈ 1e-5). Clipping to S = 0.01 makes every update's norm exactly S (checked through the bound on the mean).
     */
    @Test
    void dpFedAvg_noiseHasCalibratedScale_andClippingBoundsTheUpdate() {
        FederatedData three = new FederatedData(DATA.clients().subList(0, 3));
        double s = 0.01;
        SimulationConfig quiet = poisson(1.0, 1, new Strategy.FedAvg()).withPrivacy(new DpConfig(s, 0, 1e-5), false);
        SimulationConfig noisy = poisson(1.0, 1, new Strategy.FedAvg()).withPrivacy(new DpConfig(s, 2, 1e-5), false);
        double[] a = Simulation.run(three, quiet, 1, null).parameters();
        double[] b = Simulation.run(three, noisy, 1, null).parameters();
        double norm = 0;
        double ss = 0;
        for (int i = 0; i < 610; i++) {
            norm += a[i] * a[i];
            ss += (b[i] - a[i]) * (b[i] - a[i]);
        }
        assertThat(Math.sqrt(norm)).isLessThanOrEqualTo(s * 3 / 3 + 1e-12);
        double sigma = 2 * s / 3;
        assertThat(ss / 610 / (sigma * sigma)).isBetween(0.75, 1.25);
    }

    @Test
    void dp_requiresPoissonSampling() {
        SimulationConfig c = new SimulationConfig("t", ModelSpec.softmax(60, 10), new Strategy.FedAvg(), new ClientSelector.Uniform(), 10, 1, 1,
                10, 0.01, 0, SystemModel.IDEAL, 1, 5);
        assertThatThrownBy(() -> c.withPrivacy(new DpConfig(1, 1, 1e-5), false)).hasMessageContaining("Poisson");
    }

    /** With secure aggregation the server only gets the masked sum; the model equals the plain run up to fixed-point rounding. */
    @Test
    void secureAggregation_engineMatchesPlainSumUpToQuantisation() {
        SimulationConfig plain = new SimulationConfig("t", ModelSpec.softmax(60, 10), new Strategy.FedAvg(), new ClientSelector.Uniform(), 10, 3, 1,
                10, 0.01, 0, SystemModel.IDEAL, 1, 5);
        double[] a = Simulation.run(DATA, plain, 2, null).parameters();
        SimulationResult sec = Simulation.run(DATA, plain.withPrivacy(null, true), 2, null);
        double[] b = sec.parameters();
        assertThat(b).isNotEqualTo(a);
        assertThat(b).containsExactly(a, within(1e-6));
        // and it is deterministic although the keys are fresh every round
        assertThat(Simulation.run(DATA, plain.withPrivacy(null, true), 1, null).parameters()).isEqualTo(b);
    }
}
