package org.rai4j.privacy.audit;

import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Estimate;
import org.rai4j.core.Intervals;
import org.rai4j.core.ProblemCollector;
import org.rai4j.core.Seeds;
import org.rai4j.core.Splits;
import org.rai4j.core.Table;
import org.rai4j.learn.DenseExamples;
import org.rai4j.learn.DenseNetwork;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Examples;
import org.rai4j.learn.FeatureEncoder;
import org.rai4j.learn.GradientModel;
import org.rai4j.learn.Sgd;
import org.rai4j.learn.TokenExamples;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.DpSgd;
import org.rai4j.privacy.DpSgdConfig;
import org.rai4j.privacy.DpTraining;
import org.rai4j.privacy.NoiseCalibration;
import org.rai4j.privacy.PrivacyRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The use case behind {@code rai4j privacy audit}: train the same model without privacy and with DP-SGD at
 * each theoretical ε, attack every trained model, and put the measured leakage next to the theory.
 *
 * <p>Protocol (all draws from {@link Spec#seed()}):
 * <ol>
 *   <li>A held-out test split ({@link Spec#testFraction()}) measures test accuracy only.</li>
 *   <li>Of the remaining rows, {@link Spec#canaries()} are canaries: their label is replaced by another class
 *       at random (mislabelled canaries, as ML Privacy Meter's DP audit), and each is included in the target's
 *       training data independently with probability ½. The others form the audit pool; each pool row is a
 *       member of the target's training data independently with probability ½.</li>
 *   <li>For each ε (∞ = plain minibatch SGD, else DP-SGD calibrated by the RDP accountant to (ε, δ) with the
 *       same epochs, batch size and step size): K reference models, each trained the same way on a half of
 *       the pool ({@link ReferenceModels}; only when an attack needs them), then the target.</li>
 *   <li>Every attack scores every pool row; {@link AttackMetrics} gives AUC, TPR at 0.1% and 1% FPR and
 *       balanced accuracy with bootstrap intervals. A Clopper–Pearson ε lower bound
 *       ({@link EmpiricalEpsilon}) uses a threshold chosen on a random half of the pool (the selection half)
 *       and counts on the other half — it treats the evaluation rows as independent trials, a heuristic for
 *       rows of one training run.</li>
 *   <li>The one-run bound ({@link CanaryAudit}, Steinke, Nasr, Jagielski 2023) scores the canaries by loss,
 *       guesses IN for the {@code canaries/10} lowest losses and OUT for the {@code canaries/10} highest
 *       (fixed in advance), at δ and β = 1 − confidence.</li>
 * </ol>
 * DP-SGD noise here comes from {@link PrivacyRandom#seededForSimulation}: the audit's models are never
 * released, and a seeded audit can be re-run to the same numbers. Feature scaling and category levels are
 * fitted on all non-test rows without privacy, as in {@code rai4j privacy train}.
 */
public final class PrivacyAudit {
    private static final double[] SELECTION_FRACTIONS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5,
            0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999};

    private PrivacyAudit() {}

    /** The models an audit can train. */
    public enum Model {
        /** Binary logistic regression. */
        LOGISTIC("logistic"),
        /** One hidden ReLU layer. */
        MLP("mlp"),
        /** Embedding bag over hashed words of a text column. */
        EMBEDDING_BAG("embedding-bag");

        private final String id;

        Model(String id) {
            this.id = id;
        }

        /** The command-line name. */
        public String id() {
            return id;
        }

        /** Parses logistic, mlp or embedding-bag. */
        public static Model parse(String text) {
            for (Model m : values()) {
                if (m.id.equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--model must be logistic, mlp or embedding-bag, got '" + text + "'");
        }
    }

    /** The membership-inference attacks. */
    public enum Attack {
        /** Yeom et al.'s loss threshold. */
        LOSS("loss", false),
        /** LiRA offline (OUT reference models only). */
        LIRA_OFFLINE("lira-offline", true),
        /** LiRA online (IN and OUT reference models). */
        LIRA_ONLINE("lira-online", true),
        /** Shokri et al.'s shadow-model attack. */
        SHADOW("shadow", true);

        private final String id;
        private final boolean needsReferences;

        Attack(String id, boolean needsReferences) {
            this.id = id;
            this.needsReferences = needsReferences;
        }

        /** The command-line and JSON name. */
        public String id() {
            return id;
        }

        /** Whether the attack needs reference (shadow) models. */
        public boolean needsReferences() {
            return needsReferences;
        }

        /** Parses loss, lira-offline, lira-online or shadow. */
        public static Attack parse(String text) {
            for (Attack a : values()) {
                if (a.id.equalsIgnoreCase(text.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("--attacks: unknown attack '" + text + "'; expected loss, lira-offline, "
                    + "lira-online or shadow");
        }
    }

    /**
     * What to audit and how.
     *
     * @param label           the categorical label column
     * @param features        feature columns ({@code null}/empty: all but the label and the text column)
     * @param text            the text column for {@link Model#EMBEDDING_BAG}, else {@code null}
     * @param model           the model
     * @param epsilons        theoretical ε values, {@link Double#POSITIVE_INFINITY} for no privacy
     * @param attacks         attacks to run (at least one)
     * @param referenceModels K reference models per ε (≥ 2 when an attack needs them)
     * @param canaries        canaries of the one-run audit (≥ 10)
     * @param epochs          passes over the training rows
     * @param batchSize       (expected) batch size
     * @param clip            DP-SGD clip norm
     * @param learningRate    SGD step size
     * @param hidden          hidden units of the MLP
     * @param buckets         hash buckets of the text model
     * @param dim             embedding dimension of the text model
     * @param delta           δ of DP-SGD and of the bounds
     * @param testFraction    held-out share in (0, 1)
     * @param replicates      bootstrap replicates of the attack metrics
     * @param confidence      interval confidence; β = 1 − confidence for the ε bounds
     * @param seed            the seed of every draw
     * @param concurrency     reference models trained at once (≥ 1)
     */
    public record Spec(String label, List<String> features, String text, Model model, List<Double> epsilons, List<Attack> attacks,
                       int referenceModels, int canaries, int epochs, int batchSize, double clip, double learningRate, int hidden,
                       int buckets, int dim, double delta, double testFraction, int replicates, double confidence, long seed,
                       int concurrency) {
        /** Checks every setting; messages name the command-line option. */
        public Spec {
            features = features == null ? List.of() : List.copyOf(features);
            epsilons = List.copyOf(epsilons);
            attacks = attacks.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(attacks));
            check(label != null && !label.isBlank(), "--label is required");
            check(!epsilons.isEmpty(), "--epsilons needs at least one value, e.g. inf,8,2,1");
            for (double e : epsilons) {
                check(e > 0 && !Double.isNaN(e), "--epsilons: every value must be > 0 or inf, got " + e);
            }
            check(!attacks.isEmpty(), "--attacks needs at least one attack");
            boolean refs = attacks.stream().anyMatch(Attack::needsReferences);
            check(!refs || referenceModels >= 2, "--reference-models must be >= 2 for " + attacks.stream()
                    .filter(Attack::needsReferences).map(Attack::id).toList() + ", got " + referenceModels);
            check(canaries >= 10, "--canaries must be >= 10, got " + canaries);
            check(epochs >= 1 && batchSize >= 1, "--epochs and --batch-size must be >= 1");
            check(clip > 0 && learningRate > 0, "--clip and --learning-rate must be > 0");
            check(hidden >= 1 && buckets >= 1 && dim >= 1, "--hidden, --buckets and --dim must be >= 1");
            check(delta > 0 && delta < 1, "--delta must be in (0, 1), got " + delta);
            check(testFraction > 0 && testFraction < 1, "--test-fraction must be in (0, 1), got " + testFraction);
            check(replicates >= 1, "--replicates must be >= 1, got " + replicates);
            check(confidence > 0.5 && confidence < 1, "--confidence must be in (0.5, 1), got " + confidence);
            check(concurrency >= 1, "concurrency must be >= 1");
            check(model != Model.EMBEDDING_BAG || text != null, "--model embedding-bag needs --text COL, the column holding the text");
        }

        /** Whether some attack needs reference models. */
        public boolean needsReferences() {
            return attacks.stream().anyMatch(Attack::needsReferences);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Progress of an audit (printed by the command line). Called from any thread. */
    public interface Listener {
        /**
         * A model finished training.
         *
         * @param done  models finished so far
         * @param total models in the whole audit
         * @param what  which model, e.g. {@code eps 8: reference model 3 of 16}
         */
        void model(int done, int total, String what);

        /** Something the user should know. */
        void warning(String message);
    }

    /**
     * One attack's outcome on one trained model.
     *
     * @param attack    the attack
     * @param metrics   ROC, AUC, TPR at low FPR, balanced accuracy (intervals at the spec's confidence)
     * @param empirical Clopper–Pearson ε lower bound on the evaluation half, threshold chosen on the selection half
     */
    public record AttackOutcome(Attack attack, AttackMetrics.Result metrics, EmpiricalEpsilon.Bound empirical) {}

    /**
     * One row of the table: the models trained at one theoretical ε.
     *
     * @param theoreticalEpsilon ε (∞ for plain SGD)
     * @param noiseMultiplier    σ of the target's DP-SGD (NaN for plain SGD)
     * @param spentEpsilon       ε the RDP accountant reports for the target's run (∞ for plain SGD)
     * @param testAccuracy       the target's accuracy on the test rows (Wilson interval)
     * @param trainAccuracy      the target's accuracy on its pool members
     * @param attacks            one outcome per attack, in the spec's order
     * @param oneRun             the one-run canary bound
     */
    public record Row(double theoreticalEpsilon, double noiseMultiplier, double spentEpsilon, Estimate testAccuracy,
                      double trainAccuracy, List<AttackOutcome> attacks, OneRunAudit.Bound oneRun) {
        /** Copies the list. */
        public Row {
            attacks = List.copyOf(attacks);
        }
    }

    /**
     * The audit.
     *
     * @param source      the data file
     * @param sha256      hash of the data
     * @param spec        the settings
     * @param shape       the model's shape, e.g. {@code 104 features -> 1 logit (sigmoid), 105 parameters}
     * @param classes     the label's classes
     * @param poolRows    rows of the audit pool
     * @param members     pool rows in the target's training data
     * @param canaryRows  canaries (mislabelled rows)
     * @param canariesIn  canaries in the target's training data
     * @param testRows    held-out rows
     * @param rows        one row per theoretical ε, in the spec's order
     */
    public record Result(String source, String sha256, Spec spec, String shape, List<String> classes, int poolRows, int members,
                         int canaryRows, int canariesIn, int testRows, List<Row> rows) {
        /** Copies the lists. */
        public Result {
            classes = List.copyOf(classes);
            rows = List.copyOf(rows);
        }
    }

    /** Examples of one kind, all rows of the table in one object, and how to make a fresh model. */
    private record Setup<E extends Examples>(E all, Function<int[], E> select, LongFunction<GradientModel<E>> newModel,
                                             String shape) {}

    /**
     * Runs the audit.
     *
     * @throws DataFileException        when a label is missing or a feature value is not usable (each row named)
     * @throws IllegalArgumentException when a column is unknown, the label has the wrong number of classes, or the
     *                                  data is too small for the canaries and the pool
     */
    public static Result run(Table table, Spec spec, Listener listener) throws DataFileException {
        int[] y = labels(table, spec.label());
        List<String> classes = table.column(spec.label()).levels();
        int k = classes.size();
        if (spec.model() == Model.LOGISTIC && k != 2) {
            throw new IllegalArgumentException("--model logistic needs exactly 2 label values in '" + spec.label() + "', found "
                    + k + ": " + classes + " (use --model mlp)");
        }
        int n = table.rowCount();
        if (n < 20) {
            throw new IllegalArgumentException(table.source() + " has " + n + " rows; an audit needs at least 20");
        }
        int[][] split = Splits.trainTest(n, spec.testFraction(), Seeds.derive(spec.seed(), 7));
        int[] nonTest = split[0];
        int[] test = split[1];
        if (spec.canaries() > nonTest.length / 2) {
            throw new IllegalArgumentException("--canaries " + spec.canaries() + " is more than half of the " + nonTest.length
                    + " training rows of " + table.source() + "; use at most " + nonTest.length / 2);
        }
        // canaries: a seeded choice of non-test rows, relabelled to another class
        int[] shuffled = nonTest.clone();
        SplittableRandom rng = Seeds.stream(spec.seed(), 8);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        int[] canaries = Arrays.copyOf(shuffled, spec.canaries());
        Arrays.sort(canaries);
        int[] pool = Arrays.copyOfRange(shuffled, spec.canaries(), shuffled.length);
        Arrays.sort(pool);
        int[] yTrain = y.clone();
        for (int c : canaries) {
            yTrain[c] = (y[c] + 1 + rng.nextInt(k - 1)) % k;
        }
        Table nonTestTable = table.select(nonTest);
        Setup<?> setup = spec.model() == Model.EMBEDDING_BAG ? textSetup(table, spec, yTrain, k)
                : denseSetup(table, nonTestTable, spec, yTrain, k);
        if (!(spec.delta() < 1.0 / (pool.length / 2.0))) {
            listener.warning("--delta " + spec.delta() + " is not below 1/training rows = " + (2.0 / pool.length)
                    + "; a mechanism could then publish a whole row and still claim this delta");
        }
        return audit(setup, table, spec, classes, y, pool, canaries, test, listener);
    }

    private static <E extends Examples> Result audit(Setup<E> s, Table table, Spec spec, List<String> classes, int[] y, int[] pool,
                                                      int[] canaries, int[] test, Listener listener) {
        int k = classes.size();
        boolean[] member = new boolean[pool.length];
        SplittableRandom mr = Seeds.stream(spec.seed(), 11);
        int members = 0;
        for (int i = 0; i < pool.length; i++) {
            member[i] = mr.nextBoolean();
            members += member[i] ? 1 : 0;
        }
        boolean[] canaryIn = CanaryAudit.draw(canaries.length, Seeds.derive(spec.seed(), 12));
        boolean[] selection = new boolean[pool.length];
        SplittableRandom sr = Seeds.stream(spec.seed(), 13);
        for (int i = 0; i < pool.length; i++) {
            selection[i] = sr.nextBoolean();
        }
        int[] targetRows = concat(filter(pool, member, true), filter(canaries, canaryIn, true));
        Arrays.sort(targetRows);
        int[] poolLabels = pick(y, pool);
        E poolData = s.select().apply(pool);
        E canaryData = s.select().apply(canaries);
        E testData = s.select().apply(test);
        E memberData = s.select().apply(filter(pool, member, true));
        int refs = spec.needsReferences() ? spec.referenceModels() : 0;
        int total = spec.epsilons().size() * (1 + refs);
        AtomicInteger done = new AtomicInteger();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < spec.epsilons().size(); r++) {
            double eps = spec.epsilons().get(r);
            String name = "eps " + epsilonText(eps);
            ReferenceModels.Trained<double[]> ref = null;
            if (refs > 0) {
                ref = ReferenceModels.trainEach(refs, pool.length, Seeds.derive(spec.seed(), 200 + r), spec.concurrency(),
                        (rowsIn, seed) -> {
                            Trained<E> t = train(s, spec, pick(pool, rowsIn), eps, seed);
                            return ModelSignals.probabilities(t.model(), poolData);
                        }, m -> listener.model(done.incrementAndGet(), total, name + ": reference model " + (m + 1) + " of " + refs));
            }
            Trained<E> target = train(s, spec, targetRows, eps, Seeds.derive(spec.seed(), 100 + r));
            listener.model(done.incrementAndGet(), total, name + ": target model");
            double[] targetProbs = ModelSignals.probabilities(target.model(), poolData);
            ModelSignals signals = ModelSignals.of(targetProbs, poolLabels, k);
            List<AttackOutcome> outcomes = new ArrayList<>();
            ReferenceModels.Statistics stats = ref == null ? null : statistics(ref, poolLabels, k);
            for (Attack a : spec.attacks()) {
                double[] score = switch (a) {
                    case LOSS -> MembershipAttacks.loss(signals);
                    case LIRA_OFFLINE -> MembershipAttacks.liraOffline(signals.scaledLogit(), stats, true);
                    case LIRA_ONLINE -> MembershipAttacks.liraOnline(signals.scaledLogit(), stats, true);
                    case SHADOW -> ShadowAttack.scores(targetProbs, poolLabels, k, ref.outputs(), ref.in(),
                            Seeds.derive(spec.seed(), 300 + r));
                };
                AttackMetrics.Result metrics = AttackMetrics.of(score, member, spec.replicates(), spec.confidence(),
                        Seeds.derive(spec.seed(), 400 + 10L * r + a.ordinal()));
                outcomes.add(new AttackOutcome(a, metrics, splitBound(score, member, selection, spec.delta(), 1 - spec.confidence())));
            }
            double[] canaryScores = MembershipAttacks.loss(ModelSignals.of(target.model(), canaryData));
            int guesses = canaries.length / 10;
            OneRunAudit.Bound oneRun = CanaryAudit.bound(canaryScores, canaryIn, guesses, guesses, spec.delta(),
                    1 - spec.confidence());
            double acc = target.model().accuracy(testData);
            Estimate testAcc = Estimate.ok(acc, test.length, Intervals.wilson(Math.round(acc * test.length), test.length,
                    spec.confidence()));
            rows.add(new Row(eps, target.sigma(), target.spent(), testAcc, target.model().accuracy(memberData), outcomes, oneRun));
        }
        return new Result(table.source(), table.sha256(), spec, s.shape(), classes, pool.length, members, canaries.length,
                count(canaryIn), test.length, rows);
    }

    /** ε as the command line and the tables write it: {@code inf} or the number without trailing zeros. */
    public static String epsilonText(double eps) {
        if (Double.isInfinite(eps)) {
            return "inf";
        }
        String t = String.format(Locale.ROOT, "%.6f", eps).replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static ReferenceModels.Statistics statistics(ReferenceModels.Trained<double[]> ref, int[] labels, int k) {
        double[][] phi = new double[ref.outputs().size()][];
        for (int m = 0; m < phi.length; m++) {
            phi[m] = ModelSignals.of(ref.outputs().get(m), labels, k).scaledLogit();
        }
        return ReferenceModels.Statistics.of(phi, ref.in());
    }

    /**
     * Clopper–Pearson bound with a threshold chosen on the selection rows (the candidate with the largest bound
     * there, over thresholds that flag a fixed grid of fractions of the selection rows) and counted on the others.
     */
    static EmpiricalEpsilon.Bound splitBound(double[] score, boolean[] member, boolean[] selection, double delta, double beta) {
        List<double[]> sel = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (selection[i]) {
                sel.add(new double[] {score[i], member[i] ? 1 : 0});
            }
        }
        sel.sort((a, b) -> Double.compare(b[0], a[0]));
        long selPos = sel.stream().filter(v -> v[1] == 1).count();
        long selNeg = sel.size() - selPos;
        double best = Double.NaN;
        double bestBound = -1;
        if (selPos > 0 && selNeg > 0) {
            for (double f : SELECTION_FRACTIONS) {
                int cut = (int) Math.round(f * sel.size());
                if (cut < 1 || cut >= sel.size()) {
                    continue;
                }
                double threshold = sel.get(cut - 1)[0];
                long tp = 0;
                long fp = 0;
                for (double[] v : sel) {
                    if (v[0] >= threshold) {
                        if (v[1] == 1) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                double b = EmpiricalEpsilon.clopperPearson(tp, selPos, fp, selNeg, delta, beta).epsilonLowerBound();
                if (b > bestBound) {
                    bestBound = b;
                    best = threshold;
                }
            }
        }
        long tp = 0;
        long fp = 0;
        long pos = 0;
        long neg = 0;
        for (int i = 0; i < score.length; i++) {
            if (selection[i]) {
                continue;
            }
            boolean flagged = !Double.isNaN(best) && score[i] >= best;
            if (member[i]) {
                pos++;
                tp += flagged ? 1 : 0;
            } else {
                neg++;
                fp += flagged ? 1 : 0;
            }
        }
        check(pos > 0 && neg > 0, "the evaluation half of the pool needs members and non-members; use more rows");
        return EmpiricalEpsilon.clopperPearson(tp, pos, fp, neg, delta, beta);
    }

    private record Trained<E extends Examples>(GradientModel<E> model, double sigma, double spent) {}

    private static <E extends Examples> Trained<E> train(Setup<E> s, Spec spec, int[] rows, double eps, long seed) {
        E data = s.select().apply(rows);
        GradientModel<E> m = s.newModel().apply(Seeds.derive(seed, 1));
        if (Double.isInfinite(eps)) {
            Sgd.train(m, data, new Sgd.Config(spec.learningRate(), spec.epochs(), spec.batchSize(), Seeds.derive(seed, 2)), e -> { });
            return new Trained<>(m, Double.NaN, Double.POSITIVE_INFINITY);
        }
        double q = DpTraining.sampleRate(data.size(), spec.batchSize());
        long steps = DpTraining.steps(data.size(), spec.batchSize(), spec.epochs());
        NoiseCalibration.Calibrated c = NoiseCalibration.noiseMultiplier(eps, spec.delta(), q, steps, Accountant.RDP);
        DpSgdConfig config = DpSgdConfig.of(spec.clip(), c.noiseMultiplier(), q, steps, spec.learningRate());
        new DpSgd<>(m, data, config, PrivacyRandom.seededForSimulation(Seeds.derive(seed, 3))).train(st -> { });
        return new Trained<>(m, c.noiseMultiplier(), c.epsilon());
    }

    private static int[] labels(Table table, String label) throws DataFileException {
        if (!table.hasColumn(label)) {
            throw new IllegalArgumentException("--label '" + label + "' is not a column of " + table.source() + " (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        Column c = table.column(label);
        if (!c.isCategorical() || c.levels().size() > 1000) {
            throw new IllegalArgumentException("the label column '" + label + "' must be categorical (at most 1000 distinct values)");
        }
        ProblemCollector problems = new ProblemCollector();
        int[] codes = c.codes();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == Column.MISSING) {
                problems.add(table.problem(i, label, "expected a label, got a missing value"));
            }
        }
        problems.throwIfAny();
        if (c.levels().size() < 2) {
            throw new IllegalArgumentException("the label column '" + label + "' has a single value " + c.levels()
                    + "; need at least 2 classes");
        }
        return codes.clone();
    }

    private static Setup<DenseExamples> denseSetup(Table all, Table nonTest, Spec spec, int[] y, int k) throws DataFileException {
        List<String> cols = new ArrayList<>();
        if (!spec.features().isEmpty()) {
            for (String f : spec.features()) {
                if (!all.hasColumn(f)) {
                    throw new IllegalArgumentException("--features: '" + f + "' is not a column of " + all.source());
                }
                cols.add(f);
            }
        } else {
            for (String name : all.columnNames()) {
                if (!name.equals(spec.label()) && !name.equals(spec.text())) {
                    cols.add(name);
                }
            }
        }
        FeatureEncoder.checkValues(all, cols);
        FeatureEncoder enc = FeatureEncoder.fit(nonTest, cols);
        DenseExamples ex = DenseExamples.of(enc.transform(all), y, k);
        int d = enc.width();
        LongFunction<GradientModel<DenseExamples>> make = spec.model() == Model.LOGISTIC ? seed -> DenseNetwork.logistic(d)
                : seed -> DenseNetwork.mlp(d, new int[] {spec.hidden()}, k, seed);
        GradientModel<DenseExamples> probe = make.apply(0);
        String shape = (spec.model() == Model.LOGISTIC ? d + " features -> 1 logit (sigmoid)"
                : d + " features -> " + spec.hidden() + " ReLU -> " + k + " classes") + ", " + probe.parameterCount() + " parameters";
        return new Setup<>(ex, ex::select, make, shape);
    }

    private static Setup<TokenExamples> textSetup(Table all, Spec spec, int[] y, int k) throws DataFileException {
        if (!all.hasColumn(spec.text())) {
            throw new IllegalArgumentException("--text '" + spec.text() + "' is not a column of " + all.source());
        }
        Column c = all.column(spec.text());
        List<String> texts = new ArrayList<>(all.rowCount());
        for (int i = 0; i < all.rowCount(); i++) {
            String t = c.text(i);
            texts.add(t == null ? "" : t);
        }
        TokenExamples ex = TokenExamples.hashed(texts, y, k, spec.buckets());
        LongFunction<GradientModel<TokenExamples>> make = seed -> EmbeddingBagClassifier.create(spec.buckets(), spec.dim(), k, seed);
        String shape = "embedding bag " + spec.buckets() + " x " + spec.dim() + " -> " + k + " classes, "
                + make.apply(0).parameterCount() + " parameters";
        return new Setup<>(ex, ex::select, make, shape);
    }

    private static int[] filter(int[] rows, boolean[] keep, boolean value) {
        int[] out = new int[rows.length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if (keep[i] == value) {
                out[n++] = rows[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] pick(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            n += x ? 1 : 0;
        }
        return n;
    }

    /** The attacks by name, in the given order (for renderers). */
    public static Map<String, AttackOutcome> byName(Row row) {
        Map<String, AttackOutcome> m = new LinkedHashMap<>();
        for (AttackOutcome o : row.attacks()) {
            m.put(o.attack().id(), o);
        }
        return m;
    }
}
