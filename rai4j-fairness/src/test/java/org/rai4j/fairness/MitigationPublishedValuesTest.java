package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * ThresholdOptimizer against Fairlearn's own unit tests (fairlearn/fairlearn
 * {@code test/unit/postprocessing/conftest.py} data {@code scores_ex}, {@code labels_ex},
 * {@code sensitive_features_ex1}; expected values from {@code test_threshold_optimization.py}
 * {@code test_threshold_optimization_demographic_parity} and {@code _equalized_odds}, which use
 * {@code flip=True}), and Reweighing against AIF360's formula on a hand-computable table.
 */
class MitigationPublishedValuesTest {
    // conftest.py: labels_ex '0110100' '0010111' '000111'; scores_ex '0011233' '0001111' '011112'; groups AAAAAAA BBBBBBB CCCCCC
    private static final int[] LABELS = digits("0110100" + "0010111" + "000111");
    private static final int[] SCORES = digits("0011233" + "0001111" + "011112");
    private static final int[] GROUPS = new int[20];

    static {
        for (int i = 0; i < 20; i++) {
            GROUPS[i] = i < 7 ? 0 : i < 14 ? 1 : 2;
        }
    }

    private static int[] digits(String s) {
        return s.chars().map(c -> c - '0').toArray();
    }

    private static double[] scores() {
        double[] s = new double[SCORES.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = SCORES[i];
        }
        return s;
    }

    @Test
    void demographicParity_matchesFairlearnTest() {
        ThresholdOptimizer.Rule r = ThresholdOptimizer.fit(scores(), LABELS, GROUPS, 3, ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY);
        double tol = 1e-8; // np.isclose: rtol 1e-5, atol 1e-8
        // group A
        assertThat(r.probability(0, 0)).isCloseTo(0.8008, within(1e-5));
        assertThat(r.probability(0, 2.499)).isCloseTo(0.8008, within(1e-5));
        assertThat(r.probability(0, 2.5)).isEqualTo(0.0);
        assertThat(r.probability(0, 100)).isEqualTo(0.0);
        // group B
        assertThat(r.probability(1, 0)).isCloseTo(0.00133333333333, within(1e-7));
        assertThat(r.probability(1, 0.5)).isCloseTo(0.00133333333333, within(1e-7));
        assertThat(r.probability(1, 0.51)).isEqualTo(1.0);
        assertThat(r.probability(1, 100)).isEqualTo(1.0);
        // group C
        assertThat(r.probability(2, 0)).isEqualTo(0.0);
        assertThat(r.probability(2, 0.5)).isEqualTo(0.0);
        assertThat(r.probability(2, 0.51)).isCloseTo(0.608, within(1e-5));
        assertThat(r.probability(2, 1.5)).isCloseTo(0.608, within(1e-5));
        assertThat(r.probability(2, 1.51)).isCloseTo(1.0, within(tol));
        // "Assert Demographic Parity actually holds": mean P(ŷ=1) is 0.572 in every group
        for (int g = 0; g < 3; g++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < 20; i++) {
                if (GROUPS[i] == g) {
                    sum += r.probability(g, SCORES[i]);
                    n++;
                }
            }
            assertThat(sum / n).as("group " + g).isCloseTo(0.572, within(1e-5));
        }
        assertThat(r.level()).isCloseTo(0.572, within(1e-12));
    }

    @Test
    void equalizedOdds_matchesFairlearnTest() {
        ThresholdOptimizer.Rule r = ThresholdOptimizer.fit(scores(), LABELS, GROUPS, 3, ThresholdOptimizer.Constraint.EQUALIZED_ODDS);
        double c = 0.334; // prediction_constant
        double pA = 0.001996007984031716;
        assertThat(r.groups().get(0).pIgnore()).isCloseTo(pA, within(1e-9));
        assertThat(r.probability(0, 0)).isCloseTo(c * pA + (1 - pA) * 0.668, within(1e-5));
        assertThat(r.probability(0, 2.5)).isCloseTo(c * pA, within(1e-12));
        double pB = 0.1991991991991991;
        assertThat(r.groups().get(1).pIgnore()).isCloseTo(pB, within(1e-9));
        assertThat(r.probability(1, 0.5)).isCloseTo(c * pB + (1 - pB) * 0.001, within(1e-5));
        assertThat(r.probability(1, 0.51)).isCloseTo(c * pB + 1 - pB, within(1e-12));
        assertThat(r.groups().get(2).pIgnore()).isEqualTo(0.0);
        assertThat(r.probability(2, 0)).isEqualTo(0.0);
        assertThat(r.probability(2, 1.0)).isCloseTo(0.501, within(1e-5));
        assertThat(r.probability(2, 1.51)).isCloseTo(1.0, within(1e-12));
        // equalized odds holds: mean P(ŷ=1) among label 0 (and among label 1) equal across groups
        for (int y = 0; y < 2; y++) {
            double[] mean = new double[3];
            for (int g = 0; g < 3; g++) {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < 20; i++) {
                    if (GROUPS[i] == g && LABELS[i] == y) {
                        sum += r.probability(g, SCORES[i]);
                        n++;
                    }
                }
                mean[g] = sum / n;
            }
            assertThat(mean[1]).as("label " + y).isCloseTo(mean[0], within(1e-9));
            assertThat(mean[2]).as("label " + y).isCloseTo(mean[0], within(1e-9));
        }
    }

    @Test
    void predict_isSeededAndFollowsTheProbabilities() {
        ThresholdOptimizer.Rule r = ThresholdOptimizer.fit(scores(), LABELS, GROUPS, 3, ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY);
        double[] s = new double[20000];
        int[] g = new int[20000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1.0;
            g[i] = 2;
        }
        int[] a = r.predict(s, g, 5L);
        assertThat(r.predict(s, g, 5L)).isEqualTo(a);
        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        // Binomial(20000, 0.608): sd = 0.00345; 5 sd tolerance (false-failure < 1e-6)
        assertThat(mean).isCloseTo(0.608, within(5 * 0.00345));
    }

    /** AIF360 Reweighing: W(g, y) = n_g·n_y / (n·n_{g,y}); A: 4 positive of 6, B: 1 of 4; n = 10, 5 positive. */
    @Test
    void reweighing_equalsAif360Formula_onHandTable() {
        int[] group = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        int[] label = {1, 1, 1, 1, 0, 0, 1, 0, 0, 0};
        double[][] w = Reweighing.table(group, label, 2);
        assertThat(w[0][1]).isCloseTo(6.0 * 5 / (10 * 4), within(1e-15)); // 0.75
        assertThat(w[0][0]).isCloseTo(6.0 * 5 / (10 * 2), within(1e-15)); // 1.5
        assertThat(w[1][1]).isCloseTo(4.0 * 5 / (10 * 1), within(1e-15)); // 2.0
        assertThat(w[1][0]).isCloseTo(4.0 * 5 / (10 * 3), within(1e-15)); // 0.667
        double[] rows = Reweighing.weights(group, label, 2);
        // weighted: label independent of group, totals kept
        double posA = 0, allA = 0, posB = 0, allB = 0, total = 0;
        for (int i = 0; i < 10; i++) {
            total += rows[i];
            if (group[i] == 0) {
                allA += rows[i];
                posA += label[i] * rows[i];
            } else {
                allB += rows[i];
                posB += label[i] * rows[i];
            }
        }
        assertThat(total).isCloseTo(10.0, within(1e-12));
        assertThat(allA).isCloseTo(6.0, within(1e-12));
        assertThat(posA / allA).isCloseTo(0.5, within(1e-12));
        assertThat(posB / allB).isCloseTo(0.5, within(1e-12));
    }
}
