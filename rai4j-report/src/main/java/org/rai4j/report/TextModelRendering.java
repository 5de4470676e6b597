package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rai4j.core.Interval;
import org.rai4j.text.AugmentationStudy;
import org.rai4j.text.CounterfactualAugmentation;
import org.rai4j.text.CounterfactualEvaluation;
import org.rai4j.text.CounterfactualGap;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.PredictionSensitivity;
import org.rai4j.text.TextTraining;

/**
 * Renderings of the rai4j-text commands that train or measure a text classifier ({@code rai4j text train},
 * {@code counterfactual}, {@code augment}, {@code sensitivity}) as console text and JSON (undefined numbers are
 * {@code null}; intervals are {@code [lo, hi]}).
 */
public final class TextModelRendering {
    private TextModelRendering() {}

    /** {@code rai4j text train} as console lines (the model file is named by the caller). */
    public static String trainText(TextTraining.Result r) {
        EmbeddingBagTextClassifier.Settings s = r.settings();
        return String.format(Locale.ROOT, "Embedding-bag text classifier trained on %s: %d texts (%d labelled 1)%n"
                        + "  training accuracy %.4f%n"
                        + "  buckets %d, dimension %d, epochs %d, learning rate %s, batch size %d, seed %d%n",
                r.source(), r.examples(), r.positives(), r.trainingAccuracy(), s.buckets(), s.dim(), s.epochs(),
                Double.toString(s.learningRate()), s.batchSize(), s.seed());
    }

    /** {@code rai4j text train} as JSON. */
    public static ObjectNode trainJson(TextTraining.Result r, String modelFile) {
        ObjectNode n = Json.object();
        n.put("data", r.source());
        n.put("examples", r.examples());
        n.put("positives", r.positives());
        Json.put(n, "training_accuracy", r.trainingAccuracy());
        ObjectNode s = n.putObject("settings");
        s.put("buckets", r.settings().buckets());
        s.put("dim", r.settings().dim());
        s.put("epochs", r.settings().epochs());
        s.put("learning_rate", r.settings().learningRate());
        s.put("batch_size", r.settings().batchSize());
        s.put("seed", r.settings().seed());
        n.put("model", modelFile);
        return n;
    }

    /** {@code rai4j text counterfactual} as console lines. */
    public static String counterfactualText(CounterfactualEvaluation.Report r) {
        StringBuilder sb = new StringBuilder();
        CounterfactualGap.Result o = r.overall();
        sb.append(String.format(Locale.ROOT, "Counterfactual token fairness gap (Garg et al. 2019), gender swap, model %s%n",
                r.model()));
        sb.append(String.format(Locale.ROOT, "  %s: %d texts; %d with a gendered word, %d left out%n", r.source(),
                r.texts(), o.evaluated(), o.skipped()));
        sb.append(String.format(Locale.ROOT, "  %-14s %6s %8s  %s%n", "texts", "n", "gap", ci(o.confidence())));
        gapLine(sb, "all", o);
        if (r.labelZero() != null) {
            gapLine(sb, "label 0", r.labelZero());
            gapLine(sb, "label 1", r.labelOne());
        }
        sb.append(String.format(Locale.ROOT, "(gap = mean |f(x) - f(swap(x))| over texts with a gendered word; "
                + "percentile bootstrap over texts, %d replicates, seed %d)%n", o.replicates(), o.seed()));
        if (!r.pairs().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "first %d swapped texts (line: f(x) -> f(swap(x))):%n", r.pairs().size()));
            for (CounterfactualEvaluation.Pair p : r.pairs()) {
                sb.append(String.format(Locale.ROOT, "  %d: %.4f -> %.4f  %s  =>  %s%n", p.line(), p.score(),
                        p.swappedScore(), p.text(), p.swapped()));
            }
        }
        return sb.toString();
    }

    /** {@code rai4j text counterfactual} as JSON. */
    public static ObjectNode counterfactualJson(CounterfactualEvaluation.Report r) {
        ObjectNode n = Json.object();
        n.put("model", r.model());
        n.put("data", r.source());
        n.put("texts", r.texts());
        gapJson(n.putObject("gap"), r.overall());
        if (r.labelZero() != null) {
            ObjectNode by = n.putObject("by_label");
            gapJson(by.putObject("0"), r.labelZero());
            gapJson(by.putObject("1"), r.labelOne());
        }
        n.put("confidence", r.overall().confidence());
        n.put("replicates", r.overall().replicates());
        n.put("seed", r.overall().seed());
        if (!r.pairs().isEmpty()) {
            ArrayNode a = n.putArray("pairs");
            for (CounterfactualEvaluation.Pair p : r.pairs()) {
                ObjectNode o = a.addObject();
                o.put("line", p.line());
                o.put("text", p.text());
                o.put("swapped", p.swapped());
                Json.put(o, "score", p.score());
                Json.put(o, "swapped_score", p.swappedScore());
            }
        }
        return n;
    }

    /** {@code rai4j text augment} as console lines. */
    public static String augmentText(CounterfactualAugmentation.Augmented a) {
        return String.format(Locale.ROOT, "Counterfactual augmentation (%s) of %s: %d rows in, %d with a gendered word%n"
                        + "  %d rows out, %d of them swapped%s%n", a.method(), a.source(), a.rowsIn(), a.gendered(),
                a.rowsOut(), a.plan().swappedRows(), a.method() == CounterfactualAugmentation.Method.CDS
                        ? " (each gendered row with probability 1/2, seed " + a.seed() + ")"
                        : " (copies appended after the original rows)");
    }

    /** {@code rai4j text mentions} as text: rows per identity group. */
    public static String mentionsText(org.rai4j.text.IdentityMentions.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Identity mentions in %s: %d rows, group column '%s'%s%n", r.source(), r.rows(), r.column(),
                Double.isNaN(r.threshold()) ? "" : String.format(Locale.ROOT, ", prediction column '%s' = score >= %s",
                        org.rai4j.text.IdentityMentions.PREDICTION_COLUMN, String.valueOf(r.threshold()))));
        r.counts().forEach((g, c) -> sb.append(String.format(Locale.ROOT, "  %-14s %6d%n", g, c)));
        return sb.toString();
    }

    /** {@code rai4j text mentions} as JSON. */
    public static ObjectNode mentionsJson(org.rai4j.text.IdentityMentions.Result r, java.nio.file.Path out) {
        ObjectNode n = Json.object();
        n.put("data", r.source());
        n.put("rows", r.rows());
        n.put("column", r.column());
        if (!Double.isNaN(r.threshold())) {
            n.put("threshold", r.threshold());
        }
        ObjectNode c = n.putObject("groups");
        r.counts().forEach(c::put);
        if (out != null) {
            n.put("out", out.toString());
        }
        return n;
    }

    /** {@code rai4j text augment} as JSON. */
    public static ObjectNode augmentJson(CounterfactualAugmentation.Augmented a, java.nio.file.Path out) {
        ObjectNode n = Json.object();
        n.put("method", a.method().name().toLowerCase(Locale.ROOT));
        n.put("data", a.source());
        n.put("rows_in", a.rowsIn());
        n.put("gendered_rows", a.gendered());
        n.put("rows_out", a.rowsOut());
        n.put("swapped_rows", a.plan().swappedRows());
        if (a.method() == CounterfactualAugmentation.Method.CDS) {
            n.put("seed", a.seed());
        }
        if (out != null) {
            n.put("out", out.toString());
        }
        return n;
    }

    /** {@code rai4j text augment --compare} as console lines. */
    public static String augmentComparisonText(AugmentationStudy.Result r, double confidence) {
        StringBuilder sb = new StringBuilder(augmentText(r.augmentation()));
        sb.append(String.format(Locale.ROOT, "Before/after on %d test texts (%d with a gendered word); both models: "
                        + "buckets %d, dim %d, epochs %d, seed %d%n", r.testTexts(), r.original().gap().evaluated(),
                r.settings().buckets(), r.settings().dim(), r.settings().epochs(), r.settings().seed()));
        String ci = ci(confidence);
        sb.append(String.format(Locale.ROOT, "  %-10s %8s %8s  %-18s %8s  %s%n", "training", "texts", "accuracy", ci,
                "gap", ci));
        armLine(sb, "original", r.original());
        armLine(sb, "augmented", r.augmented());
        sb.append(String.format(Locale.ROOT, "  gap difference (augmented - original) %s  %s paired bootstrap over test "
                + "texts%n", signed(r.gapDifference()), ci(r.differenceInterval())));
        return sb.toString();
    }

    /** {@code rai4j text augment --compare} as JSON. */
    public static ObjectNode augmentComparisonJson(AugmentationStudy.Result r, double confidence, java.nio.file.Path out) {
        ObjectNode n = augmentJson(r.augmentation(), out);
        n.remove("seed"); // one seed for the coins, the training and the bootstrap: written once, below
        n.put("test_texts", r.testTexts());
        armJson(n.putObject("original"), r.original());
        armJson(n.putObject("augmented"), r.augmented());
        ObjectNode d = n.putObject("gap_difference");
        Json.put(d, "value", r.gapDifference());
        interval(d, "interval", r.differenceInterval());
        d.put("paired", true);
        n.put("confidence", confidence);
        n.put("replicates", r.original().gap().replicates());
        n.put("seed", r.original().gap().seed());
        return n;
    }

    private static void armLine(StringBuilder sb, String name, AugmentationStudy.Arm a) {
        sb.append(String.format(Locale.ROOT, "  %-10s %8d %8s  %-18s %8s  %s%n", name, a.trainingTexts(),
                num(a.testAccuracy()), ci(a.accuracyInterval()), num(a.gap().gap()), ci(a.gap().interval())));
    }

    private static void armJson(ObjectNode n, AugmentationStudy.Arm a) {
        n.put("training_texts", a.trainingTexts());
        Json.put(n, "test_accuracy", a.testAccuracy());
        interval(n, "accuracy_interval", a.accuracyInterval());
        gapJson(n.putObject("gap"), a.gap());
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v) : "-";
    }

    /** {@code rai4j text sensitivity} as console lines. */
    public static String sensitivityText(PredictionSensitivity.Result r) {
        boolean aps = r.method() == PredictionSensitivity.Method.GRADIENT;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (Krishna et al. 2022%s), model %s%n",
                aps ? "Accumulated prediction sensitivity" : "Occlusion sensitivity",
                aps ? "; exact gradient over word counts" : "-style; score change when a word is deleted", r.model()));
        sb.append(String.format(Locale.ROOT, "  protected direction: %s%n", r.protect()));
        sb.append(String.format(Locale.ROOT, "  %s: %d texts, %d with a protected direction, %d left out%n", r.source(),
                r.texts(), r.evaluated(), r.texts() - r.evaluated()));
        sb.append(String.format(Locale.ROOT, "  mean %s  %s %s (percentile bootstrap over texts, %d replicates, seed %d)%n",
                num(r.mean()), ci(r.confidence()), ci(r.interval()), r.replicates(), r.seed()));
        return sb.toString();
    }

    /** {@code rai4j text sensitivity} as JSON. */
    public static ObjectNode sensitivityJson(PredictionSensitivity.Result r) {
        ObjectNode n = Json.object();
        n.put("model", r.model());
        n.put("data", r.source());
        n.put("method", r.method() == PredictionSensitivity.Method.GRADIENT ? "accumulated_prediction_sensitivity"
                : "occlusion_sensitivity");
        n.put("protected", r.protect());
        n.put("texts", r.texts());
        n.put("evaluated", r.evaluated());
        Json.put(n, "mean", r.mean());
        interval(n, "interval", r.interval());
        n.put("confidence", r.confidence());
        n.put("replicates", r.replicates());
        n.put("seed", r.seed());
        return n;
    }

    static void gapJson(ObjectNode n, CounterfactualGap.Result g) {
        Json.put(n, "value", g.gap());
        interval(n, "interval", g.interval());
        n.put("evaluated", g.evaluated());
        n.put("skipped", g.skipped());
    }

    private static void gapLine(StringBuilder sb, String name, CounterfactualGap.Result g) {
        sb.append(String.format(Locale.ROOT, "  %-14s %6d %8s  %s%n", name, g.evaluated(), num(g.gap()), ci(g.interval())));
    }

    static String ci(double confidence) {
        return String.format(Locale.ROOT, "%s%% interval", Double.toString(confidence * 100).replaceAll("\\.0$", ""));
    }

    static void interval(ObjectNode o, String key, Interval i) {
        if (i == null) {
            o.putNull(key);
        } else {
            ArrayNode a = o.putArray(key);
            a.add(i.lo());
            a.add(i.hi());
        }
    }

    static String ci(Interval i) {
        return i == null ? "-" : "[" + num(i.lo()) + ", " + num(i.hi()) + "]";
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
    }
}
