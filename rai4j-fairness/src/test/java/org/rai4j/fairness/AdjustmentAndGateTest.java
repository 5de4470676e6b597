package org.rai4j.fairness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdjustmentAndGateTest {
    @Test
    void holmAndBh_matchRPAdjust() {
        // R: p.adjust(c(0.01,0.04,0.03,0.02,0.05), "holm") = 0.05 0.09 0.09 0.08 0.09 ; "BH" = 0.05 everywhere
        double[] p = {0.01, 0.04, 0.03, 0.02, 0.05};
        assertThat(Adjustment.HOLM.adjust(p)).containsExactly(new double[] {0.05, 0.09, 0.09, 0.08, 0.09}, within(1e-12));
        assertThat(Adjustment.BH.adjust(p)).containsExactly(new double[] {0.05, 0.05, 0.05, 0.05, 0.05}, within(1e-12));
        // R: p.adjust(c(0.001, 0.2, 0.04, NA), "BH") = 0.003 0.200 0.060 NA
        double[] q = Adjustment.BH.adjust(new double[] {0.001, 0.2, 0.04, Double.NaN});
        assertThat(q[0]).isCloseTo(0.003, within(1e-12));
        assertThat(q[1]).isCloseTo(0.2, within(1e-12));
        assertThat(q[2]).isCloseTo(0.06, within(1e-12));
        assertThat(q[3]).isNaN();
        assertThat(Adjustment.NONE.adjust(p)).containsExactly(p);
    }

    @Test
    void failCondition_parsesAndEvaluatesOnAnAudit() throws Exception {
        AuditResult r = Auditor.run(FairlearnExamplesTest.table(FairlearnExamplesTest.Y_TRUE, FairlearnExamplesTest.Y_PRED,
                FairlearnExamplesTest.SF), AuditSpec.binary("y_true", "y_pred", java.util.List.of("SF 0")).withMinGroupSize(1)
                .withBootstrap(100, 1), b -> { });
        assertThat(FailCondition.parse("equalized_odds_difference > 0.1").holds(r)).isTrue();
        assertThat(FailCondition.parse("demographic_parity_difference>=0.25").holds(r)).isTrue();
        assertThat(FailCondition.parse("demographic_parity_difference > 0.25").holds(r)).isFalse();
        assertThat(FailCondition.parse("true_positive_rate.difference_between_groups < 0.3").holds(r)).isTrue();
        assertThat(FailCondition.parse("selection_rate.difference_between_groups.ci_hi > 0").holds(r)).isTrue();
        assertThatThrownBy(() -> FailCondition.parse("eod > ten")).hasMessageContaining("expected 'NAME OP NUMBER'");
        assertThatThrownBy(() -> FailCondition.parse("nonsense > 1").holds(r)).hasMessageContaining("unknown quantity 'nonsense'");
    }
}
