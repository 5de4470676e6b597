package org.rai4j.privacy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --exact} rounds to the safe side: ε(σ) ≤ target for every setting, yet within 1e-6 of it. */
class NoiseCalibrationSafeSideTest {

    @Test
    void exactNoiseMultiplier_manySettings_neverExceedsTheTarget() {
        // 150 seeded settings: target ε log-uniform in [0.05, 200], δ in [1e-9, 1e-3], q in [1e-4, 0.5],
        // steps log-uniform in [1, 1e5]. The property is exact (no tolerance): ε(σ) ≤ target, recomputed
        // independently of the value the calibration returns. Validity: Brent's root alone (the previous
        // implementation) lands above the target in 55 of the 136 settings that calibrate, so this test fails on it.
        SplittableRandom rng = new SplittableRandom(2026);
        int checked = 0;
        int brentAbove = 0;
        for (int i = 0; i < 150; i++) {
            double target = Math.exp(rng.nextDouble(Math.log(0.05), Math.log(200)));
            double delta = Math.pow(10, rng.nextDouble(-9, -3));
            double q = Math.exp(rng.nextDouble(Math.log(1e-4), Math.log(0.5)));
            long steps = Math.round(Math.exp(rng.nextDouble(0, Math.log(1e5))));
            NoiseCalibration.Calibrated c;
            try {
                c = NoiseCalibration.exactNoiseMultiplier(target, delta, q, steps, Accountant.RDP);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("the privacy budget is too low");
                continue;
            }
            double eps = Accountant.RDP.epsilon(c.noiseMultiplier(), q, steps, delta);
            assertThat(eps).as("setting %d: target %s, delta %s, q %s, steps %d", i, target, delta, q, steps)
                    .isEqualTo(c.epsilon()).isLessThanOrEqualTo(target);
            assertThat(target - eps).as("setting %d is calibrated tightly", i).isLessThan(1e-6 * Math.max(1, target));
            checked++;
        }
        assertThat(checked).isGreaterThan(120);
    }

    @Test
    void exactNoiseMultiplier_issueSetting_doesNotExceedTheTargetBy3e12() {
        // The issue's report: --exact returned a sigma whose epsilon exceeded the target by 3e-12.
        NoiseCalibration.Calibrated c = NoiseCalibration.exactNoiseMultiplier(1, 1e-5, 0.01, 1000, Accountant.RDP);
        assertThat(c.epsilon()).isLessThanOrEqualTo(1.0).isGreaterThan(1 - 1e-9);
    }
}
