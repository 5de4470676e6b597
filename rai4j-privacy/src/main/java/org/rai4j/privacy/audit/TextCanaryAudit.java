package org.rai4j.privacy.audit;

import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;
import org.rai4j.learn.EmbeddingBagClassifier;
import org.rai4j.learn.Sgd;
import org.rai4j.learn.TokenExamples;
import org.rai4j.privacy.Accountant;
import org.rai4j.privacy.DpSgd;
import org.rai4j.privacy.DpSgdConfig;
import org.rai4j.privacy.DpTraining;
import org.rai4j.privacy.NoiseCalibration;
import org.rai4j.privacy.PrivacyRandom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Secret-Sharer canaries for the embedding-bag text classifier (Carlini et al. 2019; the open-box NLU setting of
 * Parikh, Dupuy and Gupta 2022): a secret utterance {@code "my pin is NNNN"} — NNNN one of 10^digits codes — with
 * the intent label 0 is inserted k times into a training corpus; after training, every code of the space is
 * scored by the model's loss on that label ({@code −ln p(label | "my pin is " + code)}), which gives the secret's
 * exact rank, its exposure by {@link Exposure#enumeration enumeration} and by skew-normal
 * {@link Exposure#extrapolation extrapolation} from a sample of other codes, and the outcome of the extraction
 * attack that tries every code and keeps the one the model scores best (success = rank 1, the search over token
 * sequences maximising the target class score, exhaustive because the space is small).
 *
 * <p>The corpus is synthetic (four intents from templates, {@link #corpus}); training is plain minibatch SGD for
 * ε = ∞ and DP-SGD (RDP-calibrated, seeded simulation noise) otherwise. A secret inserted k times is protected by
 * group privacy only: k·ε at most for pure DP (and worse δ), so the theoretical protection weakens with k.
 */
public final class TextCanaryAudit {
    private static final String[] SONGS = {"yellow", "submarine", "purple", "rain", "blue", "moon", "river", "dance", "night", "fever"};
    private static final String[] ARTISTS = {"adele", "queen", "prince", "madonna", "shakira", "drake", "bowie", "abba"};
    private static final String[] CITIES = {"london", "paris", "berlin", "seattle", "tokyo", "madrid", "boston", "dublin"};
    private static final String[] DAYS = {"today", "tomorrow", "monday", "friday", "tonight", "weekend"};
    private static final String[] TIMES = {"six", "seven", "eight", "nine", "noon", "midnight", "half", "past"};
    private static final String[] NAMES = {"mum", "dad", "alice", "bob", "carol", "dave", "erin", "frank"};
    private static final String[] DEVICES = {"mobile", "home", "office", "speaker", "phone"};
    /** The intents of the synthetic corpus, in label order; the secret carries label 0. */
    public static final List<String> INTENTS = List.of("account", "music", "weather", "alarm", "call");

    private TextCanaryAudit() {}

    /**
     * What to measure.
     *
     * @param digits          digits of the secret code: the space holds 10^digits codes (1..6)
     * @param insertions      how many times the secret is inserted, one model per value
     * @param epsilons        theoretical ε per model, ∞ for plain SGD
     * @param repeats         secrets (and models) per (ε, insertions)
     * @param corpusSize      training utterances besides the secret
     * @param epochs          passes over the training data
     * @param batchSize       (expected) batch size
     * @param clip            DP-SGD clip norm
     * @param learningRate    step size
     * @param buckets         hash buckets (embedding rows)
     * @param dim             embedding dimension
     * @param delta           δ of DP-SGD
     * @param referenceSample codes sampled for the extrapolation fit
     * @param seed            seed of corpus, secrets, models and noise
     */
    public record Spec(int digits, List<Integer> insertions, List<Double> epsilons, int repeats, int corpusSize, int epochs,
                       int batchSize, double clip, double learningRate, int buckets, int dim, double delta, int referenceSample,
                       long seed) {
        public Spec {
            insertions = List.copyOf(insertions);
            epsilons = List.copyOf(epsilons);
            Preconditions.checkArgument(digits >= 1 && digits <= 6, "digits must be in 1..6, got " + digits);
            Preconditions.checkArgument(!insertions.isEmpty() && insertions.stream().allMatch(k -> k >= 1),
                    "insertion counts must be >= 1");
            Preconditions.checkArgument(!epsilons.isEmpty() && epsilons.stream().allMatch(e -> e > 0), "epsilons must be > 0 or inf");
            Preconditions.checkArgument(repeats >= 1 && corpusSize >= 10 && epochs >= 1 && batchSize >= 1, "repeats, corpus size, "
                    + "epochs and batch size must be positive (corpus >= 10)");
            Preconditions.checkArgument(referenceSample >= 3 && referenceSample < Math.pow(10, digits),
                    "the reference sample must hold 3 to 10^digits - 1 codes");
        }
    }

    /**
     * One secret in one model.
     *
     * @param epsilon       theoretical ε (∞ for plain SGD)
     * @param insertions    times the secret was in the training data
     * @param secret        the secret code
     * @param rank          its exact rank among all codes (1 = the model's favourite)
     * @param enumeration   exposure by enumeration (bits; max log₂ 10^digits)
     * @param extrapolation exposure by skew-normal extrapolation from the reference sample (bits), with its
     *                      95% bootstrap interval (200 resamples)
     * @param extracted     whether the exhaustive extraction attack returns the secret (rank 1, no tie)
     * @param testAccuracy  the model's intent accuracy on a fresh corpus
     */
    public record Measurement(double epsilon, int insertions, String secret, long rank, double enumeration,
                              Exposure.Extrapolated extrapolation,
                              boolean extracted, double testAccuracy) {}

    /**
     * A synthetic NLU corpus: utterances of four intents (music, weather, alarm, call; labels 1..4) from templates
     * with random slot words. Label 0 ("account") is the secret's.
     *
     * @return texts and labels
     */
    public static Corpus corpus(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int intent = 1 + rng.nextInt(4);
            labels[i] = intent;
            texts.add(switch (intent) {
                case 1 -> "play " + pick(SONGS, rng) + " " + pick(SONGS, rng) + " by " + pick(ARTISTS, rng);
                case 2 -> "what is the weather in " + pick(CITIES, rng) + " " + pick(DAYS, rng);
                case 3 -> "set an alarm for " + pick(TIMES, rng) + " " + pick(DAYS, rng);
                default -> "call " + pick(NAMES, rng) + " on " + pick(DEVICES, rng);
            });
        }
        return new Corpus(texts, labels);
    }

    /** Texts with their labels. */
    public record Corpus(List<String> texts, int[] labels) {
        public Corpus {
            texts = List.copyOf(texts);
            labels = labels.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /** The secret utterance for a code. */
    public static String canary(String code) {
        return "my pin is " + code;
    }

    /** Runs every (ε, insertions, repeat) model; {@code done} hears each measurement as it is made. */
    public static List<Measurement> run(Spec spec, Consumer<Measurement> done) {
        int space = (int) Math.round(Math.pow(10, spec.digits()));
        Corpus train = corpus(spec.corpusSize(), Seeds.derive(spec.seed(), 1));
        Corpus test = corpus(1000, Seeds.derive(spec.seed(), 2));
        TokenExamples testData = TokenExamples.hashed(test.texts(), test.labels(), INTENTS.size(), spec.buckets());
        List<String> candidates = new ArrayList<>(space);
        for (int c = 0; c < space; c++) {
            candidates.add(canary(code(c, spec.digits())));
        }
        TokenExamples candidateData = TokenExamples.hashed(candidates, new int[space], INTENTS.size(), spec.buckets());
        List<Measurement> out = new ArrayList<>();
        SplittableRandom secrets = Seeds.stream(spec.seed(), 3);
        for (int e = 0; e < spec.epsilons().size(); e++) {
            for (int kIndex = 0; kIndex < spec.insertions().size(); kIndex++) {
                for (int rep = 0; rep < spec.repeats(); rep++) {
                    int secret = secrets.nextInt(space);
                    long seed = Seeds.derive(spec.seed(), 1000L * e + 100L * kIndex + rep + 10);
                    Measurement m = measure(spec, train, testData, candidateData, secret, spec.epsilons().get(e),
                            spec.insertions().get(kIndex), seed);
                    out.add(m);
                    done.accept(m);
                }
            }
        }
        return out;
    }

    private static Measurement measure(Spec spec, Corpus corpus, TokenExamples testData, TokenExamples candidates, int secret,
                                       double eps, int k, long seed) {
        List<String> texts = new ArrayList<>(corpus.texts());
        int[] base = corpus.labels();
        int[] labels = new int[base.length + k];
        System.arraycopy(base, 0, labels, 0, base.length);
        String code = code(secret, spec.digits());
        for (int i = 0; i < k; i++) {
            texts.add(canary(code));
        }
        TokenExamples data = TokenExamples.hashed(texts, labels, INTENTS.size(), spec.buckets());
        EmbeddingBagClassifier model = EmbeddingBagClassifier.create(spec.buckets(), spec.dim(), INTENTS.size(), Seeds.derive(seed, 1));
        if (Double.isInfinite(eps)) {
            Sgd.train(model, data, new Sgd.Config(spec.learningRate(), spec.epochs(), spec.batchSize(), Seeds.derive(seed, 2)), x -> { });
        } else {
            double q = DpTraining.sampleRate(data.size(), spec.batchSize());
            long steps = DpTraining.steps(data.size(), spec.batchSize(), spec.epochs());
            double sigma = NoiseCalibration.noiseMultiplier(eps, spec.delta(), q, steps, Accountant.RDP).noiseMultiplier();
            new DpSgd<>(model, data, DpSgdConfig.of(spec.clip(), sigma, q, steps, spec.learningRate()),
                    PrivacyRandom.seededForSimulation(Seeds.derive(seed, 3))).train(s -> { });
        }
        double[] loss = ModelSignals.of(model, candidates).logProbability();
        for (int i = 0; i < loss.length; i++) {
            loss[i] = -loss[i];
        }
        long rank = Exposure.rank(secret, loss);
        double[] refs = referenceSample(loss, secret, spec.referenceSample(), Seeds.derive(seed, 4));
        return new Measurement(eps, k, code, rank, Exposure.enumeration(secret, loss),
                Exposure.extrapolation(loss[secret], refs, 200, 0.95, Seeds.derive(seed, 5)),
                rank == 1, model.accuracy(testData));
    }

    /** {@code size} scores of codes other than the secret, drawn without replacement. */
    static double[] referenceSample(double[] scores, int secret, int size, long seed) {
        int n = scores.length;
        int[] idx = new int[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != secret) {
                idx[j++] = i;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = scores[idx[i]];
        }
        return out;
    }

    private static String code(int c, int digits) {
        return String.format(Locale.ROOT, "%0" + digits + "d", c);
    }

    private static String pick(String[] words, SplittableRandom rng) {
        return words[rng.nextInt(words.length)];
    }
}
