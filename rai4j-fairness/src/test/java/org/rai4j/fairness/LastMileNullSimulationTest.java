package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Gaussian;
import org.rai4j.core.SliceKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * False-flag rate of the differential test on null data: every group's error rate rises by the same
 * +0.05 from baseline to candidate (groups start at 0.08, 0.12, 0.16, 0.20), so no slice changes
 * differently from the rest.
 *
 * <p>400 simulated pairs of audits (2,400 rows each, four groups, B = 400), 1,600 slice tests at α = 0.05
 * without adjustment. Under a correct test the rejection rate is 0.05 with standard error
 * √(0.05·0.95/1600) ≈ 0.0054 if the tests were independent; the four tests of one simulation are
 * correlated (their rests overlap), which inflates the standard error by at most √(1 + 3·|ρ|) ≤ 1.5 here
 * (|ρ| ≤ 1/3), i.e. ≤ 0.0082. The accepted band [0.025, 0.075] is ±3 of those worst-case standard errors:
 * a correct test falls outside it with probability below 0.003 under fresh seeds (fixed seeds make the
 * run deterministic). The validity test shows that the band rejects a deliberately broken test that
 * ignores the baseline's sampling variance.
 *
 * <p>With Holm's adjustment the family-wise rate of DIFFERENTIAL_DEGRADATION flags (a one-sided
 * verdict, nominal ≤ α/2) must stay at or below α = 0.05: 400 simulations give a standard error
 * ≤ 0.011 at 0.05, so a correct procedure (true rate ≤ 0.025) exceeds 0.05 with probability below 0.01.
 */
class LastMileNullSimulationTest {
    static final int SIMULATIONS = 400;
    static final int ROWS = 2400;
    static final double LO = 0.025;
    static final double HI = 0.075;
    static final Map<String, Double> BASE = rates(0.08, 0.12, 0.16, 0.20);
    static final Map<String, Double> CAND = rates(0.13, 0.17, 0.21, 0.25);

    static Map<String, Double> rates(double... r) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < r.length; i++) {
            m.put("G" + i, r[i]);
        }
        return m;
    }

    @Test
    void differentialTest_nullData_falseFlagRateNearNominal() throws Exception {
        int tests = 0;
        int rejected = 0;
        int familiesWithFlag = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            AuditResult base = ComparisonFixtures.audit(ComparisonFixtures.simulated("b", 2L * s, ROWS, BASE));
            AuditResult cand = ComparisonFixtures.audit(ComparisonFixtures.simulated("c", 2L * s + 1, ROWS, CAND));
            ComparisonResult raw = LastMileComparison.compare(base, cand,
                    new ComparisonSpec("error_rate", null, null, 0.95, 400, 1000 + s, Adjustment.NONE));
            for (SliceComparison c : raw.slices()) {
                tests++;
                rejected += c.differential().pValue() < 0.05 ? 1 : 0;
            }
            ComparisonResult holm = LastMileComparison.compare(base, cand,
                    new ComparisonSpec("error_rate", null, null, 0.95, 400, 1000 + s, Adjustment.HOLM));
            familiesWithFlag += holm.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION).isEmpty() ? 0 : 1;
        }
        assertThat(tests).isEqualTo(4 * SIMULATIONS);
        assertThat(rejected / (double) tests).as("per-test false-flag rate (two-sided, unadjusted)").isBetween(LO, HI);
        assertThat(familiesWithFlag / (double) SIMULATIONS).as("family-wise DIFFERENTIAL_DEGRADATION rate, Holm")
                .isLessThanOrEqualTo(0.05);
    }

    /** The band catches a broken test: a z-test that treats the baseline as exact (no baseline variance). */
    @Test
    void falseFlagBand_rejectsATestIgnoringBaselineVariance() throws Exception {
        int tests = 0;
        int rejected = 0;
        double z = Gaussian.quantile(0.975);
        for (int s = 0; s < SIMULATIONS; s++) {
            AuditResult base = ComparisonFixtures.audit(ComparisonFixtures.simulated("b", 2L * s, ROWS, BASE));
            AuditResult cand = ComparisonFixtures.audit(ComparisonFixtures.simulated("c", 2L * s + 1, ROWS, CAND));
            for (String g : List.of("G0", "G1", "G2", "G3")) {
                double[] b = errors(base, g);
                double[] c = errors(cand, g);
                double d = (c[0] - b[0]) - (c[1] - b[1]);
                double se = Math.sqrt(c[0] * (1 - c[0]) / c[2] + c[1] * (1 - c[1]) / c[3]);
                tests++;
                rejected += Math.abs(d) / se > z ? 1 : 0;
            }
        }
        assertThat(rejected / (double) tests).isGreaterThan(HI);
    }

    /** {slice error, rest error, slice n, rest n} of group g. */
    private static double[] errors(AuditResult r, String g) {
        SliceResult s = r.main().group(SliceKey.of("g", g));
        SliceResult all = r.main().overall();
        double sErr = s.counts().get("fp") + s.counts().get("fn");
        double aErr = all.counts().get("fp") + all.counts().get("fn");
        return new double[] {sErr / s.n(), (aErr - sErr) / (all.n() - s.n()), s.n(), all.n() - s.n()};
    }
}
