package org.rai4j.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calibration decides most bisection comparisons from evaluated neighbours instead of evaluating ε; it
 * must return exactly what Opacus's plain bisection returns (same σ, same ε, same errors), and a batch
 * computed on all cores must equal the rows computed one by one.
 */
class NoiseCalibrationSearchTest {

    /** Opacus's get_noise_multiplier, written plainly: every comparison evaluates ε (the previous implementation). */
    static NoiseCalibration.Calibrated plainBisection(double target, double delta, double q, long steps, Accountant a,
                                                      double tolerance) {
        double low = 0;
        double high = 10;
        double epsHigh = Double.POSITIVE_INFINITY;
        while (epsHigh > target) {
            high = 2 * high;
            epsHigh = a.epsilon(high, q, steps, delta);
            if (high > NoiseCalibration.MAX_NOISE_MULTIPLIER) {
                throw new IllegalArgumentException("the privacy budget is too low");
            }
        }
        int bisections = 0;
        while (target - epsHigh > tolerance) {
            if (++bisections > NoiseCalibration.MAX_BISECTION_STEPS) {
                throw new IllegalArgumentException("cannot calibrate");
            }
            double sigma = (low + high) / 2;
            double eps = a.epsilon(sigma, q, steps, delta);
            if (eps < target) {
                high = sigma;
                epsHigh = eps;
            } else {
                low = sigma;
            }
        }
        return new NoiseCalibration.Calibrated(high, epsHigh);
    }

    private record Setting(double target, double delta, double q, long steps) {}

    private static List<Setting> settings(long seed, int n) {
        // target ε log-uniform in [0.05, 50], δ in [1e-9, 1e-3], q log-uniform in [1e-5, 0.5], T in [1, 1e5]
        SplittableRandom rng = new SplittableRandom(seed);
        List<Setting> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Setting(Math.exp(rng.nextDouble(Math.log(0.05), Math.log(50))), Math.pow(10, rng.nextDouble(-9, -3)),
                    Math.exp(rng.nextDouble(Math.log(1e-5), Math.log(0.5))),
                    Math.round(Math.exp(rng.nextDouble(0, Math.log(1e5))))));
        }
        return out;
    }

    @Test
    void noiseMultiplier_equalsPlainBisectionExactly_rdpAndGdp() {
        int calibrated = 0;
        for (Accountant a : List.of(Accountant.RDP, Accountant.GDP)) {
            for (double tolerance : new double[] {0.01, 1e-4}) {
                List<Setting> all = settings(a == Accountant.RDP ? 91 : 92, a == Accountant.RDP ? 250 : 100);
                for (int i = 0; i < all.size(); i++) {
                    Setting s = all.get(i);
                    NoiseCalibration.Calibrated expected;
                    try {
                        expected = plainBisection(s.target(), s.delta(), s.q(), s.steps(), a, tolerance);
                    } catch (IllegalArgumentException e) {
                        String head = e.getMessage();
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoiseCalibration.noiseMultiplier(
                                        s.target(), s.delta(), s.q(), s.steps(), a, tolerance))
                                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(head);
                        continue;
                    }
                    NoiseCalibration.Calibrated got = NoiseCalibration.noiseMultiplier(s.target(), s.delta(), s.q(),
                            s.steps(), a, tolerance);
                    assertThat(got).as("%s %s tolerance %s setting %d: %s", a, s, tolerance, i, s).isEqualTo(expected);
                    calibrated++;
                }
            }
        }
        assertThat(calibrated).isGreaterThan(500);
    }

    @Test
    void validity_theExactComparison_rejectsASearchThatStopsOneDecisionEarly() {
        // A search that is "nearly" Opacus's — it stops when within 0.02 instead of 0.01 — returns a different
        // σ on most settings, so the exact comparison above would catch a wrongly decided comparison.
        int differ = 0;
        int n = 0;
        for (Setting s : settings(91, 60)) {
            try {
                NoiseCalibration.Calibrated a = plainBisection(s.target(), s.delta(), s.q(), s.steps(), Accountant.RDP, 0.01);
                NoiseCalibration.Calibrated b = plainBisection(s.target(), s.delta(), s.q(), s.steps(), Accountant.RDP, 0.02);
                n++;
                if (!a.equals(b)) {
                    differ++;
                }
            } catch (IllegalArgumentException e) {
                // budget too low: not a calibration
            }
        }
        assertThat(differ).as("of %d", n).isGreaterThan(n / 3);
    }

    @Test
    void batch_onAllCores_equalsRowByRow() {
        List<Setting> all = settings(93, 300);
        List<PrivacyBatch.Row<NoiseCalibration.Calibrated>> batch = PrivacyBatch.run(all.size(), r -> {
            Setting s = all.get(r);
            return NoiseCalibration.noiseMultiplier(s.target(), s.delta(), s.q(), s.steps(), Accountant.RDP);
        }, new PrivacyBatch.Listener() {
            @Override
            public void failed(int row, String message) { }

            @Override
            public void progress(int done, int total, double rowsPerSecond) { }
        });
        for (int r = 0; r < all.size(); r++) {
            Setting s = all.get(r);
            NoiseCalibration.Calibrated one;
            try {
                one = NoiseCalibration.noiseMultiplier(s.target(), s.delta(), s.q(), s.steps(), Accountant.RDP);
            } catch (IllegalArgumentException e) {
                assertThat(batch.get(r).error()).isEqualTo(e.getMessage());
                continue;
            }
            assertThat(batch.get(r).value()).as("row %d", r).isEqualTo(one);
        }
    }
}
