package org.rai4j.privacy.audit;

import org.junit.jupiter.api.Test;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.testkit.SharedData;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The audit of docs/privacy-audit.md on the real UCI Adult data (../shared/data; skipped on machines without it,
 * required in CI): logistic regression at ε = ∞, 8, 2, 1 with 16 reference models and 1000 canaries — 68 models,
 * about 30 CPU-seconds. Checks the validity property on real data (no empirical bound above its theoretical ε,
 * each a 95% statement) and the page's figures.
 */
class AdultPrivacyAuditIntegrationTest {
    private static final List<String> FEATURES = List.of("age", "workclass", "education", "education-num", "marital-status",
            "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country");

    @Test
    void adultLogistic_16ReferenceModels_boundsBelowTheory_asTheDocsShow() throws Exception {
        Table adult = new CsvTableReader().read(SharedData.require("adult/adult.csv"));
        PrivacyAudit.Spec spec = new PrivacyAudit.Spec("Salary", FEATURES, null, PrivacyAudit.Model.LOGISTIC,
                List.of(Double.POSITIVE_INFINITY, 8.0, 2.0, 1.0), List.of(PrivacyAudit.Attack.values()), 16, 1000, 20, 256, 1.0,
                0.5, 64, 20000, 64, 1e-5, 0.2, 1000, 0.95, 1, 2);
        PrivacyAudit.Result r = PrivacyAudit.run(adult, spec, new PrivacyAudit.Listener() {
            @Override
            public void model(int done, int total, String what) {
            }

            @Override
            public void warning(String message) {
            }
        });
        assertThat(r.poolRows()).isEqualTo(25049);
        assertThat(r.testRows()).isEqualTo(6512);
        assertThat(r.rows()).hasSize(4);
        assertThat(r.rows().get(0).testAccuracy().value()).isCloseTo(0.8535, within(0.003));
        for (PrivacyAudit.Row row : r.rows()) {
            double eps = row.theoreticalEpsilon();
            assertThat(row.oneRun().epsilonLowerBound()).as("one-run bound at eps %s", eps).isLessThanOrEqualTo(eps);
            assertThat(row.testAccuracy().value()).as("test accuracy at eps %s", eps).isGreaterThan(0.84);
            for (PrivacyAudit.AttackOutcome o : row.attacks()) {
                assertThat(o.empirical().epsilonLowerBound()).as("%s CP bound at eps %s", o.attack().id(), eps)
                        .isLessThanOrEqualTo(eps);
                assertThat(o.metrics().auc().value()).as("%s AUC at eps %s", o.attack().id(), eps).isBetween(0.48, 0.52);
            }
        }
    }
}
