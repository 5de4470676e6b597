package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.core.Column;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.core.Table;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metric definitions checked against direct computations from the rows. */
class MetricsTest {
    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5, 6})
    void auc_weightedWithTies_equalsPairCounting(long seed) throws Exception {
        Table t = Fixtures.random(seed, 300);
        AuditResult r = Auditor.run(t, Fixtures.spec("score", "w", 0), b -> { });
        // O(n²) reference over all (positive, negative) pairs, weight w_i·w_j, ties count 1/2
        double num = 0;
        double den = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < t.rowCount(); j++) {
                if (t.column("y").number(i) == 1 && t.column("y").number(j) == 0) {
                    double w = t.column("w").number(i) * t.column("w").number(j);
                    double si = t.column("score").number(i);
                    double sj = t.column("score").number(j);
                    num += w * (si > sj ? 1 : si == sj ? 0.5 : 0);
                    den += w;
                }
            }
        }
        assertThat(r.main().overall().metric("auc").value()).isCloseTo(num / den, within(1e-12));
    }

    @Test
    void brierAndEce_matchDefinitions() throws Exception {
        Table t = Table.of("cal", Column.categorical("g", new String[] {"a", "a", "a", "a"}),
                Column.numeric("y", new double[] {1, 0, 1, 0}), Column.numeric("p", new double[] {1, 0, 0, 1}),
                Column.numeric("s", new double[] {0.9, 0.15, 0.35, 0.95}));
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", "s", null, "1", "0", List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 0, 1, Adjustment.NONE);
        SliceResult o = Auditor.run(t, spec, b -> { }).main().overall();
        double brier = (0.01 + 0.0225 + 0.4225 + 0.9025) / 4;
        assertThat(o.metric("brier_score").value()).isCloseTo(brier, within(1e-12));
        // bins: [0.1,0.2): s=0.15,y=0 → |0-0.15|; [0.3,0.4): s=0.35,y=1 → 0.65; [0.9,1]: s=0.9,0.95, y=1,0 → |0.5-0.925|·2
        double ece = (0.15 + 0.65 + 2 * 0.425) / 4;
        assertThat(o.metric("expected_calibration_error").value()).isCloseTo(ece, within(1e-12));
    }

    @Test
    void multiclass_perClassRates_matchDirectCounts() throws Exception {
        String[] y = {"cat", "dog", "dog", "bird", "cat", "bird", "dog", "cat"};
        String[] p = {"cat", "dog", "cat", "bird", "bird", "bird", "dog", "cat"};
        String[] g = {"u", "u", "u", "u", "v", "v", "v", "v"};
        Table t = Table.of("mc", Column.categorical("y", y), Column.categorical("p", p), Column.categorical("g", g));
        AuditSpec spec = new AuditSpec(Task.MULTICLASS, "y", "p", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 50, 1, Adjustment.NONE);
        AuditResult r = Auditor.run(t, spec, b -> { });
        assertThat(r.classes()).containsExactly("bird", "cat", "dog");
        SliceResult o = r.main().overall();
        assertThat(o.metric("accuracy").value()).isCloseTo(6.0 / 8, within(1e-12));
        assertThat(o.metric("true_positive_rate:cat").value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(o.metric("precision:cat").value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(o.metric("false_positive_rate:bird").value()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(o.metric("selection_rate:dog").value()).isCloseTo(2.0 / 8, within(1e-12));
        SliceResult v = r.main().group(SliceKey.of("g", "v"));
        assertThat(v.metric("accuracy").value()).isCloseTo(3.0 / 4, within(1e-12));
    }

    @Test
    void regression_errorsAndMeans_matchDirectComputation() throws Exception {
        double[] y = {1, 2, 3, 4, 5, 6};
        double[] yhat = {1.5, 2, 2, 5, 5, 4};
        String[] g = {"a", "a", "a", "b", "b", "b"};
        Table t = Table.of("reg", Column.numeric("y", y), Column.numeric("yhat", yhat), Column.categorical("g", g));
        AuditSpec spec = new AuditSpec(Task.REGRESSION, "y", "yhat", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 100, 1, Adjustment.NONE);
        AuditResult r = Auditor.run(t, spec, b -> { });
        SliceResult a = r.main().group(SliceKey.of("g", "a"));
        assertThat(a.metric("mae").value()).isCloseTo((0.5 + 0 + 1) / 3, within(1e-12));
        assertThat(a.metric("mse").value()).isCloseTo((0.25 + 0 + 1) / 3, within(1e-12));
        assertThat(a.metric("rmse").value()).isCloseTo(Math.sqrt(1.25 / 3), within(1e-12));
        assertThat(a.metric("mean_prediction").value()).isCloseTo(5.5 / 3, within(1e-12));
        // mae: group a (0.5 + 0 + 1)/3 = 0.5, group b (1 + 0 + 2)/3 = 1
        assertThat(r.main().aggregates().get("mae").differenceBetweenGroups().value()).isCloseTo(1.0 - 0.5, within(1e-12));
        assertThat(r.bootstrapMethod()).isEqualTo("rows");
    }

    @Test
    void smallAndUndefined_slices_areListedNotAggregated() throws Exception {
        // slice c has 2 rows (< 3) and slice b has no actual positives
        Table t = Table.of("small", Column.categorical("g", new String[] {"a", "a", "a", "b", "b", "b", "c", "c"}),
                Column.numeric("y", new double[] {1, 0, 1, 0, 0, 0, 1, 1}),
                Column.numeric("p", new double[] {1, 0, 0, 1, 0, 0, 1, 1}));
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 3, 0.95, 0, 1, Adjustment.NONE);
        AuditResult r = Auditor.run(t, spec, b -> { });
        SliceResult c = r.main().group(SliceKey.of("g", "c"));
        assertThat(c.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(c.metric("accuracy").status()).isEqualTo(Status.INSUFFICIENT_DATA);
        SliceResult b = r.main().group(SliceKey.of("g", "b"));
        assertThat(b.metric("true_positive_rate").status()).isEqualTo(Status.UNDEFINED);
        assertThat(b.metric("true_positive_rate").reason()).isEqualTo("no actual positives (tp + fn = 0)");
        MetricAggregates tpr = r.main().aggregates().get("true_positive_rate");
        // slice a has 3 rows (enough) but only 2 actual positives: TPR alone is INSUFFICIENT_DATA there
        SliceResult a = r.main().group(SliceKey.of("g", "a"));
        assertThat(a.status()).isEqualTo(Status.OK);
        assertThat(a.metric("accuracy").status()).isEqualTo(Status.OK);
        assertThat(a.metric("true_positive_rate").status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(a.metric("true_positive_rate").reason()).isEqualTo("n=2 rows in its denominator < min_group_size=3");
        assertThat(tpr.excluded()).containsExactly("g=a: INSUFFICIENT_DATA (n=2 rows in its denominator < 3)",
                "g=b: UNDEFINED (no actual positives (tp + fn = 0))", "g=c: INSUFFICIENT_DATA (n=2 < 3)");
        assertThat(tpr.differenceBetweenGroups().status()).isEqualTo(Status.UNDEFINED);
        assertThat(r.main().aggregates().get("accuracy").differenceBetweenGroups().value()).isCloseTo(2.0 / 3 - 2.0 / 3, within(1e-12));
    }

    @Test
    void fairness_noGapAtAll_isNotSignificant() throws Exception {
        Table t = Table.of("flat", Column.categorical("g", new String[] {"a", "a", "b", "b"}),
                Column.numeric("y", new double[] {1, 0, 1, 0}), Column.numeric("p", new double[] {1, 0, 1, 0}));
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 200, 1, Adjustment.HOLM);
        FairnessValue dp = Auditor.run(t, spec, b -> { }).main().fairness().get("demographic_parity_difference");
        assertThat(dp.value()).isZero();
        assertThat(dp.significant()).isFalse();
    }
}
