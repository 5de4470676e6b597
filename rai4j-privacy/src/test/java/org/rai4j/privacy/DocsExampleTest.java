package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Java example of docs/privacy.md, kept compiling and correct. */
class DocsExampleTest {
    @Test
    void docsExample_runsAndGivesTheDocumentedNumbers() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] x = new double[2500][5];
        int[] y = new int[2500];
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextInt(2);
            for (int j = 0; j < 5; j++) {
                x[i][j] = rng.nextGaussian() + (j == 0 ? 1.5 * y[i] : 0);
            }
        }
        DenseExamples train = DenseExamples.of(x, y, 2);
        int d = 5;

        // --- docs/privacy.md, "From Java" ---
        List<Segment> run = List.of(new Segment(1.5, 0.04, 2250));
        RdpEpsilon e = Rdp.epsilon(run, 1e-5, RdpOrders.OPACUS_DEFAULT);            // 7.3291, order 3.9
        double sigma = NoiseCalibration.noiseMultiplier(8, 1e-5, 0.04, 2250, Accountant.RDP)
                .noiseMultiplier();                                                   // 1.416015625
        DenseNetwork model = DenseNetwork.logistic(d);
        DpSgd<DenseExamples> dp = new DpSgd<>(model, train,
                DpSgdConfig.of(1.0, sigma, 0.04, 2250, 0.5), PrivacyRandom.secure());
        PrivacyLedger ledger = dp.train(step -> { });
        double spent = ledger.epsilon(Accountant.PRV, 1e-5).epsilon();             // 7.40 (PRV upper bound)
        // --- end ---

        assertThat(e.epsilon()).isCloseTo(7.3291, within(1e-4));
        assertThat(e.optimalOrder()).isEqualTo(3.9);
        assertThat(sigma).isEqualTo(1.416015625);
        assertThat(ledger.segments()).containsExactly(new Segment(sigma, 0.04, 2250));
        assertThat(spent).isLessThan(8).isCloseTo(7.3986, within(1e-3));
        assertThat(model.accuracy(train)).isGreaterThan(0.7);
    }
}
