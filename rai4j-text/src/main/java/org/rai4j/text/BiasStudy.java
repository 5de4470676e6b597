package org.rai4j.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.LogisticRegression;

/**
 * Does an intrinsic bias metric predict an extrinsic one? (Issue 15 item 9; Cao et al., ACL 2022, found that across
 * 19 models they largely do not, and that evaluating the two on different terms and contexts is part of why.)
 *
 * <p>A family of models is trained on {@link TemplateCorpus} training sets whose injected label–gender bias runs
 * over an even grid from −maxBias to +maxBias (every third model trained with counterfactual data augmentation: each
 * sentence and its {@link GenderSwap} swap), each with its own seed; the same training sets train two model types:
 * <ul>
 *   <li><b>embedding-bag</b>: {@link EmbeddingBagTextClassifier}; its embedding rows are word vectors, so its
 *       intrinsic metric is WEAT (sample std) on its own rows;</li>
 *   <li><b>encoder-head</b>: {@link EncoderHeadClassifier}, a logistic head on a frozen sentence encoder (MiniLM);
 *       its intrinsic metric is SEAT on the encoder — the same for every head, so it cannot rank the heads (the
 *       correlation is undefined, reported as such).</li>
 * </ul>
 * Intrinsic metrics, each an effect size oriented so that positive means "female goes with the label-1 side":
 * <ul>
 *   <li><b>aligned</b>: the test set's own gender words (X female, Y male) against its own sentiment words
 *       (A negative, B positive); SEAT puts them into the test set's templates (gender words with the neutral
 *       "busy", sentiment words with "person");</li>
 *   <li><b>misaligned</b>: the standard WEAT 6 lists — Caliskan's female/male names against family/career words
 *       (SEAT: in SEAT's templates) — other identity terms and other contexts than the extrinsic test.</li>
 * </ul>
 * Extrinsic metrics on the {@link TemplateCorpus#testSet test set} (gender words, unbiased, noise-free): the
 * counterfactual gap (mean |f(x) − f(swap x)|, {@link CounterfactualGap}), its signed version (mean of
 * f(female version) − f(male version)), the BPSN gap (mean BPSN AUC of the male terms minus that of the female terms,
 * {@link BiasAucs}; positive when non-toxic female mentions outscore toxic background) and accuracy. Correlations
 * across the models are Pearson's and Spearman's with Fisher z intervals ({@link Correlation}): signed intrinsic
 * against the signed extrinsic metrics, |intrinsic| against the unsigned gap.
 *
 * <p>Deterministic given the settings and encoder. Thread-safe if the encoder is.
 */
public final class BiasStudy {
    /** The neutral adjective that fills the sentiment slot of the aligned SEAT's target sentences. */
    static final String NEUTRAL = "busy";

    private BiasStudy() {}

    /**
     * Study settings.
     *
     * @param models     models per type, ≥ 4 (the correlation needs n ≥ 4)
     * @param perCell    training-pool sentences per (gender, label) cell
     * @param trainSize  training sentences per model (before augmentation)
     * @param testSize   extrinsic test sentences
     * @param labelNoise probability that a training sentence's sentiment word contradicts its label, in [0, 0.5)
     * @param maxBias    the largest |bias| of the grid, in [0, 1]
     * @param confidence the correlation intervals' confidence
     * @param bag        embedding-bag training settings (its seed is replaced by each model's seed)
     * @param head       the encoder head's logistic regression
     * @param seed       master seed: pool, test set and each model's seed derive from it
     */
    public record Settings(int models, int perCell, int trainSize, int testSize, double labelNoise, double maxBias,
                           double confidence, EmbeddingBagTextClassifier.Settings bag, LogisticRegression head,
                           long seed) {
        public Settings {
            Preconditions.checkAtLeast(models, 4, "models per type");
            Preconditions.checkAtLeast(perCell, 1, "pool sentences per cell");
            Preconditions.checkAtLeast(trainSize, 1, "training size");
            Preconditions.checkAtLeast(testSize, 1, "test size");
            Preconditions.checkArgument(labelNoise >= 0 && labelNoise < 0.5, "label noise must be in [0, 0.5), got " + labelNoise);
            Preconditions.checkArgument(maxBias >= 0 && maxBias <= 1, "max bias must be in [0, 1], got " + maxBias);
            Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
            Preconditions.checkNotNull(bag, "bag");
            Preconditions.checkNotNull(head, "head");
        }

        /**
         * The small default run: {@code models} per type, 250 pool sentences per cell, 800 training and 400 test
         * sentences, label noise 0.2, bias grid ±0.8, 95% intervals, 16-d embedding bags (2,048 buckets, 20
         * epochs), an L2 = 1 logistic head.
         */
        public static Settings defaults(int models, long seed) {
            return new Settings(models, 250, 800, 400, 0.2, 0.8, 0.95,
                    new EmbeddingBagTextClassifier.Settings(2048, 16, 20, 0.5, 16, seed),
                    new LogisticRegression(1.0, 30, 1e-6), seed);
        }
    }

    /**
     * One trained model's metrics.
     *
     * @param type                "embedding-bag" or "encoder-head"
     * @param index               its index in the family (0-based)
     * @param bias                the training set's injected bias
     * @param augmented           whether it was trained with counterfactual augmentation
     * @param seed                its seed
     * @param intrinsicAligned    aligned effect size (WEAT on its rows, or SEAT on the encoder)
     * @param intrinsicMisaligned misaligned effect size (WEAT 6 lists)
     * @param cfGap               counterfactual gap mean |f(x) − f(swap x)|
     * @param cfSigned            mean f(female version) − f(male version)
     * @param bpsnGap             mean BPSN AUC of the male terms − that of the female terms
     * @param accuracy            test accuracy at threshold ½
     */
    public record ModelMetrics(String type, int index, double bias, boolean augmented, long seed,
                               double intrinsicAligned, double intrinsicMisaligned, double cfGap, double cfSigned,
                               double bpsnGap, double accuracy) {}

    /**
     * One correlation across a model family.
     *
     * @param type      the model type
     * @param alignment "misaligned" or "aligned"
     * @param intrinsic the intrinsic variable ("d" signed or "|d|")
     * @param extrinsic the extrinsic variable ("cf_signed", "bpsn_gap", "cf_gap")
     * @param pearson   Pearson's r and interval
     * @param spearman  Spearman's ρ and interval
     */
    public record CorrelationRow(String type, String alignment, String intrinsic, String extrinsic,
                                 Correlation.Estimate pearson, Correlation.Estimate spearman) {}

    /**
     * The study's outcome.
     *
     * @param settings     the settings
     * @param encoder      the sentence encoder's name
     * @param seatAligned  SEAT on the encoder, aligned lists (the encoder-head family's intrinsic value)
     * @param seatMisaligned SEAT on the encoder, WEAT 6 lists
     * @param models       every model's metrics, embedding-bag models first
     * @param correlations the correlation table
     */
    public record Result(Settings settings, String encoder, SeatResult seatAligned, SeatResult seatMisaligned,
                         List<ModelMetrics> models, List<CorrelationRow> correlations) {}

    /** Runs the study with {@code encoder} as the encoder-head family's frozen encoder. */
    public static Result run(SentenceEncoder encoder, Settings s) {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(s, "settings");
        CachingEncoder cached = new CachingEncoder(encoder);
        GenderSwap swap = GenderSwap.english();
        List<List<TemplateCorpus.Example>> pool = TemplateCorpus.pool(s.perCell(), s.labelNoise(), Seeds.derive(s.seed(), 1_000));
        TestSet test = TestSet.of(TemplateCorpus.testSet(s.testSize(), Seeds.derive(s.seed(), 1_001)), swap);
        WeatOptions weat = new WeatOptions(1_000, StdConvention.SAMPLE, s.seed());
        SeatResult seatAligned = Seat.test(cached, alignedTargets(TemplateCorpus.FEMALE_WORDS),
                alignedTargets(TemplateCorpus.MALE_WORDS), alignedAttributes(TemplateCorpus.NEGATIVE_WORDS),
                alignedAttributes(TemplateCorpus.POSITIVE_WORDS), SeatInput.SENTENCES, weat);
        SeatResult seatMisaligned = Seat.test(cached, WeatWordLists.load("female-names"), WeatWordLists.load("male-names"),
                WeatWordLists.load("family"), WeatWordLists.load("career"), SeatInput.WORDS, weat);
        List<ModelMetrics> bags = new ArrayList<>();
        List<ModelMetrics> heads = new ArrayList<>();
        for (int i = 0; i < s.models(); i++) {
            double bias = s.models() == 1 ? 0 : -s.maxBias() + 2 * s.maxBias() * i / (s.models() - 1);
            boolean augmented = i % 3 == 2;
            long seed = Seeds.derive(s.seed(), i);
            List<TemplateCorpus.Example> train = TemplateCorpus.sample(pool, s.trainSize(), bias, seed);
            List<String> texts = new ArrayList<>(TemplateCorpus.texts(train));
            int[] labels = TemplateCorpus.labels(train);
            if (augmented) {
                texts.addAll(texts.stream().map(swap::swap).toList());
                labels = concat(labels, labels);
            }
            EmbeddingBagTextClassifier.Settings b = s.bag();
            EmbeddingBagTextClassifier bag = EmbeddingBagTextClassifier.train(texts, labels,
                    new EmbeddingBagTextClassifier.Settings(b.buckets(), b.dim(), b.epochs(), b.learningRate(), b.batchSize(), seed));
            bags.add(metrics("embedding-bag", i, bias, augmented, seed, alignedWeat(bag, weat).effectSize(),
                    wordWeat(bag, WeatWordLists.load("female-names"), WeatWordLists.load("male-names"),
                            WeatWordLists.load("family"), WeatWordLists.load("career"), weat), bag, test, s));
            EncoderHeadClassifier head = EncoderHeadClassifier.train(cached, texts, labels, s.head());
            heads.add(metrics("encoder-head", i, bias, augmented, seed, seatAligned.weat().effectSize(),
                    seatMisaligned.weat().effectSize(), head, test, s));
        }
        List<CorrelationRow> rows = new ArrayList<>();
        correlate("embedding-bag", bags, s.confidence(), rows);
        correlate("encoder-head", heads, s.confidence(), rows);
        List<ModelMetrics> all = new ArrayList<>(bags);
        all.addAll(heads);
        return new Result(s, encoder.name(), seatAligned, seatMisaligned, List.copyOf(all), List.copyOf(rows));
    }

    /** The test set's templates with each gender word and the neutral adjective. */
    static List<String> alignedTargets(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            for (String t : TemplateCorpus.TEST_TEMPLATES) {
                out.add(fill(t, w, NEUTRAL));
            }
        }
        return out;
    }

    /** The test set's templates with "person" and each sentiment word. */
    static List<String> alignedAttributes(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            for (String t : TemplateCorpus.TEST_TEMPLATES) {
                out.add(fill(t, "person", w));
            }
        }
        return out;
    }

    private static String fill(String template, String identity, String sentiment) {
        return template.replace("{P}", identity).replace("{S}", sentiment);
    }

    /** WEAT effect size on an embedding bag's own rows for the four word lists. */
    static double wordWeat(EmbeddingBagTextClassifier m, List<String> x, List<String> y, List<String> a, List<String> b,
                           WeatOptions options) {
        return Weat.test(rows(m, x), rows(m, y), rows(m, a), rows(m, b), options).effectSize();
    }

    /**
     * The aligned WEAT on an embedding bag's own rows: the test set's female vs male words against its negative vs
     * positive words.
     */
    static WeatResult alignedWeat(EmbeddingBagTextClassifier m, WeatOptions options) {
        return Weat.test(rows(m, TemplateCorpus.FEMALE_WORDS), rows(m, TemplateCorpus.MALE_WORDS),
                rows(m, TemplateCorpus.NEGATIVE_WORDS), rows(m, TemplateCorpus.POSITIVE_WORDS), options);
    }

    private static List<double[]> rows(EmbeddingBagTextClassifier m, List<String> words) {
        List<double[]> out = new ArrayList<>(words.size());
        for (String w : words) {
            int[] t = m.tokens(w);
            Preconditions.checkArgument(t.length == 1, "'" + w + "' is not a single word");
            out.add(m.embedding(t[0]));
        }
        return out;
    }

    /** The extrinsic test set with its swaps. */
    record TestSet(List<TemplateCorpus.Example> examples, List<String> texts, List<String> swapped, String[] textArray,
                   boolean[] labels, List<String> terms) {
        static TestSet of(List<TemplateCorpus.Example> examples, GenderSwap swap) {
            List<String> texts = TemplateCorpus.texts(examples);
            boolean[] labels = new boolean[examples.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = examples.get(i).label() == 1;
            }
            List<String> terms = new ArrayList<>(TemplateCorpus.MALE_WORDS);
            terms.addAll(TemplateCorpus.FEMALE_WORDS);
            return new TestSet(examples, texts, texts.stream().map(swap::swap).toList(), texts.toArray(String[]::new),
                    labels, List.copyOf(terms));
        }
    }

    /**
     * Extrinsic metrics of one classifier on the test set.
     *
     * @param gap      the counterfactual gap
     * @param signed   mean f(female version) − f(male version)
     * @param bpsnGap  mean male-term BPSN − mean female-term BPSN
     * @param accuracy accuracy at ½
     * @param aucs     the bias AUCs
     * @param scores   the classifier's scores on the test texts
     * @param swappedScores its scores on their swaps
     */
    record Extrinsic(CounterfactualGap.Result gap, double signed, double bpsnGap, double accuracy, BiasAucResult aucs,
                     double[] scores, double[] swappedScores) {}

    static Extrinsic extrinsic(TextClassifier f, TestSet test, double confidence, int replicates, long seed) {
        double[] p = f.scores(test.texts());
        double[] q = f.scores(test.swapped());
        Map<String, Double> lookup = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            lookup.put(test.texts().get(i), p[i]);
            lookup.put(test.swapped().get(i), q[i]);
        }
        ToDoubleFunction<String> scorer = lookup::get;
        CounterfactualGap.Result gap = CounterfactualGap.measure(test.texts(), scorer, GenderSwap.english(), confidence,
                replicates, seed);
        BiasAucResult aucs = BiasAucs.compute(test.textArray(), test.labels(), p, test.terms());
        return new Extrinsic(gap, signedGap(test.examples(), p, q), bpsnGap(aucs), accuracy(p, test.labels()), aucs, p, q);
    }

    /** Mean over texts of f(female version) − f(male version). */
    static double signedGap(List<TemplateCorpus.Example> examples, double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += examples.get(i).female() ? p[i] - q[i] : q[i] - p[i];
        }
        return s / p.length;
    }

    /** Mean BPSN AUC of the male terms minus that of the female terms. */
    static double bpsnGap(BiasAucResult aucs) {
        double male = 0;
        double female = 0;
        for (String t : TemplateCorpus.MALE_WORDS) {
            male += aucs.identities().get(t).bpsnAuc();
        }
        for (String t : TemplateCorpus.FEMALE_WORDS) {
            female += aucs.identities().get(t).bpsnAuc();
        }
        return male / TemplateCorpus.MALE_WORDS.size() - female / TemplateCorpus.FEMALE_WORDS.size();
    }

    static double accuracy(double[] p, boolean[] labels) {
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] >= 0.5) == labels[i]) {
                right++;
            }
        }
        return (double) right / p.length;
    }

    private static ModelMetrics metrics(String type, int index, double bias, boolean augmented, long seed,
                                        double aligned, double misaligned, TextClassifier f, TestSet test, Settings s) {
        Extrinsic e = extrinsic(f, test, s.confidence(), 1, seed);
        return new ModelMetrics(type, index, bias, augmented, seed, aligned, misaligned, e.gap().gap(), e.signed(),
                e.bpsnGap(), e.accuracy());
    }

    private static void correlate(String type, List<ModelMetrics> ms, double confidence, List<CorrelationRow> rows) {
        double[] cfGap = ms.stream().mapToDouble(ModelMetrics::cfGap).toArray();
        double[] cfSigned = ms.stream().mapToDouble(ModelMetrics::cfSigned).toArray();
        double[] bpsn = ms.stream().mapToDouble(ModelMetrics::bpsnGap).toArray();
        for (String alignment : List.of("misaligned", "aligned")) {
            double[] d = ms.stream().mapToDouble(m -> alignment.equals("aligned") ? m.intrinsicAligned()
                    : m.intrinsicMisaligned()).toArray();
            double[] absD = java.util.Arrays.stream(d).map(Math::abs).toArray();
            rows.add(row(type, alignment, "d", "cf_signed", d, cfSigned, confidence));
            rows.add(row(type, alignment, "d", "bpsn_gap", d, bpsn, confidence));
            rows.add(row(type, alignment, "|d|", "cf_gap", absD, cfGap, confidence));
        }
    }

    private static CorrelationRow row(String type, String alignment, String xName, String yName, double[] x, double[] y,
                                      double confidence) {
        return new CorrelationRow(type, alignment, xName, yName, Correlation.pearson(x, y, confidence),
                Correlation.spearman(x, y, confidence));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
