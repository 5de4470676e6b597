package org.rai4j.federated;

import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticTest {
    @Test
    void generate_referenceShape_thirtyDevicesSixtyFeaturesTenClassesNinetyTenSplit() {
        FederatedData data = Synthetic.generate(1, 1, 7);
        assertThat(data.size()).isEqualTo(30);
        assertThat(data.features()).isEqualTo(60);
        assertThat(data.classes()).isEqualTo(10);
        for (ClientData c : data.clients()) {
            int n = c.train().size() + c.test().size();
            assertThat(n).isGreaterThanOrEqualTo(50);
            assertThat(c.train().size()).isEqualTo((int) (0.9 * n));
        }
    }

    @Test
    void generate_sameSeed_identicalData_otherSeed_different() {
        FederatedData a = Synthetic.generate(0.5, 0.5, 3);
        FederatedData b = Synthetic.generate(0.5, 0.5, 3);
        FederatedData c = Synthetic.generate(0.5, 0.5, 4);
        for (int k = 0; k < 30; k++) {
            assertThat(a.clients().get(k).train().size()).isEqualTo(b.clients().get(k).train().size());
            assertThat(((DenseExamples) a.clients().get(k).train()).feature(0, 5)).isEqualTo(((DenseExamples) b.clients().get(k).train()).feature(0, 5));
        }
        assertThat(((DenseExamples) a.clients().get(0).train()).feature(0, 0)).isNotEqualTo(((DenseExamples) c.clients().get(0).train()).feature(0, 0));
    }

    /**
     * Sample counts are ⌊exp(4 + 2z)⌋ + 50, so P(n − 50 ≤ e^4) = 1/2 (up to the floor). Over 2000 devices the
     * fraction below the median has sd 0.011; the band ±0.05 is 4.5 sd (false failure < 1e-5). A generator
     * using lognormal(4, 1) would put the fraction near 0.5 too, so the upper tail is checked as well:
     * P(n − 50 &gt; e^8) = P(z &gt; 2) = 0.0228 (sd 0.0033 over 2000; band [0.01, 0.04]; σ = 1 gives ≈ 0).
     */
    @Test
    void generate_sampleCounts_followLognormalFourTwoPlusFifty() {
        FederatedData data = Synthetic.generate(0, 0, false, 2000, 11);
        int below = 0;
        int tail = 0;
        for (ClientData c : data.clients()) {
            int n = c.train().size() + c.test().size() - 50;
            below += n <= Math.exp(4) ? 1 : 0;
            tail += n > Math.exp(8) ? 1 : 0;
        }
        assertThat(below / 2000.0).isBetween(0.45, 0.55);
        assertThat(tail / 2000.0).isBetween(0.01, 0.04);
    }

    /** Feature j has variance j^−1.2 around the device mean; with β = 0, α = 0 IID the device means are 0. */
    @Test
    void iid_featuresCentredWithDecayingVariance() {
        FederatedData data = Synthetic.iid(5);
        DenseExamples all = (DenseExamples) data.evaluationTrain(0);
        int n = all.size();
        for (int j : new int[] {0, 9, 59}) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double v = all.feature(i, j);
                s += v;
                s2 += v * v;
            }
            double var = Math.pow(j + 1, -1.2);
            // mean has sd sqrt(var/n); variance estimate has relative sd sqrt(2/n): 6-sigma bands
            assertThat(s / n).isCloseTo(0, org.assertj.core.data.Offset.offset(6 * Math.sqrt(var / n)));
            assertThat(s2 / n / var).isCloseTo(1, org.assertj.core.data.Offset.offset(6 * Math.sqrt(2.0 / n)));
        }
    }

    /** With β = 1 the device means differ (B_k ~ N(0, 1)): the spread of device means of feature 0 is far above IID's. */
    @Test
    void nonIid_deviceMeansDiffer() {
        FederatedData data = Synthetic.generate(1, 1, 5);
        double[] means = new double[30];
        for (int k = 0; k < 30; k++) {
            DenseExamples tr = (DenseExamples) data.clients().get(k).train();
            double s = 0;
            for (int i = 0; i < tr.size(); i++) {
                s += tr.feature(i, 59);
            }
            means[k] = s / tr.size();
        }
        double m = java.util.Arrays.stream(means).average().orElseThrow();
        double var = java.util.Arrays.stream(means).map(v -> (v - m) * (v - m)).sum() / 29;
        // Var(v_k + noise mean) = Var(B_k) + 1 = 2 plus tiny sampling noise; chi-square(29)/29 is in [0.4, 1.9] w.p. > 0.999
        assertThat(var).isBetween(0.8, 3.8);
    }

    @Test
    void generate_badArguments_rejected() {
        assertThatThrownBy(() -> Synthetic.generate(-1, 0, 1)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Synthetic.generate(1, 1, true, 30, 1)).hasMessageContaining("IID");
        assertThatThrownBy(() -> FederatedDatasets.synthetic("synthetic:1", 30, 1)).hasMessageContaining("alpha,beta");
    }
}
