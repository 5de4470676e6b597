package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.rai4j.text.BiasAucResult;
import org.rai4j.text.IdentityAucs;
import org.rai4j.text.SeatResult;
import org.rai4j.text.WeatResult;

/**
 * Renderings of rai4j-text results (issue 15): {@code rai4j text weat} and {@code rai4j text bias-auc}, as JSON
 * (keys as issue 15 specifies them; undefined numbers are {@code null} by the one JSON policy) and as console text.
 */
public final class TextRendering {
    private TextRendering() {}

    /** {@code {"effect_size", "p_value", "permutations", "std_ddof", "exact"}} plus the statistic, sizes, seed and dropped words. */
    public static ObjectNode weatJson(WeatResult r, java.util.List<String> dropped) {
        ObjectNode n = Json.object();
        Json.put(n, "effect_size", r.effectSize());
        Json.put(n, "p_value", r.pValue());
        n.put("permutations", r.permutations());
        n.put("std_ddof", r.stdDdof());
        n.put("exact", r.exact());
        Json.put(n, "statistic", r.statistic());
        n.put("targets", r.sizeX() + "+" + r.sizeY());
        if (!r.exact()) {
            n.put("seed", r.seed());
        }
        if (!dropped.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode d = n.putArray("dropped");
            dropped.forEach(d::add);
        }
        return n;
    }

    /** WEAT as console lines. */
    public static String weatText(WeatResult r, java.util.List<String> dropped) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "WEAT (Caliskan et al. 2017), |X| = %d, |Y| = %d%n", r.sizeX(), r.sizeY()));
        sb.append(String.format(Locale.ROOT, "  effect size  %.4f  (%s std, ddof = %d)%n", r.effectSize(),
                r.stdDdof() == 1 ? "sample" : "population", r.stdDdof()));
        sb.append(String.format(Locale.ROOT, "  statistic    %.6f%n", r.statistic()));
        sb.append(String.format(Locale.ROOT, "  p (one-sided, ties count)  %s  (%s over %d partitions%s)%n",
                Double.toString(r.pValue()), r.exact() ? "exact" : "sampled", r.permutations(),
                r.exact() ? "" : ", seed " + r.seed()));
        if (!dropped.isEmpty()) {
            sb.append("  left out (no vector): ").append(String.join(", ", dropped)).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code rai4j text seat}: WEAT's fields ({@code {"effect_size", "p_value", "permutations", "std_ddof", "exact"}},
     * the statistic, {@code targets} as the numbers of X and Y sentences, the seed when sampled) plus the encoder and
     * {@code attributes}, the numbers of A and B sentences.
     */
    public static ObjectNode seatJson(SeatResult r) {
        ObjectNode n = weatJson(r.weat(), java.util.List.of());
        n.put("attributes", r.sentencesA() + "+" + r.sentencesB());
        n.put("encoder", r.encoder());
        return n;
    }

    /** SEAT as console lines. */
    public static String seatText(SeatResult r) {
        WeatResult w = r.weat();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "SEAT (May et al. 2019) on %s: %d + %d target sentences, %d + %d attribute "
                + "sentences%n", r.encoder(), w.sizeX(), w.sizeY(), r.sentencesA(), r.sentencesB()));
        String weat = weatText(w, java.util.List.of());
        sb.append(weat, weat.indexOf('\n') + 1, weat.length());
        return sb.toString();
    }

    /**
     * {@code {"overall_auc", "identities": {term: {"n", "subgroup_auc", "bpsn_auc", "bnsp_auc"}},
     * "generalized_means": {"power", "subgroup_auc", "bpsn_auc", "bnsp_auc"}, "final_score"}}.
     */
    public static ObjectNode biasAucJson(BiasAucResult r) {
        ObjectNode n = Json.object();
        Json.put(n, "overall_auc", r.overallAuc());
        ObjectNode ids = n.putObject("identities");
        for (Map.Entry<String, IdentityAucs> e : r.identities().entrySet()) {
            ObjectNode i = ids.putObject(e.getKey());
            i.put("n", e.getValue().n());
            Json.put(i, "subgroup_auc", e.getValue().subgroupAuc());
            Json.put(i, "bpsn_auc", e.getValue().bpsnAuc());
            Json.put(i, "bnsp_auc", e.getValue().bnspAuc());
        }
        ObjectNode m = n.putObject("generalized_means");
        Json.put(m, "power", r.power());
        Json.put(m, "subgroup_auc", r.subgroupMean());
        Json.put(m, "bpsn_auc", r.bpsnMean());
        Json.put(m, "bnsp_auc", r.bnspMean());
        Json.put(n, "final_score", r.finalScore());
        return n;
    }

    /** Bias AUCs as a console table, worst BPSN first is left to the reader: terms keep their given order. */
    public static String biasAucText(BiasAucResult r) {
        int w = 8;
        for (String t : r.identities().keySet()) {
            w = Math.max(w, t.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Bias AUCs (Borkan et al. 2019), %d examples, overall AUC %s%n", r.rows(),
                fmt(r.overallAuc())));
        sb.append(String.format(Locale.ROOT, "  %-" + w + "s %7s %9s %9s %9s%n", "identity", "n", "subgroup", "BPSN",
                "BNSP"));
        for (Map.Entry<String, IdentityAucs> e : r.identities().entrySet()) {
            IdentityAucs a = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s %7d %9s %9s %9s%n", e.getKey(), a.n(),
                    fmt(a.subgroupAuc()), fmt(a.bpsnAuc()), fmt(a.bnspAuc())));
        }
        sb.append(String.format(Locale.ROOT, "  %-" + w + "s %7s %9s %9s %9s%n", "M_p p=" + (int) r.power(), "",
                fmt(r.subgroupMean()), fmt(r.bpsnMean()), fmt(r.bnspMean())));
        sb.append(String.format(Locale.ROOT, "final score %s = %.2f·overall + %.2f·(M_p subgroup + M_p BPSN + M_p BNSP)/3%n",
                fmt(r.finalScore()), r.overallWeight(), 1 - r.overallWeight()));
        sb.append("(undefined AUCs, '-': the identity has no positive or no negative example on that side; left out of M_p)\n");
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }
}
