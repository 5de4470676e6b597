package org.rai4j.bounty;

import java.util.List;
import java.util.Map;

/**
 * Everything the operator of a simulated bounty sees: every decision with its numbers, the holdout error
 * after each decision and after each accepted update, the final model, the teams × features use and the
 * adaptivity bound. Produced by {@link BountySimulation#run}; rendered as text, JSON and SVG by
 * {@code org.rai4j.report.BountyReport}. Immutable.
 *
 * @param trainRows           rows of the public training split
 * @param holdoutRows         rows of the private holdout
 * @param label               the label column
 * @param classes             the label's classes (empty for regression)
 * @param loss                the loss's spelling ({@code zero-one}, {@code squared})
 * @param config              the acceptance parameters
 * @param guardName           the holdout guard's name
 * @param guardState          the guard's parameters and state at the end of the run
 * @param decisions           every decision, in order (submissions from the file, then the automated hunter's)
 * @param trajectory          after each decision: holdout error overall and on every accepted group
 * @param sliceErrors         at the start and after each accepted update: holdout error overall, on every
 *                            accepted group and on every value of the report-group columns
 * @param featureUsage        team → feature → share of the team's submissions whose group mentions the feature
 * @param initialHoldoutError holdout error of the base model
 * @param holdoutError        holdout error of the final model
 * @param versions            model versions (1 + accepted updates and repairs)
 * @param nodes               the final pointer decision list, node by node ({@link BountyEngine#describe})
 * @param heads               the head node of every version
 * @param predictionSha256    hash of the final model's holdout predictions
 * @param auditLogHead        hash of the audit log's last line
 * @param groups              every accepted group: error now, best error since introduced, rows
 * @param adaptivity          the adaptivity bound of the transcript (δ = 0.05)
 */
public record SimulationResult(int trainRows, int holdoutRows, String label, List<String> classes, String loss,
                               BountyConfig config, String guardName, Map<String, String> guardState,
                               List<Decision> decisions, List<TrajectoryPoint> trajectory, List<SliceErrors> sliceErrors,
                               Map<String, Map<String, Double>> featureUsage, double initialHoldoutError, double holdoutError,
                               int versions, List<Map<String, Object>> nodes, List<Integer> heads, String predictionSha256,
                               String auditLogHead, List<BountyEngine.GroupStatus> groups, AdaptivityBound adaptivity) {

    /** Copies every list and map. */
    public SimulationResult {
        classes = List.copyOf(classes);
        guardState = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(guardState));
        decisions = List.copyOf(decisions);
        trajectory = List.copyOf(trajectory);
        sliceErrors = List.copyOf(sliceErrors);
        featureUsage = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(featureUsage));
        nodes = List.copyOf(nodes);
        heads = List.copyOf(heads);
        groups = List.copyOf(groups);
    }

    /**
     * Holdout error after one decision.
     *
     * @param after        the submission decided
     * @param holdoutError overall holdout error of the current model
     * @param groupErrors  accepted group (by owner) → holdout error on it, in order of acceptance
     */
    public record TrajectoryPoint(String after, double holdoutError, Map<String, Double> groupErrors) {
        /** Keeps the order of {@code groupErrors}. */
        public TrajectoryPoint {
            groupErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupErrors));
        }
    }

    /**
     * Holdout errors at the start ({@code after = "base"}) or after an accepted update.
     *
     * @param after   "base" or the accepted submission
     * @param overall overall holdout error
     * @param groups  accepted groups, then {@code column=value} slices of the report-group columns
     */
    public record SliceErrors(String after, double overall, Map<String, Double> groups) {
        /** Keeps the order of {@code groups}. */
        public SliceErrors {
            groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        }
    }
}
