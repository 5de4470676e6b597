package org.rai4j.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rai4j.core.Column;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

class CoverageTest {

    private static Table table(String csv) throws DataFileException {
        return new CsvTableReader().read(csv, "speech.csv");
    }

    @Test
    void of_twoDimensions_countsCellsPairsAndOrders() throws Exception {
        Table t = table("accent,noise\nus,clean\nus,clean\nus,babble\ngb,clean\ngb,clean\ngb,clean\n");
        CoverageReport r = new Coverage(List.of("accent", "noise"), Map.of(), 2).of(t);
        assertThat(r.dimensions()).containsExactly(Map.entry("accent", List.of("us", "gb")),
                Map.entry("noise", List.of("clean", "babble")));
        assertThat(r.cells()).extracting(CoverageCell::label, CoverageCell::n, CoverageCell::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("accent=us, noise=clean", 2L, CoverageStatus.OK),
                org.assertj.core.groups.Tuple.tuple("accent=us, noise=babble", 1L, CoverageStatus.THIN),
                org.assertj.core.groups.Tuple.tuple("accent=gb, noise=clean", 3L, CoverageStatus.OK),
                org.assertj.core.groups.Tuple.tuple("accent=gb, noise=babble", 0L, CoverageStatus.EMPTY));
        assertThat(r.pairs()).isEqualTo(r.cells());
        assertThat(r.missingCells()).extracting(CoverageCell::label).containsExactly("accent=gb, noise=babble");
        // order 1: us 3, gb 3, clean 5, babble 1 -> 3 of 4 OK
        assertThat(r.order(1)).isEqualTo(new CoverageOrder(1, 4, 3, 1, 0));
        assertThat(r.order(1).score()).isEqualTo(0.75);
        assertThat(r.order(2)).isEqualTo(new CoverageOrder(2, 4, 2, 1, 1));
        assertThat(r.order(2).observed()).isEqualTo(0.75);
    }

    @Test
    void of_declaredLevels_reportsNeverObservedLevelAndUndeclaredValues() throws Exception {
        Table t = table("accent,noise\nus,clean\ngb,clean\n");
        CoverageReport r = new Coverage(List.of("accent", "noise"),
                Map.of("noise", List.of("clean", "babble", "hum")), 1).of(t);
        assertThat(r.cells()).hasSize(6);
        assertThat(r.missingCells()).hasSize(4);
        // undeclared observed values are extra levels with their counts, not one error per row
        Table many = table("accent,noise\nus,clean\ngb,clean\ngb,hum\nie,clean\n");
        CoverageReport x = new Coverage(List.of("accent", "noise"), Map.of("accent", List.of("us")), 1).of(many);
        assertThat(x.extraLevels()).isEqualTo(Map.of("accent", Map.of("gb", 2L, "ie", 1L)));
        assertThat(x.rowsExcluded()).isEqualTo(3);
        assertThat(x.cells()).extracting(CoverageCell::n).containsExactly(1L, 0L);
    }

    @Test
    void of_missingValue_excludesRowAndCountsIt() throws Exception {
        Table t = table("accent,noise\nus,clean\n,clean\ngb,NA\n");
        CoverageReport r = new Coverage(List.of("accent", "noise"), Map.of(), 1).of(t);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.rowsExcluded()).isEqualTo(2);
        // "gb" is a level (seen on line 4) even though its only row is excluded
        assertThat(r.cells()).extracting(CoverageCell::label, CoverageCell::n).containsExactly(
                org.assertj.core.groups.Tuple.tuple("accent=us, noise=clean", 1L),
                org.assertj.core.groups.Tuple.tuple("accent=gb, noise=clean", 0L));
    }

    @Test
    void coverage_badArguments_areRejectedWithTheirNames() {
        assertThatThrownBy(() -> new Coverage(List.of(), Map.of(), 1)).hasMessageContaining("at least one dimension");
        assertThatThrownBy(() -> new Coverage(List.of("a"), Map.of(), 0)).hasMessage("minCount must be >= 1, got 0");
        assertThatThrownBy(() -> new Coverage(List.of("a"), Map.of("b", List.of("x")), 1)).hasMessageContaining("'b'");
        assertThatThrownBy(() -> new Coverage(List.of("a", "a"), Map.of(), 1)).hasMessageContaining("distinct");
    }

    static LongStream seeds() {
        return LongStream.range(0, 15);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void of_generatedTables_equalsDirectCountingOfEverySubset(long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 1 + rng.nextInt(4);
        int rows = 1 + rng.nextInt(200);
        List<String> names = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        String[][] values = new String[k][rows];
        for (int d = 0; d < k; d++) {
            names.add("d" + d);
            int levels = 1 + rng.nextInt(4);
            for (int r = 0; r < rows; r++) {
                values[d][r] = "L" + (int) Math.floor(Math.pow(rng.nextDouble(), 2) * levels);
            }
            columns.add(Column.categorical("d" + d, values[d]));
        }
        long minCount = 1 + rng.nextInt(20);
        CoverageReport r = new Coverage(names, Map.of(), minCount).of(Table.of("gen", columns.toArray(new Column[0])));
        for (int t = 1; t <= k; t++) {
            long combos = 0;
            long ok = 0;
            long empty = 0;
            for (int[] subset : Coverage.subsets(k, t)) {
                // direct count of observed combinations
                Map<List<String>, Long> observed = new HashMap<>();
                for (int row = 0; row < rows; row++) {
                    List<String> key = new ArrayList<>();
                    for (int d : subset) {
                        key.add(values[d][row]);
                    }
                    observed.merge(key, 1L, Long::sum);
                }
                long cellsInSubset = 1;
                for (int d : subset) {
                    cellsInSubset *= r.dimensions().get("d" + d).size();
                }
                combos += cellsInSubset;
                ok += observed.values().stream().filter(n -> n >= minCount).count();
                empty += cellsInSubset - observed.size();
                if (t == k) {
                    for (CoverageCell c : r.cells()) {
                        List<String> key = new ArrayList<>(c.levels().values());
                        assertThat(c.n()).isEqualTo(observed.getOrDefault(key, 0L));
                    }
                }
                if (t == 2) {
                    for (CoverageCell c : r.pairs()) {
                        Map<String, String> lv = new LinkedHashMap<>(c.levels());
                        if (lv.containsKey("d" + subset[0]) && lv.containsKey("d" + subset[1])) {
                            List<String> key = List.of(lv.get("d" + subset[0]), lv.get("d" + subset[1]));
                            assertThat(c.n()).isEqualTo(observed.getOrDefault(key, 0L));
                        }
                    }
                }
            }
            assertThat(r.order(t).combinations()).isEqualTo(combos);
            assertThat(r.order(t).ok()).isEqualTo(ok);
            assertThat(r.order(t).empty()).isEqualTo(empty);
        }
    }
}
