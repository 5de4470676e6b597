package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import org.rai4j.text.ContextualCeat;
import org.rai4j.text.RandomEffects;

/**
 * Renderings of {@code rai4j text ceat} (CEAT, Guo &amp; Caliskan 2021) as JSON — keys consistent with weat/seat
 * ({@code effect_size}, {@code p_value}) — and as console text.
 */
public final class CeatRendering {
    private CeatRendering() {}

    /**
     * {@code {"effect_size" (CES), "p_value" (one-sided), "se", "z", "tau2", "q", "df", "i2", "draws", "seed",
     * "encoder", "contexts": "sentence", "sentences", "encoded", "words": {X|Y|A|B: {word: contexts}}, "missing"}}.
     */
    public static ObjectNode json(ContextualCeat.Result r) {
        RandomEffects.Result m = r.ceat().meta();
        ObjectNode n = Json.object();
        Json.put(n, "effect_size", m.estimate());
        Json.put(n, "p_value", m.pValue());
        Json.put(n, "se", Math.sqrt(m.variance()));
        Json.put(n, "z", m.z());
        Json.put(n, "tau2", m.tau2());
        Json.put(n, "q", m.q());
        n.put("df", m.df());
        Json.put(n, "i2", m.iSquared());
        n.put("draws", r.ceat().effects().length);
        n.put("seed", r.ceat().seed());
        n.put("encoder", r.encoder());
        n.put("contexts", "sentence");
        n.put("sentences", r.sentences());
        n.put("encoded", r.encoded());
        ObjectNode words = n.putObject("words");
        for (Map.Entry<String, Map<String, Integer>> e : r.contexts().entrySet()) {
            ObjectNode set = words.putObject(e.getKey());
            e.getValue().forEach(set::put);
        }
        ArrayNode missing = n.putArray("missing");
        r.missing().forEach(missing::add);
        return n;
    }

    /** CEAT as console lines. */
    public static String text(ContextualCeat.Result r) {
        RandomEffects.Result m = r.ceat().meta();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "CEAT (Guo & Caliskan 2021) on %s: %d draws, seed %d%n", r.encoder(),
                r.ceat().effects().length, r.ceat().seed()));
        sb.append("  a word's contextual embeddings: the vectors of the corpus sentences that contain it "
                + "(sentence-level, not token-level)\n");
        sb.append(String.format(Locale.ROOT, "  corpus: %d sentences, %d encoded; contexts per word", r.sentences(),
                r.encoded()));
        for (Map.Entry<String, Map<String, Integer>> e : r.contexts().entrySet()) {
            IntSummaryStatistics s = e.getValue().values().stream().mapToInt(Integer::intValue).summaryStatistics();
            sb.append(String.format(Locale.ROOT, " %s %d-%d", e.getKey(), s.getMin(), s.getMax()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "  CES (combined effect size)  %.4f   se %.4f   z %.2f%n", m.estimate(),
                Math.sqrt(m.variance()), m.z()));
        sb.append(String.format(Locale.ROOT, "  p (one-sided, 1 - Phi(z))   %s%n", Double.toString(m.pValue())));
        sb.append(String.format(Locale.ROOT, "  heterogeneity: tau^2 %.4f   Q %.2f (df %d)   I^2 %.4f%n", m.tau2(),
                m.q(), m.df(), m.iSquared()));
        if (!r.missing().isEmpty()) {
            sb.append("  left out (no context in the corpus): ").append(String.join(", ", r.missing())).append('\n');
        }
        return sb.toString();
    }
}
