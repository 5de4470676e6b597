package org.rai4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntervalsTest {
    /**
     * Independent computation: the Wilson bounds are the two roots p of (p̂ − p)² = z²·p(1 − p)/n, i.e.
     * (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0, solved with the quadratic formula.
     */
    static double[] wilsonByQuadratic(double x, double n, double z) {
        double ph = x / n;
        double a = 1 + z * z / n;
        double b = -(2 * ph + z * z / n);
        double c = ph * ph;
        double disc = Math.sqrt(b * b - 4 * a * c);
        return new double[] {(-b - disc) / (2 * a), (-b + disc) / (2 * a)};
    }

    static Stream<int[]> cases() {
        SplittableRandom r = new SplittableRandom(11);
        return Stream.concat(Stream.of(new int[] {0, 10}, new int[] {10, 10}, new int[] {1, 1}, new int[] {81, 263}),
                Stream.generate(() -> {
                    int n = 1 + r.nextInt(5000);
                    return new int[] {r.nextInt(n + 1), n};
                }).limit(40));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wilson_anyCounts_equalsQuadraticRoots(int[] xn) {
        Interval ci = Intervals.wilson(xn[0], xn[1], 0.95);
        double[] ref = wilsonByQuadratic(xn[0], xn[1], 1.959963984540054);
        assertThat(ci.lo()).isCloseTo(Math.max(0, ref[0]), within(1e-12));
        assertThat(ci.hi()).isCloseTo(Math.min(1, ref[1]), within(1e-12));
    }

    @Test
    void wilson_newcombeExample_matchesPublishedBounds() {
        // Newcombe (1998), Statistics in Medicine 17:857, example 81/263: Wilson 0.2553 to 0.3662.
        Interval ci = Intervals.wilson(81, 263, 0.95);
        assertThat(ci.lo()).isCloseTo(0.2553, within(5e-5));
        assertThat(ci.hi()).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void quantileType7_matchesNumpyDefault() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // numpy.quantile(range(1, 11), [0.25, 0.5, 0.975]) = 3.25, 5.5, 9.775
        assertThat(Intervals.quantileType7(x, 0.25)).isCloseTo(3.25, within(1e-12));
        assertThat(Intervals.quantileType7(x, 0.5)).isCloseTo(5.5, within(1e-12));
        assertThat(Intervals.quantileType7(x, 0.975)).isCloseTo(9.775, within(1e-12));
    }

    @Test
    void percentile_mostlyUndefinedReplicates_givesNoInterval() {
        assertThat(Intervals.percentile(new double[] {1, Double.NaN, Double.NaN}, 0.95)).isNull();
        assertThat(Intervals.percentile(new double[] {1, 2, Double.NaN}, 0.95)).isNotNull();
    }

    @Test
    void bootstrapPValue_allPositive_isSmallAndNeverZero() {
        double[] d = new double[999];
        java.util.Arrays.fill(d, 0.3);
        assertThat(Intervals.bootstrapPValue(d)).isCloseTo(2.0 / 1000, within(1e-15));
        double[] half = new double[1000];
        for (int i = 0; i < half.length; i++) {
            half[i] = i < 500 ? -1 : 1;
        }
        assertThat(Intervals.bootstrapPValue(half)).isEqualTo(1.0);
    }

    @Test
    void bootstrapWaldPValue_matchesNormalTailOfTheReplicateSd() {
        // replicates with mean 0 and sample sd exactly 0.1: {-0.1, 0.1} repeated → sd = 0.1·sqrt(B/(B-1))
        double[] r = new double[1000];
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 2 == 0 ? -0.1 : 0.1;
        }
        double sd = 0.1 * Math.sqrt(1000.0 / 999.0);
        assertThat(Intervals.bootstrapWaldPValue(0.196, r)).isCloseTo(2 * Gaussian.cdf(-0.196 / sd), within(1e-12));
        assertThat(Intervals.bootstrapWaldPValue(0.0, new double[] {0, 0, 0})).isEqualTo(1.0);
        assertThat(Intervals.bootstrapWaldPValue(0.5, new double[] {1})).isNaN();
    }
}
