package org.rai4j.bounty;

import org.rai4j.bounty.internal.RowMask;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Hashing;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Provenance;
import org.rai4j.core.Table;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bias-bounty engine (spec §1–2): verifies each submission (g, h) on the private holdout and, when
 * it passes, folds it into the {@link PointerDecisionList} with the repair step:
 * <pre>
 * UPDATE(g, h):  append LEAF(g, h, next = head); register g: best = E(f, g), bestNode = head
 *   loop: find the lowest-indexed group i with E(f, g_i) − best_i &gt; α_r·n; none → stop
 *         append PTR(g_i, target = bestNode_i, next = head)
 *         refresh: for every i with E(f, g_i) &lt; best_i: best_i = E(f, g_i), bestNode_i = head
 *   refresh
 * </pre>
 * Invariants (checked by the tests after every call): the holdout error never rises; an accepted
 * update lowers it by exactly E_f(g) − E_h(g) ≥ α·n (in loss units); a repair lowers it by more than
 * α_r·n; hence #updates·α + #repairs·α_r ≤ err(f0); after every call each registered group is within
 * α_r·n of its best error. Decisions use exact integer counts for 0-1 loss
 * ({@link AcceptanceTest}); submitted metrics are never used. Every call is logged to the
 * {@link AuditLog}. Not thread-safe: one engine serves one bounty, one submission at a time.
 */
public final class BountyEngine {
    /** Engine identifier written to the audit log. */
    public static final String ENGINE = "rai4j-bounty " + Provenance.rai4jVersion();

    private final Table holdout;
    private final Table train;
    private final Artifacts artifacts;
    private final Task task;
    private final BountyConfig config;
    private final AcceptanceTest test;
    private final HoldoutGuard guard;
    private final AuditLog log;
    private final PointerDecisionList pdl;
    private final TableEvaluations holdoutEval;
    private final TableEvaluations trainEval;
    private final double[] y;
    private final double[] yTrain;
    private final double[] current;
    private final double[] rowLoss;
    private final int n;
    private double totalLoss;
    private final double initialLoss;
    private final List<Tracked> groups = new ArrayList<>();
    private long queries;
    private long submissions;
    private final Map<String, Integer> teamQueries = new java.util.HashMap<>();
    private long accepted;
    private long repairs;
    private double[] trainCurrent;
    private int trainCurrentVersion = -1;

    /** A group registered by an accepted update, with the best error it has had since. */
    private static final class Tracked {
        final Group group;
        final RowMask members;
        final String owner;
        double best;
        int bestNode;

        Tracked(Group group, RowMask members, String owner, double best, int bestNode) {
            this.group = group;
            this.members = members;
            this.owner = owner;
            this.best = best;
            this.bestNode = bestNode;
        }
    }

    /**
     * Starts a bounty.
     *
     * @param holdout   the private holdout S (labels included)
     * @param train     the public training split, with labels: every public check runs on it (never on the holdout)
     * @param artifacts resolves specs against the bounty's schema and task
     * @param base      the base model f0
     * @param config    α, α_r, minimum group size and mass
     * @param guard     the holdout guard
     * @param log       the audit log (a genesis entry is written now)
     * @throws DataFileException  when a label is missing or unknown
     * @throws PredicateException when a rule base model does not parse
     * @throws ModelException     when the base model cannot run or predicts invalid values
     */
    public BountyEngine(Table holdout, Table train, Artifacts artifacts, ModelSpec base, BountyConfig config,
                        HoldoutGuard guard, AuditLog log) throws DataFileException, PredicateException, ModelException {
        this.holdout = Preconditions.checkNotNull(holdout, "holdout");
        this.train = Preconditions.checkNotNull(train, "train (the public training split; every public check runs on it)");
        this.artifacts = Preconditions.checkNotNull(artifacts, "artifacts");
        this.task = artifacts.task();
        this.config = Preconditions.checkNotNull(config, "config");
        this.guard = Preconditions.checkNotNull(guard, "guard");
        this.log = Preconditions.checkNotNull(log, "log");
        this.test = new AcceptanceTest(config, task.loss());
        this.n = holdout.rowCount();
        this.y = task.labels(holdout);
        this.yTrain = task.labels(train);
        Predictor f0 = artifacts.model(base);
        this.pdl = new PointerDecisionList(f0);
        this.holdoutEval = new TableEvaluations(holdout);
        this.trainEval = new TableEvaluations(train);
        this.current = pdl.predict(0, holdoutEval);
        for (int i = 0; i < n; i++) {
            if (!task.isValidPrediction(current[i])) {
                throw new ModelException("the base model " + f0.description() + " predicted " + current[i] + " at "
                        + holdout.source() + ":" + holdout.line(i) + "; expected " + validRange());
            }
        }
        this.rowLoss = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            rowLoss[i] = task.loss().of(current[i], y[i]);
            sum += rowLoss[i];
        }
        this.totalLoss = sum;
        this.initialLoss = sum;
        writeGenesis(base, f0);
    }

    private String validRange() {
        return task.loss() == Loss.ZERO_ONE ? "one of the classes " + task.classes() : "a finite number";
    }

    // ---------------------------------------------------------------- submissions

    /**
     * Verifies one submission and, when it passes, updates and repairs the model. In order:
     * <ol>
     *   <li>public checks, on the submission and the public training split only: the predicates parse and
     *       fit the schema ({@link Reason#INVALID_PREDICATE}), the artefacts load and run
     *       ({@link Reason#INVALID_MODEL}), the group does not single out individuals
     *       ({@link Reason#IDENTIFIER_LIKE}), has enough training rows ({@link Reason#EMPTY_GROUP},
     *       {@link Reason#GROUP_TOO_SMALL}), h differs from the current model on at least ⌈α·n_train⌉ of them
     *       ({@link Reason#NO_DIFFERENCE}) and is better there ({@link Reason#NO_TRAIN_IMPROVEMENT});</li>
     *   <li>quota: the team's and the bounty's holdout-query budgets ({@link Reason#TEAM_BUDGET_EXHAUSTED},
     *       {@link Reason#BUDGET_EXHAUSTED});</li>
     *   <li>one holdout query, decided by the {@link HoldoutGuard} (which sees the exact test's verdict).</li>
     * </ol>
     * Only the third step reads the holdout, and only its accept/reject bit may be released to hunters
     * ({@link HunterDecision#of(Decision)}). A malformed submission is a rejection, not an exception.
     *
     * @throws DataFileException when the holdout lacks a column the group or model needs
     */
    public Decision submit(Submission s) throws DataFileException {
        Preconditions.checkNotNull(s, "submission");
        Map<String, String> guardBefore = guard.state();
        long queriesBefore = queries;
        submissions++;
        Group g = null;
        Predictor h = null;
        Decision d = null;
        try {
            g = artifacts.group(s.group());
        } catch (PredicateException e) {
            d = reject(s, Reason.INVALID_PREDICATE, "field 'group': " + e.getMessage());
        } catch (ModelException e) {
            d = reject(s, Reason.INVALID_MODEL, "field 'group': " + e.getMessage());
        }
        if (d == null) {
            try {
                h = artifacts.model(s.model());
            } catch (PredicateException e) {
                d = reject(s, Reason.INVALID_PREDICATE, "field 'model': " + e.getMessage());
            } catch (ModelException e) {
                d = reject(s, Reason.INVALID_MODEL, "field 'model': " + e.getMessage());
            }
        }
        if (d == null) {
            d = decide(s, g, h);
        }
        logDecision(s, g, h, guardBefore, d, queries > queriesBefore ? queries : 0);
        return d;
    }

    /** A rejection decided without reading the holdout. */
    private Decision reject(Submission s, Reason reason, String detail) {
        return new Decision(s.id(), s.team(), false, reason, detail, -1, Double.NaN, Double.NaN, Double.NaN, totalLoss / n,
                List.of(), pdl.latestVersion());
    }

    /** A rejection decided on the holdout (operator reason; hunters see one bit). */
    private Decision rejectOnHoldout(Submission s, Reason reason, String detail, long size, double lossF, double lossH) {
        double diff = Double.isNaN(lossF) ? Double.NaN : lossF - lossH;
        return new Decision(s.id(), s.team(), false, reason, detail, size, size < 0 ? Double.NaN : (double) size / n,
                diff, diff / n, totalLoss / n, List.of(), pdl.latestVersion());
    }

    private Decision decide(Submission s, Group g, Predictor h) throws DataFileException {
        // 1. Public checks: the public training split only.
        int nTrain = train.rowCount();
        long minRows = test.minimumRows(nTrain);
        RowMask tm;
        try {
            tm = trainEval.members(g);
        } catch (ModelException e) {
            return reject(s, Reason.INVALID_MODEL, "field 'group': " + e.getMessage());
        }
        long trainSize = tm.cardinality();
        Optional<Reason> publicSize = test.checkPublicSize(nTrain, trainSize);
        if (publicSize.isPresent()) {
            return reject(s, publicSize.get(), "the group has " + trainSize + " of the " + nTrain + " training rows; at least "
                    + minRows + " are needed");
        }
        if (g instanceof GroupPredicate gp) {
            String why = gp.identifierLike(train, (int) Math.min(Integer.MAX_VALUE, minRows));
            if (why != null) {
                return reject(s, Reason.IDENTIFIER_LIKE, "field 'group': " + why);
            }
        }
        double[] thp;
        double[] fTrain;
        try {
            thp = trainEval.predictions(h);
            fTrain = trainCurrent();
        } catch (ModelException e) {
            return reject(s, Reason.INVALID_MODEL, "field 'model': " + e.getMessage());
        }
        long differ = 0;
        double trainLossF = 0;
        double trainLossH = 0;
        for (int i = tm.nextSetBit(0); i >= 0; i = tm.nextSetBit(i + 1)) {
            if (!task.isValidPrediction(thp[i])) {
                return reject(s, Reason.INVALID_MODEL, "field 'model': predicted " + thp[i] + " at " + train.source() + ":"
                        + train.line(i) + "; expected " + validRange());
            }
            if (thp[i] != fTrain[i]) {
                differ++;
            }
            trainLossF += task.loss().of(fTrain[i], yTrain[i]);
            trainLossH += task.loss().of(thp[i], yTrain[i]);
        }
        double trainDiff = trainLossF - trainLossH;
        // With 0-1 loss each differing row changes the error count by at most 1, so fewer than α·n differing
        // rows cannot add up to an improvement of α; squared loss has no such cap, so one row suffices.
        long minDiffer = task.loss() != Loss.ZERO_ONE ? 1 : Math.max(1, config.alpha().multiply(java.math.BigDecimal.valueOf(nTrain))
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        if (differ < minDiffer) {
            return reject(s, Reason.NO_DIFFERENCE, "h differs from the current model on " + differ + " of the group's "
                    + trainSize + " training rows; at least " + minDiffer + " are needed");
        }
        if (!test.positive(trainDiff)) {
            return reject(s, Reason.NO_TRAIN_IMPROVEMENT, "on the group's " + trainSize + " training rows h is not better than "
                    + "the current model (loss " + fmt(trainDiff) + " lower)");
        }
        // 2. Quota.
        int used = teamQueries.getOrDefault(s.team(), 0);
        if (used >= config.teamBudget()) {
            return reject(s, Reason.TEAM_BUDGET_EXHAUSTED, "team '" + s.team() + "' has used its " + config.teamBudget()
                    + " holdout queries");
        }
        if (queries >= config.globalBudget()) {
            return reject(s, Reason.BUDGET_EXHAUSTED, "the bounty has used its " + config.globalBudget()
                    + " holdout queries; rotate the holdout");
        }
        Optional<Reason> refused = guard.beforeQuery();
        if (refused.isPresent()) {
            return reject(s, refused.get(), "the holdout guard's budget is spent; rotate the holdout");
        }
        // 3. One holdout query, decided by the guard.
        queries++;
        teamQueries.merge(s.team(), 1, Integer::sum);
        RowMask members;
        try {
            members = holdoutEval.members(g);
        } catch (ModelException e) {
            return rejectOnHoldout(s, Reason.HOLDOUT_INVALID_PREDICTION, "group: " + e.getMessage(), -1, Double.NaN, Double.NaN);
        }
        long size = members.cardinality();
        double[] hp;
        try {
            hp = holdoutEval.predictions(h);
        } catch (ModelException e) {
            return rejectOnHoldout(s, Reason.HOLDOUT_INVALID_PREDICTION, "model: " + e.getMessage(), size, Double.NaN, Double.NaN);
        }
        double lossF = 0;
        double lossH = 0;
        double sumSq = 0;
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            if (!task.isValidPrediction(hp[i])) {
                return rejectOnHoldout(s, Reason.HOLDOUT_INVALID_PREDICTION, "model: predicted " + hp[i] + " at "
                        + holdout.source() + " row " + (i + 1) + "; expected " + validRange(), size, Double.NaN, Double.NaN);
            }
            double lh = task.loss().of(hp[i], y[i]);
            lossF += rowLoss[i];
            lossH += lh;
            double phi = rowLoss[i] - lh;
            sumSq += phi * phi;
        }
        Optional<Reason> exact = test.check(n, size, lossF, lossH);
        GuardQuery q = new GuardQuery(n, lossF - lossH, sumSq, trainDiff / nTrain, config.alpha(), exact.orElse(null), queries);
        Optional<Reason> verdict = guard.decide(q);
        if (verdict.isPresent()) {
            return rejectOnHoldout(s, verdict.get(), null, size, lossF, lossH);
        }
        if (exact.isPresent()) {
            throw new IllegalStateException("the " + guard.name() + " guard accepted a submission that fails the exact test ("
                    + exact.get() + "); a guard may only make acceptance stricter");
        }
        List<Repair> made = update(s.id(), g, h, members, hp);
        return new Decision(s.id(), s.team(), true, null, null, size, (double) size / n, lossF - lossH,
                (lossF - lossH) / n, totalLoss / n, made, pdl.latestVersion());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The current model's predictions on the public training split (recomputed once per version). */
    private double[] trainCurrent() throws DataFileException, ModelException {
        if (trainCurrentVersion != pdl.latestVersion()) {
            trainCurrent = pdl.predict(pdl.latestVersion(), trainEval);
            trainCurrentVersion = pdl.latestVersion();
        }
        return trainCurrent;
    }

    // ---------------------------------------------------------------- update with repair

    private List<Repair> update(String owner, Group g, Predictor h, RowMask members, double[] hp) throws DataFileException {
        pdl.appendLeaf(g, h, owner);
        for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
            current[i] = hp[i];
            double l = task.loss().of(hp[i], y[i]);
            totalLoss += l - rowLoss[i];
            rowLoss[i] = l;
        }
        accepted++;
        groups.add(new Tracked(g, members, owner, members.sum(rowLoss), pdl.latestVersion()));
        List<Repair> made = new ArrayList<>();
        while (true) {
            Tracked worst = null;
            double cur = 0;
            for (Tracked t : groups) {
                cur = t.members.sum(rowLoss);
                if (test.exceeds(cur - t.best, config.repairAlpha(), n)) {
                    worst = t;
                    break;
                }
            }
            if (worst == null) {
                break;
            }
            int node = pdl.appendPointer(worst.group, worst.bestNode, worst.owner);
            double[] back;
            try {
                back = pdl.predictFrom(worst.bestNode, worst.members, holdoutEval);
            } catch (ModelException e) {
                throw new IllegalStateException("a model that ran before failed on re-evaluation", e);
            }
            double before = totalLoss;
            for (int i = worst.members.nextSetBit(0); i >= 0; i = worst.members.nextSetBit(i + 1)) {
                current[i] = back[i];
                double l = task.loss().of(back[i], y[i]);
                totalLoss += l - rowLoss[i];
                rowLoss[i] = l;
            }
            repairs++;
            double reduction = before - totalLoss;
            made.add(new Repair(worst.owner, worst.group.description(), node, worst.bestNode, reduction, reduction / n));
            refresh();
        }
        refresh();
        return made;
    }

    private void refresh() {
        int head = pdl.latestVersion();
        for (Tracked t : groups) {
            double cur = t.members.sum(rowLoss);
            if (cur < t.best) {
                t.best = cur;
                t.bestNode = head;
            }
        }
    }

    // ---------------------------------------------------------------- views

    /** The model: nodes and version heads. Do not append to it directly. */
    public PointerDecisionList pdl() {
        return pdl;
    }

    /** The task. */
    public Task task() {
        return task;
    }

    /** The configuration. */
    public BountyConfig config() {
        return config;
    }

    /** The guard. */
    public HoldoutGuard guard() {
        return guard;
    }

    /** Holdout size n. */
    public int holdoutSize() {
        return n;
    }

    /** Overall holdout error of the current model (mean loss). */
    public double holdoutError() {
        return totalLoss / n;
    }

    /** Summed holdout loss of the current model (the error count for 0-1 loss). */
    public double holdoutLoss() {
        return totalLoss;
    }

    /** Summed holdout loss of the base model. */
    public double initialLoss() {
        return initialLoss;
    }

    /** The current model's predictions on the holdout (a copy). */
    public double[] holdoutPredictions() {
        return current.clone();
    }

    /** Summed holdout loss of every registered group now, and its best since introduction, in registration order. */
    public List<GroupStatus> groupStatuses() {
        List<GroupStatus> out = new ArrayList<>();
        for (Tracked t : groups) {
            out.add(new GroupStatus(t.owner, t.group.description(), t.members.cardinality(), t.members.sum(rowLoss), t.best, t.bestNode));
        }
        return out;
    }

    /**
     * A registered group's state.
     *
     * @param owner    submission that introduced it
     * @param group    its description
     * @param size     holdout rows
     * @param loss     summed holdout loss of the current model on it
     * @param best     best summed loss since introduction
     * @param bestNode node whose version achieved {@code best}
     */
    public record GroupStatus(String owner, String group, long size, double loss, double best, int bestNode) {}

    /**
     * Counts for the adaptivity bound: m counts the queries that reached the holdout (each released one
     * accept/reject bit); submissions rejected on public data or on quota released nothing about it.
     */
    public Transcript transcript() {
        return new Transcript(n, queries, accepted, repairs, groups.size(), pdl.latestVersion() + 1);
    }

    /** Submissions received so far (holdout queries or not). */
    public long submissionCount() {
        return submissions;
    }

    /** Holdout queries made so far for {@code team}. */
    public int teamQueries(String team) {
        return teamQueries.getOrDefault(team, 0);
    }

    /** Accepted updates so far. */
    public long acceptedCount() {
        return accepted;
    }

    /** Repairs so far. */
    public long repairCount() {
        return repairs;
    }

    /** Predictions of {@code version} on any table with the schema's columns (batched; groups cached per call). */
    public double[] predict(Table table, int version) throws DataFileException, ModelException {
        TableEvaluations eval = table == holdout ? holdoutEval : table == train ? trainEval : new TableEvaluations(table);
        return pdl.predict(version, eval);
    }

    /** The holdout evaluations (cached memberships and predictions). */
    public TableEvaluations holdoutEvaluations() {
        return holdoutEval;
    }

    /** SHA-256 of predictions: 8 big-endian bytes of each double's bits, in row order. */
    public static String predictionHash(double[] predictions) {
        MessageDigest md = Hashing.newSha256();
        // the same bytes as one 8-byte big-endian update per prediction, fed in blocks of 8 KiB
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        for (double p : predictions) {
            if (!buf.hasRemaining()) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putLong(Double.doubleToLongBits(p));
        }
        md.update(buf.array(), 0, buf.position());
        return Hashing.hex(md.digest());
    }

    /** A node as the audit log and the CLI render it. */
    public static Map<String, Object> describe(PointerDecisionList.Node node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", node.id());
        if (node instanceof PointerDecisionList.Base b) {
            m.put("type", "BASE");
            m.put("model", b.model().description());
            m.put("model_sha256", b.model().sha256());
        } else if (node instanceof PointerDecisionList.Leaf l) {
            m.put("type", "LEAF");
            m.put("submission", l.submissionId());
            m.put("group", l.group().description());
            m.put("group_sha256", l.group().sha256());
            m.put("model", l.model().description());
            m.put("model_sha256", l.model().sha256());
            m.put("next", l.next());
        } else {
            PointerDecisionList.Pointer p = (PointerDecisionList.Pointer) node;
            m.put("type", "PTR");
            m.put("owner", p.owner());
            m.put("group", p.group().description());
            m.put("group_sha256", p.group().sha256());
            m.put("target", p.target());
            m.put("next", p.next());
        }
        return m;
    }

    // ---------------------------------------------------------------- audit log

    private void writeGenesis(ModelSpec base, Predictor f0) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "genesis");
        e.put("engine", ENGINE);
        e.put("label", task.labelColumn());
        e.put("loss", task.loss().spelling());
        e.put("classes", task.classes());
        e.put("alpha", config.alpha().toPlainString());
        e.put("repair_alpha", config.repairAlpha().toPlainString());
        e.put("min_group_size", config.minGroupSize());
        e.put("min_group_mass", config.minGroupMass().toPlainString());
        e.put("team_budget", config.teamBudget());
        e.put("global_budget", config.globalBudget());
        e.put("guard", new LinkedHashMap<>(guard.state()));
        e.put("noise", guard.drainNoise());
        e.put("holdout_sha256", holdout.sha256() != null ? holdout.sha256() : predictionHash(y));
        e.put("holdout_rows", n);
        e.put("train_sha256", train.sha256() != null ? train.sha256() : predictionHash(yTrain));
        e.put("train_rows", train.rowCount());
        e.put("schema_sha256", artifacts.schema().fingerprint());
        e.put("base", specMap(base, f0.sha256()));
        e.put("nodes", List.of(describe(pdl.nodes().get(0))));
        e.put("holdout_loss", totalLoss);
        e.put("prediction_sha256", predictionHash(current));
        log.append(e);
    }

    private void logDecision(Submission s, Group g, Predictor h, Map<String, String> guardBefore, Decision d, long holdoutQuery) {
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("id", s.id());
        sub.put("team", s.team());
        if (s.group() instanceof GroupSpec.Predicate p) {
            sub.put("group", Map.of("predicate", p.text()));
        } else {
            GroupSpec.Onnx o = (GroupSpec.Onnx) s.group();
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("onnx", o.file().toString());
            if (o.folder() != null) {
                gm.put("folder", o.folder().toString());
            }
            sub.put("group", gm);
        }
        sub.put("group_sha256", g == null ? null : g.sha256());
        sub.put("model", specMap(s.model(), null));
        sub.put("model_sha256", h == null ? null : h.sha256());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("alpha", config.alpha().toPlainString());
        inputs.put("repair_alpha", config.repairAlpha().toPlainString());
        inputs.put("min_group_size", config.minGroupSize());
        inputs.put("min_group_mass", config.minGroupMass().toPlainString());
        inputs.put("team_budget", config.teamBudget());
        inputs.put("global_budget", config.globalBudget());
        inputs.put("holdout_query", holdoutQuery == 0 ? null : holdoutQuery);
        inputs.put("guard_before", new LinkedHashMap<>(guardBefore));
        inputs.put("noise", guard.drainNoise());
        inputs.put("version_before", d.accepted() ? pdl.latestVersion() - 1 - d.repairs().size() : d.version());
        Map<String, Object> dec = new LinkedHashMap<>();
        dec.put("decision", d.accepted() ? "accepted" : "rejected");
        dec.put("reason", d.reason() == null ? null : d.reason().name());
        dec.put("detail", d.detail());
        dec.put("group_rows", d.groupSize());
        dec.put("error_reduction", d.errorReduction());
        dec.put("holdout_loss", totalLoss);
        List<Object> reps = new ArrayList<>();
        for (Repair r : d.repairs()) {
            reps.add(Map.of("owner", r.groupOwner(), "node", r.node(), "target", r.target(), "error_reduction", r.errorReduction()));
        }
        dec.put("repairs", reps);
        List<Object> newNodes = new ArrayList<>();
        int firstNew = (int) inputs.get("version_before") + 1;
        for (int id = firstNew; id <= pdl.latestVersion(); id++) {
            newNodes.add(describe(pdl.nodes().get(id)));
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "decision");
        e.put("seq", submissions);
        e.put("submission", sub);
        e.put("inputs", inputs);
        e.put("result", dec);
        e.put("version", d.version());
        e.put("new_nodes", newNodes);
        e.put("prediction_sha256", predictionHash(current));
        log.append(e);
    }

    private static Map<String, Object> specMap(ModelSpec spec, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec instanceof ModelSpec.Rule r) {
            m.put("rule", r.predicate());
        } else if (spec instanceof ModelSpec.Constant c) {
            m.put("constant", c.value());
        } else {
            ModelSpec.Onnx o = (ModelSpec.Onnx) spec;
            m.put("onnx", o.file().toString());
            if (o.folder() != null) {
                m.put("folder", o.folder().toString());
            }
        }
        if (sha != null) {
            m.put("sha256", sha);
        }
        return m;
    }
}
