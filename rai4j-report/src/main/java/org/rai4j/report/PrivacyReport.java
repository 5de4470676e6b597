package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.core.Provenance;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.DpTraining;
import org.rai4j.privacy.NoiseCalibration;
import org.rai4j.privacy.PrivacySpent;
import org.rai4j.privacy.Segment;
import org.rai4j.privacy.TrainingRun;

import java.util.List;

/**
 * Renderings of the privacy results: ε spent ({@link PrivacySpent}), a calibrated noise multiplier
 * ({@link NoiseCalibration.Calibrated}) and a training run ({@link TrainingRun.Result}), as text and as
 * one JSON object each (a JSON line; ε = ∞ is {@code null} under the one JSON policy, {@link Json}).
 * Stateless and thread-safe.
 */
public final class PrivacyReport {
    private PrivacyReport() {}

    /** {@code {"accountant", "epsilon", "optimal_order" (RDP only)}}. */
    public static ObjectNode epsilonJson(PrivacySpent spent) {
        ObjectNode o = Json.object();
        o.put("accountant", spent.accountant().key());
        Json.put(o, "epsilon", spent.epsilon());
        if (spent.accountant() == Accountant.RDP) {
            if (Double.isNaN(spent.optimalOrder())) {
                o.putNull("optimal_order");
            } else {
                o.put("optimal_order", spent.optimalOrder());
            }
        }
        return o;
    }

    /** ε spent by a schedule of segments, as aligned text. */
    public static String epsilonText(PrivacySpent spent, List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        long steps = 0;
        for (Segment s : segments) {
            steps += s.steps();
        }
        sb.append(String.format("accountant      %s%n", spent.accountant().key()));
        sb.append(String.format("epsilon         %.6g%s%n", spent.epsilon(),
                spent.accountant() == Accountant.PRV ? "  (upper bound; estimate " + String.format("%.6g", spent.estimate()) + ")"
                        : spent.accountant() == Accountant.GDP ? "  (approximation, not a bound)" : ""));
        sb.append(String.format("delta           %s%n", spent.delta()));
        if (spent.accountant() == Accountant.RDP) {
            sb.append(String.format("optimal order   %s%n", spent.optimalOrder()));
        }
        sb.append(String.format("segments        %d (%d steps)%n", segments.size(), steps));
        return sb.toString();
    }

    /** {@code {"noise_multiplier", "epsilon"}}. */
    public static ObjectNode noiseJson(NoiseCalibration.Calibrated c) {
        ObjectNode o = Json.object();
        o.put("noise_multiplier", c.noiseMultiplier());
        Json.put(o, "epsilon", c.epsilon());
        return o;
    }

    /** A calibrated noise multiplier and the ε it gives, as text. */
    public static String noiseText(NoiseCalibration.Calibrated c, Accountant accountant, double delta, double targetEpsilon) {
        return String.format("noise multiplier  %s%n", c.noiseMultiplier())
                + String.format("epsilon           %.6g  (%s accountant, delta %s; target %s)%n", c.epsilon(), accountant.key(),
                delta, targetEpsilon);
    }

    /** A training run as one JSON object: model, accuracy, ε and ledger (DP), settings, classes, data hash, seed, version. */
    public static ObjectNode trainingJson(TrainingRun.Result r) {
        TrainingRun.Spec s = r.spec();
        ObjectNode o = Json.object();
        o.put("model", r.kind().id());
        o.put("dp", s.dp());
        o.put("accuracy", r.testAccuracy());
        o.put("train_accuracy", r.trainAccuracy());
        if (!s.dp()) {
            o.putNull("epsilon");
        } else {
            DpTraining.Result dp = r.dp();
            Json.put(o, "epsilon", dp.spent().epsilon());
            o.put("delta", s.delta());
            o.put("target_epsilon", s.targetEpsilon());
            o.put("accountant", s.accountant().key());
            o.put("noise_multiplier", dp.noiseMultiplier());
            o.put("sample_rate", dp.sampleRate());
            o.put("clipped_fraction", dp.clippedFraction());
            ArrayNode ledger = o.putArray("ledger");
            for (Segment seg : dp.ledger().segments()) {
                ledger.addObject().put("noise_multiplier", seg.noiseMultiplier()).put("sample_rate", seg.sampleRate())
                        .put("steps", seg.steps());
            }
        }
        o.put("steps", r.steps());
        o.put("epochs", s.epochs());
        o.put("batch_size", s.batchSize());
        o.put("clip", s.clip());
        o.put("learning_rate", s.learningRate());
        o.put("train_rows", r.trainRows());
        o.put("test_rows", r.testRows());
        ArrayNode classes = o.putArray("classes");
        r.classes().forEach(classes::add);
        o.put("data_sha256", r.dataSha256());
        o.put("seed", s.seed());
        o.put("rai4j_version", Provenance.rai4jVersion());
        return o;
    }

    /** A training run as aligned text; {@code source} names the data. */
    public static String trainingText(TrainingRun.Result r, String source) {
        TrainingRun.Spec s = r.spec();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("model          %s: %s%n", r.kind().id(), r.shape()));
        sb.append(String.format("classes        %s%n", String.join(", ", r.classes())));
        sb.append(String.format("data           %s: %d training rows, %d held out (seed %d)%n", source, r.trainRows(),
                r.testRows(), s.seed()));
        if (!s.dp()) {
            sb.append(String.format("training       plain SGD, no privacy: %d epochs, batch %d, lr %s = %d steps%n", s.epochs(),
                    s.batchSize(), s.learningRate(), r.steps()));
        } else {
            DpTraining.Result dp = r.dp();
            sb.append(String.format("training       DP-SGD: %d epochs, expected batch %d (q = %.4g), clip %s, lr %s = %d steps%n",
                    s.epochs(), s.batchSize(), dp.sampleRate(), s.clip(), s.learningRate(), dp.steps()));
            sb.append(String.format("noise          sigma = %.6g, calibrated (%s) for epsilon <= %s at delta = %s%n",
                    dp.noiseMultiplier(), s.accountant().key(), s.targetEpsilon(), s.delta()));
            sb.append(String.format("clipped        %.1f%% of sampled examples%n", 100 * dp.clippedFraction()));
        }
        sb.append(String.format("accuracy       %.4f held out (train %.4f)%n", r.testAccuracy(), r.trainAccuracy()));
        if (s.dp()) {
            DpTraining.Result dp = r.dp();
            sb.append(String.format("privacy spent  epsilon = %.4f at delta = %s (%s%s)%n", dp.spent().epsilon(), s.delta(),
                    s.accountant().key(), s.accountant() == Accountant.RDP ? ", optimal order " + dp.spent().optimalOrder()
                            : ", upper bound"));
            for (Segment seg : dp.ledger().segments()) {
                sb.append(String.format("ledger         %d steps at sigma %.6g, q %.4g%n", seg.steps(), seg.noiseMultiplier(),
                        seg.sampleRate()));
            }
        }
        return sb.toString();
    }
}
