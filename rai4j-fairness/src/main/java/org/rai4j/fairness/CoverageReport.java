package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well the combinations of levels of several dimensions (accent, noise, device, …) are represented
 * in a data set: the count and status of every cell of the full cross product, of every 2-way
 * combination, a coverage score per interaction order, and the cells never observed. Produced by
 * {@link Coverage}. Immutable.
 *
 * @param source        where the rows came from (file name)
 * @param dimensions    dimension → its levels (declared, or observed in order of first appearance)
 * @param minCount      the count below which a combination is THIN
 * @param rows          rows read
 * @param rowsExcluded  rows left out because a dimension value was missing
 * @param cells         every cell of the full cross product, in mixed-radix order of the levels
 * @param pairs         every 2-way combination: for each pair of dimensions, every pair of levels
 * @param orders        one summary per interaction order, 1 … number of dimensions
 * @param extraLevels   for dimensions with declared levels, the observed values outside them → their row
 *                      counts (those rows are left out of the cells and counted in {@code rowsExcluded})
 */
public record CoverageReport(String source, Map<String, List<String>> dimensions, long minCount, long rows,
                             long rowsExcluded, List<CoverageCell> cells, List<CoverageCell> pairs,
                             List<CoverageOrder> orders, Map<String, Map<String, Long>> extraLevels) {
    /** A report without extra levels. */
    public CoverageReport(String source, Map<String, List<String>> dimensions, long minCount, long rows, long rowsExcluded,
                          List<CoverageCell> cells, List<CoverageCell> pairs, List<CoverageOrder> orders) {
        this(source, dimensions, minCount, rows, rowsExcluded, cells, pairs, orders, Map.of());
    }

    public CoverageReport {
        Map<String, Map<String, Long>> x = new LinkedHashMap<>();
        extraLevels.forEach((k, v) -> x.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        extraLevels = Collections.unmodifiableMap(x);
        Map<String, List<String>> d = new LinkedHashMap<>();
        dimensions.forEach((k, v) -> d.put(k, List.copyOf(v)));
        dimensions = Collections.unmodifiableMap(d);
        cells = List.copyOf(cells);
        pairs = List.copyOf(pairs);
        orders = List.copyOf(orders);
    }

    /** The cells of the full cross product with no rows. */
    public List<CoverageCell> missingCells() {
        List<CoverageCell> m = new ArrayList<>();
        for (CoverageCell c : cells) {
            if (c.status() == CoverageStatus.EMPTY) {
                m.add(c);
            }
        }
        return m;
    }

    /** The summary of interaction order {@code t} (1-based). */
    public CoverageOrder order(int t) {
        return orders.get(t - 1);
    }
}
