package org.rai4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rai4j.federated.ClientSelector;
import org.rai4j.federated.InclusionReport;
import org.rai4j.federated.RoundResult;
import org.rai4j.federated.SimulationConfig;
import org.rai4j.federated.SimulationResult;
import org.rai4j.federated.Strategy;


/**
 * The {@code rai4j.fl/1} JSON of a federated simulation: {@code config}, one entry per round, {@code final},
 * {@code inclusion}, {@code epsilon} and {@code warnings}. Numbers follow the one {@link Json} policy (non-finite → {@code null});
 * no wall-clock time appears, so equal runs give equal bytes. Thread-safe.
 */
public final class FederatedJson {
    /** The schema tag. */
    public static final String SCHEMA = "rai4j.fl/1";

    private FederatedJson() {}

    /** The JSON text (pretty-printed, ending in a newline). */
    public static String toJson(SimulationResult r) {
        return Json.document(toTree(r)) + "\n";
    }

    /** The JSON tree. */
    public static ObjectNode toTree(SimulationResult r) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        ObjectNode cfg = config(r.config());
        cfg.put("clients", r.clients());
        root.set("config", cfg);
        ArrayNode rounds = root.putArray("rounds");
        for (RoundResult rr : r.rounds()) {
            ObjectNode o = rounds.addObject();
            o.put("round", rr.round());
            number(o, "test_accuracy", rr.testAccuracy());
            number(o, "train_loss", rr.trainLoss());
            o.put("selected", rr.selected());
            o.put("aggregated", rr.aggregated());
            number(o, "virtual_seconds", rr.virtualSeconds());
        }
        ObjectNode fin = root.putObject("final");
        number(fin, "test_accuracy", r.finalMetrics().testAccuracy());
        number(fin, "train_loss", r.finalMetrics().trainLoss());
        number(fin, "majority_class_accuracy", r.finalMetrics().majorityClassAccuracy());
        InclusionReport inc = r.inclusion();
        ObjectNode in = root.putObject("inclusion");
        in.put("scheme", inc.scheme());
        in.put("weighting", inc.weighting());
        in.put("rounds", inc.rounds());
        number(in, "max_abs_deviation", inc.maxAbsDeviation());
        if (!inc.clients().isEmpty()) {
            ArrayNode cl = in.putArray("clients");
            for (InclusionReport.Row row : inc.clients()) {
                ObjectNode o = cl.addObject();
                o.put("id", row.id());
                o.put("examples", row.examples());
                number(o, "intended", row.intended());
                number(o, "realised", row.realised());
            }
        }
        number(root, "epsilon", r.epsilon());
        if (!Double.isNaN(r.delta())) {
            number(root, "delta", r.delta());
        }
        ArrayNode w = root.putArray("warnings");
        r.warnings().forEach(w::add);
        return root;
    }

    private static ObjectNode config(SimulationConfig c) {
        ObjectNode o = Json.object();
        o.put("dataset", c.dataset());
        o.put("model", c.model().key());
        o.put("strategy", c.strategy().key());
        Strategy s = c.strategy();
        if (s instanceof Strategy.FedProx p) {
            number(o, "mu", p.mu());
        } else if (s instanceof Strategy.FedAvgM m) {
            number(o, "server_learning_rate", m.serverLearningRate());
            number(o, "server_momentum", m.momentum());
        } else if (s instanceof Strategy.FedOpt f) {
            number(o, "server_learning_rate", f.eta());
            number(o, "beta1", f.beta1());
            number(o, "beta2", f.beta2());
            number(o, "tau", f.tau());
            o.put("bias_correction", f.biasCorrection());
        } else if (s instanceof Strategy.Scaffold sc) {
            number(o, "server_learning_rate", sc.globalLearningRate());
        } else if (s instanceof Strategy.QFedAvg q) {
            number(o, "q", q.q());
        }
        ClientSelector sel = c.selector();
        o.put("selection", sel.key());
        if (sel instanceof ClientSelector.Activity a) {
            number(o, "selection_gamma", a.gamma());
            o.put("selection_replacement", a.replace());
            o.put("selection_weighting", a.weighting().name().toLowerCase(java.util.Locale.ROOT));
        } else if (sel instanceof ClientSelector.Poisson p) {
            number(o, "selection_q", p.q());
        }
        o.put("clients_per_round", c.clientsPerRound());
        o.put("rounds", c.rounds());
        o.put("local_epochs", c.localEpochs());
        o.put("batch_size", c.batchSize());
        number(o, "learning_rate", c.learningRate());
        number(o, "drop_percent", c.dropPercent());
        ObjectNode sys = o.putObject("system");
        number(sys, "availability", c.system().availability());
        number(sys, "speed_spread", c.system().speedSpread());
        number(sys, "samples_per_second", c.system().samplesPerSecond());
        number(sys, "deadline_seconds", c.system().deadlineSeconds());
        o.put("evaluate_every", c.evaluateEvery());
        if (c.dp() != null) {
            ObjectNode dp = o.putObject("dp");
            number(dp, "clip_norm", c.dp().clipNorm());
            number(dp, "noise_multiplier", c.dp().noiseMultiplier());
            number(dp, "delta", c.dp().delta());
        } else {
            o.putNull("dp");
        }
        o.put("secure_aggregation", c.secureAggregation());
        o.put("seed", c.seed());
        return o;
    }

    private static void number(ObjectNode n, String key, double v) {
        Json.put(n, key, v);
    }
}
