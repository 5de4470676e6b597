package org.rai4j.mitigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.Auditor;
import org.rai4j.fairness.Reweighing;
import org.rai4j.fairness.ThresholdOptimizer;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.LogisticModel;
import org.rai4j.learn.LogisticRegression;

/**
 * The mitigation use case behind {@code rai4j mitigate}: split the rows (seeded), fit the baseline and the
 * mitigation on the training rows, decide every row both ways, and compare the two on the held-out rows —
 * accuracy and the demographic-parity, equalized-odds and equal-opportunity gaps with paired bootstrap
 * intervals (the test rows resampled together, so the change has its own interval), plus a full audit of each.
 * Randomised decisions (THRESHOLD, EXPGRAD) are drawn once with the seed and evaluated as drawn. Stateless.
 */
public final class Mitigation {
    private Mitigation() {}

    /** Runs the mitigation. */
    public static MitigationResult run(Table table, MitigationSpec spec) throws DataFileException {
        int n = table.rowCount();
        Column labelCol = table.column(spec.label());
        Column groupCol = table.column(spec.group());
        if (!groupCol.isCategorical()) {
            throw new DataFileException(new DataProblem(table.source(), 1, spec.group(), "has too many distinct values to be a group"));
        }
        List<String> groupNames = groupCol.levels();
        int[] y = new int[n];
        int[] g = new int[n];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = labelCol.text(i);
            g[i] = groupCol.code(i);
            if (v == null || g[i] < 0) {
                y[i] = -1;
                continue;
            }
            y[i] = same(v, spec.positiveLabel()) ? 1 : 0;
            kept.add(i);
        }
        int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
        int[][] tt = Splits.trainTest(rows.length, spec.testFraction(), spec.seed());
        int[] train = map(rows, tt[0]);
        int[] test = map(rows, tt[1]);
        int[] split = new int[n];
        java.util.Arrays.fill(split, -1);
        for (int i : train) {
            split[i] = 0;
        }
        for (int i : test) {
            split[i] = 1;
        }
        List<String> details = new ArrayList<>();
        double[][] x = null;
        LogisticModel baseline = null;
        if (!spec.features().isEmpty()) {
            FeatureEncoder enc = FeatureEncoder.fit(table.select(train), spec.features());
            x = enc.transform(table);
            baseline = LogisticRegression.DEFAULT.fit(pick(x, train), pick(y, train));
            details.add("baseline: L2 logistic regression (λ = 1) on " + enc.width() + " encoded features of "
                    + String.join(", ", spec.features()) + ", trained on " + train.length + " rows");
        }
        double[] score = new double[n];
        if (spec.score() != null) {
            Column s = table.column(spec.score());
            if (!s.isNumeric()) {
                throw new DataFileException(new DataProblem(table.source(), 1, spec.score(), "a score must be numeric"));
            }
            for (int i = 0; i < n; i++) {
                score[i] = s.number(i);
            }
            details.add("baseline: the existing score '" + spec.score() + "' ≥ 0.5");
        } else if (baseline != null) {
            for (int i : rows) {
                score[i] = baseline.probability(x[i]);
            }
        }
        int[] before = new int[n];
        java.util.Arrays.fill(before, -1);
        for (int i : rows) {
            before[i] = score[i] >= 0.5 ? 1 : 0;
        }
        int[] after = new int[n];
        java.util.Arrays.fill(after, -1);
        switch (spec.method()) {
            case THRESHOLD -> {
                ThresholdOptimizer.Rule rule = ThresholdOptimizer.fit(pick(score, train), pick(y, train), pick(g, train),
                        groupNames.size(), thresholdConstraint(spec.constraint()));
                int[] pred = rule.predict(pick(score, rows), pick(g, rows), Seeds.derive(spec.seed(), 1));
                for (int k = 0; k < rows.length; k++) {
                    after[rows[k]] = pred[k];
                }
                details.add(String.format(Locale.ROOT, "threshold optimizer (%s, grid 1000, flip): chosen level %.3f",
                        spec.constraint().name().toLowerCase(Locale.ROOT), rule.level()));
                for (int a = 0; a < groupNames.size(); a++) {
                    ThresholdOptimizer.GroupRule r = rule.groups().get(a);
                    details.add(String.format(Locale.ROOT, "  %s=%s: %s%.3f·[%s] + %.3f·[%s]", spec.group(), groupNames.get(a),
                            r.pIgnore() > 0 ? String.format(Locale.ROOT, "with p %.3f predict 1 w.p. %.3f, else ", r.pIgnore(), r.constant()) : "",
                            r.p0(), r.op0(), r.p1(), r.op1()));
                }
            }
            case REWEIGH -> {
                double[][] w = Reweighing.table(pick(g, train), pick(y, train), groupNames.size());
                LogisticModel m = LogisticRegression.DEFAULT.fit(pick(x, train), pick(y, train),
                        Reweighing.weights(pick(g, train), pick(y, train), groupNames.size()));
                for (int i : rows) {
                    after[i] = m.predict(x[i], 0.5);
                }
                for (int a = 0; a < groupNames.size(); a++) {
                    details.add(String.format(Locale.ROOT, "reweighing: %s=%s weight %.4f (label 1), %.4f (label 0)", spec.group(),
                            groupNames.get(a), w[a][1], w[a][0]));
                }
            }
            case EXPGRAD -> {
                ExponentiatedGradient eg = ExponentiatedGradient.withEpsilon(spec.epsilon());
                ExponentiatedGradient.Mixture mix = eg.fit(pick(x, train), pick(y, train), pick(g, train), groupNames.size(),
                        spec.constraint());
                int[] pred = mix.predict(pick(x, rows), Seeds.derive(spec.seed(), 2));
                for (int k = 0; k < rows.length; k++) {
                    after[rows[k]] = pred[k];
                }
                details.add(String.format(Locale.ROOT, "exponentiated gradient (%s, ε = %s): %d iterations, duality gap %.2g, "
                                + "uniform mixture of %d logistic regressions", spec.constraint().name().toLowerCase(Locale.ROOT),
                        Column.formatNumber(spec.epsilon()), mix.iterations(), mix.gap(), mix.models().size()));
            }
            default -> throw new IllegalStateException("unknown method " + spec.method());
        }
        List<MitigationResult.Comparison> comparisons = compare(pick(y, test), pick(g, test), pick(before, test),
                pick(after, test), groupNames.size(), spec.bootstrap(), Seeds.derive(spec.seed(), 3));
        AuditResult auditBefore = audit(table, test, y, g, before, groupNames, spec);
        AuditResult auditAfter = audit(table, test, y, g, after, groupNames, spec);
        return new MitigationResult(spec, table.source(), table.sha256(), train.length, test.length, groupNames, comparisons,
                auditBefore, auditAfter, split, before, after, details);
    }

    private static ThresholdOptimizer.Constraint thresholdConstraint(FairnessConstraint c) {
        return switch (c) {
            case DEMOGRAPHIC_PARITY -> ThresholdOptimizer.Constraint.DEMOGRAPHIC_PARITY;
            case EQUALIZED_ODDS -> ThresholdOptimizer.Constraint.EQUALIZED_ODDS;
            case TRUE_POSITIVE_RATE_PARITY -> ThresholdOptimizer.Constraint.TRUE_POSITIVE_RATE_PARITY;
        };
    }

    private static AuditResult audit(Table table, int[] test, int[] y, int[] g, int[] pred, List<String> names,
                                     MitigationSpec spec) throws DataFileException {
        String[] group = new String[test.length];
        double[] label = new double[test.length];
        double[] p = new double[test.length];
        for (int k = 0; k < test.length; k++) {
            group[k] = names.get(g[test[k]]);
            label[k] = y[test[k]];
            p[k] = pred[test[k]];
        }
        Table t = Table.of(table.source() + " (test rows)", Column.categorical(spec.group(), group),
                Column.numeric("label", label), Column.numeric("prediction", p));
        return Auditor.run(t, AuditSpec.binary("label", "prediction", List.of(spec.group())).withBootstrap(spec.bootstrap(),
                spec.seed()), b -> { });
    }

    /** Accuracy and the three gaps of one set of decisions. */
    static double[] metrics(int[] y, int[] g, int[] p, int groups, int[] weight) {
        double[] n = new double[groups];
        double[] sel = new double[groups];
        double[] pos = new double[groups];
        double[] tp = new double[groups];
        double[] fp = new double[groups];
        double correct = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            int w = weight == null ? 1 : weight[i];
            if (w == 0) {
                continue;
            }
            int a = g[i];
            n[a] += w;
            sel[a] += w * p[i];
            pos[a] += w * y[i];
            tp[a] += w * (y[i] & p[i]);
            fp[a] += w * ((1 - y[i]) & p[i]);
            correct += y[i] == p[i] ? w : 0;
            total += w;
        }
        double selMin = Double.POSITIVE_INFINITY, selMax = Double.NEGATIVE_INFINITY;
        double tprMin = Double.POSITIVE_INFINITY, tprMax = Double.NEGATIVE_INFINITY;
        double fprMin = Double.POSITIVE_INFINITY, fprMax = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < groups; a++) {
            if (n[a] == 0) {
                continue;
            }
            double s = sel[a] / n[a];
            selMin = Math.min(selMin, s);
            selMax = Math.max(selMax, s);
            if (pos[a] > 0) {
                double t = tp[a] / pos[a];
                tprMin = Math.min(tprMin, t);
                tprMax = Math.max(tprMax, t);
            }
            if (n[a] - pos[a] > 0) {
                double f = fp[a] / (n[a] - pos[a]);
                fprMin = Math.min(fprMin, f);
                fprMax = Math.max(fprMax, f);
            }
        }
        double dp = selMax - selMin;
        double eop = tprMax - tprMin;
        double eo = Math.max(eop, fprMax - fprMin);
        return new double[] {correct / total, dp, eo, eop};
    }

    static final List<String> METRICS = List.of("accuracy", "demographic_parity_difference", "equalized_odds_difference",
            "equal_opportunity_difference");

    private static List<MitigationResult.Comparison> compare(int[] y, int[] g, int[] before, int[] after, int groups, int b,
                                                             long seed) {
        double[] mb = metrics(y, g, before, groups, null);
        double[] ma = metrics(y, g, after, groups, null);
        int m = METRICS.size();
        double[][] rb = new double[m][b];
        double[][] ra = new double[m][b];
        double[][] rc = new double[m][b];
        int n = y.length;
        int[] w = new int[n];
        for (int r = 0; r < b; r++) {
            SplittableRandom rng = Seeds.stream(seed, r);
            java.util.Arrays.fill(w, 0);
            for (int k = 0; k < n; k++) {
                w[rng.nextInt(n)]++;
            }
            double[] xb = metrics(y, g, before, groups, w);
            double[] xa = metrics(y, g, after, groups, w);
            for (int k = 0; k < m; k++) {
                rb[k][r] = xb[k];
                ra[k][r] = xa[k];
                rc[k][r] = xa[k] - xb[k];
            }
        }
        List<MitigationResult.Comparison> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Interval cb = Intervals.percentile(rb[k], 0.95);
            Interval ca = Intervals.percentile(ra[k], 0.95);
            Interval cc = Intervals.percentile(rc[k], 0.95);
            out.add(new MitigationResult.Comparison(METRICS.get(k), mb[k], cb, ma[k], ca, ma[k] - mb[k], cc));
        }
        return out;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Double.parseDouble(a.strip()) == Double.parseDouble(b.strip());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int[] map(int[] rows, int[] idx) {
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = rows[idx[k]];
        }
        return out;
    }

    static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = v[rows[k]];
        }
        return out;
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = v[rows[k]];
        }
        return out;
    }

    static double[][] pick(double[][] v, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = v[rows[k]];
        }
        return out;
    }
}
