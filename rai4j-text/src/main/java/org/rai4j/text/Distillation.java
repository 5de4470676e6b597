package org.rai4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.LogisticRegression;

/**
 * Knowledge distillation with counterfactual role reversal (Gupta et al., "Mitigating Gender Bias in Distilled
 * Language Models via Counterfactual Role Reversal", Findings of ACL 2022), at our scale: a teacher text classifier
 * (a logistic head on a frozen sentence encoder, trained on a {@link TemplateCorpus} sample with an injected
 * label–gender bias) is distilled into {@link EmbeddingBagTextClassifier} students by
 * {@link EmbeddingBagTextClassifier#trainSoft soft-target training} on a transfer set T of unlabelled sentences:
 * <ul>
 *   <li><b>base</b>: targets t(x) on T;</li>
 *   <li><b>cda</b> (counterfactual data augmentation of the transfer set): T ∪ swap(T), each with the teacher's own
 *       score;</li>
 *   <li><b>perturb</b> (teacher prediction perturbation): T with targets {@code (t(x) + t(swap x))/2} — the teacher's
 *       output on x mixed with its output on the gender-swapped x, an equal-weight mean (Gupta et al. modify the
 *       teacher's next-token probabilities with those of the counterfactual context; for a binary classifier the mean
 *       of the two probabilities is the natural analogue);</li>
 *   <li><b>cda+perturb</b>: T ∪ swap(T), both copies with the mean target.</li>
 * </ul>
 * Every student uses the same settings and seed. Each model (teacher and students) is measured on the unbiased,
 * noise-free {@link TemplateCorpus#testSet test set}: counterfactual gap mean |f(x) − f(swap x)|, its signed version
 * (female minus male), BPSN gap (male-term mean BPSN AUC minus female-term mean) and accuracy, each with a percentile
 * bootstrap interval over test sentences; each student's difference from base on each metric has a <em>paired</em>
 * interval (the same resample for both). The intervals condition on the trained models: they carry the test set's
 * sampling error, not the variation from retraining with another seed (run again with other seeds for that).
 *
 * <p>Deterministic given the settings and encoder. Thread-safe if the encoder is.
 */
public final class Distillation {
    /** The metrics, in report order. */
    public static final List<String> METRICS = List.of("cf_gap", "cf_signed", "bpsn_gap", "accuracy");
    /** The student variants, in report order. */
    public static final List<String> VARIANTS = List.of("base", "cda", "perturb", "cda+perturb");

    private Distillation() {}

    /**
     * Settings.
     *
     * @param perCell      corpus pool sentences per (gender, label) cell
     * @param teacherTrain the teacher's training sentences
     * @param transferSize transfer-set sentences (before augmentation)
     * @param testSize     test sentences
     * @param labelNoise   label noise of the corpus, in [0, 0.5)
     * @param teacherBias  the injected bias of the teacher's training set, in [−1, 1]
     * @param student      the students' training settings
     * @param head         the teacher's logistic regression
     * @param confidence   the intervals' confidence
     * @param replicates   bootstrap replicates ≥ 100
     * @param seed         master seed
     */
    public record Settings(int perCell, int teacherTrain, int transferSize, int testSize, double labelNoise,
                           double teacherBias, EmbeddingBagTextClassifier.Settings student, LogisticRegression head,
                           double confidence, int replicates, long seed) {
        public Settings {
            Preconditions.checkAtLeast(perCell, 1, "pool sentences per cell");
            Preconditions.checkAtLeast(teacherTrain, 1, "teacher training size");
            Preconditions.checkAtLeast(transferSize, 1, "transfer set size");
            Preconditions.checkAtLeast(testSize, 1, "test size");
            Preconditions.checkArgument(teacherBias >= -1 && teacherBias <= 1, "teacher bias must be in [-1, 1], got " + teacherBias);
            Preconditions.checkNotNull(student, "student");
            Preconditions.checkNotNull(head, "head");
            Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
            Preconditions.checkAtLeast(replicates, 100, "bootstrap replicates");
        }

        /**
         * 250 pool sentences per cell, an 800-sentence teacher training set with bias {@code teacherBias}, a
         * 1,000-sentence transfer set from the same distribution, 400 test sentences, label noise 0.2, 16-d students
         * (2,048 buckets, 20 epochs), an L2 = 1 head, 95% intervals, 1,000 replicates.
         */
        public static Settings defaults(double teacherBias, long seed) {
            return new Settings(250, 800, 1000, 400, 0.2, teacherBias,
                    new EmbeddingBagTextClassifier.Settings(2048, 16, 20, 0.5, 16, seed),
                    new LogisticRegression(1.0, 30, 1e-6), 0.95, 1000, seed);
        }
    }

    /**
     * A measured value and its interval.
     *
     * @param value    the value on the test set
     * @param interval its bootstrap percentile interval (null when too few replicates were defined)
     */
    public record Estimate(double value, Interval interval) {}

    /**
     * One model's metrics.
     *
     * @param model   "teacher" or a variant name
     * @param metrics one estimate per {@link #METRICS} entry, in that order
     */
    public record ModelMetrics(String model, List<Estimate> metrics) {
        /** The estimate of {@code metric} (one of {@link #METRICS}). */
        public Estimate metric(String metric) {
            int i = METRICS.indexOf(metric);
            Preconditions.checkArgument(i >= 0, "unknown metric '" + metric + "', expected one of " + METRICS);
            return metrics.get(i);
        }
    }

    /**
     * The outcome.
     *
     * @param settings    the settings
     * @param teacherName the teacher's name
     * @param teacher     the teacher's metrics
     * @param students    each student's metrics, in {@link #VARIANTS} order
     * @param differences each non-base student's metrics minus base's, paired intervals, in {@link #VARIANTS} order
     *                    (without base)
     * @param studentWeat per student ({@link #VARIANTS} order), the intrinsic score: WEAT on its own embedding rows,
     *                    the test set's female vs male words against its negative vs positive words (the aligned WEAT
     *                    of {@link BiasStudy}; exact permutation p over the C(16, 8) partitions)
     */
    public record Result(Settings settings, String teacherName, ModelMetrics teacher, List<ModelMetrics> students,
                         List<ModelMetrics> differences, List<WeatResult> studentWeat) {}

    /** Trains the teacher on {@code encoder} and runs the distillation. */
    public static Result run(SentenceEncoder encoder, Settings s) {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(s, "settings");
        CachingEncoder cached = new CachingEncoder(encoder);
        List<List<TemplateCorpus.Example>> pool = TemplateCorpus.pool(s.perCell(), s.labelNoise(), Seeds.derive(s.seed(), 2_000));
        List<TemplateCorpus.Example> train = TemplateCorpus.sample(pool, s.teacherTrain(), s.teacherBias(), Seeds.derive(s.seed(), 2_001));
        EncoderHeadClassifier teacher = EncoderHeadClassifier.train(cached, TemplateCorpus.texts(train),
                TemplateCorpus.labels(train), s.head());
        List<String> transfer = TemplateCorpus.texts(TemplateCorpus.sample(pool, s.transferSize(), s.teacherBias(),
                Seeds.derive(s.seed(), 2_002)));
        return distil(teacher, transfer, s);
    }

    /** Distils {@code teacher} over the transfer texts into the four students and measures all five models. */
    public static Result distil(TextClassifier teacher, List<String> transfer, Settings s) {
        GenderSwap swap = GenderSwap.english();
        List<String> swapped = transfer.stream().map(swap::swap).toList();
        double[] t = teacher.scores(transfer);
        double[] ts = teacher.scores(swapped);
        double[] mean = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            mean[i] = (t[i] + ts[i]) / 2;
        }
        List<String> both = new ArrayList<>(transfer);
        both.addAll(swapped);
        List<EmbeddingBagTextClassifier> studentModels = List.of(student(transfer, t, s), student(both, concat(t, ts), s),
                student(transfer, mean, s), student(both, concat(mean, mean), s));
        List<TextClassifier> models = new ArrayList<>();
        models.add(teacher);
        models.addAll(studentModels);
        List<WeatResult> weat = new ArrayList<>();
        for (EmbeddingBagTextClassifier m : studentModels) {
            weat.add(BiasStudy.alignedWeat(m, new WeatOptions(WeatOptions.DEFAULT_PERMUTATIONS, StdConvention.SAMPLE, s.seed())));
        }
        BiasStudy.TestSet test = BiasStudy.TestSet.of(TemplateCorpus.testSet(s.testSize(), Seeds.derive(s.seed(), 2_003)), swap);
        List<BiasStudy.Extrinsic> ex = new ArrayList<>();
        for (TextClassifier m : models) {
            ex.add(BiasStudy.extrinsic(m, test, s.confidence(), 1, s.seed()));
        }
        Measured all = measure(ex, test, 1, s.confidence(), s.replicates(), s.seed());
        List<ModelMetrics> students = new ArrayList<>();
        List<ModelMetrics> diffs = new ArrayList<>();
        for (int v = 0; v < VARIANTS.size(); v++) {
            ModelMetrics m = all.models().get(v + 1);
            students.add(new ModelMetrics(VARIANTS.get(v), m.metrics()));
            if (v > 0) {
                diffs.add(new ModelMetrics(VARIANTS.get(v) + " - base", all.differences().get(v + 1).metrics()));
            }
        }
        ModelMetrics teacherMetrics = new ModelMetrics("teacher", all.models().get(0).metrics());
        return new Result(s, teacher.name(), teacherMetrics, List.copyOf(students), List.copyOf(diffs), List.copyOf(weat));
    }

    /**
     * Point values and percentile intervals of every model's metrics, and of each model's difference from model
     * {@code base} on the same bootstrap resamples of the test rows (paired).
     *
     * @param models      per model, its metrics (name "model i")
     * @param differences per model, its metrics minus model {@code base}'s (all zero for {@code base} itself)
     */
    record Measured(List<ModelMetrics> models, List<ModelMetrics> differences) {}

    static Measured measure(List<BiasStudy.Extrinsic> ex, BiasStudy.TestSet test, int base, double confidence,
                            int replicates, long seed) {
        int n = test.texts().size();
        int k = METRICS.size();
        double[][] point = new double[ex.size()][];
        for (int m = 0; m < ex.size(); m++) {
            point[m] = metrics(ex.get(m), test, identity(n));
        }
        double[][][] reps = new double[ex.size()][k][replicates];
        for (int r = 0; r < replicates; r++) {
            int[] idx = resample(n, Seeds.derive(seed, 10_000 + r));
            for (int m = 0; m < ex.size(); m++) {
                double[] v = metrics(ex.get(m), test, idx);
                for (int j = 0; j < k; j++) {
                    reps[m][j][r] = v[j];
                }
            }
        }
        List<ModelMetrics> models = new ArrayList<>();
        List<ModelMetrics> diffs = new ArrayList<>();
        for (int m = 0; m < ex.size(); m++) {
            models.add(summarise("model " + m, point[m], reps[m], confidence));
            double[] d = new double[k];
            double[][] dr = new double[k][replicates];
            for (int j = 0; j < k; j++) {
                d[j] = point[m][j] - point[base][j];
                for (int r = 0; r < replicates; r++) {
                    dr[j][r] = reps[m][j][r] - reps[base][j][r];
                }
            }
            diffs.add(summarise("model " + m + " - model " + base, d, dr, confidence));
        }
        return new Measured(List.copyOf(models), List.copyOf(diffs));
    }

    private static EmbeddingBagTextClassifier student(List<String> texts, double[] targets, Settings s) {
        return EmbeddingBagTextClassifier.trainSoft(texts, targets, s.student());
    }

    /** cf_gap, cf_signed, bpsn_gap, accuracy of one model on the test rows {@code idx} (repeats allowed). */
    static double[] metrics(BiasStudy.Extrinsic e, BiasStudy.TestSet test, int[] idx) {
        double gap = 0;
        double signed = 0;
        int right = 0;
        for (int i : idx) {
            double d = e.scores()[i] - e.swappedScores()[i];
            gap += Math.abs(d);
            signed += test.examples().get(i).female() ? d : -d;
            right += (e.scores()[i] >= 0.5) == test.labels()[i] ? 1 : 0;
        }
        double male = 0;
        double female = 0;
        for (String term : TemplateCorpus.MALE_WORDS) {
            male += bpsn(e, test, idx, term);
        }
        for (String term : TemplateCorpus.FEMALE_WORDS) {
            female += bpsn(e, test, idx, term);
        }
        return new double[] {gap / idx.length, signed / idx.length,
                male / TemplateCorpus.MALE_WORDS.size() - female / TemplateCorpus.FEMALE_WORDS.size(),
                (double) right / idx.length};
    }

    /** BPSN AUC of {@code term} on the rows {@code idx}: non-toxic mentions against toxic background. */
    private static double bpsn(BiasStudy.Extrinsic e, BiasStudy.TestSet test, int[] idx, String term) {
        double[] subNeg = new double[idx.length];
        double[] bgPos = new double[idx.length];
        int ns = 0;
        int nb = 0;
        for (int i : idx) {
            boolean member = test.examples().get(i).identity().equals(term);
            if (member && !test.labels()[i]) {
                subNeg[ns++] = e.scores()[i];
            } else if (!member && test.labels()[i]) {
                bgPos[nb++] = e.scores()[i];
            }
        }
        return BiasAucs.auc(java.util.Arrays.copyOf(bgPos, nb), java.util.Arrays.copyOf(subNeg, ns));
    }

    private static ModelMetrics summarise(String name, double[] point, double[][] reps, double confidence) {
        List<Estimate> out = new ArrayList<>(point.length);
        for (int k = 0; k < point.length; k++) {
            out.add(new Estimate(point[k], Intervals.percentile(reps[k], confidence)));
        }
        return new ModelMetrics(name, List.copyOf(out));
    }

    private static int[] resample(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
