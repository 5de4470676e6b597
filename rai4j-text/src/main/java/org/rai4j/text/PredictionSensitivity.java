package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;

/**
 * Accumulated prediction sensitivity (Krishna et al. 2022, "Measuring fairness of text classifiers via prediction
 * sensitivity", after Maughan &amp; Near 2020): how much a classifier's score F(x) = P(label 1 | x) moves when the
 * input features that carry protected status move, {@code APS(x) = Σ_j |∂F/∂x_j| · v_j(x)}, with element-wise
 * absolute values so that sensitivities accumulate instead of cancelling, and a protected direction v ≥ 0 with
 * Σ_j v_j = 1. The dataset score is the mean over texts; higher is less fair.
 *
 * <p><b>Input features.</b> The features x_j are the counts of the distinct words of the text (rai4j's tokenisation:
 * lower-cased runs of letters and digits), restricted to the words present in x (the spec leaves open whether v covers
 * absent features; here it covers present ones, so a text is scored on its own words). We do not use the embedding
 * coordinates: in a mean-of-embeddings model the gradient with respect to every token's embedding is the same vector
 * {@code p(1−p)·d/n} (d = W₁ − W₀, n tokens), so per-token accumulation over embeddings could not tell an identity word
 * from any other. Over word counts the closed form of {@link EmbeddingBagTextClassifier} is
 * {@code ∂F/∂x_w = p(1−p) · d·(e_w − h) / n} (e_w the word's embedding row, h the mean embedding), which differs per
 * word. For a linear bag-of-words logistic model {@code F = σ(θ·x + b)} it is {@code p(1−p)·θ_w}, and APS is
 * {@code p(1−p) Σ_w |θ_w| v_w}.</p>
 *
 * <p><b>Protected direction</b> (one of): a <i>lexicon</i> of identity words, {@code v_w = 1/k} for the k distinct
 * lexicon words in the text (texts without one are left out and counted); or a <i>protected-status model</i> G (an
 * embedding-bag classifier predicting protected status from text, e.g. trained by {@code rai4j text train} on a
 * gender column), {@code v = |∇_x G| / ‖∇_x G‖₁} over the text's words (the L1 normalisation is our choice, marked
 * [memory] in the spec; texts where G's gradient vanishes, e.g. one distinct word, are left out).</p>
 *
 * <p><b>Black boxes.</b> A classifier known only through its scores (an HTTP endpoint) has no gradient; for it
 * {@link Method#OCCLUSION occlusion sensitivity} replaces each derivative by the change when the word is deleted,
 * {@code S(x) = Σ_w |F(x) − F(x without w)| · v_w} (v from the lexicon, or from G's own occlusion changes, normalised).
 * It is a different quantity from APS and is reported under its own name. Pure functions; thread-safe.</p>
 */
public final class PredictionSensitivity {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private PredictionSensitivity() {}

    /** How the derivatives are obtained. */
    public enum Method {
        /** Closed-form gradient of an {@link EmbeddingBagTextClassifier}: accumulated prediction sensitivity. */
        GRADIENT,
        /** Deleting each word and rescoring: occlusion sensitivity (any classifier). */
        OCCLUSION
    }

    /** Where the protected direction comes from. */
    public sealed interface Protected permits Lexicon, ProtectedModel {
        /** A short description for reports. */
        String describe();
    }

    /**
     * A lexicon of identity words (matched lower-cased, as whole words).
     *
     * @param terms the words, lower-cased
     * @param name  where they came from (a file name)
     */
    public record Lexicon(Set<String> terms, String name) implements Protected {
        /** Lower-cases and copies the terms. */
        public Lexicon {
            Preconditions.checkArgument(!terms.isEmpty(), "the protected-terms lexicon is empty");
            terms = terms.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        @Override
        public String describe() {
            return "lexicon " + name + " (" + terms.size() + " terms)";
        }
    }

    /** @param model a classifier of protected status over the same texts */
    public record ProtectedModel(EmbeddingBagTextClassifier model) implements Protected {
        @Override
        public String describe() {
            return "protected-status model " + model.name();
        }
    }

    /**
     * The distinct words of a text, in order of first appearance, with their counts.
     *
     * @param words  distinct lower-cased words
     * @param counts how often each occurs
     */
    public record Words(List<String> words, int[] counts) {
        /** Copies. */
        public Words {
            words = List.copyOf(words);
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        /** The total number of words. */
        public int total() {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            return n;
        }
    }

    /**
     * A measured dataset score.
     *
     * @param model      the classifier's name
     * @param source     the data file as given
     * @param protect    the protected direction's description
     * @param method     gradient (APS) or occlusion
     * @param texts      texts read
     * @param evaluated  texts with a protected direction (lexicon word present, or G's gradient non-zero)
     * @param mean       the mean sensitivity over the evaluated texts (NaN when none)
     * @param interval   percentile bootstrap interval of the mean over texts (null when none)
     * @param confidence the interval's confidence
     * @param replicates bootstrap replicates
     * @param seed       bootstrap seed
     */
    public record Result(String model, String source, String protect, Method method, int texts, int evaluated,
                         double mean, Interval interval, double confidence, int replicates, long seed) {}

    /** The words of {@code text} (see {@link Words}). */
    public static Words words(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String w : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return new Words(new ArrayList<>(counts.keySet()), counts.values().stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * {@code ∂F/∂x_w} for each distinct word w of the text, F = P(label 1), x_w the word's count (closed form, see
     * the class comment); all zeros for a text without words.
     */
    public static double[] gradient(EmbeddingBagTextClassifier model, Words words) {
        int n = words.total();
        double[] g = new double[words.words().size()];
        if (n == 0) {
            return g;
        }
        double[] d = model.logitDirection();
        int[] counts = words.counts();
        double[] proj = new double[g.length];
        double dh = 0;
        for (int k = 0; k < g.length; k++) {
            double[] e = model.embedding(model.tokens(words.words().get(k))[0]);
            for (int j = 0; j < e.length; j++) {
                proj[k] += d[j] * e[j];
            }
            dh += counts[k] * proj[k];
        }
        dh /= n;
        double[] z = model.logits(String.join(" ", expand(words)));
        double p = 1.0 / (1.0 + Math.exp(z[0] - z[1]));
        for (int k = 0; k < g.length; k++) {
            g[k] = p * (1 - p) * (proj[k] - dh) / n;
        }
        return g;
    }

    /**
     * {@code ∂F/∂e_t} for the embedding input of each token t of the text (rows in token order): in a mean-of-embeddings
     * model every row is the same vector {@code p(1−p)·d/n} — the reason this class accumulates over word counts
     * instead. Empty for a text without words.
     */
    public static double[][] embeddingGradient(EmbeddingBagTextClassifier model, String text) {
        int n = model.tokens(text).length;
        double[] z = model.logits(text);
        double p = 1.0 / (1.0 + Math.exp(z[0] - z[1]));
        double[] d = model.logitDirection();
        double[][] g = new double[n][d.length];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < d.length; j++) {
                g[t][j] = p * (1 - p) * d[j] / n;
            }
        }
        return g;
    }

    /** The words repeated by their counts (a text with the same bag of words). */
    private static List<String> expand(Words words) {
        List<String> out = new ArrayList<>();
        int[] counts = words.counts();
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                out.add(words.words().get(k));
            }
        }
        return out;
    }

    /** {@code |g| / ‖g‖₁}; null when g is all zeros. */
    public static double[] direction(double[] g) {
        double s = 0;
        for (double v : g) {
            s += Math.abs(v);
        }
        if (!(s > 0)) {
            return null;
        }
        double[] v = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            v[k] = Math.abs(g[k]) / s;
        }
        return v;
    }

    /** {@code 1/k} on the k distinct words in the lexicon, 0 elsewhere; null when none is. */
    public static double[] lexiconDirection(Words words, Set<String> lexicon) {
        double[] v = new double[words.words().size()];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (lexicon.contains(words.words().get(i))) {
                v[i] = 1;
                k++;
            }
        }
        if (k == 0) {
            return null;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= k;
        }
        return v;
    }

    /** {@code Σ_j |J_j| · v_j}: accumulated sensitivity of derivatives J along the direction v. */
    public static double accumulated(double[] derivatives, double[] v) {
        Preconditions.checkArgument(derivatives.length == v.length, "derivatives and direction differ in length");
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            s += Math.abs(derivatives[j]) * v[j];
        }
        return s;
    }

    /** The text with every occurrence of {@code word} (a whole word, any case) deleted. */
    public static String without(String text, String word) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{Nd}])" + Pattern.quote(word) + "(?![\\p{L}\\p{Nd}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).replaceAll("").replaceAll("\\s{2,}", " ").strip();
    }

    /**
     * Per-text sensitivities (NaN where the text has no protected direction), {@code model} scored in one batch
     * per text set.
     */
    public static double[] perText(List<String> texts, TextClassifier model, Protected protect, Method method) {
        Preconditions.checkArgument(method == Method.OCCLUSION || model instanceof EmbeddingBagTextClassifier,
                "the gradient method needs an embedding-bag model; use occlusion for " + model.name());
        List<Words> words = texts.stream().map(PredictionSensitivity::words).toList();
        double[] out = new double[texts.size()];
        if (method == Method.GRADIENT) {
            EmbeddingBagTextClassifier m = (EmbeddingBagTextClassifier) model;
            for (int i = 0; i < out.length; i++) {
                Words w = words.get(i);
                double[] v = protect instanceof Lexicon l ? lexiconDirection(w, l.terms())
                        : direction(gradient(((ProtectedModel) protect).model(), w));
                out[i] = v == null ? Double.NaN : accumulated(gradient(m, w), v);
            }
            return out;
        }
        double[][] dirs = new double[out.length][];
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Words w = words.get(i);
            if (protect instanceof Lexicon l) {
                dirs[i] = lexiconDirection(w, l.terms());
            } else {
                dirs[i] = direction(occlusionChanges(((ProtectedModel) protect).model(), texts.get(i), w));
            }
            if (dirs[i] != null) {
                batch.add(texts.get(i));
                for (int k = 0; k < dirs[i].length; k++) {
                    if (dirs[i][k] > 0) {
                        batch.add(without(texts.get(i), w.words().get(k)));
                    }
                }
            }
        }
        double[] s = model.scores(batch);
        int at = 0;
        for (int i = 0; i < out.length; i++) {
            if (dirs[i] == null) {
                out[i] = Double.NaN;
                continue;
            }
            double fx = s[at++];
            double sum = 0;
            for (double v : dirs[i]) {
                if (v > 0) {
                    sum += Math.abs(fx - s[at++]) * v;
                }
            }
            out[i] = sum;
        }
        return out;
    }

    /** {@code F(x) − F(x without w)} for each distinct word w. */
    static double[] occlusionChanges(TextClassifier model, String text, Words words) {
        List<String> batch = new ArrayList<>();
        batch.add(text);
        for (String w : words.words()) {
            batch.add(without(text, w));
        }
        double[] s = model.scores(batch);
        double[] out = new double[words.words().size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = s[0] - s[k + 1];
        }
        return out;
    }

    /**
     * Reads the texts of {@code data} and measures the mean sensitivity with a bootstrap interval. The method is
     * {@link Method#GRADIENT} for an {@link EmbeddingBagTextClassifier} and {@link Method#OCCLUSION} otherwise.
     */
    public static Result run(Path data, String textColumn, TextClassifier model, Protected protect, double confidence,
                             int replicates, long seed) throws IOException, DataFileException {
        LabelledTexts d = LabelledTexts.read(data, textColumn, null, null);
        return measure(d.source(), d.texts(), model, protect, confidence, replicates, seed);
    }

    /** Measures on texts already read; see {@link #run}. */
    public static Result measure(String source, List<String> texts, TextClassifier model, Protected protect,
                                 double confidence, int replicates, long seed) {
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        Preconditions.checkAtLeast(replicates, 1, "replicates");
        Method method = model instanceof EmbeddingBagTextClassifier ? Method.GRADIENT : Method.OCCLUSION;
        double[] all = perText(texts, model, protect, method);
        double[] s = java.util.Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        if (s.length == 0) {
            return new Result(model.name(), source, protect.describe(), method, texts.size(), 0, Double.NaN, null,
                    confidence, replicates, seed);
        }
        double mean = java.util.Arrays.stream(s).sum() / s.length;
        return new Result(model.name(), source, protect.describe(), method, texts.size(), s.length, mean,
                Intervals.percentile(CounterfactualGap.bootstrapMeans(s, replicates, seed), confidence), confidence,
                replicates, seed);
    }
}
