package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.junit.jupiter.api.Test;

/**
 * Aequitas-style disparities on a hand-computable audit (every count below × 3). Group A: 100 rows, 60 positive labels; predictions:
 * 40 TP, 10 FP (selection rate 0.5, tpr 40/60, fpr 10/40). Group B: 50 rows, 20 positive labels; predictions:
 * 10 TP, 5 FP (selection rate 0.3, tpr 0.5, fpr 5/30). All predicted positives: 65 → ppr A = 50/65, B = 15/65 (ratios unchanged by the × 3).
 */
class DisparitiesTest {
    private static AuditResult audit() throws Exception {
        StringBuilder sb = new StringBuilder("g,y,p\n");
        rows(sb, "A", 40, 1, 1);
        rows(sb, "A", 20, 1, 0);
        rows(sb, "A", 10, 0, 1);
        rows(sb, "A", 30, 0, 0);
        rows(sb, "B", 10, 1, 1);
        rows(sb, "B", 10, 1, 0);
        rows(sb, "B", 5, 0, 1);
        rows(sb, "B", 25, 0, 0);
        Table t = new CsvTableReader().read(sb.toString(), "d.csv");
        return Auditor.run(t, AuditSpec.binary("y", "p", List.of("g")).withBootstrap(0, 1), i -> { });
    }

    private static void rows(StringBuilder sb, String g, int n, int y, int p) {
        for (int i = 0; i < 3 * n; i++) { // × 3: every rate's denominator above the audit's per-metric minimum (30)
            sb.append(g).append(',').append(y).append(',').append(p).append('\n');
        }
    }

    private static Disparities.Disparity row(Disparities.Report r, String group, String metric) {
        return r.rows().stream().filter(d -> d.group().equals(group) && d.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void majority_referenceIsTheLargestGroup_ratiosAndFourFifthsRule() throws Exception {
        Disparities.Report r = Disparities.of(audit(), ReferenceGroup.parse("majority"), 0.8);
        Disparities.Disparity b = row(r, "B", "pprev");
        assertThat(b.referenceGroup()).isEqualTo("A");
        assertThat(b.ratio()).isCloseTo(0.3 / 0.5, within(1e-12));
        assertThat(b.parity()).isEqualTo(Disparities.Parity.DISPARITY);
        assertThat(row(r, "A", "pprev").ratio()).isEqualTo(1.0);
        assertThat(row(r, "A", "pprev").parity()).isEqualTo(Disparities.Parity.PARITY);
        assertThat(row(r, "B", "ppr").ratio()).isCloseTo((15.0 / 65) / (50.0 / 65), within(1e-12));
        assertThat(row(r, "B", "tpr").ratio()).isCloseTo(0.5 / (40.0 / 60), within(1e-12)); // 0.75 < 0.8
        assertThat(row(r, "B", "tpr").parity()).isEqualTo(Disparities.Parity.DISPARITY);
        assertThat(row(r, "B", "fpr").ratio()).isCloseTo((5.0 / 30) / (10.0 / 40), within(1e-12)); // 0.667
        Disparities.GroupParity gb = r.groups().stream().filter(g -> g.group().equals("B")).findFirst().orElseThrow();
        assertThat(gb.parities().get("Equalized Odds")).isFalse();
        Disparities.GroupParity ga = r.groups().stream().filter(g -> g.group().equals("A")).findFirst().orElseThrow();
        assertThat(ga.parities().get("Supervised Fairness")).isTrue();
    }

    @Test
    void minMetric_everyRatioIsAtLeastOne() throws Exception {
        Disparities.Report r = Disparities.of(audit(), ReferenceGroup.parse("min_metric"), 0.8);
        assertThat(row(r, "A", "pprev").referenceGroup()).isEqualTo("B");
        assertThat(row(r, "A", "pprev").ratio()).isCloseTo(0.5 / 0.3, within(1e-12));
        r.rows().stream().filter(d -> d.parity() != Disparities.Parity.UNDEFINED)
                .forEach(d -> assertThat(d.ratio()).as(d.toString()).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void predefined_namedGroupIsTheReference() throws Exception {
        Disparities.Report r = Disparities.of(audit(), ReferenceGroup.parse("g=B"), 0.7);
        assertThat(row(r, "A", "pprev").referenceGroup()).isEqualTo("B");
        assertThat(row(r, "A", "pprev").parity()).isEqualTo(Disparities.Parity.DISPARITY); // 1.667 > 1/0.7
        assertThat(row(r, "A", "tpr").parity()).isEqualTo(Disparities.Parity.PARITY); // 1.333 <= 1/0.7 = 1.43
        assertThat(row(r, "B", "tpr").ratio()).isEqualTo(1.0);
    }

    @Test
    void unknownReference_isAnErrorNamingTheColumns() throws Exception {
        AuditResult a = audit();
        assertThatThrownBy(() -> Disparities.of(a, ReferenceGroup.parse("sex=F"), 0.8)).hasMessageContaining("not a --group column");
        assertThatThrownBy(() -> Disparities.of(a, ReferenceGroup.parse("g=C"), 0.8)).hasMessageContaining("no group 'C'");
        assertThatThrownBy(() -> ReferenceGroup.parse("largest")).hasMessageContaining("majority, min_metric or COL=VALUE");
    }
}
