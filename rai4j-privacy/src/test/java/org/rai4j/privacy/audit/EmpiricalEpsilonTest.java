package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmpiricalEpsilonTest {

    /**
     * Reference: Clopper–Pearson bounds as scipy 1.10.1 {@code beta.ppf(β/2, k, n−k+1)} and
     * {@code beta.ppf(1−β/2, k+1, n−k)} (statsmodels {@code proportion_confint(method='beta')}, which TensorFlow
     * Privacy's {@code RatioBound._bound_clopper_pearson} uses), and ε = max(0, ln((TPR_lo−δ)/FPR_hi),
     * ln((1−FPR_hi−δ)/(1−TPR_lo))), computed 2026-12-05.
     */
    @ParameterizedTest(name = "tp={0}/{1} fp={2}/{3} delta={4} beta={5}")
    @CsvSource({
            "100,110,10,80,0.0,0.05,0.8391651177609855,0.21788913406943627,1.5816182402200905",
            "90,110,5,80,0.0,0.05,0.7332596689009334,0.139857075297639,1.6568788837197042",
            "500,1000,10,1000,1e-05,0.05,0.46854917297179216,0.01831324305511245,3.241995249440985",
            "30,1000,0,1000,0.0,0.05,0.02033048568310962,0.003682083896865671,1.708642649096755",
            "999,1000,500,1000,0.0,0.01,0.992593713061647,0.5411474466929549,4.126399698048566",
            "50,100,50,100,0.0,0.05,0.39832112950330106,0.6016788704966989,0.0",
            "1000,1000,0,1000,1e-05,0.05,0.9963179161031344,0.003682083896865671,5.600577494291644",
            "200,10000,1,10000,1e-05,0.1,0.01775138341520386,0.0004742976591654368,3.621820138116324",
    })
    void clopperPearson_matchesScipyBetaQuantiles(long tp, long members, long fp, long nonMembers, double delta,
                                                  double beta, double tprLo, double fprHi, double eps) {
        EmpiricalEpsilon.Bound b = EmpiricalEpsilon.clopperPearson(tp, members, fp, nonMembers, delta, beta);
        assertThat(b.tprLower()).isCloseTo(tprLo, within(1e-10));
        assertThat(b.fprUpper()).isCloseTo(fprHi, within(1e-10));
        assertThat(b.epsilonLowerBound()).isCloseTo(eps, within(1e-8));
    }

    /**
     * Validity under the null: a test exactly at the DP boundary (TPR = e^ε·FPR, ε = 1, FPR = 0.05, 500 members
     * and 500 non-members) gives a bound above ε in at most β = 5% of 2000 seeded runs (Binomial(2000, 0.05):
     * mean 100, sd 9.7; failing above 150 has false-failure probability below 1e-6).
     */
    @Test
    void clopperPearson_testAtTheDpBoundary_exceedsEpsilonAtMostBetaOfTheTime() {
        assertThat(exceedances(false)).isLessThanOrEqualTo(150);
    }

    /** The same check rejects a deliberately broken method: the plug-in ln(TPR/FPR) with no interval. */
    @Test
    void validityCheck_rejectsThePlugInRatio() {
        assertThat(exceedances(true)).isGreaterThan(150);
    }

    @Test
    void clopperPearson_badCounts_explainWhatIsExpected() {
        assertThatThrownBy(() -> EmpiricalEpsilon.clopperPearson(11, 10, 0, 10, 0, 0.05))
                .hasMessageContaining("true positives must be in [0, members=10]");
        assertThatThrownBy(() -> EmpiricalEpsilon.clopperPearson(1, 10, 0, 0, 0, 0.05))
                .hasMessageContaining("at least one member and one non-member");
    }

    private static int exceedances(boolean plugIn) {
        SplittableRandom rng = new SplittableRandom(7);
        double eps = 1.0;
        double fpr = 0.05;
        double tpr = Math.exp(eps) * fpr;
        int n = 500;
        int over = 0;
        for (int run = 0; run < 2000; run++) {
            int tp = binomial(rng, n, tpr);
            int fp = binomial(rng, n, fpr);
            double bound = plugIn
                    ? (fp == 0 ? Double.POSITIVE_INFINITY : Math.log((double) tp / fp))
                    : EmpiricalEpsilon.clopperPearson(tp, n, fp, n, 0.0, 0.05).epsilonLowerBound();
            if (bound > eps) {
                over++;
            }
        }
        return over;
    }

    private static int binomial(SplittableRandom rng, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
