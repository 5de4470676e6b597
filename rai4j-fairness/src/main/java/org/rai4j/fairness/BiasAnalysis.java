package org.rai4j.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Sampling;
import org.rai4j.core.Seeds;
import org.rai4j.core.Table;

/**
 * SageMaker-Clarify-family bias metrics of a table (use case behind {@code rai4j bias}): pre-training metrics
 * of the labels (CI, DPL, KL, JS, LP, TVD, KS, CDDL) and, with a prediction column, post-training metrics
 * (DPPL, DI, DCA, DCR, RD, SD, DAR, DRR, AD, TE, CDDPL, FT, GE), for one monitored group or one-vs-all.
 *
 * <p>One pass over the rows fills a count table per facet level × stratum × label × prediction; every metric
 * but FT is computed from it (see {@link BiasMetrics}); in {@link BiasMode#STRICT} mode each result's count
 * table is resampled {@code replicates} times (a multinomial draw with the table's cell shares, which is
 * exactly resampling the rows with replacement) for percentile intervals. Stateless and thread-safe.
 */
public final class BiasAnalysis {
    private BiasAnalysis() {}

    /**
     * Measures {@code spec} on {@code table}.
     *
     * @throws DataFileException when a named column is missing, or a value cannot be used as asked (a
     *                           threshold on a non-numeric column, a facet value that never occurs, …)
     */
    public static BiasReport run(Table table, BiasSpec spec) throws DataFileException {
        int n = table.rowCount();
        Column labelCol = table.column(spec.label());
        Column predCol = spec.prediction() == null ? null : table.column(spec.prediction());
        Column facetCol = table.column(spec.facet());
        Column groupCol = spec.groupVariable() == null ? null : table.column(spec.groupVariable());
        byte[] y = positives(table, labelCol, spec);
        byte[] p = predCol == null ? null : positives(table, predCol, spec);
        Facet facet = facet(table, facetCol, spec);
        int strata = 1;
        int[] stratum = null;
        if (groupCol != null) {
            requireCategorical(table, groupCol);
            stratum = groupCol.codes();
            strata = Math.max(1, groupCol.levels().size());
        }
        int levels = facet.names.size();
        long[] counts = new long[levels * strata * 4];
        long excluded = count(facet.code, y, p, stratum, strata, counts);
        List<BiasResult> results = new ArrayList<>();
        double[][] features = spec.prediction() != null && !spec.features().isEmpty() ? features(table, spec.features()) : null;
        for (int level : facet.monitoredLevels) {
            long[] c = pairTable(counts, levels, strata, level);
            Map<String, BiasMetrics.Value> values = BiasMetrics.compute(c, strata, groupCol != null, predCol != null, spec.mode());
            long nD = 0;
            long nA = 0;
            for (int s = 0; s < strata; s++) {
                for (int k = 0; k < 4; k++) {
                    nA += c[(s * 2) * 4 + k];
                    nD += c[(s * 2 + 1) * 4 + k];
                }
            }
            if (predCol != null) {
                values.put("FT", flipTest(features, facet.code, level, p, y));
            }
            Map<String, double[]> reps = spec.mode() == BiasMode.STRICT
                    ? bootstrap(c, strata, groupCol != null, predCol != null, spec, level) : Map.of();
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, BiasMetrics.Value> e : ordered(values, predCol != null).entrySet()) {
                long metricN = nA + nD;
                BiasMetrics.Value v = e.getValue();
                if (!v.defined()) {
                    metrics.put(e.getKey(), Estimate.undefined(metricN, v.reason()));
                    continue;
                }
                Interval ci = null;
                double[] r = reps.get(e.getKey());
                if (r != null) {
                    ci = Intervals.percentile(r, spec.confidence());
                }
                metrics.put(e.getKey(), Estimate.ok(v.value(), metricN, ci));
            }
            String value = facet.names.get(level);
            results.add(new BiasResult(value, facet.monitored(level), nD, facet.reference(level), nA, metrics));
        }
        return new BiasReport(table.source(), table.sha256(), spec, positiveRule(spec), n, excluded, results);
    }

    private static Map<String, BiasMetrics.Value> ordered(Map<String, BiasMetrics.Value> values, boolean post) {
        Map<String, BiasMetrics.Value> out = new LinkedHashMap<>();
        for (String m : BiasMetrics.PRE) {
            out.put(m, values.get(m));
        }
        if (post) {
            for (String m : BiasMetrics.POST) {
                BiasMetrics.Value v = values.get(m);
                out.put(m, v == null ? BiasMetrics.Value.undefined("FT needs numeric feature columns (--features)") : v);
            }
        }
        return out;
    }

    /** The one pass: counts[((level * strata + s) * 2 + y) * 2 + p]; returns the rows left out. */
    static long count(int[] facet, byte[] y, byte[] p, int[] stratum, int strata, long[] counts) {
        long excluded = 0;
        int n = facet.length;
        for (int i = 0; i < n; i++) {
            int f = facet[i];
            int yi = y[i];
            int pi = p == null ? 0 : p[i];
            int s = stratum == null ? 0 : stratum[i];
            if ((f | yi | pi | s) < 0) {
                excluded++;
                continue;
            }
            counts[((f * strata + s) << 2) | (yi << 1) | pi]++;
        }
        return excluded;
    }

    /** The 2-group count table of monitored {@code level} against all other levels. */
    static long[] pairTable(long[] counts, int levels, int strata, int level) {
        long[] c = new long[strata * 8];
        for (int f = 0; f < levels; f++) {
            int g = f == level ? 1 : 0;
            for (int s = 0; s < strata; s++) {
                for (int k = 0; k < 4; k++) {
                    c[(s * 2 + g) * 4 + k] += counts[(f * strata + s) * 4 + k];
                }
            }
        }
        return c;
    }

    private static Map<String, double[]> bootstrap(long[] c, int strata, boolean hasStrata, boolean post, BiasSpec spec, int level) {
        long total = 0;
        for (long x : c) {
            total += x;
        }
        return replicates(c, strata, hasStrata, post, spec.mode(), spec.replicates(), Seeds.derive(spec.seed(), level), total);
    }

    /**
     * Bootstrap replicates of every metric: replicate r draws {@code drawSize} rows from the count table's cell
     * shares (Multinomial; with {@code drawSize} = the table's total this is exactly resampling the rows with
     * replacement) using {@code Seeds.stream(seed, r)}. Undefined replicate values are NaN.
     */
    static Map<String, double[]> replicates(long[] c, int strata, boolean hasStrata, boolean post, BiasMode mode,
                                            int b, long seed, long drawSize) {
        double[] w = new double[c.length];
        long total = 0;
        for (int i = 0; i < c.length; i++) {
            w[i] = c[i];
            total += c[i];
        }
        Map<String, double[]> reps = new LinkedHashMap<>();
        if (total == 0) {
            return reps;
        }
        long[] draw = new long[c.length];
        for (int r = 0; r < b; r++) {
            SplittableRandom rng = Seeds.stream(seed, r);
            Sampling.multinomial(rng, drawSize, w, draw);
            Map<String, BiasMetrics.Value> v = BiasMetrics.compute(draw, strata, hasStrata, post, mode);
            for (Map.Entry<String, BiasMetrics.Value> e : v.entrySet()) {
                reps.computeIfAbsent(e.getKey(), k -> new double[b])[r] = e.getValue().value();
            }
        }
        return reps;
    }

    private static BiasMetrics.Value flipTest(double[][] features, int[] facet, int level, byte[] p, byte[] y) {
        if (features == null) {
            return null;
        }
        byte[] g = new byte[facet.length];
        for (int i = 0; i < facet.length; i++) {
            boolean out = facet[i] < 0 || y[i] < 0 || p[i] < 0;
            g[i] = out ? (byte) -1 : facet[i] == level ? (byte) 1 : (byte) 0;
        }
        return FlipTest.compute(features, g, p);
    }

    private static double[][] features(Table table, List<String> names) throws DataFileException {
        double[][] cols = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            Column c = table.column(names.get(j));
            if (!c.isNumeric()) {
                throw new DataFileException(new DataProblem(table.source(), 1, names.get(j),
                        "FT's k-NN needs numeric features (as Clarify's FlipTest); encode this column or leave it out of --features"));
            }
            cols[j] = c.numbers();
        }
        int n = table.rowCount();
        double[][] rows = new double[n][names.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < cols.length; j++) {
                rows[i][j] = cols[j][i];
            }
        }
        return rows;
    }

    /** 1 positive, 0 negative, −1 missing, under the spec's positive rule. */
    static byte[] positives(Table table, Column col, BiasSpec spec) throws DataFileException {
        int n = table.rowCount();
        byte[] out = new byte[n];
        if (spec.labelThreshold() != null) {
            if (!col.isNumeric()) {
                throw new DataFileException(new DataProblem(table.source(), 1, col.name(),
                        "a label threshold needs numeric values; give the positive values with --positive-label instead"));
            }
            double t = spec.labelThreshold();
            double[] v = col.numbers();
            for (int i = 0; i < n; i++) {
                out[i] = Double.isNaN(v[i]) ? (byte) -1 : v[i] > t ? (byte) 1 : (byte) 0;
            }
            return out;
        }
        requireCategorical(table, col);
        List<String> levels = col.levels();
        byte[] lut = new byte[levels.size()];
        for (int l = 0; l < levels.size(); l++) {
            lut[l] = matchesAny(levels.get(l), spec.positiveLabels()) ? (byte) 1 : (byte) 0;
        }
        int[] codes = col.codes();
        for (int i = 0; i < n; i++) {
            int c = codes[i];
            out[i] = c < 0 ? (byte) -1 : lut[c];
        }
        return out;
    }

    /** Equal as text, or as numbers ("1" matches "1.0"), as Clarify retries with converted values. */
    private static boolean matchesAny(String level, List<String> values) {
        for (String v : values) {
            if (level.equals(v)) {
                return true;
            }
            double a = parse(level);
            double b = parse(v);
            if (!Double.isNaN(a) && a == b) {
                return true;
            }
        }
        return false;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void requireCategorical(Table table, Column col) throws DataFileException {
        if (!col.isCategorical()) {
            throw new DataFileException(new DataProblem(table.source(), 1, col.name(),
                    "has too many distinct values to be used as categories; give a threshold instead"));
        }
    }

    /** Per row: the facet level code (−1 missing), the level names, and which levels are monitored in turn. */
    private record Facet(int[] code, List<String> names, List<Integer> monitoredLevels, String column, String rule) {
        String monitored(int level) {
            return rule != null ? column + " " + rule : column + " = " + names.get(level);
        }

        String reference(int level) {
            if (rule != null) {
                return column + " " + (rule.startsWith(">") ? "≤ " + rule.substring(2) : "∉ " + rule.substring(2));
            }
            return column + " ≠ " + names.get(level);
        }
    }

    private static Facet facet(Table table, Column col, BiasSpec spec) throws DataFileException {
        int n = table.rowCount();
        if (spec.facetThreshold() != null) {
            if (!col.isNumeric()) {
                throw new DataFileException(new DataProblem(table.source(), 1, col.name(),
                        "a facet threshold needs numeric values; give the monitored values with --facet-values instead"));
            }
            double t = spec.facetThreshold();
            double[] v = col.numbers();
            int[] code = new int[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                code[i] = Double.isNaN(v[i]) ? -1 : v[i] > t ? 1 : 0;
                if (!Double.isNaN(v[i])) {
                    max = Math.max(max, v[i]);
                }
            }
            String name = "(" + Column.formatNumber(t) + ", " + Column.formatNumber(max) + "]";
            return new Facet(code, List.of("", name), List.of(1), col.name(), "> " + Column.formatNumber(t));
        }
        requireCategorical(table, col);
        List<String> levels = col.levels();
        int[] codes = col.codes();
        if (spec.facetValues().isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int l = 0; l < levels.size(); l++) {
                all.add(l);
            }
            return new Facet(codes, levels, all, col.name(), null);
        }
        int[] lut = new int[levels.size()];
        for (int l = 0; l < levels.size(); l++) {
            lut[l] = matchesAny(levels.get(l), spec.facetValues()) ? 1 : 0;
        }
        for (String v : spec.facetValues()) {
            boolean seen = false;
            for (String l : levels) {
                seen |= matchesAny(l, List.of(v));
            }
            if (!seen) {
                throw new DataFileException(new DataProblem(table.source(), 1, col.name(),
                        "facet value '" + v + "' never occurs; observed values: " + String.join(", ", levels)));
            }
        }
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            code[i] = codes[i] < 0 ? -1 : lut[codes[i]];
        }
        String joined = String.join(",", spec.facetValues());
        String rule = (spec.facetValues().size() == 1 ? "= " : "∈ {") + joined + (spec.facetValues().size() == 1 ? "" : "}");
        return new Facet(code, List.of("", joined), List.of(1), col.name(), rule.startsWith("=") ? null : rule);
    }

    private static String positiveRule(BiasSpec spec) {
        if (spec.labelThreshold() != null) {
            return spec.label() + " > " + Column.formatNumber(spec.labelThreshold());
        }
        return spec.label() + (spec.positiveLabels().size() == 1 ? " = " + spec.positiveLabels().get(0)
                : " ∈ {" + String.join(",", spec.positiveLabels()) + "}");
    }
}
