package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Seeds;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empirical coverage of the audit's 95% intervals on data simulated from known rates.
 * <p>
 * 400 simulated data sets: coverage of a correct 95% procedure is Binomial(400, 0.95)/400 with standard
 * error 0.011. The accepted band [0.915, 0.985] is ±3.2 SE: a procedure with true coverage 0.95 falls
 * outside it with probability about 0.0014 (the false-failure rate under fresh seeds; fixed seeds make
 * the run deterministic). The validity test shows that the band rejects a deliberately too-narrow
 * interval (nominal 80%).
 */
class CoverageSimulationTest {
    static final int SIMULATIONS = 400;
    static final double LO = 0.915;
    static final double HI = 0.985;

    /** Group A: selection rate 0.30, group B: 0.50; labels with prevalence 0.4 and TPR/FPR by group. */
    static org.rai4j.core.Table simulate(long seed, int n) {
        SplittableRandom r = Seeds.stream(seed, 0);
        String[] g = new String[n];
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            boolean a = r.nextBoolean();
            g[i] = a ? "A" : "B";
            int label = r.nextDouble() < 0.4 ? 1 : 0;
            y[i] = label;
            // P(pred=1) = 0.4·tpr + 0.6·fpr: A: 0.4·0.6 + 0.6·0.1 = 0.30; B: 0.4·0.8 + 0.6·(0.3) = 0.50
            double tpr = a ? 0.6 : 0.8;
            double fpr = a ? 0.1 : 0.3;
            p[i] = r.nextDouble() < (label == 1 ? tpr : fpr) ? 1 : 0;
        }
        return org.rai4j.core.Table.of("sim", org.rai4j.core.Column.categorical("g", g),
                org.rai4j.core.Column.numeric("y", y), org.rai4j.core.Column.numeric("p", p));
    }

    @Test
    void intervals_simulatedData_coverNearNominal() throws Exception {
        int wilsonHits = 0;
        int gapHits = 0;
        int balHits = 0;
        double trueBalancedA = 0.5 * (0.6 + 0.9);
        for (int s = 0; s < SIMULATIONS; s++) {
            AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", java.util.List.of("g"), java.util.List.of(),
                    MissingGroupPolicy.ERROR, 30, 0.95, 400, 1000 + s, Adjustment.NONE);
            AuditResult r = Auditor.run(simulate(s, 800), spec, b -> { });
            SliceResult a = r.main().group(SliceKey.of("g", "A"));
            wilsonHits += a.metric("selection_rate").interval().contains(0.30) ? 1 : 0;
            balHits += a.metric("balanced_accuracy").interval().contains(trueBalancedA) ? 1 : 0;
            gapHits += r.main().fairness().get("demographic_parity_difference").interval().contains(0.20) ? 1 : 0;
        }
        assertThat(wilsonHits / (double) SIMULATIONS).as("Wilson coverage").isBetween(LO, HI);
        assertThat(balHits / (double) SIMULATIONS).as("bootstrap coverage, balanced accuracy").isBetween(LO, HI);
        assertThat(gapHits / (double) SIMULATIONS).as("bootstrap coverage, demographic parity difference").isBetween(LO, HI);
    }

    @Test
    void coverageBand_rejectsATooNarrowInterval() throws Exception {
        int hits = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            org.rai4j.core.Table t = simulate(s, 800);
            long sel = 0;
            long n = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if ("A".equals(t.column("g").text(i))) {
                    n++;
                    sel += (long) t.column("p").number(i);
                }
            }
            Interval broken = Intervals.wilson(sel, n, 0.80);
            hits += broken.contains(0.30) ? 1 : 0;
        }
        assertThat(hits / (double) SIMULATIONS).isLessThan(LO);
    }
}
