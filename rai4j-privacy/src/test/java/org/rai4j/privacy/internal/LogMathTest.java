package org.rai4j.privacy.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogMathTest {
    @ParameterizedTest(name = "log erfc({0})")
    @CsvSource({
            // mpmath 1.3.0, mp.dps = 40: mp.log(mp.erfc(x))
            "-3, 0.69313613525044681032",
            "-0.5, 0.41903914777555958036",
            "0, 0.0",
            "0.3, -0.39843005144008528965",
            "1, -1.8496055099332482486",
            "2.4999, -7.8062800140910921967",
            "2.5, -7.8068152727272643589",
            "3, -10.720363041981112568",
            "5, -27.200889545537434422",
            "10, -102.87988902484488857",
            "26, -679.83119976319423026",
            "30, -903.97411711064387808",
            "100, -10005.177585122664333",
            "1000, -1000007.4801207219062",
    })
    void logErfc_againstMpmath_agreesTo1e12Relative(double x, double expected) {
        assertThat(LogMath.logErfc(x)).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void logAdd_andLogSub_areInverseAndHandleZero() {
        double a = Math.log(5);
        double b = Math.log(3);
        assertThat(LogMath.logAdd(a, b)).isCloseTo(Math.log(8), within(1e-15));
        assertThat(LogMath.logSub(a, b)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(LogMath.logAdd(Double.NEGATIVE_INFINITY, b)).isEqualTo(b);
        assertThat(LogMath.logSub(a, Double.NEGATIVE_INFINITY)).isEqualTo(a);
        assertThat(LogMath.logSub(a, a)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogMath.logSub(1000, 1)).isEqualTo(1000); // e^1 is negligible; expm1 overflows
        assertThatThrownBy(() -> LogMath.logSub(b, a)).isInstanceOf(ArithmeticException.class);
    }
}
