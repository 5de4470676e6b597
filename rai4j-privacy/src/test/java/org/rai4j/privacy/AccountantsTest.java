package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AccountantsTest {

    @ParameterizedTest(name = "sigma={0} q={1} T={2}")
    @CsvSource({
            // opacus/tests/prv_accountant.py msr_values, "computed from https://github.com/microsoft/prv_accountant",
            // delta = 1e-6, asserted there to 5 places. (The q=0.05 rows with T >= 20000 need grids of
            // 2-16 million points and are left out to keep the suite fast; they agree to 1.3e-6.)
            "0.8, 0.001, 100, 0.270403364058018680360362395731",
            "1.5, 0.001, 100, 0.0393694193095203287535710501288",
            "2.0, 0.001, 100, 0.0291045369484074882560076247273",
            "3.0, 0.001, 100, 0.0215200934390882663016508757892",
            "0.8, 0.05, 100, 6.74105193941409996938318727189",
            "1.5, 0.05, 100, 1.95385313568420015961635272106",
            "2.0, 0.05, 100, 1.28363737962406521120328761754",
            "3.0, 0.05, 100, 0.767933789666825572517439013609",
            "0.8, 0.2, 100, 24.3336641779225644199868838768",
            "1.5, 0.2, 100, 8.49897785912163072907787864096",
            "2.0, 0.2, 100, 5.67205560882372950004537415225",
            "3.0, 0.2, 100, 3.38122051022184422208738396876",
            "0.8, 0.001, 1000, 0.477771266184522591657923840103",
            "1.5, 0.001, 1000, 0.0998206602308474855167474970585",
            "2.0, 0.001, 1000, 0.0712187825381152272985474382949",
            "3.0, 0.001, 1000, 0.0476159308713589302097801692071",
            "0.8, 0.05, 1000, 19.5258428053837356230815203162",
            "1.5, 0.05, 1000, 6.20996924657726712126759593957",
            "2.0, 0.05, 1000, 4.17279986668931890392286732094",
            "3.0, 0.05, 1000, 2.52757432605973830774814814504",
            "0.8, 0.001, 20000, 1.29600925757016161021795142005",
            "1.5, 0.001, 20000, 0.437005108654860807693154356457",
            "2.0, 0.001, 20000, 0.305837939762453436820521801565",
            "3.0, 0.001, 20000, 0.194031030686054706269061398416",
            "1.5, 0.001, 50000, 0.704218384555810095193351116905",
            "3.0, 0.001, 50000, 0.309694161156544023327796821832",
            "1.5, 0.001, 100000, 1.01528807502760787251361307426",
    })
    void prvEpsilon_microsoftReferenceValues_agreeTo5PlacesAndStayBelowRdp(double sigma, double q, long steps,
                                                                          double expected) {
        List<Segment> s = List.of(new Segment(sigma, q, steps));
        PrvEpsilon e = Prv.epsilon(s, 1e-6);
        assertThat(e.upperBound()).isCloseTo(expected, within(5e-6));
        assertThat(e.lowerBound()).isLessThan(e.estimate());
        assertThat(e.estimate()).isLessThan(e.upperBound());
        assertThat(e.upperBound()).isLessThanOrEqualTo(Rdp.epsilon(s, 1e-6, RdpOrders.OPACUS_DEFAULT).epsilon());
    }

    @Test
    void prvEpsilon_segmentsWithEqualParameters_equalOneSegment() {
        PrvEpsilon split = Prv.epsilon(List.of(new Segment(1.0, 0.01, 300), new Segment(1.0, 0.01, 700)), 1e-5);
        PrvEpsilon whole = Prv.epsilon(List.of(new Segment(1.0, 0.01, 1000)), 1e-5);
        // Same distribution composed along two routes (FFT power vs. FFT power + linear convolution).
        assertThat(split.upperBound()).isCloseTo(whole.upperBound(), within(1e-7));
    }

    @Test
    void prvEpsilon_heterogeneousSegments_liesBetweenTheHomogeneousRuns() {
        double mixed = Prv.epsilon(List.of(new Segment(1.0, 0.01, 300), new Segment(1.5, 0.01, 700)), 1e-5).upperBound();
        double allLowNoise = Prv.epsilon(List.of(new Segment(1.0, 0.01, 1000)), 1e-5).upperBound();
        double allHighNoise = Prv.epsilon(List.of(new Segment(1.5, 0.01, 1000)), 1e-5).upperBound();
        assertThat(mixed).isBetween(allHighNoise, allLowNoise);
        assertThat(mixed).isLessThanOrEqualTo(
                Rdp.epsilon(List.of(new Segment(1.0, 0.01, 300), new Segment(1.5, 0.01, 700)), 1e-5,
                        RdpOrders.OPACUS_DEFAULT).epsilon());
    }

    @Test
    void prvEpsilon_noSamplingOrNoSteps_isZeroAndNoNoiseIsInfinite() {
        assertThat(Prv.epsilon(List.of(new Segment(1, 0, 100)), 1e-5).upperBound()).isZero();
        assertThat(Prv.epsilon(List.of(), 1e-5).upperBound()).isZero();
        assertThat(Prv.epsilon(List.of(new Segment(0, 0.1, 100)), 1e-5).upperBound()).isInfinite();
    }

    @Test
    void gdpEpsilon_opacusAccountantTest_liesInPublishedInterval() {
        // opacus/tests/accountants_test.py test_gdp_accountant: steps = int(90 // 0.04) = 2249 in Python
        // (floor division of floats), sigma 1.5, q 0.04, delta 1e-5: 6.59 < eps < 6.6.
        double eps = Gdp.epsilon(List.of(new Segment(1.5, 0.04, 2249)), 1e-5);
        assertThat(eps).isGreaterThan(6.59).isLessThan(6.6);
    }

    @Test
    void gdpEpsilon_singleStep_underestimatesAsDocumented() {
        // ../shared/specs/privacy.md §2.7: q=0.01, sigma=1, T=1 gives 0.037 (a tight bound is 0.199).
        assertThat(Gdp.epsilon(List.of(new Segment(1, 0.01, 1)), 1e-5)).isCloseTo(0.037, within(0.0005));
    }

    @Test
    void gdpDelta_atSolvedEpsilon_returnsDelta() {
        double mu = Gdp.mu(List.of(new Segment(1.1, 0.02, 5000)));
        double eps = Gdp.epsilon(mu, 1e-6);
        assertThat(Gdp.delta(eps, mu)).isCloseTo(1e-6, within(1e-15));
    }

    @Test
    void noiseMultiplier_opacusGetNoiseMultiplierTests_matchPublishedValues() {
        // opacus/tests/accountants_test.py: epochs 90 -> steps int(90 / 0.04) = 2250; expected 1.416 and
        // 1.3562 to 4 places, and 1.3232421875 for GDP (assertAlmostEqual, 7 places).
        assertThat(NoiseCalibration.noiseMultiplier(8, 1e-5, 0.04, 2250, Accountant.RDP).noiseMultiplier())
                .isCloseTo(1.416, within(5e-5));
        assertThat(NoiseCalibration.noiseMultiplier(8, 1e-5, 0.04, 2000, Accountant.RDP).noiseMultiplier())
                .isCloseTo(1.3562, within(5e-5));
        assertThat(NoiseCalibration.noiseMultiplier(8, 1e-5, 0.04, 2250, Accountant.GDP).noiseMultiplier())
                .isEqualTo(1.3232421875);
    }

    @Test
    void noiseMultiplier_bisectionAndExactRoot_matchSpecValues() {
        // ../shared/specs/privacy.md §2.5: target 1, q 0.01, T 1000, delta 1e-5 -> 1.5234375 (eps 0.99019) by
        // bisection and 1.51312216 as the exact root.
        NoiseCalibration.Calibrated b = NoiseCalibration.noiseMultiplier(1, 1e-5, 0.01, 1000, Accountant.RDP);
        assertThat(b.noiseMultiplier()).isEqualTo(1.5234375);
        assertThat(b.epsilon()).isCloseTo(0.99019, within(5e-6));
        NoiseCalibration.Calibrated exact = NoiseCalibration.exactNoiseMultiplier(1, 1e-5, 0.01, 1000, Accountant.RDP);
        assertThat(exact.noiseMultiplier()).isCloseTo(1.51312216, within(5e-9));
        assertThat(exact.epsilon()).isCloseTo(1.0, within(1e-9));
    }

    @ParameterizedTest(name = "target={0} q={1} T={2} delta={3}")
    @CsvSource({"1, 0.01, 1000, 1e-5", "3, 0.004, 20000, 1e-6", "8, 0.1, 500, 1e-5", "0.5, 0.001, 5000, 1e-5"})
    void noiseMultiplier_result_meetsTargetWithinTolerance(double target, double q, long steps, double delta) {
        NoiseCalibration.Calibrated c = NoiseCalibration.noiseMultiplier(target, delta, q, steps, Accountant.RDP);
        double eps = Accountant.RDP.epsilon(c.noiseMultiplier(), q, steps, delta);
        assertThat(eps).isEqualTo(c.epsilon()).isLessThanOrEqualTo(target).isGreaterThanOrEqualTo(target - 0.01);
    }

    @Test
    void noiseMultiplier_impossibleBudget_failsNamingTheBudget() {
        assertThatThrownBy(() -> NoiseCalibration.noiseMultiplier(1e-9, 1e-5, 1.0, 1_000_000, Accountant.RDP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("privacy budget is too low");
        assertThatThrownBy(() -> NoiseCalibration.noiseMultiplier(-1, 1e-5, 0.1, 10, Accountant.RDP))
                .hasMessageContaining("target epsilon must be > 0");
    }

    @Test
    void ledger_identicalSteps_mergeIntoOneSegmentAndChangesStartNewOnes() {
        PrivacyLedger l = PrivacyLedger.empty();
        for (int i = 0; i < 5; i++) {
            l = l.record(1.0, 0.01);
        }
        l = l.record(2.0, 0.01).record(2.0, 0.01);
        assertThat(l.segments()).containsExactly(new Segment(1.0, 0.01, 5), new Segment(2.0, 0.01, 2));
        assertThat(l.steps()).isEqualTo(7);
        assertThat(PrivacyLedger.empty().segments()).isEmpty();
    }

    @Test
    void ledger_epsilon_isTheAccountantsEpsilonOfItsSegments() {
        PrivacyLedger l = PrivacyLedger.empty().record(1.5, 0.04, 2250);
        PrivacySpent spent = l.epsilon(Accountant.RDP, 1e-5);
        assertThat(spent.epsilon()).isCloseTo(7.32911117143, within(5e-8));
        assertThat(spent.optimalOrder()).isEqualTo(3.9);
        assertThat(spent.warnings()).isEmpty();
        assertThat(l.epsilon(Accountant.GDP, 1e-5).warnings()).singleElement().asString().contains("approximation");
    }

    @Test
    void accountant_parse_acceptsKeysAndRejectsOthers() {
        assertThat(Accountant.parse("PRV")).isEqualTo(Accountant.PRV);
        assertThat(Accountant.parse(" rdp ")).isEqualTo(Accountant.RDP);
        assertThatThrownBy(() -> Accountant.parse("moments")).hasMessageContaining("rdp, prv, gdp");
    }
}
