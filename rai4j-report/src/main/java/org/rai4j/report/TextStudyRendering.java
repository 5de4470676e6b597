package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rai4j.core.Interval;
import org.rai4j.text.BiasStudy;
import org.rai4j.text.Correlation;
import org.rai4j.text.Distillation;

/**
 * Renderings of the intrinsic-vs-extrinsic study ({@code rai4j text study}, {@link BiasStudy}) and of distillation
 * with counterfactual role reversal ({@code rai4j text distill}, {@link Distillation}) as JSON and console text. Undefined numbers are {@code null} in JSON and {@code -} in text.
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

    /**
     * {@code {"settings", "teacher": {"name", metric: {"value", "lo", "hi"}...}, "students": {variant: {...}},
     * "differences": {"variant - base": {...}}, "student_weat": {variant: WEAT fields}}}.
     */
    public static ObjectNode distillJson(Distillation.Result r) {
        Distillation.Settings s = r.settings();
        ObjectNode n = Json.object();
        ObjectNode set = n.putObject("settings");
        Json.put(set, "teacher_bias", s.teacherBias());
        set.put("teacher_train", s.teacherTrain());
        set.put("transfer_size", s.transferSize());
        set.put("test_size", s.testSize());
        Json.put(set, "label_noise", s.labelNoise());
        Json.put(set, "confidence", s.confidence());
        set.put("replicates", s.replicates());
        set.put("seed", s.seed());
        ObjectNode t = metricsJson(r.teacher());
        t.put("name", r.teacherName());
        n.set("teacher", t);
        ObjectNode st = n.putObject("students");
        r.students().forEach(m -> st.set(m.model(), metricsJson(m)));
        ObjectNode d = n.putObject("differences");
        r.differences().forEach(m -> d.set(m.model(), metricsJson(m)));
        ObjectNode w = n.putObject("student_weat");
        for (int i = 0; i < r.students().size(); i++) {
            w.set(r.students().get(i).model(), TextRendering.weatJson(r.studentWeat().get(i), java.util.List.of()));
        }
        return n;
    }

    private static ObjectNode metricsJson(Distillation.ModelMetrics m) {
        ObjectNode o = Json.object();
        for (String k : Distillation.METRICS) {
            Distillation.Estimate e = m.metric(k);
            ObjectNode v = o.putObject(k);
            Json.put(v, "value", e.value());
            Json.put(v, "lo", e.interval() == null ? Double.NaN : e.interval().lo());
            Json.put(v, "hi", e.interval() == null ? Double.NaN : e.interval().hi());
        }
        return o;
    }

    /** Distillation as console text: teacher and students, then each student's difference from base. */
    public static String distillText(Distillation.Result r) {
        Distillation.Settings s = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Distillation with counterfactual role reversal: teacher %s, trained with "
                + "bias %+.2f on %d sentences; students: embedding bags on %d transfer sentences; seed %d%n",
                r.teacherName(), s.teacherBias(), s.teacherTrain(), s.transferSize(), s.seed()));
        sb.append(String.format(Locale.ROOT, "  test: %d unbiased sentences; %.0f%% percentile bootstrap intervals over "
                + "them (%d replicates; differences paired)%n", s.testSize(), 100 * s.confidence(), s.replicates()));
        sb.append(String.format(Locale.ROOT, "  %-19s %-25s %-25s %-25s %s%n", "model", "cf gap", "cf signed", "BPSN gap",
                "accuracy"));
        java.util.List<Distillation.ModelMetrics> rows = new java.util.ArrayList<>();
        rows.add(r.teacher());
        rows.addAll(r.students());
        for (Distillation.ModelMetrics m : rows) {
            sb.append(distillRow(m));
        }
        sb.append("  difference from base\n");
        for (Distillation.ModelMetrics m : r.differences()) {
            sb.append(distillRow(m));
        }
        sb.append("  intrinsic (WEAT on each student's rows: female vs male words, negative vs positive words):");
        for (int i = 0; i < r.students().size(); i++) {
            sb.append(String.format(Locale.ROOT, " %s d %s (p %.4f)%s", r.students().get(i).model(),
                    signed(r.studentWeat().get(i).effectSize(), 3), r.studentWeat().get(i).pValue(),
                    i + 1 < r.students().size() ? "," : ""));
        }
        sb.append('\n');
        sb.append("cda: transfer set plus its gender swaps, teacher scores on each; perturb: target (t(x) + t(swap x))/2; "
                + "cda+perturb: both\n");
        return sb.toString();
    }

    private static String distillRow(Distillation.ModelMetrics m) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-19s", m.model()));
        for (int k = 0; k < Distillation.METRICS.size(); k++) {
            Distillation.Estimate e = m.metrics().get(k);
            Interval i = e.interval();
            String cell = i == null ? signed(e.value(), 4)
                    : String.format(Locale.ROOT, "%s [%s, %s]", signed(e.value(), 4), signed(i.lo(), 3), signed(i.hi(), 3));
            sb.append(k + 1 < Distillation.METRICS.size() ? String.format(Locale.ROOT, " %-25s", cell) : " " + cell);
        }
        return sb.append('\n').toString();
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
