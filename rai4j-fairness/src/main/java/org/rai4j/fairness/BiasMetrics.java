package org.rai4j.fairness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SageMaker Clarify family of bias metrics as pure functions of a small count table (smclarify
 * {@code bias/metrics/pretraining.py}, {@code posttraining.py}, {@code common.py}; definitions in
 * {@code docs/bias-metrics.md}).
 *
 * <p><b>Count table.</b> {@code c[((s * 2 + g) * 2 + y) * 2 + p]}: rows of stratum {@code s} (of the group
 * variable; one stratum without one), group {@code g} (1 = monitored facet d, 0 = reference facet a, the
 * complement), observed label {@code y} (1 = positive) and predicted label {@code p} (1 = positive; 0 when
 * there is no prediction). Every metric but FT is a function of this table, so the table is the mergeable
 * accumulator and a bootstrap replicate is a multinomial draw over its cells.
 *
 * <p>Stateless and thread-safe.
 */
final class BiasMetrics {
    /** Pre-training metrics, in report order. */
    static final List<String> PRE = List.of("CI", "DPL", "KL", "JS", "LP", "TVD", "KS", "CDDL");
    /** Post-training metrics, in report order (FT is computed from rows, see {@link FlipTest}). */
    static final List<String> POST = List.of("DPPL", "DI", "DCA", "DCR", "RD", "SD", "DAR", "DRR", "AD", "TE", "CDDPL",
            "FT", "GE");

    private BiasMetrics() {}

    /** A metric's value, or why it has none ({@code reason != null}, value NaN). */
    record Value(double value, String reason) {
        static Value of(double v) {
            return new Value(v, null);
        }

        static Value undefined(String reason) {
            return new Value(Double.NaN, reason);
        }

        boolean defined() {
            return reason == null;
        }
    }

    /** Confusion counts of one group, summed over strata. */
    private record Group(long n, long pos, long predPos, long tp, long fp, long fn, long tn) {
        long neg() {
            return n - pos;
        }

        long predNeg() {
            return n - predPos;
        }
    }

    private static Group group(long[] c, int strata, int g) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int s = 0; s < strata; s++) {
            int base = (s * 2 + g) * 4;
            tn += c[base];
            fp += c[base + 1];
            fn += c[base + 2];
            tp += c[base + 3];
        }
        return new Group(tp + fp + fn + tn, tp + fn, tp + fp, tp, fp, fn, tn);
    }

    /**
     * Every metric of the count table (all of {@link #PRE}, and {@link #POST} but FT when {@code post}).
     *
     * @param hasStrata whether a group variable was given (CDDL/CDDPL need one)
     */
    static Map<String, Value> compute(long[] c, int strata, boolean hasStrata, boolean post, BiasMode mode) {
        Map<String, Value> out = new LinkedHashMap<>();
        Group a = group(c, strata, 0);
        Group d = group(c, strata, 1);
        String empty = a.n == 0 ? "the reference group (facet a) is empty" : d.n == 0 ? "the monitored group (facet d) is empty" : null;
        boolean clarify = mode == BiasMode.CLARIFY;
        if (empty != null) {
            for (String m : PRE) {
                out.put(m, Value.undefined(empty));
            }
        } else {
            out.put("CI", Value.of((double) (a.n - d.n) / (a.n + d.n)));
            out.put("DPL", Value.of(rate(a.pos, a.n) - rate(d.pos, d.n)));
            double[] pa = {rate(a.neg(), a.n), rate(a.pos, a.n)};
            double[] pd = {rate(d.neg(), d.n), rate(d.pos, d.n)};
            out.putAll(divergences(pa, pd, clarify));
        }
        out.put("CDDL", hasStrata ? cdd(c, strata, false, clarify) : Value.undefined("CDDL needs a group variable (--group-variable)"));
        if (!post) {
            return out;
        }
        if (empty != null) {
            for (String m : POST) {
                if (!m.equals("GE") && !m.equals("FT")) {
                    out.put(m, Value.undefined(empty));
                }
            }
        } else {
            double qa = rate(a.predPos, a.n);
            double qd = rate(d.predPos, d.n);
            out.put("DPPL", Value.of(qa - qd));
            out.put("DI", clarify ? Value.of(divide(qd, qa)) : strictRatio(qd, qa, "the reference group's positive prediction rate is 0"));
            out.put("DCA", diff(a.pos, a.predPos, d.pos, d.predPos, clarify, "no positive predictions", true));
            out.put("DCR", diff(a.neg(), a.predNeg(), d.neg(), d.predNeg(), clarify, "no negative predictions", false));
            out.put("RD", diff(a.tp, a.pos, d.tp, d.pos, clarify, "no positive labels", true));
            out.put("SD", diff(a.tn, a.neg(), d.tn, d.neg(), clarify, "no negative labels", false));
            out.put("DAR", diff(a.tp, a.predPos, d.tp, d.predPos, clarify, "no positive predictions", true));
            out.put("DRR", diff(a.tn, a.predNeg(), d.tn, d.predNeg(), clarify, "no negative predictions", false));
            out.put("AD", Value.of(rate(a.tp + a.tn, a.n) - rate(d.tp + d.tn, d.n)));
            out.put("TE", diff(a.fn, a.fp, d.fn, d.fp, clarify, "no false positives", false));
        }
        out.put("CDDPL", hasStrata ? cdd(c, strata, true, clarify) : Value.undefined("CDDPL needs a group variable (--group-variable)"));
        out.put("GE", generalizedEntropy(a, d));
        return out;
    }

    private static double rate(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }

    /** smclarify {@code common.divide}: 0/0 → 0, x/0 → ±∞. */
    static double divide(double a, double b) {
        if (b == 0) {
            return a == 0 ? 0.0 : a < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    private static Value strictRatio(double num, double den, String reason) {
        return den == 0 ? Value.undefined(reason) : Value.of(num / den);
    }

    /**
     * A difference of two ratios r_g = num_g / den_g: {@code r_a − r_d} when {@code aMinusD}, else {@code r_d − r_a}.
     * Clarify: divide() and "both +∞ → 0"; strict: a zero denominator is undefined.
     */
    private static Value diff(long numA, long denA, long numD, long denD, boolean clarify, String what, boolean aMinusD) {
        double ra;
        double rd;
        if (clarify) {
            ra = divide(numA, denA);
            rd = divide(numD, denD);
            if (ra == rd && ra == Double.POSITIVE_INFINITY) {
                return Value.of(0.0);
            }
        } else {
            if (denA == 0) {
                return Value.undefined("the reference group has " + what);
            }
            if (denD == 0) {
                return Value.undefined("the monitored group has " + what);
            }
            ra = (double) numA / denA;
            rd = (double) numD / denD;
        }
        return Value.of(aMinusD ? ra - rd : rd - ra);
    }

    /** KL, JS, LP (p = 2), TVD and KS of the label distributions P_a, P_d. */
    private static Map<String, Value> divergences(double[] pa, double[] pd, boolean clarify) {
        Map<String, Value> out = new LinkedHashMap<>();
        double kl = 0;
        double js = 0;
        double l2 = 0;
        double l1 = 0;
        double linf = 0;
        int common = 0;
        String klUndefined = null;
        for (int y = 0; y < pa.length; y++) {
            boolean both = pa[y] > 0 && pd[y] > 0;
            if (clarify && !both) {
                continue; // smclarify pdfs_aligned_nonzero: only values present in both groups
            }
            common += both ? 1 : 0;
            double m = 0.5 * (pa[y] + pd[y]);
            if (pa[y] > 0) {
                if (pd[y] == 0) {
                    klUndefined = "KL is infinite: label value " + (y == 1 ? "positive" : "negative")
                            + " occurs in the reference group but not in the monitored group";
                } else {
                    kl += pa[y] * Math.log(pa[y] / pd[y]);
                }
                js += 0.5 * pa[y] * Math.log(pa[y] / m);
            }
            if (pd[y] > 0) {
                js += 0.5 * pd[y] * Math.log(pd[y] / m);
            }
            double dy = Math.abs(pa[y] - pd[y]);
            l2 += dy * dy;
            l1 += dy;
            linf = Math.max(linf, dy);
        }
        if (clarify && common == 0) {
            String reason = "no label value occurs in both groups (smclarify: \"No instance of common facet found\")";
            for (String m : List.of("KL", "JS", "LP", "TVD", "KS")) {
                out.put(m, Value.undefined(reason));
            }
            return out;
        }
        out.put("KL", klUndefined != null ? Value.undefined(klUndefined) : Value.of(kl));
        out.put("JS", Value.of(js));
        out.put("LP", Value.of(Math.sqrt(l2)));
        out.put("TVD", Value.of(0.5 * l1));
        out.put("KS", Value.of(linf));
        return out;
    }

    /**
     * Conditional demographic disparity (smclarify {@code common.CDD}): Σ_s n_s·DD_s / Σ_s n_s with
     * DD_s = n_{d,s}^(0)/n_s^(0) − n_{d,s}^(1)/n_s^(1), over labels ({@code predicted == false}) or predictions.
     * Clarify sets a stratum's term to 0 when it has no positives (or negatives); strict leaves such strata out
     * and re-weights the rest.
     */
    private static Value cdd(long[] c, int strata, boolean predicted, boolean clarify) {
        long[] pos = new long[strata];
        long[] neg = new long[strata];
        long[] posD = new long[strata];
        long[] negD = new long[strata];
        long totalPos = 0;
        long totalNeg = 0;
        for (int s = 0; s < strata; s++) {
            for (int g = 0; g < 2; g++) {
                for (int y = 0; y < 2; y++) {
                    for (int p = 0; p < 2; p++) {
                        long n = c[((s * 2 + g) * 2 + y) * 2 + p];
                        boolean positive = (predicted ? p : y) == 1;
                        if (positive) {
                            pos[s] += n;
                            posD[s] += g == 1 ? n : 0;
                        } else {
                            neg[s] += n;
                            negD[s] += g == 1 ? n : 0;
                        }
                    }
                }
            }
            totalPos += pos[s];
            totalNeg += neg[s];
        }
        String what = predicted ? "predictions" : "labels";
        if (totalPos == 0) {
            return Value.undefined("no positive " + what + " in the data set");
        }
        if (totalNeg == 0) {
            return Value.undefined("no negative " + what + " in the data set");
        }
        double num = 0;
        double den = 0;
        for (int s = 0; s < strata; s++) {
            long ns = pos[s] + neg[s];
            if (ns == 0) {
                continue;
            }
            if (!clarify && (pos[s] == 0 || neg[s] == 0)) {
                continue;
            }
            double accepted = rate(posD[s], pos[s]);
            double rejected = rate(negD[s], neg[s]);
            num += ns * (rejected - accepted);
            den += ns;
        }
        if (den == 0) {
            return Value.undefined("no stratum of the group variable has both positive and negative " + what);
        }
        return Value.of(num / den);
    }

    /**
     * Generalized entropy index with α = 2 over the whole data set (smclarify {@code common.GE}): benefit
     * b = ŷ − y + 1 ∈ {0, 1, 2}, μ = mean b, GE = Σ((b/μ)² − 1) / (2n).
     */
    private static Value generalizedEntropy(Group a, Group d) {
        long n = a.n + d.n;
        long ones = a.tp + a.tn + d.tp + d.tn;
        long twos = a.fp + d.fp;
        if (n == 0) {
            return Value.undefined("the data set is empty");
        }
        double mu = (ones + 2.0 * twos) / n;
        if (mu == 0) {
            return Value.undefined("every prediction is a false negative (mean benefit 0)");
        }
        double sum = ones / (mu * mu) + twos * 4.0 / (mu * mu) - n;
        return Value.of(sum / (2.0 * n));
    }
}
