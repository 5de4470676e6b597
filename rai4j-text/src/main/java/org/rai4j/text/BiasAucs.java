package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

/**
 * Bias AUCs per identity term (Borkan, Dixon, Sorensen, Thain &amp; Vasserman 2019, "Nuanced metrics for measuring
 * unintended bias with real data for text classification"; the reference implementation is
 * conversationai/unintended-ml-bias-analysis {@code model_bias_analysis.py}). An example mentions an identity when
 * its text matches {@code \bTERM\b} case-insensitively (Unicode word boundaries, as the reference's
 * {@code re.search} with {@code re.UNICODE | re.IGNORECASE}; the term is matched literally). AUC is the normalised
 * Mann–Whitney U, P(score_pos &gt; score_neg) + ½·P(equal) (ties count ½, as sklearn's roc_auc_score), computed
 * exactly from counts in O(n log n). The generalised mean {@code M_p = ((1/N) Σ m^p)^{1/p}} with p = −5 runs over
 * the identities whose metric is defined (undefined ones are left out, not counted as 0); with p &lt; 0 a zero AUC
 * gives M_p = 0 (its limit). The final score is {@code 0.25·AUC_overall + 0.75·mean(M_p(subgroup), M_p(BPSN),
 * M_p(BNSP))}, the Jigsaw Unintended Bias competition's weighting. Pure functions; thread-safe.
 */
public final class BiasAucs {
    /** The exponent of the generalised mean. */
    public static final double POWER = -5;
    /** The weight of the overall AUC in the final score. */
    public static final double OVERALL_WEIGHT = 0.25;

    private BiasAucs() {}

    /**
     * Reads {@code data} (CSV with a header), the identity terms (one per line, {@code #} comments), and computes
     * the bias AUCs. Labels must be 0/1 or true/false; scores finite numbers; texts present.
     *
     * @throws DataFileException naming file, line and column of every bad value (up to
     *                           {@link DataFileException#MAX_LISTED})
     */
    public static BiasAucResult run(Path data, String textColumn, String labelColumn, String scoreColumn,
                                    Path identities) throws IOException, DataFileException {
        List<String> terms = WordLists.read(identities);
        Table t = new CsvTableReader(new CsvOptions(',', java.util.Set.of(), CsvOptions.DEFAULT.maxLevels()))
                .read(data);
        Column text = t.column(textColumn);
        Column label = t.column(labelColumn);
        Column score = t.column(scoreColumn);
        int n = t.rowCount();
        String[] texts = new String[n];
        boolean[] labels = new boolean[n];
        double[] scores = new double[n];
        List<DataProblem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            texts[i] = text.text(i);
            String l = label.text(i);
            String s = score.text(i);
            Boolean lv = parseLabel(l);
            if (lv == null) {
                total++;
                if (problems.size() < DataFileException.MAX_LISTED) {
                    problems.add(t.problem(i, labelColumn, "expected 0, 1, true or false, got '" + l + "'"));
                }
            } else {
                labels[i] = lv;
            }
            double sv = parseScore(s);
            if (Double.isNaN(sv)) {
                total++;
                if (problems.size() < DataFileException.MAX_LISTED) {
                    problems.add(t.problem(i, scoreColumn, "expected a finite number, got '" + s + "'"));
                }
            } else {
                scores[i] = sv;
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total);
        }
        if (n == 0) {
            throw new DataFileException(new DataProblem(t.source(), 0, null, "the file has no example rows"));
        }
        return compute(texts, labels, scores, terms);
    }

    /** The bias AUCs of examples {@code texts} with labels and scores, for each identity term. */
    public static BiasAucResult compute(String[] texts, boolean[] labels, double[] scores, List<String> terms) {
        Preconditions.checkArgument(texts.length == labels.length && labels.length == scores.length,
                "texts, labels and scores must have the same length");
        Preconditions.checkArgument(!terms.isEmpty(), "need at least one identity term");
        Map<String, IdentityAucs> per = new LinkedHashMap<>();
        for (String term : terms) {
            per.put(term, forMembership(mentions(texts, term), labels, scores));
        }
        double overall = auc(select(scores, labels, null, true), select(scores, labels, null, false));
        double[] sub = per.values().stream().mapToDouble(IdentityAucs::subgroupAuc).toArray();
        double[] bpsn = per.values().stream().mapToDouble(IdentityAucs::bpsnAuc).toArray();
        double[] bnsp = per.values().stream().mapToDouble(IdentityAucs::bnspAuc).toArray();
        double mSub = generalizedMean(sub, POWER);
        double mBpsn = generalizedMean(bpsn, POWER);
        double mBnsp = generalizedMean(bnsp, POWER);
        double fin = OVERALL_WEIGHT * overall + (1 - OVERALL_WEIGHT) * (mSub + mBpsn + mBnsp) / 3;
        return new BiasAucResult(texts.length, overall, per, POWER, mSub, mBpsn, mBnsp, OVERALL_WEIGHT, fin);
    }

    /** Which texts mention {@code term} ({@code \bterm\b}, case-insensitive, Unicode; a null text mentions nothing). */
    public static boolean[] mentions(String[] texts, String term) {
        Pattern p = Pattern.compile("\\b" + Pattern.quote(term) + "\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        boolean[] out = new boolean[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = texts[i] != null && p.matcher(texts[i]).find();
        }
        return out;
    }

    /** The three bias AUCs for a membership vector. */
    public static IdentityAucs forMembership(boolean[] member, boolean[] labels, double[] scores) {
        long n = 0;
        for (boolean m : member) {
            if (m) {
                n++;
            }
        }
        double[] subPos = select(scores, labels, member, true, true);
        double[] subNeg = select(scores, labels, member, true, false);
        double[] bgPos = select(scores, labels, member, false, true);
        double[] bgNeg = select(scores, labels, member, false, false);
        return new IdentityAucs(n, auc(subPos, subNeg), auc(bgPos, subNeg), auc(subPos, bgNeg));
    }

    /**
     * P(pos &gt; neg) + ½ P(pos = neg) over all pairs; NaN when either side is empty.
     */
    public static double auc(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double[] sorted = neg.clone();
        Arrays.sort(sorted);
        long twiceWins = 0;
        for (double p : pos) {
            int below = lowerBound(sorted, p);
            int atMost = upperBound(sorted, p);
            twiceWins += 2L * below + (atMost - below);
        }
        return twiceWins / (2.0 * pos.length * (double) neg.length);
    }

    /**
     * The generalised (power) mean ((1/N) Σ m^p)^{1/p} over the finite values of {@code m}; NaN when none is
     * finite; 0 when p &lt; 0 and a value is 0. Values must be ≥ 0.
     */
    public static double generalizedMean(double[] m, double p) {
        Preconditions.checkArgument(p != 0 && Double.isFinite(p), "p must be finite and non-zero, got " + p);
        double sum = 0;
        int count = 0;
        for (double v : m) {
            if (!Double.isFinite(v)) {
                continue;
            }
            Preconditions.checkArgument(v >= 0, "generalised mean needs values >= 0, got " + v);
            if (v == 0 && p < 0) {
                return 0;
            }
            sum += Math.pow(v, p);
            count++;
        }
        return count == 0 ? Double.NaN : Math.pow(sum / count, 1 / p);
    }

    private static Boolean parseLabel(String s) {
        if (s == null) {
            return null;
        }
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true":
                return Boolean.TRUE;
            case "0", "0.0", "false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static double parseScore(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] select(double[] scores, boolean[] labels, boolean[] member, boolean label) {
        return select(scores, labels, member, true, label);
    }

    private static double[] select(double[] scores, boolean[] labels, boolean[] member, boolean inGroup,
                                   boolean label) {
        int c = 0;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            boolean in = member == null || member[i] == inGroup;
            if (in && labels[i] == label) {
                out[c++] = scores[i];
            }
        }
        return Arrays.copyOf(out, c);
    }

    private static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
