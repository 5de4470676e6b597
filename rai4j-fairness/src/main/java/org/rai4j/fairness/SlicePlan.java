package org.rai4j.fairness;

import org.rai4j.core.SliceKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which output slices exist and which finest cells each one merges. A scope is the main analysis
 * (all rows) or one control level. Within a scope the slices are: overall, every group attribute alone
 * (one slice per level), and, with several group attributes, their observed intersections. The finest
 * slices (over which aggregates are taken) are the intersections, or the levels of the single group.
 */
final class SlicePlan {
    /** One analysis scope. */
    record Scope(SliceKey control, List<SliceKey> slices, int[] finest, int[][] members) {}

    final List<Scope> scopes;
    /** cellSlices[scope][cell] = indices of the scope's slices that contain the cell. */
    final int[][][] cellSlices;

    private SlicePlan(List<Scope> scopes, int[][][] cellSlices) {
        this.scopes = scopes;
        this.cellSlices = cellSlices;
    }

    static SlicePlan of(EncodedData d) {
        int nc = d.controls.size();
        int ng = d.groups.size();
        List<Scope> scopes = new ArrayList<>();
        List<int[][]> cellSlices = new ArrayList<>();
        // main scope + one per observed control level (sorted)
        Map<List<String>, List<Integer>> byControl = new TreeMap<>(listOrder());
        for (int c = 0; c < d.cellCount(); c++) {
            List<String> lv = d.cellLevels.get(c);
            if (nc > 0) {
                byControl.computeIfAbsent(lv.subList(0, nc), k -> new ArrayList<>()).add(c);
            }
        }
        List<Integer> allCells = new ArrayList<>();
        for (int c = 0; c < d.cellCount(); c++) {
            allCells.add(c);
        }
        List<Map.Entry<SliceKey, List<Integer>>> scopeCells = new ArrayList<>();
        scopeCells.add(Map.entry(SliceKey.OVERALL, allCells));
        for (Map.Entry<List<String>, List<Integer>> e : byControl.entrySet()) {
            scopeCells.add(Map.entry(new SliceKey(d.controls, e.getKey()), e.getValue()));
        }
        for (Map.Entry<SliceKey, List<Integer>> sc : scopeCells) {
            Map<SliceKey, List<Integer>> members = new LinkedHashMap<>();
            members.put(SliceKey.OVERALL, new ArrayList<>(sc.getValue()));
            for (int g = 0; g < ng; g++) {
                Map<String, List<Integer>> levels = new TreeMap<>(DataEncoder::naturalCompare);
                for (int c : sc.getValue()) {
                    levels.computeIfAbsent(d.cellLevels.get(c).get(nc + g), k -> new ArrayList<>()).add(c);
                }
                for (Map.Entry<String, List<Integer>> l : levels.entrySet()) {
                    members.put(SliceKey.of(d.groups.get(g), l.getKey()), l.getValue());
                }
            }
            if (ng > 1) {
                Map<List<String>, List<Integer>> inter = new TreeMap<>(listOrder());
                for (int c : sc.getValue()) {
                    List<String> lv = d.cellLevels.get(c);
                    inter.computeIfAbsent(lv.subList(nc, nc + ng), k -> new ArrayList<>()).add(c);
                }
                for (Map.Entry<List<String>, List<Integer>> e : inter.entrySet()) {
                    members.put(new SliceKey(d.groups, e.getKey()), e.getValue());
                }
            }
            List<SliceKey> slices = new ArrayList<>(members.keySet());
            int[][] mem = new int[slices.size()][];
            List<Integer> finest = new ArrayList<>();
            int[][] perCell = new int[d.cellCount()][];
            List<List<Integer>> perCellList = new ArrayList<>();
            for (int c = 0; c < d.cellCount(); c++) {
                perCellList.add(new ArrayList<>());
            }
            for (int s = 0; s < slices.size(); s++) {
                mem[s] = members.get(slices.get(s)).stream().mapToInt(Integer::intValue).toArray();
                for (int c : mem[s]) {
                    perCellList.get(c).add(s);
                }
                if (slices.get(s).order() == ng) {
                    finest.add(s);
                }
            }
            for (int c = 0; c < d.cellCount(); c++) {
                perCell[c] = perCellList.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
            scopes.add(new Scope(sc.getKey(), slices, finest.stream().mapToInt(Integer::intValue).toArray(), mem));
            cellSlices.add(perCell);
        }
        return new SlicePlan(List.copyOf(scopes), cellSlices.toArray(new int[0][][]));
    }

    private static Comparator<List<String>> listOrder() {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = DataEncoder.naturalCompare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
    }

    /** Slice statistics of every scope from finest-cell statistics: stats[scope][slice][slot]. */
    double[][][] sliceStats(Layout layout, double[][] cellStats) {
        double[][][] out = new double[scopes.size()][][];
        for (int sc = 0; sc < scopes.size(); sc++) {
            Scope scope = scopes.get(sc);
            out[sc] = new double[scope.slices().size()][layout.size];
            for (int s = 0; s < scope.slices().size(); s++) {
                for (int c : scope.members()[s]) {
                    layout.merge(out[sc][s], cellStats[c]);
                }
            }
        }
        return out;
    }
}
