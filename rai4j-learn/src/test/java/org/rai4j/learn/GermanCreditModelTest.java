package org.rai4j.learn;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Table;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GermanCreditModelTest {
    private static final GermanCreditModel M;

    static {
        try {
            M = GermanCreditModel.train(GermanCredit.load(), 0.3, 2024, 1.0);
        } catch (DataFileException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void train_splitsSeventyThirtyAndLeavesOutLabelAndGroups() {
        assertThat(M.train().rowCount()).isEqualTo(700);
        assertThat(M.test().rowCount()).isEqualTo(300);
        assertThat(M.features()).hasSize(20).doesNotContain("class", "sex", "age_band");
        assertThat(M.encoder().width()).isEqualTo(61); // as rai4j demo has always printed
    }

    @Test
    void fit_satisfiesTheFirstOrderConditionOfThePenalisedLikelihood() throws DataFileException {
        // Gradient of Σ[y log p + (1−y) log(1−p)] − (λ/2)‖β‖²: Σ(y−p) for the intercept, Σ(y−p)x_a − λβ_a otherwise.
        double[][] x = M.encoder().transform(M.train());
        int[] y = GermanCreditModel.labels(M.train());
        double[] beta = M.model().coefficients();
        double g0 = 0;
        double[] g = new double[beta.length];
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - M.model().probability(x[i]);
            g0 += r;
            for (int a = 0; a < beta.length; a++) {
                g[a] += r * x[i][a];
            }
        }
        assertThat(Math.abs(g0)).isLessThan(1e-6);
        for (int a = 0; a < beta.length; a++) {
            assertThat(Math.abs(g[a] - 1.0 * beta[a])).as("feature %d", a).isLessThan(1e-6);
        }
    }

    @Test
    void audited_holdsTruthPredictionScoreAndGroups() throws DataFileException {
        Table a = M.audited(M.test(), "holdout");
        assertThat(a.columnNames()).containsExactly("good_credit", "predicted_good", "score", "sex", "age_band");
        assertThat(a.source()).isEqualTo("holdout");
        Column s = a.column("score");
        Column p = a.column("predicted_good");
        for (int i = 0; i < a.rowCount(); i++) {
            assertThat(s.number(i)).isStrictlyBetween(0.0, 1.0);
            assertThat(p.number(i)).isEqualTo(s.number(i) >= 0.5 ? 1.0 : 0.0);
        }
        // rai4j demo's recorded figure (GoldenOutputsTest, demo.txt): held-out accuracy 0.763 on 300 rows.
        assertThat(GermanCreditModel.accuracy(a)).isEqualTo(229 / 300.0);
    }

    @Test
    void labels_nameTheRowOfAValueThatIsNeitherGoodNorBad() {
        Table t = Table.of("x.csv", Column.categorical("class", new String[] {"good", "ok"}));
        assertThatThrownBy(() -> GermanCreditModel.labels(t)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("class").hasMessageContaining("expected good or bad, got 'ok'");
    }
}
