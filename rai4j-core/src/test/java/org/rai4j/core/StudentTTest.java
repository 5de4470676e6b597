package org.rai4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class StudentTTest {
    @Test
    void quantiles_matchPublishedTables() {
        // two-sided 95% critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706, offset(5e-4));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.303, offset(5e-4));
        assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.776, offset(5e-4));
        assertThat(StudentT.quantile(0.975, 9)).isCloseTo(2.262, offset(5e-4));
        assertThat(StudentT.quantile(0.975, 29)).isCloseTo(2.045, offset(5e-4));
        assertThat(StudentT.quantile(0.95, 10)).isCloseTo(1.812, offset(5e-4));
        assertThat(StudentT.quantile(0.995, 5)).isCloseTo(4.032, offset(5e-4));
        assertThat(StudentT.quantile(0.975, 1e7)).isCloseTo(1.95996, offset(1e-4));
        assertThat(StudentT.quantile(0.025, 9)).isCloseTo(-2.262, offset(5e-4));
    }

    @Test
    void cdf_closedFormsForOneAndTwoDegreesOfFreedom() {
        for (double t = -20; t <= 20; t += 0.37) {
            assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, offset(1e-10));
            assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), offset(1e-10));
        }
    }
}
