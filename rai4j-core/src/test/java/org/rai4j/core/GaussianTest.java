package org.rai4j.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reference values: Abramowitz &amp; Stegun tables / any 17-digit statistical library. */
class GaussianTest {
    @ParameterizedTest
    @CsvSource({"0.975, 1.959963984540054", "0.5, 0.0", "0.995, 2.5758293035489004", "0.8413447460685429, 1.0",
            "1e-10, -6.361340902404056", "1e-6, -4.753424308822899"})
    void quantile_knownPoints_matchReference(double p, double z) {
        assertThat(Gaussian.quantile(p)).isCloseTo(z, within(1e-12 * Math.max(1, Math.abs(z))));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0.8413447460685429", "-1.96, 0.024997895148220435", "-8.0, 6.220960574271785e-16", "0.0, 0.5"})
    void cdf_knownPoints_matchReference(double z, double p) {
        assertThat(Gaussian.cdf(z)).isCloseTo(p, within(1e-14 * Math.max(p, 1e-300) + 1e-16));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-12, 0.001, 0.2, 0.5, 0.7, 0.999, 1 - 1e-12})
    void quantile_thenCdf_roundTrips(double p) {
        double q = Math.min(p, 1 - p);
        double back = p < 0.5 ? Gaussian.cdf(Gaussian.quantile(p)) : 1 - Gaussian.cdf(Gaussian.quantile(p));
        double expected = p < 0.5 ? p : 1 - p;
        assertThat(back).isCloseTo(expected, within(1e-12 * q + 1e-300));
    }
}
