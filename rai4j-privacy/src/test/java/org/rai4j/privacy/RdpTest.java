package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RdpTest {
    private static final double[] OPACUS = RdpOrders.OPACUS_DEFAULT.orders();

    @Test
    void epsilon_opacusAccountantTest_matchesPublishedValue() {
        // opacus/tests/accountants_test.py test_rdp_accountant: sigma 1.5, q 0.04, int(90/0.04) steps,
        // delta 1e-5, expected 7.32911117143 (assertAlmostEqual: 7 places).
        RdpEpsilon e = Rdp.epsilon(List.of(new Segment(1.5, 0.04, 2250)), 1e-5, RdpOrders.OPACUS_DEFAULT);
        assertThat(e.epsilon()).isCloseTo(7.32911117143, within(5e-8));
        assertThat(e.optimalOrder()).isEqualTo(3.9);
        assertThat(e.optimalAtEdge()).isFalse();
        assertThat(e.edgeWarning()).isNull();
    }

    @Test
    void epsilon_largeSampleRateSmallNoise_matchesOpacusNotDpAccounting() {
        // ../shared/specs/privacy.md §0.1: q=0.1, sigma=0.5, T=1000, delta=1e-5 gives 136.05 with Opacus's
        // sign-keeping fractional orders (236.45 with dp_accounting's absolute values).
        RdpEpsilon e = Rdp.epsilon(List.of(new Segment(0.5, 0.1, 1000)), 1e-5, RdpOrders.OPACUS_DEFAULT);
        assertThat(e.epsilon()).isCloseTo(136.05, within(0.005));
        assertThat(e.optimalOrder()).isEqualTo(1.3);
    }

    @Test
    void epsilon_tinyEpsilon_optimalOrderAtTopEdgeAndExtendedListIsTighter() {
        // ../shared/specs/privacy.md §0.2: q=1e-3, sigma=5, T=1000 gives 0.104 at alpha=63 (the top of the
        // default list) against 0.0248 with orders up to 1024.
        List<Segment> s = List.of(new Segment(5, 1e-3, 1000));
        RdpEpsilon narrow = Rdp.epsilon(s, 1e-5, RdpOrders.OPACUS_DEFAULT);
        RdpEpsilon wide = Rdp.epsilon(s, 1e-5, RdpOrders.EXTENDED);
        assertThat(narrow.epsilon()).isCloseTo(0.104, within(0.0005));
        assertThat(narrow.optimalOrder()).isEqualTo(63.0);
        assertThat(narrow.optimalAtEdge()).isTrue();
        assertThat(narrow.edgeWarning()).contains("largest").contains("63");
        assertThat(wide.epsilon()).isCloseTo(0.0248, within(0.0001));
        assertThat(wide.optimalAtEdge()).isFalse();
    }

    @Test
    void rdp_dpAccountingIntegerOrders_matchPublishedValues() {
        // google/differential-privacy dp_accounting rdp_privacy_accountant_test.py
        // test_compute_rdp_poisson_sampled_gaussian: q=0.01, sigma=2.5, 50 steps. Integer orders agree
        // with Opacus's exact series (the fractional orders 1.5 and 2.5 do not: dp_accounting drops signs).
        double[] orders = {5, 50, 100, Double.POSITIVE_INFINITY};
        double[] rdp = Rdp.rdp(new Segment(2.5, 0.01, 50), orders);
        assertThat(rdp[0]).isCloseTo(2.18075656e-03, within(2.18075656e-03 * 1e-8));
        assertThat(rdp[1]).isCloseTo(2.38460375e-02, within(2.38460375e-02 * 1e-8));
        assertThat(rdp[2]).isCloseTo(1.67416308e02, within(1.67416308e02 * 1e-8));
        assertThat(rdp[3]).isInfinite();
    }

    @Test
    void epsilon_constantRdp_matchesPureDpValueComputedByHand() {
        // dp_accounting test_compute_epsilon_delta_pure_dp: orders 2..32, RDP 1.1 at every order,
        // delta 1e-5 -> 1.32783806176 at order 32 (the same Balle et al. conversion as Opacus).
        double[] orders = IntStream.rangeClosed(2, 32).asDoubleStream().toArray();
        double[] rdp = new double[orders.length];
        java.util.Arrays.fill(rdp, 1.1);
        RdpEpsilon e = Rdp.epsilon(orders, rdp, 1e-5);
        assertThat(e.epsilon()).isCloseTo(1.32783806176, within(5e-11));
        assertThat(e.optimalOrder()).isEqualTo(32.0);
        assertThat(e.optimalAtEdge()).isTrue();
    }

    @Test
    void epsilon_unsampledGaussianCalibratedToEpsilonOne_givesOne() {
        // dp_accounting test_compute_epsilon_delta_gaussian: q=1, sigma=4.530877117 is (1, 1e-6)-DP
        // under the conversion over the fine order grid 1.001 .. 99.999 (7 places).
        double[] orders = IntStream.range(1001, 100000).mapToDouble(i -> 0.001 * i).toArray();
        double[] rdp = Rdp.rdp(new Segment(4.530877117, 1.0, 1), orders);
        assertThat(Rdp.epsilon(orders, rdp, 1e-6).epsilon()).isCloseTo(1.0, within(5e-8));
    }

    @Test
    void rdp_specialCases_followDefinitions() {
        assertThat(Rdp.rdp(0.0, 1.0, 5)).isZero();
        assertThat(Rdp.rdp(0.1, 0.0, 5)).isInfinite();
        assertThat(Rdp.rdp(1.0, 10.0, 20)).isEqualTo(0.1); // alpha / (2 sigma^2)
        assertThat(Rdp.rdp(0.1, 1.0, Double.POSITIVE_INFINITY)).isInfinite();
        RdpEpsilon noNoise = Rdp.epsilon(List.of(new Segment(0.0, 0.1, 10)), 1e-5, RdpOrders.OPACUS_DEFAULT);
        assertThat(noNoise.epsilon()).isInfinite();
        assertThat(noNoise.optimalOrder()).isNaN();
        assertThat(noNoise.optimalAtEdge()).isFalse();
    }

    static Stream<Arguments> mpmathLogA() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RdpTest.class.getResourceAsStream("/rdp-log-a-mpmath.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("q,")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(Arguments.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "q={0} sigma={1} alpha={2}")
    @MethodSource("mpmathLogA")
    void logA_againstIndependentQuadrature_agreesTo1e9RelativeOr3e13Absolute(double q, double sigma, double alpha,
                                                                              double expected) {
        // Golden values: 40-digit mpmath quadrature of the defining integral (src/test/resources header).
        // The series stops once its terms fall below e^-30 = 9.4e-14 (as Opacus does), so for tiny log A
        // the error is absolute, a few times e^-30; otherwise rounding leaves ~1e-12 relative.
        assertThat(Rdp.logA(q, sigma, alpha)).isCloseTo(expected, within(Math.max(Math.abs(expected) * 1e-9, 3e-13)));
    }

    static Stream<Arguments> randomSettings() {
        SplittableRandom rng = new SplittableRandom(20260601L);
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(
                0.3 + 4.7 * rng.nextDouble(),                       // sigma
                Math.pow(10, -4 + 3.5 * rng.nextDouble()),          // q in [1e-4, 0.3]
                (long) Math.pow(10, 1 + 4 * rng.nextDouble()),      // steps in [10, 1e5]
                Math.pow(10, -8 + 5 * rng.nextDouble())));          // delta in [1e-8, 1e-3]
    }

    @ParameterizedTest(name = "sigma={0} q={1} T={2} delta={3}")
    @MethodSource("randomSettings")
    void epsilon_prunedSearch_equalsFullSearchExactly(double sigma, double q, long steps, double delta) {
        List<Segment> s = List.of(new Segment(sigma, q, steps));
        RdpEpsilon pruned = Rdp.epsilon(s, delta, RdpOrders.OPACUS_DEFAULT);
        RdpEpsilon full = Rdp.epsilon(OPACUS, Rdp.rdp(s, OPACUS), delta);
        assertThat(pruned.epsilon()).isEqualTo(full.epsilon());
        assertThat(pruned.optimalOrder()).isEqualTo(full.optimalOrder());
        assertThat(pruned.optimalAtEdge()).isEqualTo(full.optimalAtEdge());
    }

    @org.junit.jupiter.api.Test
    void epsilon_prunedSearch_equalsFullSearchExactly_wideSettingsBothOrderListsAndTwoSegments() {
        // The branch and bound over integer orders and the bounds on fractional ones skip orders, never change
        // the result: 300 seeded settings (σ in [0.3, 30], q in [1e-5, 0.9], T in [1, 1e6], δ in [1e-10, 1e-2]),
        // each with the default and the extended order list, one segment and two.
        SplittableRandom rng = new SplittableRandom(20261205L);
        for (int i = 0; i < 300; i++) {
            double sigma = Math.exp(rng.nextDouble(Math.log(0.3), Math.log(30)));
            double q = Math.exp(rng.nextDouble(Math.log(1e-5), Math.log(0.9)));
            long steps = Math.round(Math.exp(rng.nextDouble(0, Math.log(1e6))));
            double delta = Math.pow(10, rng.nextDouble(-10, -2));
            List<Segment> one = List.of(new Segment(sigma, q, steps));
            List<Segment> two = List.of(new Segment(sigma, q, steps), new Segment(sigma * 1.7, q / 3, steps / 2 + 1));
            for (List<Segment> s : List.of(one, two)) {
                for (RdpOrders orders : RdpOrders.values()) {
                    RdpEpsilon pruned = Rdp.epsilon(s, delta, orders);
                    RdpEpsilon full = Rdp.epsilon(orders.orders(), Rdp.rdp(s, orders.orders()), delta);
                    String where = "setting " + i + " " + s + " " + orders + " delta " + delta;
                    assertThat(pruned.epsilon()).as(where).isEqualTo(full.epsilon());
                    if (!Double.isNaN(full.optimalOrder())) {
                        assertThat(pruned.optimalOrder()).as(where).isEqualTo(full.optimalOrder());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "sigma={0} q={1} T={2} delta={3}")
    @MethodSource("randomSettings")
    void epsilon_moreNoise_isSmaller(double sigma, double q, long steps, double delta) {
        double base = eps(sigma, q, steps, delta);
        assertThat(eps(sigma * 1.1, q, steps, delta)).isLessThan(base);
    }

    @ParameterizedTest(name = "sigma={0} q={1} T={2} delta={3}")
    @MethodSource("randomSettings")
    void epsilon_moreStepsOrHigherSampleRate_isLarger(double sigma, double q, long steps, double delta) {
        double base = eps(sigma, q, steps, delta);
        assertThat(eps(sigma, q, steps * 2, delta)).isGreaterThan(base);
        assertThat(eps(sigma, Math.min(1.0, q * 1.5), steps, delta)).isGreaterThan(base);
    }

    @Test
    void epsilon_twoSegmentsWithSameParameters_equalOneSegmentWithTheirSteps() {
        RdpEpsilon split = Rdp.epsilon(List.of(new Segment(1.1, 0.01, 300), new Segment(1.1, 0.01, 700)), 1e-5,
                RdpOrders.OPACUS_DEFAULT);
        RdpEpsilon whole = Rdp.epsilon(List.of(new Segment(1.1, 0.01, 1000)), 1e-5, RdpOrders.OPACUS_DEFAULT);
        assertThat(split.epsilon()).isCloseTo(whole.epsilon(), within(1e-12));
    }

    @Test
    void rdp_heterogeneousSegments_addOrderByOrder() {
        Segment a = new Segment(0.9, 0.02, 500);
        Segment b = new Segment(2.0, 0.05, 250);
        double[] sum = Rdp.rdp(List.of(a, b), OPACUS);
        double[] ra = Rdp.rdp(a, OPACUS);
        double[] rb = Rdp.rdp(b, OPACUS);
        for (int i = 0; i < OPACUS.length; i++) {
            assertThat(sum[i]).isCloseTo(ra[i] + rb[i], within(1e-12 * sum[i]));
        }
    }

    @Test
    void orders_opacusDefault_is151OrdersWithout11() {
        assertThat(OPACUS).hasSize(151);
        assertThat(OPACUS[0]).isEqualTo(1.1);
        assertThat(OPACUS[98]).isEqualTo(10.9);
        assertThat(OPACUS[99]).isEqualTo(12.0);
        assertThat(OPACUS[OPACUS.length - 1]).isEqualTo(63.0);
        assertThat(OPACUS).doesNotContain(11.0);
        assertThat(RdpOrders.EXTENDED.orders()).contains(11.0, 128.0, 1024.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -1e-5, Double.NaN})
    void epsilon_deltaOutsideOpenUnitInterval_isRejectedNamingDelta(double delta) {
        assertThatThrownBy(() -> Rdp.epsilon(List.of(new Segment(1, 0.01, 10)), delta, RdpOrders.OPACUS_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta must be in (0, 1)");
    }

    @Test
    void segment_invalidValues_areRejectedNamingTheParameter() {
        assertThatThrownBy(() -> new Segment(-1, 0.1, 10)).hasMessageContaining("noise multiplier");
        assertThatThrownBy(() -> new Segment(1, 1.5, 10)).hasMessageContaining("sample rate must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Segment(1, 0.1, -3)).hasMessageContaining("steps must be >= 0, got -3");
    }

    private static double eps(double sigma, double q, long steps, double delta) {
        return Rdp.epsilon(List.of(new Segment(sigma, q, steps)), delta, RdpOrders.OPACUS_DEFAULT).epsilon();
    }
}
