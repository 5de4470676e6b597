package org.rai4j.fairness;

import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Last-mile testing: where does a model degrade on a customer's data compared with the provider's
 * published baseline audit, and does it degrade <em>differently</em> for some groups?
 *
 * <p><b>Quantities.</b> For metric M and every slice s present in either audit: the change
 * Δ_s = M_cand(s) − M_base(s), and the differential change D_s = Δ_s − Δ_r, where r is the rest
 * (every row outside s that belongs to a finest slice present in both audits: counts are additive, so
 * the rest is a sum of finest-slice counts) or a chosen reference slice. Restricting the rest to the
 * common support keeps groups seen by only one audit (a new accent at the customer's site) out of
 * everyone else's change. The rest's change still includes shifts in the mix of the common groups;
 * choose a reference slice to compare against one fixed group. D_s &gt; 0 for an error-type metric
 * means the slice lost more than the others did.
 *
 * <p><b>Uncertainty.</b> The two audits are independent samples. Each bootstrap replicate resamples
 * each audit on its own, exactly as a whole-data row bootstrap would: N rows drawn with replacement
 * from an audit are a multinomial draw of N over its (finest slice × outcome cell) counts, so only
 * the audits' sufficient statistics are needed, never the rows. Every slice, its complement and the
 * reference are recomputed from the same replicate, so their dependence (a slice and an overlapping
 * reference, slice sizes that vary between resamples) is carried through. Intervals are bootstrap
 * percentile intervals; p-values of Δ_s = 0 and D_s = 0 are two-sided bootstrap p-values
 * ({@link Intervals#bootstrapPValue}); the change tests and the differential tests are each adjusted
 * as a family with {@link ComparisonSpec#adjust()}.
 *
 * <p><b>Flags</b> ({@link ChangeFlag}), at α = 1 − confidence after adjustment: a significant
 * differential degradation → DIFFERENTIAL_DEGRADATION; else a significant change for the worse →
 * DEGRADED; else a significant change for the better → IMPROVED; else OK. A slice absent from the
 * baseline or below the baseline's minimum group size is NEW_SLICE; one absent from the candidate,
 * below the candidate's minimum group size, or where the metric is undefined is INSUFFICIENT_DATA.
 * The differential of a slice whose rest (or reference) is too small or undefined is not computed,
 * and the slice is judged on its change alone.
 *
 * <p>Reference: the drift-check pattern of cloud bias monitors (alert only when an interval excludes
 * the allowed range), applied to the difference-in-differences of two independent audits.
 * Stateless; thread-safe; replicates run in parallel and are reproducible from the seed.
 */
public final class LastMileComparison {
    private LastMileComparison() {}

    /**
     * Compares the candidate (customer's) audit with the baseline (provider's) audit.
     *
     * @throws IllegalArgumentException when the audits cannot be compared (different tasks, labels or
     *                                  group columns; weighted or regression audits; unknown metric;
     *                                  missing or too small reference slice), naming what differs
     */
    public static ComparisonResult compare(AuditResult baseline, AuditResult candidate, ComparisonSpec spec) {
        return compare(ComparableAudit.of(baseline, "baseline"), ComparableAudit.of(candidate, "candidate"), spec);
    }

    /**
     * Compares two row-statistics audits (speech), each with its resampling units: every bootstrap
     * replicate resamples each audit's units (utterances, or whole clusters such as speakers) with
     * replacement, independently. {@code metrics} are the task's metric functions (rai4j-speech's
     * {@code SpeechAudit.metrics()}). Everything else is as in {@link #compare(AuditResult, AuditResult, ComparisonSpec)};
     * with clusters, minimum group sizes count clusters.
     */
    public static ComparisonResult compare(AuditResult baseline, ResamplingUnits baselineUnits, AuditResult candidate,
                                           ResamplingUnits candidateUnits, List<RowStatistics.Metric> metrics,
                                           ComparisonSpec spec) {
        Preconditions.checkArgument(baselineUnits.method().equals(candidateUnits.method()), "the baseline audit resamples "
                + baselineUnits.method() + " but the candidate " + candidateUnits.method() + "; audit both with the same --cluster");
        return compare(ComparableAudit.of(baseline, "baseline", baselineUnits, metrics),
                ComparableAudit.of(candidate, "candidate", candidateUnits, metrics), spec);
    }

    private static ComparisonResult compare(ComparableAudit base, ComparableAudit cand, ComparisonSpec spec) {
        AuditResult baseline = base.audit;
        AuditResult candidate = cand.audit;
        checkCompatible(base, cand);
        MetricDef metric = metric(base.layout, spec.metric());
        Direction direction = spec.direction() != null ? spec.direction() : Direction.defaultFor(spec.metric());
        Preconditions.checkArgument(direction != null, "metric '" + spec.metric() + "' has no natural direction; say "
                + "whether higher is worse or better (--direction higher-is-worse|higher-is-better)");
        if (spec.reference() != null) {
            SliceKey ref = spec.reference().project(baseline.spec().groups());
            Preconditions.checkArgument(ref.order() == spec.reference().order(), "reference slice " + spec.reference()
                    + " names columns that are not group columns of the audits " + baseline.spec().groups());
            spec = new ComparisonSpec(spec.metric(), spec.direction(), ref, spec.confidence(), spec.bootstrap(),
                    spec.seed(), spec.adjust());
            checkReference(base, metric, spec.reference());
            checkReference(cand, metric, spec.reference());
        }
        List<SliceKey> keys = union(cand, base);
        Set<SliceKey> common = new LinkedHashSet<>(base.finest);
        common.retainAll(new LinkedHashSet<>(cand.finest));
        Members mb = Members.of(base, keys, spec.reference(), common);
        Members mc = Members.of(cand, keys, spec.reference(), common);
        Replicates reps = Replicates.draw(base, cand, mb, mc, metric, keys.size(), spec);
        double[] pointBase = pointValues(base, metric, mb, base.cells);
        double[] pointCand = pointValues(cand, metric, mc, cand.cells);
        double[] pointRefBase = referenceValues(base, metric, mb, base.cells);
        double[] pointRefCand = referenceValues(cand, metric, mc, cand.cells);

        List<Draft> drafts = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            drafts.add(draft(base, cand, metric, spec, keys.get(k), pointBase[k], pointCand[k], pointRefBase[k],
                    pointRefCand[k], reps, k, mb, mc));
        }
        adjust(drafts, spec.adjust());
        List<SliceComparison> slices = new ArrayList<>();
        for (Draft d : drafts) {
            slices.add(d.decide(direction, spec));
        }
        SliceComparison overall = overall(base, cand, metric, spec, direction, reps);
        String reference = spec.reference() == null ? "the rest (all other rows of groups present in both audits)"
                : spec.reference().toString();
        String draw = base.units == null ? "multinomial draws of N rows over its finest-slice x outcome cells"
                : base.units.clustered() ? "whole " + base.units.method().substring("clusters:".length())
                        + " clusters drawn with replacement" : "utterances drawn with replacement";
        String method = String.format(Locale.ROOT, "independent whole-data bootstrap of each audit (%s), B=%d, seed %d; "
                        + "percentile intervals; two-sided bootstrap p-values, %s-adjusted separately over the change tests "
                        + "and the differential tests",
                draw, spec.bootstrap(), spec.seed(), spec.adjust());
        return new ComparisonResult(spec, baseline.spec().task(), direction, reference, method, overall, slices,
                baseline.n(), candidate.n(), baseline.provenance(), candidate.provenance());
    }

    private static void checkCompatible(ComparableAudit base, ComparableAudit cand) {
        AuditSpec b = base.audit.spec();
        AuditSpec c = cand.audit.spec();
        Preconditions.checkArgument(b.task() == c.task(), "the baseline audit is " + b.task().id()
                + " but the candidate audit is " + c.task().id() + "; audit both with the same --task");
        Preconditions.checkArgument(base.audit.classes().equals(cand.audit.classes()), "the baseline audit's classes "
                + base.audit.classes() + " differ from the candidate's " + cand.audit.classes()
                + "; labels must mean the same in both (same --positive-label and label values)");
        Preconditions.checkArgument(b.groups().equals(c.groups()), "the baseline audit's group columns " + b.groups()
                + " differ from the candidate's " + c.groups() + "; audit both with the same --group columns, in the same order");
    }

    private static MetricDef metric(Layout layout, String name) {
        List<String> allowed = new ArrayList<>();
        for (MetricDef m : layout.metrics) {
            if (m.isProportion() || m.name().equals("balanced_accuracy") || m.name().equals("f1") || layout.task == Task.SPEECH) {
                allowed.add(m.name());
            }
        }
        Preconditions.checkArgument(allowed.contains(name), "metric '" + name + "' cannot be compared for a "
                + layout.task.id() + " audit; expected one of " + String.join(", ", allowed));
        return layout.metric(name);
    }

    private static void checkReference(ComparableAudit a, MetricDef metric, SliceKey ref) {
        SliceResult r = a.slices.get(ref);
        Preconditions.checkArgument(r != null, "reference slice " + ref + " is not in the " + a.role + " audit; its slices are "
                + a.slices.keySet());
        Preconditions.checkArgument(a.size(a.members(ref)) >= a.minGroupSize(), "reference slice " + ref + " has "
                + a.sizeName() + "=" + a.size(a.members(ref))
                + " in the " + a.role + " audit, below its min_group_size=" + a.minGroupSize() + "; choose a larger reference");
        Preconditions.checkArgument(!Double.isNaN(a.value(metric, a.outcomes(a.cells, a.members(ref)))),
                "metric " + metric.name() + " is undefined on reference slice " + ref + " in the " + a.role + " audit ("
                        + metric.undefinedReason() + ")");
    }

    private static List<SliceKey> union(ComparableAudit first, ComparableAudit second) {
        Set<SliceKey> keys = new LinkedHashSet<>(first.slices.keySet());
        keys.addAll(second.slices.keySet());
        return List.copyOf(keys);
    }

    /**
     * Which finest slices of one audit make up each compared slice, its rest and the reference. The rest of
     * a slice is every finest slice present in both audits (the common support) outside it, so that groups
     * seen by only one audit (new accents, dropped sites) do not leak into the others' change.
     */
    private record Members(int[][] slice, int[][] rest, int[] reference, int[] all) {
        static Members of(ComparableAudit a, List<SliceKey> keys, SliceKey ref, Set<SliceKey> common) {
            int[][] slice = new int[keys.size()][];
            int[][] rest = new int[keys.size()][];
            for (int k = 0; k < keys.size(); k++) {
                if (!a.slices.containsKey(keys.get(k))) {
                    continue;
                }
                slice[k] = a.members(keys.get(k));
                Set<Integer> in = new java.util.HashSet<>();
                for (int f : slice[k]) {
                    in.add(f);
                }
                List<Integer> r = new ArrayList<>();
                for (int f = 0; f < a.finest.size(); f++) {
                    if (!in.contains(f) && common.contains(a.finest.get(f))) {
                        r.add(f);
                    }
                }
                rest[k] = r.stream().mapToInt(Integer::intValue).toArray();
            }
            return new Members(slice, rest, ref == null ? null : a.members(ref), a.members(SliceKey.OVERALL));
        }
    }

    private static double[] pointValues(ComparableAudit a, MetricDef metric, Members m, double[][] table) {
        double[] out = new double[m.slice().length];
        for (int k = 0; k < out.length; k++) {
            out[k] = m.slice()[k] == null ? Double.NaN : a.value(metric, a.outcomes(table, m.slice()[k]));
        }
        return out;
    }

    /** The value of the rest of each slice, or of the reference slice. */
    private static double[] referenceValues(ComparableAudit a, MetricDef metric, Members m, double[][] table) {
        double[] out = new double[m.slice().length];
        double refValue = m.reference() == null ? Double.NaN : a.value(metric, a.outcomes(table, m.reference()));
        for (int k = 0; k < out.length; k++) {
            if (m.reference() != null) {
                out[k] = refValue;
            } else {
                out[k] = m.rest()[k] == null ? Double.NaN : a.value(metric, a.outcomes(table, m.rest()[k]));
            }
        }
        return out;
    }

    private static long rows(ComparableAudit a, int[] members) {
        double n = 0;
        for (double v : a.outcomes(a.cells, members)) {
            n += v;
        }
        return Math.round(n);
    }

    /** Replicate values [slice][b] of the slice and its rest/reference in each audit, and of overall [b]. */
    private record Replicates(double[][] base, double[][] cand, double[][] refBase, double[][] refCand,
                              double[] overallBase, double[] overallCand) {
        static Replicates draw(ComparableAudit base, ComparableAudit cand, Members mb, Members mc, MetricDef metric, int k,
                               ComparisonSpec spec) {
            int b = spec.bootstrap();
            Replicates r = new Replicates(new double[k][b], new double[k][b], new double[k][b], new double[k][b],
                    new double[b], new double[b]);
            IntStream.range(0, b).parallel().forEach(i -> {
                SplittableRandom rb = Seeds.stream(spec.seed(), 2L * i);
                SplittableRandom rc = Seeds.stream(spec.seed(), 2L * i + 1);
                double[][] tb = base.resample(rb);
                double[][] tc = cand.resample(rc);
                double[] vb = pointValues(base, metric, mb, tb);
                double[] vc = pointValues(cand, metric, mc, tc);
                double[] rfb = referenceValues(base, metric, mb, tb);
                double[] rfc = referenceValues(cand, metric, mc, tc);
                for (int s = 0; s < k; s++) {
                    r.base[s][i] = vb[s];
                    r.cand[s][i] = vc[s];
                    r.refBase[s][i] = rfb[s];
                    r.refCand[s][i] = rfc[s];
                }
                r.overallBase[i] = base.value(metric, base.outcomes(tb, mb.all()));
                r.overallCand[i] = cand.value(metric, cand.outcomes(tc, mc.all()));
            });
            return r;
        }
    }

    /** A slice's numbers before adjustment and flagging. */
    private static final class Draft {
        final SliceKey slice;
        final Estimate baseline;
        final Estimate candidate;
        ChangeEstimate change;
        ChangeEstimate differential;
        final ChangeFlag fixedFlag;
        final String fixedReason;

        Draft(SliceKey slice, Estimate baseline, Estimate candidate, ChangeEstimate change, ChangeEstimate differential,
              ChangeFlag fixedFlag, String fixedReason) {
            this.slice = slice;
            this.baseline = baseline;
            this.candidate = candidate;
            this.change = change;
            this.differential = differential;
            this.fixedFlag = fixedFlag;
            this.fixedReason = fixedReason;
        }

        SliceComparison decide(Direction direction, ComparisonSpec spec) {
            if (fixedFlag != null) {
                return new SliceComparison(slice, baseline, candidate, change, differential, fixedFlag, fixedReason);
            }
            double alpha = spec.alpha();
            String adj = spec.adjust() + "-adjusted";
            if (differential.isOk() && differential.pAdjusted() < alpha && direction.sign() * differential.value() > 0) {
                return flag(ChangeFlag.DIFFERENTIAL_DEGRADATION, String.format(Locale.ROOT,
                        "worse than %s by %s (%s p = %s < %s)", spec.reference() == null ? "the rest" : spec.reference(),
                        describe(differential), adj, p(differential.pAdjusted()), p(alpha)));
            }
            String diffText = differential.isOk()
                    ? String.format(Locale.ROOT, "differential %s, %s p = %s", describe(differential), adj, p(differential.pAdjusted()))
                    : "differential not computed: " + differential.reason();
            if (change.pAdjusted() < alpha && direction.sign() * change.value() > 0) {
                String context = differential.isOk() ? String.format(Locale.ROOT, ", in line with %s (%s)",
                        spec.reference() == null ? "the rest" : spec.reference(), diffText) : "; " + diffText;
                return flag(ChangeFlag.DEGRADED, String.format(Locale.ROOT, "worse by %s (%s p = %s < %s)%s",
                        describe(change), adj, p(change.pAdjusted()), p(alpha), context));
            }
            if (change.pAdjusted() < alpha && direction.sign() * change.value() < 0) {
                return flag(ChangeFlag.IMPROVED, String.format(Locale.ROOT, "better by %s (%s p = %s < %s); %s",
                        describe(change), adj, p(change.pAdjusted()), p(alpha), diffText));
            }
            return flag(ChangeFlag.OK, String.format(Locale.ROOT, "no significant change: change %s, %s p = %s; %s",
                    describe(change), adj, p(change.pAdjusted()), diffText));
        }

        private SliceComparison flag(ChangeFlag f, String reason) {
            return new SliceComparison(slice, baseline, candidate, change, differential, f, reason);
        }
    }

    private static Draft draft(ComparableAudit base, ComparableAudit cand, MetricDef metric, ComparisonSpec spec,
                               SliceKey key, double vb, double vc, double rb, double rc, Replicates reps, int k,
                               Members mb, Members mc) {
        SliceResult bs = base.slices.get(key);
        SliceResult cs = cand.slices.get(key);
        Estimate be = bs == null ? null : bs.metric(metric.name());
        Estimate ce = cs == null ? null : cs.metric(metric.name());
        long baseSize = bs == null ? 0 : base.size(base.members(key));
        long candSize = cs == null ? 0 : cand.size(cand.members(key));
        if (bs == null || baseSize < base.minGroupSize()) {
            String why = bs == null ? "absent from the baseline audit"
                    : "baseline " + base.sizeName() + "=" + baseSize + " < its min_group_size=" + base.minGroupSize();
            ChangeEstimate none = ChangeEstimate.notComputed(Status.INSUFFICIENT_DATA, "no baseline evidence: " + why);
            return new Draft(key, be, ce, none, none, ChangeFlag.NEW_SLICE, "the baseline says nothing about this slice: "
                    + why + (cs == null ? "" : "; candidate n=" + cs.n()));
        }
        String insufficient = null;
        if (cs == null) {
            insufficient = "absent from the candidate audit";
        } else if (candSize < cand.minGroupSize()) {
            insufficient = "candidate " + cand.sizeName() + "=" + candSize + " < its min_group_size=" + cand.minGroupSize();
        } else if (Double.isNaN(vb)) {
            insufficient = metric.name() + " undefined in the baseline: " + metric.undefinedReason();
        } else if (Double.isNaN(vc)) {
            insufficient = metric.name() + " undefined in the candidate: " + metric.undefinedReason();
        }
        if (insufficient != null) {
            ChangeEstimate none = ChangeEstimate.notComputed(Status.INSUFFICIENT_DATA, insufficient);
            return new Draft(key, be, ce, none, none, ChangeFlag.INSUFFICIENT_DATA, insufficient);
        }
        double[] dChange = difference(reps.cand[k], reps.base[k]);
        ChangeEstimate change = estimate(vc - vb, dChange, spec);
        if (!change.isOk()) {
            return new Draft(key, be, ce, change, change, ChangeFlag.INSUFFICIENT_DATA, change.reason());
        }
        ChangeEstimate differential;
        if (key.equals(spec.reference())) {
            differential = ChangeEstimate.notComputed(Status.UNDEFINED, "this is the reference slice");
        } else {
            String restProblem = restProblem(base, cand, mb.rest()[k], mc.rest()[k], spec.reference(), rb, rc, metric);
            if (restProblem != null) {
                differential = ChangeEstimate.notComputed(Status.INSUFFICIENT_DATA, restProblem);
            } else {
                double[] dRef = difference(reps.refCand[k], reps.refBase[k]);
                differential = estimate((vc - vb) - (rc - rb), difference(dChange, dRef), spec);
            }
        }
        return new Draft(key, be, ce, change, differential, null, null);
    }

    private static String restProblem(ComparableAudit base, ComparableAudit cand, int[] restB, int[] restC, SliceKey ref,
                                      double rb, double rc, MetricDef metric) {
        if (ref == null) {
            long restBase = base.size(restB);
            long restCand = cand.size(restC);
            if (restBase < base.minGroupSize()) {
                return "the rest has " + base.sizeName() + "=" + restBase + " in the baseline, below its min_group_size="
                        + base.minGroupSize();
            }
            if (restCand < cand.minGroupSize()) {
                return "the rest has " + cand.sizeName() + "=" + restCand + " in the candidate, below its min_group_size="
                        + cand.minGroupSize();
            }
        }
        if (Double.isNaN(rb) || Double.isNaN(rc)) {
            return metric.name() + " is undefined on the rest: " + metric.undefinedReason();
        }
        return null;
    }

    private static SliceComparison overall(ComparableAudit base, ComparableAudit cand, MetricDef metric,
                                           ComparisonSpec spec, Direction direction, Replicates reps) {
        Estimate be = base.audit.main().overall().metric(metric.name());
        Estimate ce = cand.audit.main().overall().metric(metric.name());
        double vb = base.value(metric, base.outcomes(base.cells, base.members(SliceKey.OVERALL)));
        double vc = cand.value(metric, cand.outcomes(cand.cells, cand.members(SliceKey.OVERALL)));
        ChangeEstimate none = ChangeEstimate.notComputed(Status.UNDEFINED, "overall has no rest to compare with");
        if (Double.isNaN(vb) || Double.isNaN(vc)) {
            String why = metric.name() + " undefined overall: " + metric.undefinedReason();
            return new SliceComparison(SliceKey.OVERALL, be, ce, ChangeEstimate.notComputed(Status.UNDEFINED, why), none,
                    ChangeFlag.INSUFFICIENT_DATA, why);
        }
        ChangeEstimate change = estimate(vc - vb, difference(reps.overallCand, reps.overallBase), spec);
        change = change.withAdjusted(change.pValue());
        ChangeFlag flag = ChangeFlag.OK;
        if (change.isOk() && change.pValue() < spec.alpha()) {
            flag = direction.sign() * change.value() > 0 ? ChangeFlag.DEGRADED : ChangeFlag.IMPROVED;
        }
        String reason = String.format(Locale.ROOT, "overall change %s, p = %s (a single test, not adjusted)",
                describe(change), p(change.pValue()));
        return new SliceComparison(SliceKey.OVERALL, be, ce, change, none, flag, reason);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static ChangeEstimate estimate(double value, double[] replicates, ComparisonSpec spec) {
        Interval ci = Intervals.percentile(replicates, spec.confidence());
        if (ci == null) {
            return ChangeEstimate.notComputed(Status.INSUFFICIENT_DATA,
                    "the metric is undefined in more than half of the bootstrap replicates");
        }
        return new ChangeEstimate(value, ci, Intervals.bootstrapPValue(replicates), Double.NaN, Status.OK, null);
    }

    private static void adjust(List<Draft> drafts, Adjustment adjustment) {
        double[] pc = new double[drafts.size()];
        double[] pd = new double[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            boolean tested = d.fixedFlag == null;
            pc[i] = tested && d.change.isOk() ? d.change.pValue() : Double.NaN;
            pd[i] = tested && d.differential.isOk() ? d.differential.pValue() : Double.NaN;
        }
        double[] ac = adjustment.adjust(pc);
        double[] ad = adjustment.adjust(pd);
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (!Double.isNaN(ac[i])) {
                d.change = d.change.withAdjusted(ac[i]);
            }
            if (!Double.isNaN(ad[i])) {
                d.differential = d.differential.withAdjusted(ad[i]);
            }
        }
    }

    private static String describe(ChangeEstimate e) {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", e.value(), e.interval().lo(), e.interval().hi());
    }

    private static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.2g", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
