package org.rai4j.fairness;

import org.rai4j.core.DataFileException;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.IntervalMethod;
import org.rai4j.core.Intervals;
import org.rai4j.core.Provenance;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;
import org.rai4j.core.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Runs a disaggregated audit: encode and validate the rows, count every finest cell in one pass,
 * merge cells into slices, compute every metric with its interval, draw bootstrap replicates on the
 * sufficient statistics, and compute Fairlearn's aggregates and the named fairness metrics with
 * intervals and significance.
 *
 * <p><b>Significance of a gap.</b> For a fairness metric built from metric M (two metrics for
 * equalized odds), every pair (i, j) of eligible finest slices gets a two-sided p-value of
 * m_i − m_j = 0 from a Wald test with the bootstrap standard error ({@link Intervals#bootstrapWaldPValue});
 * the family of these p-values is adjusted
 * ({@link Adjustment}); the gap is significant when the adjusted p-value of the pair attaining it is
 * below 1 − confidence. (An unsigned max − min is positive in every replicate, so "its interval
 * excludes zero" would always hold; the signed pair test is the meaningful version.)
 *
 * <p>Stateless; thread-safe.
 */
public final class Auditor {
    private Auditor() {}

    /** Audits {@code table} as {@code spec} says; progress receives the number of finished replicates. */
    public static AuditResult run(Table table, AuditSpec spec, IntConsumer progress) throws DataFileException {
        EncodedData data = DataEncoder.encode(table, spec);
        Map<String, String> inputs = new LinkedHashMap<>();
        if (table.sha256() != null) {
            inputs.put(table.source(), table.sha256());
        }
        return run(data, spec, Provenance.current(spec.seed(), inputs, config(spec)), progress);
    }

    /** Audits data read by {@link AuditData}; progress receives the number of finished replicates. */
    public static AuditResult run(AuditData input, AuditSpec spec, IntConsumer progress) {
        return run(input.data, spec, Provenance.current(spec.seed(), input.inputs, config(spec)), progress);
    }

    /**
     * Audits a task whose rows carry task-supplied additive statistics ({@link Task#SPEECH}): the group
     * columns of {@code spec} slice the rows as usual, each slice's statistics are summed and the metrics
     * of {@code statistics} applied to the sums. With a {@code cluster} column the bootstrap resamples
     * whole clusters (e.g. speakers) instead of rows.
     *
     * @param cluster column whose value identifies a row's cluster, or null to resample rows
     * @throws DataFileException when a named column is missing or a group or cluster value is missing
     */
    public static AuditResult run(Table table, AuditSpec spec, RowStatistics statistics, String cluster,
                                  IntConsumer progress) throws DataFileException {
        org.rai4j.core.Preconditions.checkArgument(spec.task() == Task.SPEECH,
                "row statistics are for task speech, got task " + spec.task().id());
        org.rai4j.core.Preconditions.checkArgument(spec.weight() == null, "a speech audit takes no weight column");
        org.rai4j.core.Preconditions.checkArgument(statistics.values().length == table.rowCount(),
                "statistics has " + statistics.values().length + " rows, the table " + table.rowCount());
        EncodedData plain = DataEncoder.encode(table, spec);
        int[] clusterOfRow = null;
        int clusters = 0;
        if (cluster != null) {
            org.rai4j.core.Column c = table.column(cluster);
            org.rai4j.core.ProblemCollector problems = new org.rai4j.core.ProblemCollector();
            Map<String, Integer> ids = new LinkedHashMap<>();
            clusterOfRow = new int[table.rowCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                String v = c.text(r);
                if (v == null) {
                    problems.add(table.problem(r, cluster, "expected a cluster id, got an empty field"));
                    continue;
                }
                clusterOfRow[r] = ids.computeIfAbsent(v, k -> ids.size());
            }
            problems.throwIfAny();
            clusters = ids.size();
        }
        EncodedData data = plain.withStatistics(statistics, clusterOfRow, clusters, cluster);
        Map<String, String> inputs = new LinkedHashMap<>();
        if (table.sha256() != null) {
            inputs.put(table.source(), table.sha256());
        }
        Map<String, String> config = config(spec);
        config.putAll(statistics.config());
        if (cluster != null) {
            config.put("cluster", cluster);
        }
        return run(data, spec, Provenance.current(spec.seed(), inputs, config), progress);
    }

    /** Audits already-encoded data. */
    public static AuditResult run(EncodedData data, AuditSpec spec, Provenance provenance, IntConsumer progress) {
        Layout layout = Layout.of(data);
        SlicePlan plan = SlicePlan.of(data);
        double[][] cellStats = CellCounter.count(data, layout);
        double[][][] stats = plan.sliceStats(layout, cellStats);
        AucCalculator auc = layout.hasScore ? AucCalculator.of(data, plan) : null;
        if (auc != null) {
            for (int sc = 0; sc < stats.length; sc++) {
                for (int s = 0; s < stats[sc].length; s++) {
                    stats[sc][s][layout.aucSlot] = auc.auc(data, sc, s, null);
                }
            }
        }
        Bootstrap.Method method = Bootstrap.choose(data, layout);
        Bootstrap.Replicates both = spec.bootstrap() > 0
                ? Bootstrap.replicatesWithVariances(data, layout, plan, auc, spec.bootstrap(), spec.seed(), method, progress)
                : null;
        ClusterStatistics clusters = method == Bootstrap.Method.CLUSTERS ? ClusterStatistics.of(data, layout, plan) : null;
        List<Analysis> analyses = new ArrayList<>();
        for (int sc = 0; sc < plan.scopes.size(); sc++) {
            analyses.add(analyse(spec, layout, plan.scopes.get(sc), stats[sc], both == null ? null : both.values()[sc],
                    both == null ? null : both.variances()[sc], clusters == null ? null : new ScopeClusters(clusters, sc)));
        }
        String methodId = method == Bootstrap.Method.CLUSTERS ? method.id + ":" + data.clusterColumn : method.id;
        return new AuditResult(spec, data.rows, data.classes, analyses.get(0), analyses.subList(1, analyses.size()),
                methodId, provenance, both == null ? null : both.binning());
    }

    static Map<String, String> config(AuditSpec spec) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("task", spec.task().id());
        c.put("label", spec.label());
        c.put("prediction", spec.prediction());
        if (spec.score() != null) {
            c.put("score", spec.score());
        }
        if (spec.weight() != null) {
            c.put("weight", spec.weight());
        }
        if (spec.task() == Task.BINARY) {
            c.put("positive_label", spec.positiveLabel());
        }
        c.put("groups", String.join(",", spec.groups()));
        c.put("controls", String.join(",", spec.controls()));
        c.put("missing_group", spec.missingGroup().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        c.put("min_group_size", Integer.toString(spec.minGroupSize()));
        c.put("confidence", Double.toString(spec.confidence()));
        c.put("bootstrap", Integer.toString(spec.bootstrap()));
        c.put("adjust", spec.adjust().toString());
        return c;
    }

    /** The cluster statistics of one scope of a cluster audit. */
    record ScopeClusters(ClusterStatistics statistics, int scope) {
        int count(int slice) {
            return statistics.clusters(scope, slice);
        }
    }

    private static Analysis analyse(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] stats,
                                    double[][][] reps, double[][][] repVar, ScopeClusters clusters) {
        int nm = layout.metrics.size();
        double[][] point = new double[stats.length][nm];
        double[][] pointVar = new double[stats.length][nm];
        for (int s = 0; s < stats.length; s++) {
            for (int m = 0; m < nm; m++) {
                point[s][m] = layout.metrics.get(m).apply(stats[s]);
                pointVar[s][m] = Bootstrap.variance(layout, layout.metrics.get(m), stats[s], point[s][m]);
            }
        }
        Variances var = reps == null ? null : new Variances(pointVar, repVar);
        int df = -1;
        if (clusters != null && reps != null) {
            // gaps of a cluster audit: simultaneous jackknife t (multivariate-t draws in place of the cluster
            // bootstrap's replicates, see ClusterStatistics), with ν = fewest clusters of a slice in the gaps − 1
            int[] want = new int[scope.finest().length + 1];
            want[0] = 0;
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < scope.finest().length; i++) {
                int s = scope.finest()[i];
                want[i + 1] = s;
                int g = clusters.count(s);
                if (g >= Math.max(spec.minGroupSize(), ClusterStatistics.MIN_CLUSTERS)) {
                    fewest = Math.min(fewest, g);
                }
            }
            df = Math.max(1, (fewest == Integer.MAX_VALUE ? clusters.count(0) : fewest) - 1);
            double[][][] draws = clusters.statistics().jackknifeDraws(clusters.scope(), want, stats, layout.metrics,
                    Math.max(spec.bootstrap(), MIN_JACKKNIFE_DRAWS), df, org.rai4j.core.Seeds.derive(spec.seed(), clusters.scope()));
            double[][][] sparse = new double[stats.length][][];
            for (int i = 0; i < want.length; i++) {
                sparse[want[i]] = draws[i];
            }
            reps = sparse;
            var = null;
        }
        List<SliceResult> results = new ArrayList<>();
        for (int s = 0; s < stats.length; s++) {
            results.add(clusters == null
                    ? sliceResult(spec, layout, scope.slices().get(s), stats[s], point[s], reps == null ? null : reps[s])
                    : clusterSliceResult(spec, layout, scope.slices().get(s), stats[s], point[s],
                            reps == null ? null : reps[s], clusters, s));
        }
        SliceResult overall = results.get(0);
        Map<String, MetricAggregates> aggregates = new LinkedHashMap<>();
        Map<String, Eligible> eligible = new LinkedHashMap<>();
        for (int m = 0; m < nm; m++) {
            MetricDef def = layout.metrics.get(m);
            Eligible e = Eligible.of(spec, layout, scope, stats, point, m, clusters);
            eligible.put(def.name(), e);
            aggregates.put(def.name(), aggregate(spec, scope, point, reps, var, m, e, df));
        }
        Map<String, FairnessValue> fairness = new LinkedHashMap<>();
        if (layout.task == Task.BINARY) {
            FairnessMetrics.addAll(spec, layout, scope, point, reps, var, eligible, aggregates, fairness, methodOf(df));
        }
        return new Analysis(scope.control(), overall, results.subList(1, results.size()), aggregates, fairness);
    }

    private static SliceResult sliceResult(AuditSpec spec, Layout layout, SliceKey key, double[] stats, double[] point,
                                           double[][] reps) {
        long rows = Math.round(stats[layout.rowsSlot]);
        boolean small = rows < spec.minGroupSize();
        String smallReason = "n=" + rows + " < min_group_size=" + spec.minGroupSize();
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        for (int m = 0; m < layout.metrics.size(); m++) {
            MetricDef def = layout.metrics.get(m);
            double value = point[m];
            long n = rows;
            Interval ci = null;
            if (def.isProportion()) {
                n = Math.round(layout.rowCount(stats, def.denominator()));
            }
            if (Double.isNaN(value)) {
                metrics.put(def.name(), Estimate.undefined(n, def.undefinedReason()));
                continue;
            }
            long own = metricN(layout, def, stats);
            boolean smallMetric = small || own < spec.minGroupSize();
            String reason = small ? smallReason : smallMetricReason(layout, def, own, spec.minGroupSize());
            if (def.isProportion()) {
                double w = MetricDef.sum(stats, def.denominator());
                double w2 = layout.sumSquaredWeights(stats, def.denominator());
                double effective = w2 > 0 ? w * w / w2 : 0;
                if (effective > 0) {
                    ci = Intervals.wilson(Math.min(effective, value * effective), effective, spec.confidence());
                }
            } else if (reps != null) {
                ci = Intervals.percentile(reps[m], spec.confidence());
            }
            metrics.put(def.name(), smallMetric ? Estimate.insufficient(value, n, ci, reason) : Estimate.ok(value, n, ci));
        }
        return new SliceResult(key, rows, small ? Status.INSUFFICIENT_DATA : Status.OK, small ? smallReason : null,
                metrics, layout.counts(stats));
    }

    /**
     * The sample size that {@code --min-group-size} applies to for one metric: the rows in a proportion's
     * denominator (actual negatives for FPR), min(actual positives, actual negatives) for AUC and balanced
     * accuracy, else the slice's rows.
     */
    static long metricN(Layout layout, MetricDef def, double[] stats) {
        if (def.isProportion()) {
            return Math.round(layout.rowCount(stats, def.denominator()));
        }
        if (layout.task == Task.BINARY && (def.name().equals("auc") || def.name().equals("balanced_accuracy"))) {
            long pos = Math.round(layout.rowCount(stats, new int[] {Layout.TP, Layout.FN}));
            long neg = Math.round(layout.rowCount(stats, new int[] {Layout.FP, Layout.TN}));
            return Math.min(pos, neg);
        }
        return Math.round(stats[layout.rowsSlot]);
    }

    private static String smallMetricReason(Layout layout, MetricDef def, long n, int min) {
        String what = def.isProportion() ? "rows in its denominator" : layout.task == Task.BINARY
                && (def.name().equals("auc") || def.name().equals("balanced_accuracy"))
                ? "min(actual positives, actual negatives)" : "rows";
        return "n=" + n + " " + what + " < min_group_size=" + min;
    }

    /**
     * A slice of a cluster audit: every metric gets the delete-one-cluster jackknife t interval
     * ({@link ClusterStatistics}; none with fewer than two clusters); {@code --min-group-size} counts
     * clusters (a slice with fewer is INSUFFICIENT_DATA); with fewer than
     * {@link ClusterStatistics#MIN_CLUSTERS} clusters the slice is FEW_CLUSTERS and left out of the gaps,
     * whose intervals are the simultaneous cluster jackknife ({@link ClusterStatistics#jackknifeDraws}).
     */
    private static SliceResult clusterSliceResult(AuditSpec spec, Layout layout, SliceKey key, double[] stats,
                                                  double[] point, double[][] reps, ScopeClusters clusters, int slice) {
        long rows = Math.round(stats[layout.rowsSlot]);
        int g = clusters.count(slice);
        boolean small = g < spec.minGroupSize();
        boolean few = !small && g < ClusterStatistics.MIN_CLUSTERS;
        String reason = small ? "clusters=" + g + " < min_group_size=" + spec.minGroupSize() + " (with clusters, the minimum counts clusters)"
                : few ? "clusters=" + g + " < " + ClusterStatistics.MIN_CLUSTERS + ": wide interval (t with " + (g - 1)
                        + " df) and left out of gaps between groups" : null;
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        for (int m = 0; m < layout.metrics.size(); m++) {
            MetricDef def = layout.metrics.get(m);
            double value = point[m];
            if (Double.isNaN(value)) {
                metrics.put(def.name(), Estimate.undefined(rows, def.undefinedReason()));
                continue;
            }
            Interval ci = clusters.statistics().jackknifeT(clusters.scope(), slice, stats, def, spec.confidence());
            metrics.put(def.name(), small ? Estimate.insufficient(value, rows, ci, reason)
                    : few ? new Estimate(value, rows, ci, Status.FEW_CLUSTERS, reason) : Estimate.ok(value, rows, ci));
        }
        Map<String, Double> counts = new LinkedHashMap<>(layout.counts(stats));
        counts.put("clusters", (double) g);
        return new SliceResult(key, rows, small ? Status.INSUFFICIENT_DATA : few ? Status.FEW_CLUSTERS : Status.OK, reason,
                metrics, counts);
    }

    /** The finest slices a metric's aggregates use, and those left out with why. */
    record Eligible(int[] slices, List<String> excluded) {
        static Eligible of(AuditSpec spec, Layout layout, SlicePlan.Scope scope, double[][] stats, double[][] point, int m,
                           ScopeClusters clusters) {
            List<Integer> ok = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (int s : scope.finest()) {
                long rows = Math.round(stats[s][layout.rowsSlot]);
                long own = metricN(layout, layout.metrics.get(m), stats[s]);
                if (clusters != null && clusters.count(s) < Math.max(spec.minGroupSize(), ClusterStatistics.MIN_CLUSTERS)) {
                    int g = clusters.count(s);
                    excluded.add(scope.slices().get(s) + (g < spec.minGroupSize()
                            ? ": INSUFFICIENT_DATA (clusters=" + g + " < " + spec.minGroupSize() + ")"
                            : ": FEW_CLUSTERS (clusters=" + g + " < " + ClusterStatistics.MIN_CLUSTERS + ")"));
                } else if (clusters == null && rows < spec.minGroupSize()) {
                    excluded.add(scope.slices().get(s) + ": INSUFFICIENT_DATA (n=" + rows + " < " + spec.minGroupSize() + ")");
                } else if (Double.isNaN(point[s][m])) {
                    excluded.add(scope.slices().get(s) + ": UNDEFINED (" + layout.metrics.get(m).undefinedReason() + ")");
                } else if (clusters == null && own < spec.minGroupSize()) {
                    excluded.add(scope.slices().get(s) + ": INSUFFICIENT_DATA ("
                            + smallMetricReason(layout, layout.metrics.get(m), own, spec.minGroupSize()).replace("min_group_size=", "") + ")");
                } else {
                    ok.add(s);
                }
            }
            return new Eligible(ok.stream().mapToInt(Integer::intValue).toArray(), excluded);
        }
    }

    /** Plug-in variances of proportions at the point {@code [slice][metric]} and per replicate {@code [slice][metric][b]}. */
    record Variances(double[][] point, double[][][] replicates) {}

    /** Fewest draws of the multivariate t behind a cluster audit's gap intervals (more when --bootstrap asks for more). */
    static final int MIN_JACKKNIFE_DRAWS = 4000;

    /** The interval method of gaps: simultaneous bootstrap, or simultaneous cluster jackknife (df &gt; 0). */
    static IntervalMethod methodOf(int df) {
        return df > 0 ? IntervalMethod.CLUSTER_JACKKNIFE_SIMULTANEOUS : IntervalMethod.BOOTSTRAP_SIMULTANEOUS;
    }

    /** One metric's eligible slices as a component of {@link GapIntervals} (var null: no analytic variances). */
    static GapIntervals.Component component(double[][] point, double[][][] reps, Variances var, int m, int[] slices) {
        double[] values = new double[slices.length];
        double[][] r = new double[slices.length][];
        double[] pv = new double[slices.length];
        double[][] rv = new double[slices.length][];
        for (int i = 0; i < slices.length; i++) {
            values[i] = point[slices[i]][m];
            r[i] = reps[slices[i]][m];
            if (var != null) {
                pv[i] = var.point()[slices[i]][m];
                rv[i] = var.replicates()[slices[i]][m];
            }
        }
        return var == null ? new GapIntervals.Component(values, r, point[0][m], reps[0][m])
                : new GapIntervals.Component(values, r, point[0][m], reps[0][m], pv, rv);
    }

    static Interval interval(GapIntervals.Bound b, IntervalMethod method) {
        return b == null ? null : new Interval(b.lo(), b.hi(), method);
    }

    private static MetricAggregates aggregate(AuditSpec spec, SlicePlan.Scope scope, double[][] point,
                                              double[][][] reps, Variances var, int m, Eligible e, int df) {
        double[] values = new double[e.slices().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = point[e.slices()[i]][m];
        }
        double overall = point[0][m];
        if (values.length < 2) {
            AggregateValue u = AggregateValue.undefined("fewer than two eligible slices (" + values.length + ")");
            return new MetricAggregates(u, u, u, u, u, u, null, null, e.excluded());
        }
        double[] agg = Aggregations.all(values, overall);
        Interval[] ci = new Interval[Aggregations.COUNT];
        List<PairTest> pairs = List.of();
        int pairCount = values.length * (values.length - 1) / 2;
        if (reps != null) {
            GapIntervals.Component comp = component(point, reps, var, m, e.slices());
            GapIntervals.Bound[] per = GapIntervals.perGroup(comp, spec.confidence());
            IntervalMethod how = methodOf(df);
            ci[Aggregations.MIN] = interval(per[0], how);
            ci[Aggregations.MAX] = interval(per[1], how);
            ci[Aggregations.DIFF] = interval(GapIntervals.difference(List.of(comp), spec.confidence()), how);
            ci[Aggregations.RATIO] = interval(GapIntervals.ratio(List.of(comp), spec.confidence()), how);
            ci[Aggregations.DIFF_OVERALL] = interval(per[2], how);
            ci[Aggregations.RATIO_OVERALL] = interval(per[3], how);
            pairs = pairTests(spec, scope, e.slices(), GapIntervals.pairDifferences(List.of(comp), spec.confidence()), df);
        }
        AggregateValue[] out = new AggregateValue[Aggregations.COUNT];
        for (int a = 0; a < Aggregations.COUNT; a++) {
            if (Double.isNaN(agg[a])) {
                out[a] = AggregateValue.undefined(Aggregations.undefinedReason(a));
                continue;
            }
            out[a] = new AggregateValue(agg[a], ci[a], Status.OK, null);
        }
        int argMin = 0;
        int argMax = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[argMin]) {
                argMin = i;
            }
            if (values[i] > values[argMax]) {
                argMax = i;
            }
        }
        return new MetricAggregates(out[0], out[1], out[2], out[3], out[4], out[5],
                scope.slices().get(e.slices()[argMin]), scope.slices().get(e.slices()[argMax]), e.excluded(),
                pairs, pairCount);
    }

    /**
     * Pairwise tests: Wald p from the bootstrap SE (cluster audits: the jackknife SE with a t on {@code df}
     * degrees of freedom), adjusted over the family by --adjust; smallest first.
     */
    private static List<PairTest> pairTests(AuditSpec spec, SlicePlan.Scope scope, int[] slices,
                                            List<GapIntervals.PairResult> results, int df) {
        IntervalMethod how = methodOf(df);
        double[] p = new double[results.size()];
        for (int k = 0; k < p.length; k++) {
            GapIntervals.PairResult r = results.get(k);
            // cluster audits: the family's se is the standard deviation of the multivariate-t draws,
            // SE_J·√(ν/(ν − 2)); the t test uses SE_J itself
            double se = df > 2 ? r.se() * Math.sqrt((df - 2.0) / df) : r.se();
            double z = Math.abs(r.difference()) / se;
            p[k] = Double.isNaN(r.se()) ? Double.NaN : r.se() == 0 ? (r.difference() == 0 ? 1.0 : 0.0)
                    : Math.min(1.0, 2.0 * (df > 0 ? org.rai4j.core.StudentT.cdf(-z, df) : org.rai4j.core.Gaussian.cdf(-z)));
        }
        double[] adjusted = spec.adjust().adjust(p);
        List<PairTest> out = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            GapIntervals.PairResult r = results.get(k);
            boolean iHigh = r.difference() >= 0;
            SliceKey a = scope.slices().get(slices[r.i()]);
            SliceKey b = scope.slices().get(slices[r.j()]);
            Interval ci = Double.isNaN(r.lo()) ? null : iHigh
                    ? new Interval(r.lo(), r.hi(), how)
                    : new Interval(-r.hi(), -r.lo(), how);
            out.add(new PairTest(iHigh ? a : b, iHigh ? b : a, Math.abs(r.difference()), ci, p[k], adjusted[k]));
        }
        out.sort(java.util.Comparator.comparingDouble((PairTest t) -> Double.isNaN(t.pValueAdjusted()) ? 2 : t.pValueAdjusted())
                .thenComparing(t -> -t.difference()));
        return out.size() > MetricAggregates.MAX_PAIRS ? out.subList(0, MetricAggregates.MAX_PAIRS) : out;
    }
}
