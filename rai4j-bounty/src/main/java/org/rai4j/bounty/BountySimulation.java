package org.rai4j.bounty;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole bias bounty, simulated: every submission is verified on the holdout by a {@link BountyEngine}
 * (updating and repairing the model), then optionally rounds of the automated {@link CostSensitiveHunter}
 * run against the current model until a round has no accepted proposal. The result holds everything the
 * operator sees. The command line ({@code rai4j bounty simulate}) and the platform both run bounties
 * through this class. Not thread-safe (one run at a time per engine); the data's artefacts stay open.
 */
public final class BountySimulation {
    /** Team name of the automated hunter's submissions. */
    public static final String HOUSE_HUNTER = "house-hunter";

    private BountySimulation() {}

    /**
     * How a simulation runs besides the acceptance parameters.
     *
     * @param hunterRounds  rounds of the automated hunter after the submissions (0 = none)
     * @param hunterDepth   the hunter's tree depth
     * @param hunterMinLeaf the hunter's minimum training rows per leaf
     * @param reportGroups  holdout columns whose every value's error is tracked after each accepted update
     */
    public record Settings(int hunterRounds, int hunterDepth, int hunterMinLeaf, List<String> reportGroups) {
        /** Checks the counts and copies the list. */
        public Settings {
            if (hunterRounds < 0) {
                throw new IllegalArgumentException("--hunter-rounds must be >= 0, got " + hunterRounds);
            }
            reportGroups = List.copyOf(reportGroups);
        }
    }

    /** Hears about each decision on a submission of the list (not on the automated hunter's). */
    public interface Listener {
        /**
         * @param index position of the submission in the list given to {@link #run}
         * @param total size of that list
         * @param decision the engine's decision
         */
        void decided(int index, int total, Decision decision);
    }

    /**
     * Runs the bounty.
     *
     * @param data        train split, holdout, schema, task and artefacts (the holdout must be present)
     * @param base        the base model
     * @param config      acceptance parameters
     * @param guard       the holdout guard (its state is part of the result)
     * @param log         where every decision is logged (hash-chained)
     * @param submissions the submissions, in order
     * @param settings    hunter rounds and report groups
     * @param listener    told about each decision on {@code submissions}
     * @throws PredicateException       when the base model's rule does not parse
     * @throws ModelException           when the base model cannot be loaded
     * @throws IllegalArgumentException when a report-group column is not in the holdout
     */
    public static SimulationResult run(BountyData data, ModelSpec base, BountyConfig config, HoldoutGuard guard, AuditLog log,
                                       List<Submission> submissions, Settings settings, Listener listener)
            throws PredicateException, ModelException, DataFileException {
        BountyEngine engine = new BountyEngine(data.holdout(), data.train(), data.artifacts(), base, config, guard, log);
        double initialError = engine.holdoutError();
        for (String col : settings.reportGroups()) {
            if (!data.holdout().hasColumn(col)) {
                throw new IllegalArgumentException("--report-groups: no column '" + col + "' in " + data.holdout().source()
                        + "; expected one of " + String.join(", ", data.holdout().columnNames()));
            }
        }
        Run run = new Run(engine, data, settings.reportGroups());
        run.slices.add(run.sliceErrors("base"));
        for (int i = 0; i < submissions.size(); i++) {
            Decision d = run.submit(submissions.get(i));
            listener.decided(i, submissions.size(), d);
        }
        if (settings.hunterRounds() > 0) {
            CostSensitiveHunter hunter = new CostSensitiveHunter(data.schema(), data.task(), settings.hunterDepth(),
                    settings.hunterMinLeaf());
            for (int round = 1; round <= settings.hunterRounds(); round++) {
                List<CostSensitiveHunter.Proposal> proposals =
                        hunter.propose(data.train(), engine.predict(data.train(), engine.pdl().latestVersion()));
                boolean any = false;
                for (CostSensitiveHunter.Proposal p : proposals) {
                    Decision d = run.submit(new Submission("hunter-" + round + "-" + p.kind(), HOUSE_HUNTER,
                            new GroupSpec.Predicate(p.group()), p.model()));
                    any |= d.accepted();
                }
                if (!any) {
                    break;
                }
            }
        }
        AdaptivityBound bound = guard.adaptivityBound(engine.transcript(), 0, 0.05, config.alpha().doubleValue());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (PointerDecisionList.Node n : engine.pdl().nodes()) {
            nodes.add(BountyEngine.describe(n));
        }
        return new SimulationResult(data.train().rowCount(), data.holdout().rowCount(), data.task().labelColumn(),
                data.task().classes(), data.task().loss().spelling(), config, guard.name(), guard.state(), run.decisions,
                run.trajectory, run.slices, run.usageFractions(), initialError, engine.holdoutError(),
                engine.pdl().latestVersion() + 1, nodes, engine.pdl().heads(),
                BountyEngine.predictionHash(engine.holdoutPredictions()), log.head(), engine.groupStatuses(), bound);
    }

    /** The running state of one simulation. */
    private static final class Run {
        final BountyEngine engine;
        final BountyData data;
        final List<String> reportGroups;
        final double[] labels;
        final List<Decision> decisions = new ArrayList<>();
        final List<SimulationResult.TrajectoryPoint> trajectory = new ArrayList<>();
        final List<SimulationResult.SliceErrors> slices = new ArrayList<>();
        final Map<String, Map<String, Integer>> featureUse = new TreeMap<>();
        final Map<String, Integer> teamSubmissions = new TreeMap<>();

        Run(BountyEngine engine, BountyData data, List<String> reportGroups) throws DataFileException {
            this.engine = engine;
            this.data = data;
            this.reportGroups = reportGroups;
            this.labels = data.task().labels(data.holdout());
        }

        Decision submit(Submission s) throws DataFileException {
            Decision d = engine.submit(s);
            decisions.add(d);
            trajectory.add(new SimulationResult.TrajectoryPoint(d.submissionId(), d.holdoutError(), groupErrors()));
            teamSubmissions.merge(s.team(), 1, Integer::sum);
            Map<String, Integer> use = featureUse.computeIfAbsent(s.team(), t -> new TreeMap<>());
            try {
                for (String f : data.artifacts().group(s.group()).columns()) {
                    use.merge(f, 1, Integer::sum);
                }
            } catch (PredicateException | ModelException e) {
                // an unusable group uses no feature; the decision already says why
            }
            if (d.accepted()) {
                slices.add(sliceErrors(d.submissionId()));
            }
            return d;
        }

        private Map<String, Double> groupErrors() {
            Map<String, Double> groups = new LinkedHashMap<>();
            for (BountyEngine.GroupStatus gs : engine.groupStatuses()) {
                groups.put(gs.owner(), gs.loss() / gs.size());
            }
            return groups;
        }

        /** Overall holdout error, the error on each accepted group, and on every value of the report-group columns. */
        SimulationResult.SliceErrors sliceErrors(String after) throws DataFileException {
            double[] p = engine.holdoutPredictions();
            Map<String, Double> groups = groupErrors();
            for (String col : reportGroups) {
                Column c = data.holdout().column(col);
                Map<String, double[]> acc = new TreeMap<>();
                for (int i = 0; i < p.length; i++) {
                    String v = c.text(i);
                    double[] a = acc.computeIfAbsent(v == null ? "(missing)" : v, k -> new double[2]);
                    a[0] += data.task().loss().of(p[i], labels[i]);
                    a[1]++;
                }
                for (var e : acc.entrySet()) {
                    groups.put(col + "=" + e.getKey(), e.getValue()[0] / e.getValue()[1]);
                }
            }
            return new SimulationResult.SliceErrors(after, engine.holdoutError(), groups);
        }

        Map<String, Map<String, Double>> usageFractions() {
            Map<String, Map<String, Double>> out = new TreeMap<>();
            for (var e : featureUse.entrySet()) {
                Map<String, Double> row = new TreeMap<>();
                for (var f : e.getValue().entrySet()) {
                    row.put(f.getKey(), (double) f.getValue() / teamSubmissions.get(e.getKey()));
                }
                out.put(e.getKey(), row);
            }
            return out;
        }
    }
}
