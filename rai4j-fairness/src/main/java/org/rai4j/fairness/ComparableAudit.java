package org.rai4j.fairness;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Sampling;
import org.rai4j.core.SliceKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An audit reduced to what a comparison needs: the outcome counts of its finest slices (the
 * multinomial cells of a whole-data bootstrap) and its reported slices. Built from the sufficient
 * statistics every audit carries ({@link SliceResult#counts()}), so audits read back from JSON compare
 * exactly like audits in memory.
 */
final class ComparableAudit {
    final String role;
    final AuditResult audit;
    final Layout layout;
    final List<SliceKey> finest;
    /** cells[finest][outcome]: row counts. */
    final double[][] cells;
    final long rows;
    final Map<SliceKey, SliceResult> slices;

    /** The resampling units of a row-statistics (speech) audit, or null for a count-based audit. */
    final ResamplingUnits units;
    /** Finest slice indices of each unit's entries, for counting units in a set of slices. */
    private final int[][] unitSlices;

    private ComparableAudit(String role, AuditResult audit, Layout layout, List<SliceKey> finest, double[][] cells) {
        this(role, audit, layout, finest, cells, null);
    }

    private ComparableAudit(String role, AuditResult audit, Layout layout, List<SliceKey> finest, double[][] cells,
                            ResamplingUnits units) {
        this.units = units;
        if (units != null) {
            List<List<Integer>> bySlice = new ArrayList<>();
            for (int u = 0; u < units.units(); u++) {
                bySlice.add(new ArrayList<>());
            }
            for (ResamplingUnits.Entry e : units.entries()) {
                bySlice.get(e.unit()).add(e.slice());
            }
            unitSlices = new int[units.units()][];
            for (int u = 0; u < unitSlices.length; u++) {
                unitSlices[u] = bySlice.get(u).stream().mapToInt(Integer::intValue).toArray();
            }
        } else {
            unitSlices = null;
        }
        this.role = role;
        this.audit = audit;
        this.layout = layout;
        this.finest = List.copyOf(finest);
        this.cells = cells;
        double total = 0;
        for (double[] c : cells) {
            if (units != null) {
                total += c[layout.rowsSlot];
                continue;
            }
            for (double v : c) {
                total += v;
            }
        }
        this.rows = Math.round(total);
        this.slices = new LinkedHashMap<>();
        for (SliceResult s : audit.main().groups()) {
            slices.put(s.slice(), s);
        }
    }

    static ComparableAudit of(AuditResult r, String role) {
        AuditSpec spec = r.spec();
        Preconditions.checkArgument(spec.weight() == null, "the " + role + " audit was computed with sample weights (column '"
                + spec.weight() + "'); a last-mile comparison resamples rows from the audit's counts, which needs "
                + "unweighted counts: audit without --weight");
        Layout layout = switch (spec.task()) {
            case BINARY -> Layout.binary(false);
            case MULTICLASS -> Layout.multiclass(r.classes());
            case SPEECH -> throw new IllegalArgumentException("the " + role + " audit is a speech audit without its "
                    + "resampling units (utterances or speakers); audit it again with this rai4j version (the audit JSON "
                    + "then carries resampling_units)");
            case REGRESSION -> throw new IllegalArgumentException("the " + role + " audit is a regression audit; "
                    + "last-mile comparison supports binary and multiclass audits (their counts are multinomial cells)");
        };
        int order = spec.groups().size();
        List<SliceKey> finest = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        for (SliceResult s : r.main().groups()) {
            if (s.slice().order() == order) {
                finest.add(s.slice());
                cells.add(outcomes(layout, s, role));
            }
        }
        Preconditions.checkArgument(!finest.isEmpty(), "the " + role + " audit has no slices over all its group columns "
                + spec.groups());
        ComparableAudit a = new ComparableAudit(role, r, layout, finest, cells.toArray(new double[0][]));
        double[] overall = outcomes(layout, r.main().overall(), role);
        double[] sum = a.outcomes(a.cells, a.members(SliceKey.OVERALL));
        for (int o = 0; o < overall.length; o++) {
            Preconditions.checkArgument(Math.abs(overall[o] - sum[o]) < 1e-6 * Math.max(1, overall[o]),
                    "the " + role + " audit's counts are inconsistent: the finest slices add up to " + sum[o]
                            + " in outcome cell " + o + " but overall has " + overall[o]);
        }
        return a;
    }

    /**
     * A row-statistics (speech) audit with its resampling units; {@code metrics} are the task's metric
     * functions (e.g. rai4j-speech's WER), applied to summed statistics with the row count last.
     */
    static ComparableAudit of(AuditResult r, String role, ResamplingUnits units, List<RowStatistics.Metric> metrics) {
        Preconditions.checkArgument(r.spec().task() == Task.SPEECH, "resampling units are for speech audits, the " + role
                + " audit is " + r.spec().task().id());
        Layout layout = Layout.statistics(new RowStatistics(units.statistics(), new double[0][], metrics, Map.of()));
        double[][] cells = new double[units.finest().size()][layout.size];
        for (ResamplingUnits.Entry e : units.entries()) {
            double[] c = cells[e.slice()];
            for (int i = 0; i < e.values().length; i++) {
                c[i] += e.values()[i];
            }
            c[layout.rowsSlot] += e.rows();
        }
        List<SliceKey> finest = units.finest();
        for (SliceKey f : finest) {
            Preconditions.checkArgument(f.order() == r.spec().groups().size() || f.equals(SliceKey.OVERALL),
                    "the " + role + " audit's resampling units name slice " + f + ", not a slice of all its group columns "
                            + r.spec().groups());
        }
        ComparableAudit a = new ComparableAudit(role, r, layout, finest, cells, units);
        Preconditions.checkArgument(a.rows == r.n(), "the " + role + " audit's resampling units hold " + a.rows
                + " rows but the audit has " + r.n() + "; they do not belong to this audit");
        return a;
    }

    /**
     * The size a slice's minimum group size is compared with: clusters for a clustered audit (with
     * clusters, --min-group-size counts clusters), else rows.
     */
    long size(int[] members) {
        if (units == null || !units.clustered()) {
            double n = 0;
            for (int f : members) {
                n += units == null ? sum(cells[f]) : cells[f][layout.rowsSlot];
            }
            return Math.round(n);
        }
        java.util.Set<Integer> in = new java.util.HashSet<>();
        for (int f : members) {
            in.add(f);
        }
        long count = 0;
        for (int[] slicesOfUnit : unitSlices) {
            for (int f : slicesOfUnit) {
                if (in.contains(f)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** What {@link #size} counts: "clusters" or "n". */
    String sizeName() {
        return units != null && units.clustered() ? "clusters" : "n";
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** The outcome-cell counts of a slice, from its named counts (binary tp, fp, tn, fn; multiclass "t->p"). */
    private static double[] outcomes(Layout layout, SliceResult s, String role) {
        Map<String, Double> c = s.counts();
        double[] out = new double[layout.outcomes];
        List<String> names = new ArrayList<>();
        if (layout.task == Task.BINARY) {
            names.addAll(List.of("tp", "fp", "tn", "fn"));
        } else {
            for (String t : layout.classes) {
                for (String p : layout.classes) {
                    names.add(t + "->" + p);
                }
            }
        }
        for (int o = 0; o < out.length; o++) {
            Double v = c.get(names.get(o));
            Preconditions.checkArgument(v != null, "the " + role + " audit's slice " + s.slice() + " has no count '"
                    + names.get(o) + "' (counts: " + c.keySet() + "); rerun the audit with this rai4j version");
            Preconditions.checkArgument(v >= 0 && v == Math.rint(v), "the " + role + " audit's slice " + s.slice()
                    + " has count " + names.get(o) + " = " + v + "; expected a whole number >= 0");
            out[o] = v;
        }
        return out;
    }

    /** Indices of the finest slices inside {@code key} (all of them for overall). */
    int[] members(SliceKey key) {
        List<Integer> in = new ArrayList<>();
        for (int f = 0; f < finest.size(); f++) {
            boolean match = true;
            for (String attr : key.attributes()) {
                String v = finest.get(f).value(attr);
                if (v == null || !v.equals(key.value(attr))) {
                    match = false;
                    break;
                }
            }
            if (match) {
                in.add(f);
            }
        }
        return in.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Outcome counts summed over {@code members} of a cell table. */
    double[] outcomes(double[][] table, int[] members) {
        double[] out = new double[units == null ? layout.outcomes : layout.size];
        for (int f : members) {
            for (int o = 0; o < out.length; o++) {
                out[o] += table[f][o];
            }
        }
        return out;
    }

    /** The metric on outcome counts (NaN when undefined). */
    double value(MetricDef metric, double[] outcomes) {
        if (units != null) {
            return metric.apply(outcomes);
        }
        double[] s = new double[layout.size];
        double n = 0;
        for (int o = 0; o < outcomes.length; o++) {
            s[o] = outcomes[o];
            s[layout.w2Offset + o] = outcomes[o];
            s[layout.countOffset + o] = outcomes[o];
            n += outcomes[o];
        }
        s[layout.rowsSlot] = n;
        return metric.apply(s);
    }

    /** Minimum group size of this audit. */
    int minGroupSize() {
        return audit.spec().minGroupSize();
    }

    /** One whole-data bootstrap resample: {@link #rows} rows drawn with replacement, i.e. a multinomial draw over the cells. */
    double[][] resample(SplittableRandom rng) {
        if (units != null) {
            int u = units.units();
            int[] times = new int[u];
            for (int i = 0; i < u; i++) {
                times[rng.nextInt(u)]++;
            }
            double[][] out = new double[cells.length][layout.size];
            for (ResamplingUnits.Entry e : units.entries()) {
                int t = times[e.unit()];
                if (t == 0) {
                    continue;
                }
                double[] c = out[e.slice()];
                for (int i = 0; i < e.values().length; i++) {
                    c[i] += t * e.values()[i];
                }
                c[layout.rowsSlot] += t * (double) e.rows();
            }
            return out;
        }
        int f = cells.length;
        int o = layout.outcomes;
        double[] p = new double[f * o];
        for (int i = 0; i < f; i++) {
            System.arraycopy(cells[i], 0, p, i * o, o);
        }
        long[] draw = new long[p.length];
        Sampling.multinomial(rng, rows, p, draw);
        double[][] out = new double[f][o];
        for (int i = 0; i < f; i++) {
            for (int k = 0; k < o; k++) {
                out[i][k] = draw[i * o + k];
            }
        }
        return out;
    }
}
