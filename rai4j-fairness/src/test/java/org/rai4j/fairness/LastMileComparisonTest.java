package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.core.Table;
import org.rai4j.fairness.ComparisonFixtures.Group;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rai4j.fairness.ComparisonFixtures.audit;

class LastMileComparisonTest {
    private static final ComparisonSpec SPEC = ComparisonSpec.of("error_rate");

    private static SliceComparison slice(ComparisonResult r, String g) {
        return r.slices().stream().filter(s -> s.slice().equals(SliceKey.of("g", g))).findFirst().orElseThrow();
    }

    @Test
    void compare_oneSliceDegradesMuchMoreThanOthers_flagsDifferentialDegradation() throws Exception {
        AuditResult base = audit("base", new Group("A", 800, 80), new Group("B", 800, 80), new Group("C", 800, 80),
                new Group("D", 800, 80));
        AuditResult cand = audit("cand", new Group("A", 800, 104), new Group("B", 800, 104), new Group("C", 800, 104),
                new Group("D", 800, 240));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);

        assertThat(slice(r, "D").flag()).isEqualTo(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        assertThat(slice(r, "D").reason()).contains("worse than the rest");
        for (String g : List.of("A", "B", "C")) {
            assertThat(slice(r, g).flag()).as(g).isNotEqualTo(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        }
        assertThat(r.overall().flag()).isEqualTo(ChangeFlag.DEGRADED);
        assertThat(r.flagged(ChangeFlag.DIFFERENTIAL_DEGRADATION)).hasSize(1);
    }

    @Test
    void compare_allSlicesDegradeTogether_flagsDegradedNotDifferential() throws Exception {
        AuditResult base = audit("base", new Group("A", 800, 80), new Group("B", 800, 80), new Group("C", 800, 80));
        AuditResult cand = audit("cand", new Group("A", 800, 160), new Group("B", 800, 160), new Group("C", 800, 160));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);

        for (String g : List.of("A", "B", "C")) {
            SliceComparison s = slice(r, g);
            assertThat(s.flag()).as(g).isEqualTo(ChangeFlag.DEGRADED);
            assertThat(s.change().value()).isCloseTo(0.1, within(1e-12));
            assertThat(s.differential().value()).isCloseTo(0.0, within(1e-12));
            assertThat(s.differential().interval().contains(0.0)).isTrue();
        }
    }

    @Test
    void compare_sliceUnseenOrThinInBaseline_isNewSlice() throws Exception {
        AuditResult base = audit("base", new Group("A", 500, 50), new Group("B", 500, 50), new Group("F", 10, 1),
                new Group("G", 400, 40));
        AuditResult cand = audit("cand", new Group("A", 500, 50), new Group("B", 500, 50), new Group("E", 300, 90),
                new Group("F", 300, 30));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);

        assertThat(slice(r, "E").flag()).isEqualTo(ChangeFlag.NEW_SLICE);
        assertThat(slice(r, "E").reason()).contains("absent from the baseline");
        assertThat(slice(r, "E").baseline()).isNull();
        assertThat(slice(r, "E").candidate().value()).isCloseTo(0.3, within(1e-12));
        assertThat(slice(r, "F").flag()).isEqualTo(ChangeFlag.NEW_SLICE);
        assertThat(slice(r, "F").reason()).contains("baseline n=10 < its min_group_size=30");
        assertThat(slice(r, "G").flag()).isEqualTo(ChangeFlag.INSUFFICIENT_DATA);
        assertThat(slice(r, "G").reason()).contains("absent from the candidate");
        assertThat(r.slices()).extracting(s -> s.slice().toString()).containsExactly("g=A", "g=B", "g=E", "g=F", "g=G");
    }

    @Test
    void compare_newSliceInCandidate_staysOutOfTheOthersRest() throws Exception {
        AuditResult base = audit("base", new Group("A", 600, 60), new Group("B", 400, 20));
        AuditResult cand = audit("cand", new Group("A", 500, 100), new Group("B", 500, 35), new Group("E", 1000, 500));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);
        // A's rest is B alone in both audits (E is new): 0.05 -> 0.07
        assertThat(slice(r, "A").differential().value()).isCloseTo(0.10 - 0.02, within(1e-12));
        assertThat(slice(r, "B").differential().value()).isCloseTo(0.02 - 0.10, within(1e-12));
        assertThat(slice(r, "E").flag()).isEqualTo(ChangeFlag.NEW_SLICE);
        assertThat(r.reference()).isEqualTo("the rest (all other rows of groups present in both audits)");
    }

    @Test
    void compare_candidateSliceBelowMinGroupSize_isInsufficientData() throws Exception {
        AuditResult base = audit("base", new Group("A", 500, 50), new Group("B", 500, 50));
        AuditResult cand = audit("cand", new Group("A", 500, 50), new Group("B", 20, 15));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);
        assertThat(slice(r, "B").flag()).isEqualTo(ChangeFlag.INSUFFICIENT_DATA);
        assertThat(slice(r, "B").reason()).isEqualTo("candidate n=20 < its min_group_size=30");
        assertThat(slice(r, "A").differential().status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(slice(r, "A").differential().reason()).contains("the rest has n=20 in the candidate");
    }

    @Test
    void compare_pointValues_equalHandComputationFromCounts() throws Exception {
        AuditResult base = audit("base", new Group("A", 600, 60), new Group("B", 400, 20));
        AuditResult cand = audit("cand", new Group("A", 500, 100), new Group("B", 500, 35));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);
        // A: 60/600 = 0.10 -> 100/500 = 0.20; rest (B): 20/400 = 0.05 -> 35/500 = 0.07
        SliceComparison a = slice(r, "A");
        assertThat(a.baseline().value()).isCloseTo(0.10, within(1e-12));
        assertThat(a.candidate().value()).isCloseTo(0.20, within(1e-12));
        assertThat(a.change().value()).isCloseTo(0.10, within(1e-12));
        assertThat(a.differential().value()).isCloseTo(0.10 - 0.02, within(1e-12));
        assertThat(slice(r, "B").differential().value()).isCloseTo(0.02 - 0.10, within(1e-12));
        // overall: 80/1000 -> 135/1000
        assertThat(r.overall().change().value()).isCloseTo(0.055, within(1e-12));
        assertThat(r.overall().differential().isOk()).isFalse();
    }

    @Test
    void compare_bootstrapStandardError_matchesDeltaMethod() throws Exception {
        AuditResult base = audit("base", new Group("A", 1000, 100), new Group("B", 2000, 300));
        AuditResult cand = audit("cand", new Group("A", 1500, 300), new Group("B", 1500, 240));
        ComparisonResult r = LastMileComparison.compare(base, cand, SPEC);
        // Var(D_A) ≈ Σ p(1-p)/n over A and B in both audits (four independent proportions).
        double var = 0.1 * 0.9 / 1000 + 0.15 * 0.85 / 2000 + 0.2 * 0.8 / 1500 + 0.16 * 0.84 / 1500;
        double analyticHalfWidth = 1.959964 * Math.sqrt(var);
        var ci = slice(r, "A").differential().interval();
        double bootstrapHalfWidth = (ci.hi() - ci.lo()) / 2;
        // B = 2000: the percentile interval's width has a relative Monte Carlo error of a few percent; 10% tolerance.
        assertThat(bootstrapHalfWidth / analyticHalfWidth).isBetween(0.9, 1.1);
        double varChange = 0.1 * 0.9 / 1000 + 0.2 * 0.8 / 1500;
        var cc = slice(r, "A").change().interval();
        assertThat((cc.hi() - cc.lo()) / 2 / (1.959964 * Math.sqrt(varChange))).isBetween(0.9, 1.1);
    }

    @Test
    void compare_referenceSlice_comparesWithThatSliceOnly() throws Exception {
        AuditResult base = audit("base", new Group("A", 600, 60), new Group("B", 600, 60), new Group("C", 600, 120));
        AuditResult cand = audit("cand", new Group("A", 600, 90), new Group("B", 600, 60), new Group("C", 600, 150));
        ComparisonSpec spec = new ComparisonSpec("error_rate", null, SliceKey.of("g", "B"), 0.95, 1000, 7, Adjustment.HOLM);
        ComparisonResult r = LastMileComparison.compare(base, cand, spec);
        assertThat(slice(r, "A").differential().value()).isCloseTo(0.05, within(1e-12));
        assertThat(slice(r, "C").differential().value()).isCloseTo(0.05, within(1e-12));
        assertThat(slice(r, "B").differential().status()).isEqualTo(Status.UNDEFINED);
        assertThat(slice(r, "B").differential().reason()).isEqualTo("this is the reference slice");
        assertThat(r.reference()).isEqualTo("g=B");
    }

    @Test
    void compare_higherIsBetterMetric_degradationIsADecrease() throws Exception {
        AuditResult base = audit("base", new Group("A", 800, 80), new Group("B", 800, 80), new Group("C", 800, 80));
        AuditResult cand = audit("cand", new Group("A", 800, 80), new Group("B", 800, 80), new Group("C", 800, 240));
        ComparisonResult r = LastMileComparison.compare(base, cand, ComparisonSpec.of("accuracy"));
        assertThat(r.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(slice(r, "C").differential().value()).isCloseTo(-0.2, within(1e-12));
        assertThat(slice(r, "C").flag()).isEqualTo(ChangeFlag.DIFFERENTIAL_DEGRADATION);
    }

    @Test
    void compare_sameSeed_isReproducible() throws Exception {
        AuditResult base = audit("base", new Group("A", 300, 30), new Group("B", 300, 45));
        AuditResult cand = audit("cand", new Group("A", 300, 40), new Group("B", 300, 45));
        ComparisonResult r1 = LastMileComparison.compare(base, cand, SPEC);
        ComparisonResult r2 = LastMileComparison.compare(base, cand, SPEC);
        assertThat(r1.slices()).isEqualTo(r2.slices());
        assertThat(r1.overall()).isEqualTo(r2.overall());
    }

    @Test
    void compare_intersections_useMembersOfTheFinestSlices() throws Exception {
        String[] g = {"x", "x", "y", "y"};
        String[] h = {"u", "v", "u", "v"};
        Table base = twoGroupTable("base", g, h, new int[] {200, 200, 200, 200}, new int[] {20, 20, 20, 20});
        Table cand = twoGroupTable("cand", g, h, new int[] {200, 200, 200, 200}, new int[] {20, 20, 20, 100});
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", List.of("g", "h"), List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, 0, 1L, Adjustment.HOLM);
        ComparisonResult r = LastMileComparison.compare(Auditor.run(base, spec, b -> { }), Auditor.run(cand, spec, b -> { }), SPEC);
        SliceComparison yv = r.slices().stream().filter(s -> s.slice().toString().equals("g=y, h=v")).findFirst().orElseThrow();
        assertThat(yv.flag()).isEqualTo(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        assertThat(yv.change().value()).isCloseTo(0.4, within(1e-12));
        SliceComparison gy = r.slices().stream().filter(s -> s.slice().toString().equals("g=y")).findFirst().orElseThrow();
        // g=y: 40/400 -> 120/400 (+0.2); the rest g=x: unchanged -> differential +0.2
        assertThat(gy.differential().value()).isCloseTo(0.2, within(1e-12));
    }

    private static Table twoGroupTable(String name, String[] g, String[] h, int[] n, int[] errors) throws Exception {
        List<ComparisonFixtures.Group> groups = new java.util.ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            groups.add(new Group(g[i] + "|" + h[i], n[i], errors[i]));
        }
        Table t = ComparisonFixtures.exact(name, groups);
        String[] gs = new String[t.rowCount()];
        String[] hs = new String[t.rowCount()];
        double[] y = new double[t.rowCount()];
        double[] p = new double[t.rowCount()];
        for (int i = 0; i < t.rowCount(); i++) {
            String[] parts = t.column("g").text(i).split("\\|");
            gs[i] = parts[0];
            hs[i] = parts[1];
            y[i] = t.column("y").number(i);
            p[i] = t.column("p").number(i);
        }
        return Table.of(name, Column.categorical("g", gs), Column.categorical("h", hs), Column.numeric("y", y),
                Column.numeric("p", p));
    }

    @Test
    void compare_multiclassAudits_comparesAccuracy() throws Exception {
        String[] cls = {"a", "b", "c"};
        int n = 900;
        String[] g = new String[2 * n];
        String[] y = new String[2 * n];
        String[] pBase = new String[2 * n];
        String[] pCand = new String[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            g[i] = i < n ? "A" : "B";
            y[i] = cls[i % 3];
            pBase[i] = i % 10 == 0 ? cls[(i + 1) % 3] : y[i];
            pCand[i] = (i % 10 == 0 || (i >= n && i % 10 < 4)) ? cls[(i + 1) % 3] : y[i];
        }
        AuditSpec spec = new AuditSpec(Task.MULTICLASS, "y", "p", null, null, "a", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, 0, 1L, Adjustment.HOLM);
        AuditResult base = Auditor.run(Table.of("b", Column.categorical("g", g), Column.categorical("y", y),
                Column.categorical("p", pBase)), spec, b -> { });
        AuditResult cand = Auditor.run(Table.of("c", Column.categorical("g", g), Column.categorical("y", y),
                Column.categorical("p", pCand)), spec, b -> { });
        ComparisonResult r = LastMileComparison.compare(base, cand, ComparisonSpec.of("accuracy"));
        assertThat(slice(r, "B").change().value()).isCloseTo(-0.3, within(1e-12));
        assertThat(slice(r, "B").flag()).isEqualTo(ChangeFlag.DIFFERENTIAL_DEGRADATION);
        assertThat(slice(r, "A").flag()).isEqualTo(ChangeFlag.OK);
    }

    @Test
    void compare_weightedAudit_isRejectedWithReason() throws Exception {
        Table t = Table.of("w", Column.categorical("g", new String[] {"A", "B"}), Column.numeric("y", new double[] {1, 0}),
                Column.numeric("p", new double[] {1, 0}), Column.numeric("w", new double[] {2, 1}));
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, "w", "1", "0", List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 0, 1L, Adjustment.HOLM);
        AuditResult weighted = Auditor.run(t, spec, b -> { });
        AuditResult plain = audit("p", new Group("A", 100, 10));
        assertThatThrownBy(() -> LastMileComparison.compare(weighted, plain, SPEC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline audit was computed with sample weights (column 'w')");
    }

    @Test
    void compare_incompatibleAudits_failWithWhatDiffers() throws Exception {
        AuditResult base = audit("base", new Group("A", 100, 10), new Group("B", 100, 10));
        Table other = Table.of("o", Column.categorical("k", new String[] {"A", "B"}), Column.numeric("y", new double[] {1, 0}),
                Column.numeric("p", new double[] {1, 0}));
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", null, null, "1", "0", List.of("k"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 0, 1L, Adjustment.HOLM);
        AuditResult cand = Auditor.run(other, spec, b -> { });
        assertThatThrownBy(() -> LastMileComparison.compare(base, cand, SPEC))
                .hasMessageContaining("group columns [g] differ from the candidate's [k]");
        assertThatThrownBy(() -> LastMileComparison.compare(base, base, ComparisonSpec.of("auc")))
                .hasMessageContaining("metric 'auc' cannot be compared for a binary audit; expected one of selection_rate");
        assertThatThrownBy(() -> LastMileComparison.compare(base, base, ComparisonSpec.of("selection_rate")))
                .hasMessageContaining("--direction higher-is-worse|higher-is-better");
        ComparisonSpec ref = new ComparisonSpec("error_rate", null, SliceKey.of("g", "Z"), 0.95, 100, 1, Adjustment.HOLM);
        assertThatThrownBy(() -> LastMileComparison.compare(base, base, ref))
                .hasMessageContaining("reference slice g=Z is not in the baseline audit");
    }

    @Test
    void spec_badValues_areRejected() {
        assertThatThrownBy(() -> new ComparisonSpec("error_rate", null, null, 1.0, 1000, 1, Adjustment.HOLM))
                .hasMessageContaining("confidence must be in (0.0, 1.0), got 1.0");
        assertThatThrownBy(() -> new ComparisonSpec("error_rate", null, null, 0.95, 99, 1, Adjustment.HOLM))
                .hasMessageContaining("bootstrap (replicates for the comparison) must be >= 100, got 99");
        assertThatThrownBy(() -> new ComparisonSpec("error_rate", null, SliceKey.OVERALL, 0.95, 1000, 1, Adjustment.HOLM))
                .hasMessageContaining("not overall");
    }
}
