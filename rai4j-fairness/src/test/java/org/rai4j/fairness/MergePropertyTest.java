package org.rai4j.fairness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Merging the sufficient statistics of any split of the rows equals one pass over all rows. */
class MergePropertyTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void counts_anySplitMerged_equalOnePass(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed * 31);
        int n = 50 + r.nextInt(400);
        Table all = Fixtures.random(seed, n);
        boolean weighted = seed % 2 == 0;
        AuditSpec spec = Fixtures.spec(seed % 3 == 0 ? "score" : null, weighted ? "w" : null, 0);
        int parts = 2 + r.nextInt(5);
        List<List<Integer>> rows = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            rows.get(r.nextInt(parts)).add(i);
        }
        Map<SliceKey, Map<String, Double>> merged = new HashMap<>();
        for (List<Integer> part : rows) {
            if (part.isEmpty()) {
                continue;
            }
            AuditResult pr = Auditor.run(all.select(part.stream().mapToInt(Integer::intValue).toArray()), spec, b -> { });
            addAll(merged, pr.main().overall());
            for (SliceResult s : pr.main().groups()) {
                addAll(merged, s);
            }
        }
        AuditResult whole = Auditor.run(all, spec, b -> { });
        List<SliceResult> slices = new ArrayList<>(whole.main().groups());
        slices.add(whole.main().overall());
        for (SliceResult s : slices) {
            Map<String, Double> m = merged.get(s.slice());
            assertThat(m).as("slice %s", s.slice()).isNotNull();
            for (Map.Entry<String, Double> e : s.counts().entrySet()) {
                assertThat(m.get(e.getKey())).as("%s %s", s.slice(), e.getKey()).isCloseTo(e.getValue(), within(1e-9));
            }
        }
        assertThat(merged.keySet()).hasSize(slices.size());
    }

    private static void addAll(Map<SliceKey, Map<String, Double>> into, SliceResult s) {
        Map<String, Double> m = into.computeIfAbsent(s.slice(), k -> new HashMap<>());
        s.counts().forEach((k, v) -> m.merge(k, v, Double::sum));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void countingPass_fastPath_equalsRowByRowAccumulation(long seed) throws Exception {
        Table t = Fixtures.random(seed, 500);
        EncodedData d = DataEncoder.encode(t, Fixtures.spec(null, null, 0));
        Layout layout = Layout.of(d);
        double[][] fast = CellCounter.count(d, layout);
        double[][] slow = new double[d.cellCount()][layout.size];
        for (int row = 0; row < d.rows; row++) {
            layout.add(d, row, 1, slow[d.cell[row]]);
        }
        for (int c = 0; c < d.cellCount(); c++) {
            assertThat(fast[c]).containsExactly(slow[c]);
        }
    }
}
