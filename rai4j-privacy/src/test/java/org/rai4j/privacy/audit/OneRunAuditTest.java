package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OneRunAuditTest {

    /**
     * Reference values: the published procedure of Steinke, Nasr and Jagielski, "Privacy Auditing with One (1)
     * Training Run" (NeurIPS 2023, arXiv 2305.08846, Appendix D {@code get_eps_audit(m, r, v, delta, p)} with
     * {@code p_value_DP_audit}; the same code ships in privacytrustlab/ml_privacy_meter {@code audit.py}), run
     * with scipy 1.10.1 (binom.sf / binom.pmf) on 2026-12-05. The ml_privacy_meter copy stops bisecting at a
     * 1e-5 bracket; its values differ from these by less than 1e-5.
     */
    @ParameterizedTest(name = "m={0} r={1} v={2} delta={3} beta={4}")
    @CsvSource({
            "1000,100,100,0.0,0.05,3.492965430021286",
            "1000,100,100,1e-05,0.05,3.4653763473033905",
            "1000,100,90,1e-05,0.05,1.626143479719758",
            "1000,100,75,0.0,0.05,0.7022139308974147",
            "1000,100,60,0.0,0.05,0.05191493779420853",
            "1000,100,50,0.0,0.05,0",
            "1000,1000,600,1e-05,0.05,0.2972269533202052",
            "1000,1000,750,1e-05,0.01,0.9271246436983347",
            "1000,200,180,1e-06,0.05,1.7986085005104542",
            "1000,10,10,0.0,0.05,1.0518732331693172",
            "1000,50,50,1e-05,0.05,2.756219482049346",
            "1000,0,0,1e-05,0.05,0",
            "10000,500,500,1e-05,0.05,4.833513209596276",
            "10000,1000,990,1e-05,0.05,4.021218898706138",
            "10000,5000,4000,1e-05,0.05,1.3270188234746456",
            "10000,10000,5500,1e-06,0.05,0.16739413980394602",
            "10000,2000,1800,1e-05,0.01,2.013752907514572",
            "10000,300,290,0.001,0.05,0",
            "5000,400,380,0.0001,0.1,2.541292330250144",
            "100,100,100,1e-05,0.05,3.490215953439474",
            "100,20,20,0.0,0.01,1.3512152433395386",
            "50000,1000,1000,1e-05,0.05,4.276445931755006",
            "50000,5000,4900,1e-05,0.05,3.692600280046463",
    })
    void epsilonLowerBound_matchesSteinkeNasrJagielskiReference(int m, int r, int v, double delta, double beta,
                                                                 double expected) {
        OneRunAudit.Bound b = OneRunAudit.epsilonLowerBound(m, r, v, delta, beta);
        assertThat(b.epsilonLowerBound()).isCloseTo(expected, within(1e-4));
        // in fact the same procedure on the same numbers agrees far more closely
        assertThat(b.epsilonLowerBound()).isCloseTo(expected, within(1e-7));
        assertThat(b.canaries()).isEqualTo(m);
        assertThat(b.guesses()).isEqualTo(r);
        assertThat(b.correct()).isEqualTo(v);
    }

    @Test
    void pValue_deltaZero_isTheBinomialUpperTail() {
        // P[Binomial(10, 1/2) >= 8] = (45 + 10 + 1) / 1024 at eps = 0
        assertThat(OneRunAudit.pValue(100, 10, 8, 0.0, 0.0)).isCloseTo(56.0 / 1024, within(1e-15));
        // eps = ln 3: q = 3/4; P[Binomial(2, 3/4) >= 2] = 9/16
        assertThat(OneRunAudit.pValue(100, 2, 2, Math.log(3), 0.0)).isCloseTo(9.0 / 16, within(1e-15));
    }

    @Test
    void pValue_withDelta_addsTheWorstAlphaTimesTwoMDelta() {
        // r = 2, v = 2, q = 1/2: tail 1/4; alpha = max(P[B=1]/1, (P[B=1]+P[B=0])/2) = max(1/2, 3/8) = 1/2
        double p = OneRunAudit.pValue(10, 2, 2, 0.0, 0.001);
        assertThat(p).isCloseTo(0.25 + 0.5 * 0.001 * 2 * 10, within(1e-15));
        assertThat(OneRunAudit.pValue(10, 2, 2, 0.0, 0.5)).isEqualTo(1.0);
    }

    /**
     * Validity under the null: an ε-DP mechanism whose guesses are exactly as good as ε allows (randomised
     * response: each guess right with probability e^ε/(1+e^ε)) must give a bound above ε in at most a β fraction
     * of runs. 2000 seeded runs at ε = 1, β = 0.05: the count is at most Binomial(2000, 0.05) (mean 100, sd 9.7);
     * failing above 150 has false-failure probability below 1e-6 for a correct method.
     */
    @Test
    void epsilonLowerBound_tightRandomisedResponse_exceedsTrueEpsilonAtMostBetaOfTheTime() {
        assertThat(exceedances(1.0, OneRunAuditTest::correctBound)).isLessThanOrEqualTo(150);
    }

    /** The same check rejects a deliberately broken method: the point estimate ln(v/(r − v)) with no confidence. */
    @Test
    void validityCheck_rejectsThePointEstimate() {
        assertThat(exceedances(1.0, OneRunAuditTest::pointEstimate)).isGreaterThan(150);
    }

    /** Alternative: a mechanism with no privacy (every guess right) is detected with a large bound. */
    @Test
    void epsilonLowerBound_allGuessesRight_givesLargeBound() {
        assertThat(OneRunAudit.epsilonLowerBound(1000, 500, 500, 1e-5, 0.05).epsilonLowerBound()).isGreaterThan(4.5);
    }

    @Test
    void epsilonLowerBound_badCounts_explainWhatIsExpected() {
        assertThatThrownBy(() -> OneRunAudit.epsilonLowerBound(100, 101, 5, 0, 0.05))
                .hasMessageContaining("guesses must be in [0, canaries=100]");
        assertThatThrownBy(() -> OneRunAudit.epsilonLowerBound(100, 10, 11, 0, 0.05))
                .hasMessageContaining("correct guesses must be in [0, guesses=10]");
        assertThatThrownBy(() -> OneRunAudit.epsilonLowerBound(100, 10, 5, 0, 1.0))
                .hasMessageContaining("beta");
        assertThatThrownBy(() -> OneRunAudit.epsilonLowerBound(100, 10, 5, 2, 0.05))
                .hasMessageContaining("delta must be in [0, 1]");
    }

    private interface Method {
        double bound(int m, int r, int v);
    }

    private static double correctBound(int m, int r, int v) {
        return OneRunAudit.epsilonLowerBound(m, r, v, 0.0, 0.05).epsilonLowerBound();
    }

    private static double pointEstimate(int m, int r, int v) {
        return v == r ? Double.POSITIVE_INFINITY : Math.log((double) v / (r - v));
    }

    private static int exceedances(double eps, Method method) {
        SplittableRandom rng = new SplittableRandom(20231205L);
        double q = 1 / (1 + Math.exp(-eps));
        int m = 1000;
        int r = 200;
        int over = 0;
        for (int run = 0; run < 2000; run++) {
            int v = 0;
            for (int i = 0; i < r; i++) {
                if (rng.nextDouble() < q) {
                    v++;
                }
            }
            if (method.bound(m, r, v) > eps) {
                over++;
            }
        }
        return over;
    }
}
