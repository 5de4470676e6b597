package org.rai4j.bounty;

import org.rai4j.bounty.internal.Json;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays an {@link AuditLog} on the same data: checks the hash chain, rebuilds the engine from the
 * genesis entry (configuration, guard, base model; recorded Thresholdout noise is fed back), resubmits
 * every logged submission and compares each regenerated line with the logged one byte for byte — so
 * every decision, every version's appended nodes and every prediction hash are reproduced or the first
 * difference is reported. Stateless.
 */
public final class AuditReplay {
    private AuditReplay() {}

    /**
     * The outcome of a replay.
     *
     * @param entries             lines replayed
     * @param identical           true when every regenerated line equals the logged one
     * @param firstMismatch       a description of the first difference, or null
     * @param finalPredictionHash prediction hash of the replayed final version
     * @param engine              the replayed engine (its final state)
     */
    public record Result(int entries, boolean identical, String firstMismatch, String finalPredictionHash, BountyEngine engine) {}

    /**
     * Replays {@code lines}.
     *
     * @param holdout   the same holdout
     * @param train     the same training split, or null when the bounty had none
     * @param artifacts artefact resolution for the same schema and task
     * @throws IllegalArgumentException when the chain is broken or an entry is malformed
     */
    public static Result replay(List<String> lines, Table holdout, Table train, Artifacts artifacts)
            throws DataFileException, PredicateException, ModelException {
        return replay(lines, holdout, train, artifacts, AuditLog.inMemory());
    }

    /**
     * Replays {@code lines} into {@code into}, an empty log that the returned engine keeps appending to:
     * a service restores a bounty from its stored log this way and goes on logging new decisions.
     *
     * @throws IllegalArgumentException when the chain is broken, an entry is malformed or {@code into} is not empty
     */
    public static Result replay(List<String> lines, Table holdout, Table train, Artifacts artifacts, AuditLog into)
            throws DataFileException, PredicateException, ModelException {
        Preconditions.checkArgument(into.lines().isEmpty(), "the log to replay into must be empty");
        AuditLog.verifyChain(lines);
        Map<String, Object> genesis = object(Json.parse(lines.get(0)), 1);
        Preconditions.checkArgument("genesis".equals(genesis.get("type")), "audit log line 1: expected the genesis entry");
        List<Double> noise = new ArrayList<>(numbers(genesis.get("noise")));
        for (int i = 1; i < lines.size(); i++) {
            Map<String, Object> e = object(Json.parse(lines.get(i)), i + 1);
            noise.addAll(numbers(object(e.get("inputs"), i + 1).get("noise")));
        }
        HoldoutGuard guard = guard(object(genesis.get("guard"), 1), LaplaceNoise.replaying(noise));
        BountyConfig config = new BountyConfig(new BigDecimal((String) genesis.get("alpha")),
                new BigDecimal((String) genesis.get("repair_alpha")),
                ((BigDecimal) genesis.get("min_group_size")).intValueExact(),
                new BigDecimal((String) genesis.get("min_group_mass")),
                integer(genesis.get("team_budget"), "team_budget"), integer(genesis.get("global_budget"), "global_budget"));
        ModelSpec base = spec(object(genesis.get("base"), 1));
        AuditLog log = into;
        BountyEngine engine = new BountyEngine(holdout, train, artifacts, base, config, guard, log);
        String mismatch = compare(lines, log, 0);
        for (int i = 1; i < lines.size() && mismatch == null; i++) {
            Map<String, Object> e = object(Json.parse(lines.get(i)), i + 1);
            Map<String, Object> sub = object(e.get("submission"), i + 1);
            Map<String, Object> g = object(sub.get("group"), i + 1);
            GroupSpec gs = g.containsKey("predicate") ? new GroupSpec.Predicate((String) g.get("predicate"))
                    : new GroupSpec.Onnx(Path.of((String) g.get("onnx")), g.get("folder") == null ? null : Path.of((String) g.get("folder")));
            engine.submit(new Submission((String) sub.get("id"), (String) sub.get("team"), gs, spec(object(sub.get("model"), i + 1))));
            mismatch = compare(lines, log, i);
        }
        return new Result(log.lines().size(), mismatch == null, mismatch,
                BountyEngine.predictionHash(engine.holdoutPredictions()), engine);
    }

    private static String compare(List<String> lines, AuditLog log, int i) {
        String replayed = log.lines().get(i);
        if (replayed.equals(lines.get(i))) {
            return null;
        }
        Map<String, Object> a = object(Json.parse(lines.get(i)), i + 1);
        Map<String, Object> b = object(Json.parse(replayed), i + 1);
        for (Map.Entry<String, Object> field : a.entrySet()) {
            String was = Json.write(field.getValue());
            String now = Json.write(b.get(field.getKey()));
            if (!was.equals(now)) {
                return "audit log line " + (i + 1) + ": field '" + field.getKey() + "' was " + was + " but the replay gives " + now;
            }
        }
        return "audit log line " + (i + 1) + ": the replayed entry differs: " + replayed;
    }

    private static HoldoutGuard guard(Map<String, Object> g, LaplaceNoise noise) {
        String name = (String) g.get("guard");
        return switch (name) {
            case "spending" -> new AlphaSpendingGuard(Double.parseDouble((String) g.get("delta")));
            case "threshold" -> new ThresholdGuard();
            case "significance" -> new SignificanceGuard(Double.parseDouble((String) g.get("z")));
            case "thresholdout" -> new Thresholdout(Double.parseDouble((String) g.get("threshold")),
                    Double.parseDouble((String) g.get("sigma")), Integer.parseInt((String) g.get("initial_budget")), noise);
            default -> throw new IllegalArgumentException("audit log: unknown guard '" + name + "'");
        };
    }

    private static ModelSpec spec(Map<String, Object> m) {
        if (m.containsKey("rule")) {
            return new ModelSpec.Rule((String) m.get("rule"));
        }
        if (m.containsKey("constant")) {
            return new ModelSpec.Constant((String) m.get("constant"));
        }
        return new ModelSpec.Onnx(Path.of((String) m.get("onnx")), m.get("folder") == null ? null : Path.of((String) m.get("folder")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, int line) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("audit log line " + line + ": expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static int integer(Object o, String field) {
        if (!(o instanceof BigDecimal b)) {
            throw new IllegalArgumentException("audit log line 1: expected a number in field '" + field + "'");
        }
        return b.intValueExact();
    }

    private static List<Double> numbers(Object o) {
        List<Double> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(((BigDecimal) x).doubleValue());
            }
        }
        return out;
    }
}
