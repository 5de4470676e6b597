package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AttackMetricsTest {

    @Test
    void metrics_smallExample_matchHandComputedValues() {
        // scores (member?): 0.9 M, 0.8 N, 0.7 M, 0.6 M, 0.5 N, 0.4 N. Pairs (M, N) with M > N: 1·2 + 3·... —
        // member 0.9 beats 3 non-members, 0.7 beats 2, 0.6 beats 2 → 7 of 9: AUC = 7/9.
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] m = {true, false, true, true, false, false};
        AttackMetrics.Result r = AttackMetrics.of(s, m, 0, 0.95, 1);
        assertThat(r.auc().value()).isCloseTo(7.0 / 9, within(1e-15));
        // FPR <= 1%: only thresholds before the first non-member: TPR 1/3
        assertThat(r.tprAt1PctFpr().value()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.tprAt01PctFpr().value()).isCloseTo(1.0 / 3, within(1e-15));
        // best threshold 0.6: TPR 1, FPR 1/3 → (1 + 2/3)/2
        assertThat(r.balancedAccuracy().value()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(r.roc().fpr()).containsExactly(0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1);
        assertThat(r.roc().tpr()).containsExactly(0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1);
    }

    @Test
    void auc_ties_countHalf() {
        // all scores equal: AUC 1/2 (Mann–Whitney with ties ½), TPR at low FPR 0
        AttackMetrics.Result r = AttackMetrics.of(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, false}, 0, 0.95, 1);
        assertThat(r.auc().value()).isEqualTo(0.5);
        assertThat(r.tprAt1PctFpr().value()).isZero();
        assertThat(r.balancedAccuracy().value()).isEqualTo(0.5);
    }

    @Test
    void auc_equalsMannWhitneyCount_onRandomData() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 20; t++) {
            int n = 50 + rng.nextInt(100);
            double[] s = new double[n];
            boolean[] m = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(20); // many ties
                m[i] = rng.nextBoolean();
            }
            m[0] = true;
            m[1] = false;
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (m[i] && !m[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(AttackMetrics.of(s, m, 0, 0.95, 1).auc().value()).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    /**
     * Coverage under the null (scores independent of membership, AUC = 0.5): the 95% bootstrap interval contains
     * 0.5 in at least 178 of 200 seeded simulations (150 members, 150 non-members, 200 replicates). A correct
     * 95% interval gives Binomial(200, 0.95): mean 190, sd 3.1, P[< 178] ≈ 1e-4. (Percentile intervals of a
     * finite bootstrap cover slightly less than nominal; 178 leaves room for that.)
     */
    @Test
    void aucInterval_nullSimulation_coversHalf() {
        assertThat(coverage(false)).isGreaterThanOrEqualTo(178);
    }

    /** The same check rejects a deliberately broken interval: the bootstrap interval shrunk to half its width. */
    @Test
    void coverageCheck_rejectsHalfWidthInterval() {
        assertThat(coverage(true)).isLessThan(178);
    }

    @Test
    void metrics_needBothClasses() {
        assertThatThrownBy(() -> AttackMetrics.of(new double[] {1, 2}, new boolean[] {true, true}, 0, 0.95, 1))
                .hasMessageContaining("at least one member and one non-member");
    }

    private static int coverage(boolean broken) {
        SplittableRandom rng = new SplittableRandom(99);
        int covered = 0;
        for (int run = 0; run < 200; run++) {
            double[] s = new double[300];
            boolean[] m = new boolean[300];
            for (int i = 0; i < 300; i++) {
                s[i] = rng.nextGaussian();
                m[i] = i < 150;
            }
            AttackMetrics.Result r = AttackMetrics.of(s, m, 200, 0.95, run);
            double lo = r.auc().interval().lo();
            double hi = r.auc().interval().hi();
            if (broken) {
                double mid = r.auc().value();
                lo = mid - (mid - lo) / 2;
                hi = mid + (hi - mid) / 2;
            }
            if (lo <= 0.5 && 0.5 <= hi) {
                covered++;
            }
        }
        return covered;
    }
}
