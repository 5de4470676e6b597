package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BountySimulationTest {
    /** 300 rows: a = i mod 100, y = 1 on a < 20 or 50 <= a < 60 (the constant-0 base errs on 30%). */
    private static Table table() {
        double[] a = new double[300];
        String[] y = new String[300];
        for (int i = 0; i < 300; i++) {
            a[i] = i % 100;
            y[i] = a[i] < 20 || (a[i] >= 50 && a[i] < 60) ? "1" : "0";
        }
        return new Table("t.csv", "0".repeat(64), List.of(Column.numeric("a", a), Column.categorical("y", y)), null);
    }

    private static BountyConfig config() {
        return new BountyConfig(new BigDecimal("0.07"), BigDecimal.ZERO, 5, BigDecimal.ZERO, 50, 1000);
    }

    @Test
    void run_oneGoodGroup_acceptedAndErrorsFollowTheDefinition() throws Exception {
        BountyData data = BountyData.of(table(), table(), "y", null, Loss.ZERO_ONE);
        List<Integer> seen = new ArrayList<>();
        SimulationResult r = BountySimulation.run(data, BountyData.base("constant:0"), config(), new ThresholdGuard(),
                AuditLog.inMemory(), List.of(new Submission("s1", "t1", new GroupSpec.Predicate("a < 20"), new ModelSpec.Constant("1"))),
                new BountySimulation.Settings(0, 3, 30, List.of("y")), (i, total, d) -> seen.add(i));
        data.artifacts().close();
        assertThat(seen).containsExactly(0);
        assertThat(r.initialHoldoutError()).isEqualTo(0.3);
        assertThat(r.decisions()).singleElement().satisfies(d -> assertThat(d.accepted()).isTrue());
        assertThat(r.holdoutError()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.versions()).isEqualTo(2);
        assertThat(r.sliceErrors()).hasSize(2);
        // after s1: y=1 rows err only on 50 <= a < 60 (30 of 90), y=0 rows never
        assertThat(r.sliceErrors().get(1).groups()).containsEntry("s1", 0.0).containsEntry("y=0", 0.0)
                .containsEntry("y=1", 30.0 / 90);
        assertThat(r.featureUsage()).containsKey("t1");
        assertThat(r.featureUsage().get("t1")).containsEntry("a", 1.0);
    }

    @Test
    void run_unknownReportGroup_namesTheColumns() throws Exception {
        BountyData data = BountyData.of(table(), table(), "y", null, Loss.ZERO_ONE);
        assertThatThrownBy(() -> BountySimulation.run(data, BountyData.base("constant:0"), config(), new ThresholdGuard(),
                AuditLog.inMemory(), List.of(), new BountySimulation.Settings(0, 3, 30, List.of("sex")), (i, t, d) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--report-groups: no column 'sex' in t.csv; expected one of a, y");
        data.artifacts().close();
    }
}
