package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

/**
 * What a last-mile comparison of a row-statistics audit ({@link Task#SPEECH}) resamples: the
 * independent units (utterances, or clusters such as speakers) with each unit's summed statistics in
 * every finest slice it has rows in. A speech audit's slice counts alone cannot be resampled (WER is a
 * ratio of sums over utterances of different lengths), so the units travel with the audit (in memory,
 * and in the audit JSON under {@code resampling_units}).
 *
 * @param method     {@code utterances}, or {@code clusters:COLUMN}
 * @param statistics names of the statistics, in slot order
 * @param finest     the finest slices (every group column set), in the audit's order
 * @param entries    one entry per (unit, finest slice) with rows: {@link Entry}
 * @param units      number of units
 */
public record ResamplingUnits(String method, List<String> statistics, List<SliceKey> finest, List<Entry> entries, int units) {
    /**
     * One unit's rows in one finest slice.
     *
     * @param unit   unit index, 0 … units − 1
     * @param slice  index into {@code finest}
     * @param rows   number of rows
     * @param values summed statistics, in {@code statistics} order
     */
    public record Entry(int unit, int slice, long rows, double[] values) {}

    public ResamplingUnits {
        statistics = List.copyOf(statistics);
        finest = List.copyOf(finest);
        entries = List.copyOf(entries);
        Preconditions.checkArgument(method != null && (method.equals("utterances") || method.startsWith("clusters:")),
                "resampling method must be 'utterances' or 'clusters:COLUMN', got '" + method + "'");
        for (Entry e : entries) {
            Preconditions.checkArgument(e.unit >= 0 && e.unit < units, "entry unit " + e.unit + " out of range 0.." + (units - 1));
            Preconditions.checkArgument(e.slice >= 0 && e.slice < finest.size(), "entry slice " + e.slice + " out of range");
            Preconditions.checkArgument(e.values.length == statistics.size(), "entry has " + e.values.length
                    + " statistics, expected " + statistics.size());
        }
    }

    /** True when whole clusters are resampled. */
    public boolean clustered() {
        return method.startsWith("clusters:");
    }

    /**
     * The units of {@code table} as audited by {@code spec} with {@code statistics}: one per row, or one
     * per value of the {@code cluster} column.
     */
    public static ResamplingUnits of(Table table, AuditSpec spec, RowStatistics statistics, String cluster)
            throws DataFileException {
        EncodedData d = DataEncoder.encode(table, spec);
        SlicePlan plan = SlicePlan.of(d);
        SlicePlan.Scope main = plan.scopes.get(0);
        int order = spec.groups().size();
        Map<Integer, Integer> finestOfCell = new HashMap<>();
        List<SliceKey> finest = new ArrayList<>();
        for (int s = 0; s < main.slices().size(); s++) {
            if (main.slices().get(s).order() == order && !main.slices().get(s).equals(SliceKey.OVERALL)) {
                for (int c : main.members()[s]) {
                    finestOfCell.put(c, finest.size());
                }
                finest.add(main.slices().get(s));
            }
        }
        if (order == 0) {
            finest.add(SliceKey.OVERALL);
        }
        int[] unitOfRow = new int[table.rowCount()];
        int units;
        if (cluster == null) {
            for (int r = 0; r < unitOfRow.length; r++) {
                unitOfRow[r] = r;
            }
            units = unitOfRow.length;
        } else {
            org.rai4j.core.Column c = table.column(cluster);
            Map<String, Integer> ids = new java.util.LinkedHashMap<>();
            for (int r = 0; r < unitOfRow.length; r++) {
                String v = c.text(r);
                unitOfRow[r] = ids.computeIfAbsent(v == null ? "" : v, k -> ids.size());
            }
            units = ids.size();
        }
        Map<Long, double[]> sums = new java.util.LinkedHashMap<>();
        Map<Long, long[]> rows = new HashMap<>();
        int width = statistics.names().size();
        for (int r = 0; r < d.rows; r++) {
            int f = order == 0 ? 0 : finestOfCell.get(d.cell[r]);
            long key = (long) unitOfRow[r] * finest.size() + f;
            double[] sum = sums.computeIfAbsent(key, k -> new double[width]);
            double[] v = statistics.values()[r];
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
            rows.computeIfAbsent(key, k -> new long[1])[0]++;
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : sums.entrySet()) {
            long k = e.getKey();
            entries.add(new Entry((int) (k / finest.size()), (int) (k % finest.size()), rows.get(k)[0], e.getValue()));
        }
        return new ResamplingUnits(cluster == null ? "utterances" : "clusters:" + cluster, statistics.names(), finest,
                entries, units);
    }
}
