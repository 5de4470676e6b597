package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rai4j.core.Column;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

class RowStatisticsAuditTest {
    /** Rows in clusters of 5 (each cluster in one group g ∈ {a, b}) with two additive statistics (errors, words). */
    private static Table table(int rows) {
        String[] g = new String[rows];
        String[] cluster = new String[rows];
        String[] text = new String[rows];
        for (int r = 0; r < rows; r++) {
            g[r] = (r / 5) % 3 == 0 ? "a" : "b";
            cluster[r] = "c" + (r / 5);
            text[r] = "t" + r;
        }
        return Table.of("t", Column.categorical("g", g), Column.categorical("cluster", cluster),
                Column.categorical("ref", text), Column.categorical("hyp", text));
    }

    private static RowStatistics stats(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] v = new double[rows][];
        for (int r = 0; r < rows; r++) {
            double words = 1 + rng.nextInt(10);
            v[r] = new double[] {rng.nextInt((int) words + 1), words};
        }
        return new RowStatistics(List.of("errors", "words"), v,
                List.of(new RowStatistics.Metric("error_rate", s -> s[1] > 0 ? s[0] / s[1] : Double.NaN, "no words")),
                Map.of("what", "test"));
    }

    private static AuditSpec spec(int bootstrap) {
        return new AuditSpec(Task.SPEECH, "ref", "hyp", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, bootstrap, 5, Adjustment.HOLM);
    }

    @Test
    void run_rowStatistics_sliceMetricIsRatioOfSums() throws Exception {
        Table t = table(90);
        RowStatistics s = stats(90, 1);
        AuditResult r = Auditor.run(t, spec(50), s, null, b -> { });
        for (String level : List.of("a", "b")) {
            double e = 0;
            double w = 0;
            for (int row = 0; row < 90; row++) {
                if (t.column("g").text(row).equals(level)) {
                    e += s.values()[row][0];
                    w += s.values()[row][1];
                }
            }
            SliceResult slice = r.main().group(SliceKey.of("g", level));
            assertThat(slice.metric("error_rate").value()).isCloseTo(e / w, within(1e-12));
            assertThat(slice.counts()).containsEntry("errors", e).containsEntry("words", w);
            assertThat(slice.metric("error_rate").interval().method()).isEqualTo(org.rai4j.core.IntervalMethod.BOOTSTRAP_PERCENTILE);
        }
        assertThat(r.bootstrapMethod()).isEqualTo("rows");
        assertThat(r.provenance().config()).containsEntry("what", "test");
        assertThat(r.main().aggregates().get("error_rate").differenceBetweenGroups().interval()).isNotNull();
    }

    @Test
    void run_clusterColumn_resamplesWholeClusters() throws Exception {
        // Group a holds 6 whole clusters of 5 rows. Resampling clusters, every replicate's count of slice
        // g=a is a multiple of 5. With B = 41 and 95% the percentile bounds are exact order statistics
        // (type 7: h = 40 · 0.025 = 1 and 40 · 0.975 = 39), so they are multiples of 5 too. Resampling rows
        // instead gives counts like 27 or 33: the same check on the row bootstrap fails (validity).
        AuditSpec spec = new AuditSpec(Task.SPEECH, "ref", "hyp", null, null, "1", null, List.of("g"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 41, 5, Adjustment.HOLM);
        AuditResult byCluster = Auditor.run(table(90), spec, stats(90, 2), "cluster", b -> { });
        AuditResult byRow = Auditor.run(table(90), spec, stats(90, 2), null, b -> { });
        assertThat(byCluster.bootstrapMethod()).isEqualTo("clusters:cluster");
        assertThat(byCluster.provenance().config()).containsEntry("cluster", "cluster");
        var clusterCi = byCluster.main().group(SliceKey.of("g", "a")).metric("count").interval();
        var rowCi = byRow.main().group(SliceKey.of("g", "a")).metric("count").interval();
        assertThat(multipleOf5(clusterCi.lo()) && multipleOf5(clusterCi.hi())).isTrue();
        assertThat(multipleOf5(rowCi.lo()) && multipleOf5(rowCi.hi())).isFalse();
    }

    /** True when x is a multiple of 5 up to floating-point rounding in the percentile interpolation. */
    private static boolean multipleOf5(double x) {
        return Math.abs(x / 5 - Math.rint(x / 5)) < 1e-9;
    }

    @Test
    void run_wrongTaskOrWeights_isRejected() {
        AuditSpec binary = AuditSpec.binary("ref", "hyp", List.of("g"));
        assertThatThrownBy(() -> Auditor.run(table(9), binary, stats(9, 1), null, b -> { }))
                .hasMessage("row statistics are for task speech, got task binary");
        assertThatThrownBy(() -> Auditor.run(table(9), spec(0), stats(8, 1), null, b -> { }))
                .hasMessage("statistics has 8 rows, the table 9");
    }
}
