package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Table;

/**
 * Computes a {@link CoverageReport}: counts of every combination of the levels of the given dimension
 * columns. Levels are the declared ones when given (observed values outside them are reported as extra
 * levels with their row counts, and their rows left out of the cells) or else the observed ones in
 * order of first appearance. Rows with a missing value in any
 * dimension are excluded and counted, never silently dropped.
 *
 * <p>Counting is one pass over the rows into the full cross product; every lower-order combination is a
 * marginal sum of it. The cross product is limited to {@value #MAX_CELLS} cells and to
 * {@value #MAX_DIMENSIONS} dimensions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dimensions     dimension (column) names, at least one, distinct
 * @param declaredLevels for some dimensions, the full list of levels expected (may be empty)
 * @param minCount       combinations with fewer rows are THIN, {@code >= 1}
 */
public record Coverage(List<String> dimensions, Map<String, List<String>> declaredLevels, long minCount) {
    /** Largest full cross product computed. */
    public static final int MAX_CELLS = 1_000_000;
    /** Largest number of dimensions. */
    public static final int MAX_DIMENSIONS = 8;

    public Coverage {
        dimensions = List.copyOf(dimensions);
        Preconditions.checkArgument(!dimensions.isEmpty(), "coverage needs at least one dimension");
        Preconditions.checkArgument(dimensions.size() <= MAX_DIMENSIONS,
                "coverage supports at most " + MAX_DIMENSIONS + " dimensions, got " + dimensions.size());
        Preconditions.checkArgument(dimensions.stream().distinct().count() == dimensions.size(),
                "dimensions must be distinct, got " + dimensions);
        Map<String, List<String>> d = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : declaredLevels.entrySet()) {
            String k = e.getKey();
            List<String> v = e.getValue();
            Preconditions.checkArgument(dimensions.contains(k), "levels were declared for '" + k
                    + "', which is not one of the dimensions " + dimensions);
            Preconditions.checkArgument(!v.isEmpty(), "declared levels of '" + k + "' must not be empty");
            Preconditions.checkArgument(v.stream().distinct().count() == v.size(),
                    "declared levels of '" + k + "' must be distinct, got " + v);
            d.put(k, List.copyOf(v));
        }
        declaredLevels = java.util.Collections.unmodifiableMap(d);
        Preconditions.checkAtLeast(minCount, 1L, "minCount");
    }

    /** Counts the rows of {@code table}. */
    public CoverageReport of(Table table) throws DataFileException {
        int k = dimensions.size();
        List<List<String>> levels = new ArrayList<>();
        List<Map<String, Integer>> index = new ArrayList<>();
        Column[] columns = new Column[k];
        for (int d = 0; d < k; d++) {
            columns[d] = table.column(dimensions.get(d));
            List<String> declared = declaredLevels.get(dimensions.get(d));
            List<String> lv = new ArrayList<>(declared == null ? List.of() : declared);
            Map<String, Integer> ix = new HashMap<>();
            for (int i = 0; i < lv.size(); i++) {
                ix.put(lv.get(i), i);
            }
            levels.add(lv);
            index.add(ix);
        }
        int rows = table.rowCount();
        int[][] codes = new int[k][rows];
        boolean[] excluded = new boolean[rows];
        long excludedCount = 0;
        ProblemCollector problems = new ProblemCollector();
        Map<String, Map<String, Long>> extra = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < k; d++) {
                String v = columns[d].text(r);
                if (v == null) {
                    excluded[r] = true;
                    continue;
                }
                Integer code = index.get(d).get(v);
                if (code == null) {
                    List<String> declared = declaredLevels.get(dimensions.get(d));
                    if (declared != null) {
                        extra.computeIfAbsent(dimensions.get(d), x -> new LinkedHashMap<>()).merge(v, 1L, Long::sum);
                        excluded[r] = true;
                        continue;
                    }
                    code = levels.get(d).size();
                    levels.get(d).add(v);
                    index.get(d).put(v, code);
                }
                codes[d][r] = code;
            }
            if (excluded[r]) {
                excludedCount++;
            }
        }
        problems.throwIfAny();
        long product = 1;
        for (int d = 0; d < k; d++) {
            if (levels.get(d).isEmpty()) {
                throw new DataFileException(new DataProblem(table.source(), 0, dimensions.get(d),
                        "expected at least one non-missing value to define its levels, found none"));
            }
            product *= levels.get(d).size();
            if (product > MAX_CELLS) {
                throw new IllegalArgumentException("the cross product of " + dimensions + " has more than " + MAX_CELLS
                        + " cells; use fewer dimensions or fewer levels");
            }
        }
        int[] radix = new int[k];
        for (int d = 0; d < k; d++) {
            radix[d] = levels.get(d).size();
        }
        long[] full = new long[(int) product];
        for (int r = 0; r < rows; r++) {
            if (excluded[r]) {
                continue;
            }
            int cell = 0;
            for (int d = 0; d < k; d++) {
                cell = cell * radix[d] + codes[d][r];
            }
            full[cell]++;
        }
        List<CoverageCell> cells = cellsOf(allIndices(k), radix, levels, full);
        List<CoverageCell> pairs = new ArrayList<>();
        List<CoverageOrder> orders = new ArrayList<>();
        for (int t = 1; t <= k; t++) {
            long ok = 0;
            long thin = 0;
            long empty = 0;
            long combinations = 0;
            for (int[] subset : subsets(k, t)) {
                List<CoverageCell> sub = t == k ? cells : cellsOf(subset, radix, levels, marginal(full, radix, subset));
                for (CoverageCell c : sub) {
                    combinations++;
                    switch (c.status()) {
                        case OK -> ok++;
                        case THIN -> thin++;
                        case EMPTY -> empty++;
                    }
                }
                if (t == 2) {
                    pairs.addAll(sub);
                }
            }
            orders.add(new CoverageOrder(t, combinations, ok, thin, empty));
        }
        Map<String, List<String>> dims = new LinkedHashMap<>();
        for (int d = 0; d < k; d++) {
            dims.put(dimensions.get(d), levels.get(d));
        }
        return new CoverageReport(table.source(), dims, minCount, rows, excludedCount, cells, pairs, orders, extra);
    }

    private static int[] allIndices(int k) {
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = i;
        }
        return all;
    }

    /** All {@code t}-subsets of {0..k-1}, each ascending, in lexicographic order. */
    static List<int[]> subsets(int k, int t) {
        List<int[]> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << k); mask++) {
            if (Integer.bitCount(mask) == t) {
                int[] s = new int[t];
                int j = 0;
                for (int i = 0; i < k; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s[j++] = i;
                    }
                }
                out.add(s);
            }
        }
        out.sort((a, b) -> java.util.Arrays.compare(a, b));
        return out;
    }

    /** Counts of the combinations of the dimensions in {@code subset}, summed over the others. */
    private static long[] marginal(long[] full, int[] radix, int[] subset) {
        int size = 1;
        for (int d : subset) {
            size *= radix[d];
        }
        long[] out = new long[size];
        int k = radix.length;
        int[] digits = new int[k];
        for (long count : full) {
            int cell = 0;
            for (int d : subset) {
                cell = cell * radix[d] + digits[d];
            }
            out[cell] += count;
            for (int d = k - 1; d >= 0; d--) {
                if (++digits[d] < radix[d]) {
                    break;
                }
                digits[d] = 0;
            }
        }
        return out;
    }

    private List<CoverageCell> cellsOf(int[] subset, int[] radix, List<List<String>> levels, long[] counts) {
        List<CoverageCell> out = new ArrayList<>(counts.length);
        int[] digits = new int[subset.length];
        for (long n : counts) {
            Map<String, String> lv = new LinkedHashMap<>();
            for (int i = 0; i < subset.length; i++) {
                lv.put(dimensions.get(subset[i]), levels.get(subset[i]).get(digits[i]));
            }
            out.add(new CoverageCell(lv, n, CoverageStatus.of(n, minCount)));
            for (int i = subset.length - 1; i >= 0; i--) {
                if (++digits[i] < radix[subset[i]]) {
                    break;
                }
                digits[i] = 0;
            }
        }
        return out;
    }
}
