package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces the worked examples of Fairlearn's documentation (user guide "Intersecting Groups" and
 * the MetricFrame docstring), derived from the published data and values. Fairlearn prints values to
 * six decimals (or with an ellipsis), so expected values are exact fractions and compared to 1e-12.
 */
class FairlearnExamplesTest {
    // Fairlearn user guide, "Intersecting Groups": 18 rows, one or two sensitive features.
    static final int[] Y_TRUE = {0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    static final int[] Y_PRED = {0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0};
    static final String[] SF = {"b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"};
    static final String[] G2 = {"8", "6", "8", "8", "8", "8", "6", "6", "6", "8", "6", "6", "6", "6", "8", "6", "6", "6"};

    static Table table(int[] yTrue, int[] yPred, String[]... groups) {
        Column[] cols = new Column[2 + groups.length];
        cols[0] = Column.numeric("y_true", java.util.Arrays.stream(yTrue).asDoubleStream().toArray());
        cols[1] = Column.numeric("y_pred", java.util.Arrays.stream(yPred).asDoubleStream().toArray());
        for (int g = 0; g < groups.length; g++) {
            cols[2 + g] = Column.categorical(g == 0 ? "SF 0" : "SF 1", groups[g]);
        }
        return Table.of("fairlearn-example", cols);
    }

    static AuditResult audit(Table t, List<String> groups, int minGroupSize) throws Exception {
        AuditSpec spec = AuditSpec.binary("y_true", "y_pred", groups).withMinGroupSize(minGroupSize).withBootstrap(200, 7);
        return Auditor.run(t, spec, b -> { });
    }

    @Test
    void metricFrameDocstring_oneFeature_matchesPublishedValues() throws Exception {
        AuditResult r = audit(table(Y_TRUE, Y_PRED, SF), List.of("SF 0"), 1);
        SliceResult overall = r.main().overall();
        assertThat(overall.metric("true_positive_rate").value()).isCloseTo(0.5, within(1e-12));
        assertThat(overall.metric("false_positive_rate").value()).isCloseTo(4.0 / 6.0, within(1e-12));
        assertThat(overall.metric("selection_rate").value()).isCloseTo(10.0 / 18.0, within(1e-12));
        MetricAggregates tpr = r.main().aggregates().get("true_positive_rate");
        MetricAggregates fpr = r.main().aggregates().get("false_positive_rate");
        MetricAggregates sel = r.main().aggregates().get("selection_rate");
        MetricAggregates count = r.main().aggregates().get("count");
        // docstring: difference between_groups tpr 0.2, fpr 1.0, sel 0.25, count 4
        assertThat(tpr.differenceBetweenGroups().value()).isCloseTo(0.2, within(1e-12));
        assertThat(fpr.differenceBetweenGroups().value()).isCloseTo(1.0, within(1e-12));
        assertThat(sel.differenceBetweenGroups().value()).isCloseTo(0.25, within(1e-12));
        assertThat(count.differenceBetweenGroups().value()).isCloseTo(4.0, within(1e-12));
        // to_overall tpr 0.1; ratio to_overall selection rate 0.740741 (= overall 10/18 over group c's 0.75)
        assertThat(tpr.differenceToOverall().value()).isCloseTo(0.1, within(1e-12));
        assertThat(sel.ratioToOverall().value()).isCloseTo((10.0 / 18.0) / 0.75, within(1e-12));
        assertThat(sel.ratioToOverall().value()).isCloseTo(0.740741, within(5e-7));
        // the named metrics are compositions of the same aggregates
        assertThat(r.main().fairness().get("demographic_parity_difference").value()).isCloseTo(0.25, within(1e-12));
        assertThat(r.main().fairness().get("equalized_odds_difference").value()).isCloseTo(1.0, within(1e-12));
        assertThat(r.main().fairness().get("equalized_odds_difference").metric()).isEqualTo("false_positive_rate");
        assertThat(r.main().fairness().get("equal_opportunity_difference").value()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void intersectingGroups_twoFeatures_matchesPublishedRecallPrecisionCount() throws Exception {
        AuditResult r = audit(table(Y_TRUE, Y_PRED, SF, G2), List.of("SF 0", "SF 1"), 1);
        assertThat(r.main().overall().metric("true_positive_rate").value()).isCloseTo(0.5, within(1e-12));
        assertThat(r.main().overall().metric("precision").value()).isCloseTo(0.6, within(1e-12));
        assertThat(r.main().overall().n()).isEqualTo(18);
        Object[][] expected = {
                // SF 0, SF 1, precision, recall, count  (Fairlearn user guide table)
                {"a", "6", 0.0, 0.0, 2}, {"a", "8", 0.5, 1.0, 2}, {"b", "6", 1.0, 2.0 / 3.0, 3},
                {"b", "8", 1.0, 0.5, 3}, {"c", "6", 2.0 / 3.0, 0.5, 6}, {"c", "8", 0.0, 0.0, 2}};
        for (Object[] e : expected) {
            SliceResult s = r.main().group(new SliceKey(List.of("SF 0", "SF 1"), List.of((String) e[0], (String) e[1])));
            assertThat(s).as("slice %s,%s", e[0], e[1]).isNotNull();
            assertThat(s.n()).isEqualTo(((Integer) e[4]).longValue());
            assertThat(s.metric("precision").value()).isCloseTo((Double) e[2], within(1e-12));
            assertThat(s.metric("true_positive_rate").value()).isCloseTo((Double) e[3], within(1e-12));
        }
        // Marginal slices are merges of the intersections
        SliceResult c = r.main().group(SliceKey.of("SF 0", "c"));
        assertThat(c.n()).isEqualTo(8);
    }

    // Fairlearn user guide, "Control Features": 30 rows, accuracy by SF within CF.
    static final int[] DECISION = {0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0};
    static final int[] PREDICTION = {1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1};
    static final String[] CF = {"H", "L", "H", "L", "H", "L", "L", "H", "H", "L", "L", "H", "H", "L", "L", "H", "L", "L", "H", "H",
            "L", "H", "L", "L", "H", "H", "L", "L", "H", "L"};
    static final String[] SENS = {"A", "B", "B", "C", "C", "B", "A", "A", "B", "A", "C", "B", "C", "A", "C", "C", "B", "B", "C", "A",
            "B", "B", "C", "A", "B", "A", "B", "B", "A", "A"};

    @Test
    void controlFeatures_accuracyWithinEachControlLevel_matchesPublishedValues() throws Exception {
        Table t = Table.of("fairlearn-control",
                Column.numeric("decision", java.util.Arrays.stream(DECISION).asDoubleStream().toArray()),
                Column.numeric("prediction", java.util.Arrays.stream(PREDICTION).asDoubleStream().toArray()),
                Column.categorical("SF", SENS), Column.categorical("CF", CF));
        AuditSpec spec = AuditSpec.binary("decision", "prediction", List.of("SF")).withControls(List.of("CF"))
                .withMinGroupSize(1).withBootstrap(100, 3);
        AuditResult r = Auditor.run(t, spec, b -> { });
        assertThat(r.byControl()).hasSize(2);
        Analysis h = r.byControl().get(0);
        Analysis l = r.byControl().get(1);
        assertThat(h.control()).isEqualTo(SliceKey.of("CF", "H"));
        // overall per control level: H 0.4285..., L 0.375
        assertThat(h.overall().metric("accuracy").value()).isCloseTo(6.0 / 14.0, within(1e-12));
        assertThat(l.overall().metric("accuracy").value()).isCloseTo(0.375, within(1e-12));
        // by group: H: A 0.2, B 0.4, C 0.75; L: A 0.4, B 0.2857..., C 0.5
        assertThat(h.group(SliceKey.of("SF", "A")).metric("accuracy").value()).isCloseTo(0.2, within(1e-12));
        assertThat(h.group(SliceKey.of("SF", "B")).metric("accuracy").value()).isCloseTo(0.4, within(1e-12));
        assertThat(h.group(SliceKey.of("SF", "C")).metric("accuracy").value()).isCloseTo(0.75, within(1e-12));
        assertThat(l.group(SliceKey.of("SF", "A")).metric("accuracy").value()).isCloseTo(0.4, within(1e-12));
        assertThat(l.group(SliceKey.of("SF", "B")).metric("accuracy").value()).isCloseTo(2.0 / 7.0, within(1e-12));
        assertThat(l.group(SliceKey.of("SF", "C")).metric("accuracy").value()).isCloseTo(0.5, within(1e-12));
        // group_max: H 0.75, L 0.50; difference between groups: H 0.55, L 0.2142...
        assertThat(h.aggregates().get("accuracy").groupMax().value()).isCloseTo(0.75, within(1e-12));
        assertThat(l.aggregates().get("accuracy").groupMax().value()).isCloseTo(0.5, within(1e-12));
        assertThat(h.aggregates().get("accuracy").differenceBetweenGroups().value()).isCloseTo(0.55, within(1e-12));
        assertThat(l.aggregates().get("accuracy").differenceBetweenGroups().value()).isCloseTo(0.5 - 2.0 / 7.0, within(1e-12));
        // The main analysis ignores the control feature.
        assertThat(r.main().overall().n()).isEqualTo(30);
    }
}
