package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rai4j.core.Interval;
import org.rai4j.text.BiasStudy;
import org.rai4j.text.Correlation;

/**
 * Renderings of the intrinsic-vs-extrinsic study ({@code rai4j text study}, {@link BiasStudy}) as JSON and console
 * text. Undefined numbers are {@code null} in JSON and {@code -} in text.
 */
public final class TextStudyRendering {
    private TextStudyRendering() {}

    /** {@code {"settings", "encoder", "seat", "models": [...], "correlations": [...]}}. */
    public static ObjectNode studyJson(BiasStudy.Result r) {
        BiasStudy.Settings s = r.settings();
        ObjectNode n = Json.object();
        ObjectNode set = n.putObject("settings");
        set.put("models_per_type", s.models());
        set.put("pool_per_cell", s.perCell());
        set.put("train_size", s.trainSize());
        set.put("test_size", s.testSize());
        Json.put(set, "label_noise", s.labelNoise());
        Json.put(set, "max_bias", s.maxBias());
        Json.put(set, "confidence", s.confidence());
        set.put("seed", s.seed());
        n.put("encoder", r.encoder());
        ObjectNode seat = n.putObject("seat");
        seat.set("aligned", TextRendering.seatJson(r.seatAligned()));
        seat.set("misaligned", TextRendering.seatJson(r.seatMisaligned()));
        ArrayNode models = n.putArray("models");
        for (BiasStudy.ModelMetrics m : r.models()) {
            ObjectNode o = models.addObject();
            o.put("type", m.type());
            o.put("index", m.index());
            Json.put(o, "bias", m.bias());
            o.put("augmented", m.augmented());
            o.put("seed", m.seed());
            Json.put(o, "intrinsic_aligned", m.intrinsicAligned());
            Json.put(o, "intrinsic_misaligned", m.intrinsicMisaligned());
            Json.put(o, "cf_gap", m.cfGap());
            Json.put(o, "cf_signed", m.cfSigned());
            Json.put(o, "bpsn_gap", m.bpsnGap());
            Json.put(o, "accuracy", m.accuracy());
        }
        ArrayNode cs = n.putArray("correlations");
        for (BiasStudy.CorrelationRow c : r.correlations()) {
            ObjectNode o = cs.addObject();
            o.put("type", c.type());
            o.put("alignment", c.alignment());
            o.put("intrinsic", c.intrinsic());
            o.put("extrinsic", c.extrinsic());
            o.set("pearson", estimate(c.pearson()));
            o.set("spearman", estimate(c.spearman()));
        }
        return n;
    }

    /** {@code {"r", "lo", "hi", "n", "confidence"}}; an undefined correlation has nulls. */
    public static ObjectNode estimate(Correlation.Estimate e) {
        ObjectNode o = Json.object();
        Json.put(o, "r", e.r());
        Interval i = e.interval();
        Json.put(o, "lo", i == null ? Double.NaN : i.lo());
        Json.put(o, "hi", i == null ? Double.NaN : i.hi());
        o.put("n", e.n());
        Json.put(o, "confidence", e.confidence());
        return o;
    }

    /** The study as console text: the models, then the correlation table. */
    public static String studyText(BiasStudy.Result r) {
        BiasStudy.Settings s = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Intrinsic vs extrinsic bias: %d models per type, seed %d, encoder %s%n",
                s.models(), s.seed(), r.encoder()));
        sb.append(String.format(Locale.ROOT, "  training: %d sentences per model from a pool of %d (label noise %.2f), "
                + "bias grid %+.2f..%+.2f, every third model with CDA; test: %d unbiased sentences%n", s.trainSize(),
                4 * s.perCell(), s.labelNoise(), -s.maxBias(), s.maxBias(), s.testSize()));
        sb.append(String.format(Locale.ROOT, "  %-13s %3s %6s %4s %9s %9s %7s %9s %9s %8s%n", "type", "#", "bias", "CDA",
                "d aligned", "d misal.", "cf gap", "cf signed", "BPSN gap", "accuracy"));
        for (BiasStudy.ModelMetrics m : r.models()) {
            sb.append(String.format(Locale.ROOT, "  %-13s %3d %+6.2f %4s %9s %9s %7s %9s %9s %8s%n", m.type(), m.index(),
                    m.bias(), m.augmented() ? "yes" : "-", signed(m.intrinsicAligned(), 3), signed(m.intrinsicMisaligned(), 3),
                    fmt(m.cfGap(), 4), signed(m.cfSigned(), 4), signed(m.bpsnGap(), 4), fmt(m.accuracy(), 3)));
        }
        sb.append(String.format(Locale.ROOT, "Correlation across the models (%.0f%% Fisher z intervals)%n",
                100 * s.confidence()));
        sb.append(String.format(Locale.ROOT, "  %-13s %-10s %-17s %-24s %s%n", "type", "alignment", "pair", "Pearson r",
                "Spearman rho"));
        boolean undefined = false;
        for (BiasStudy.CorrelationRow c : r.correlations()) {
            if (Double.isNaN(c.pearson().r()) && Double.isNaN(c.spearman().r())) {
                undefined = true;
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  %-13s %-10s %-17s %-24s %s%n", c.type(), c.alignment(),
                    c.intrinsic() + " ~ " + c.extrinsic(), withInterval(c.pearson()), withInterval(c.spearman())));
        }
        if (undefined) {
            sb.append(String.format(Locale.ROOT, "  encoder-head: the intrinsic metric is SEAT on the frozen encoder, the "
                    + "same for every head (aligned d = %s, misaligned d = %s): no correlation is defined%n",
                    signed(r.seatAligned().weat().effectSize(), 3), signed(r.seatMisaligned().weat().effectSize(), 3)));
        }
        sb.append("d: effect size of WEAT on the embedding-bag's rows or SEAT on the encoder; aligned: the test's female vs male "
                + "words and negative vs positive words (+ = female with negative); misaligned: WEAT 6, female vs male "
                + "names and family vs career words (+ = female with family)\n");
        return sb.toString();
    }

    private static String withInterval(Correlation.Estimate e) {
        if (Double.isNaN(e.r())) {
            return "-";
        }
        Interval i = e.interval();
        return i == null ? signed(e.r(), 3)
                : String.format(Locale.ROOT, "%s [%s, %s]", signed(e.r(), 3), signed(i.lo(), 2), signed(i.hi(), 2));
    }

    private static String signed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + digits + "f", v) : "-";
    }

    private static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }
}
