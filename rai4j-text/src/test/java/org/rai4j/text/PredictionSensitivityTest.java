package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PredictionSensitivityTest {
    private static final Set<String> GENDER_WORDS = Set.of("she", "he", "mother", "father", "sister", "brother",
            "woman", "man", "wife", "husband", "aunt", "uncle", "mary", "linda", "john", "james");

    /**
     * An independent evaluation of the model as a function of real-valued word counts, from its parameters:
     * F(x) = σ(d·Σ_w x_w e_w / Σ_w x_w + b₁ − b₀).
     */
    private static double scoreOfCounts(EmbeddingBagTextClassifier m, List<String> words, double[] x) {
        double[] d = m.logitDirection();
        double[] z0 = m.logits("");
        double n = 0;
        double[] h = new double[m.dimension()];
        for (int k = 0; k < x.length; k++) {
            double[] e = m.embedding(m.tokens(words.get(k))[0]);
            for (int j = 0; j < h.length; j++) {
                h[j] += x[k] * e[j];
            }
            n += x[k];
        }
        double z = z0[1] - z0[0];
        for (int j = 0; j < h.length; j++) {
            z += d[j] * h[j] / n;
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void closedForm_equalsCentralFiniteDifferencesOfTheModelsOwnScore() {
        for (long seed = 1; seed <= 3; seed++) {
            ReviewCorpus c = new ReviewCorpus(300, 0.3, seed);
            EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(c.texts, c.labels,
                    new EmbeddingBagTextClassifier.Settings(256, 8, 10, 0.5, 16, seed));
            for (String text : List.of(c.texts.get(0), c.texts.get(1), "she said she liked it, and he did too", "ok")) {
                PredictionSensitivity.Words w = PredictionSensitivity.words(text);
                double[] g = PredictionSensitivity.gradient(m, w);
                double[] x = java.util.Arrays.stream(w.counts()).asDoubleStream().toArray();
                assertThat(scoreOfCounts(m, w.words(), x)).isCloseTo(m.score(text), within(1e-12));
                double h = 1e-5;
                for (int k = 0; k < x.length; k++) {
                    double[] up = x.clone();
                    double[] down = x.clone();
                    up[k] += h;
                    down[k] -= h;
                    double fd = (scoreOfCounts(m, w.words(), up) - scoreOfCounts(m, w.words(), down)) / (2 * h);
                    assertThat(g[k]).as("%s: d/d %s", text, w.words().get(k)).isCloseTo(fd, within(1e-9));
                }
            }
        }
    }

    /** F as a function of the token embedding rows, from the model's parameters: σ(d·mean(rows) + b₁ − b₀). */
    private static double scoreOfEmbeddings(EmbeddingBagTextClassifier m, double[][] rows) {
        double[] d = m.logitDirection();
        double[] z0 = m.logits("");
        double z = z0[1] - z0[0];
        for (double[] r : rows) {
            for (int j = 0; j < d.length; j++) {
                z += d[j] * r[j] / rows.length;
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void embeddingGradient_equalsCentralFiniteDifferences_andIsTheSameForEveryToken() {
        ReviewCorpus c = new ReviewCorpus(300, 0.3, 2);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(c.texts, c.labels,
                new EmbeddingBagTextClassifier.Settings(256, 8, 10, 0.5, 16, 2));
        String text = "She said the soup was cold and he agreed";
        int[] tokens = m.tokens(text);
        double[][] rows = new double[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            rows[t] = m.embedding(tokens[t]);
        }
        assertThat(scoreOfEmbeddings(m, rows)).isCloseTo(m.score(text), within(1e-12));
        double[][] g = PredictionSensitivity.embeddingGradient(m, text);
        double h = 1e-5;
        for (int t = 0; t < rows.length; t++) {
            assertThat(g[t]).containsExactly(g[0]);
            for (int j = 0; j < rows[t].length; j++) {
                double keep = rows[t][j];
                rows[t][j] = keep + h;
                double up = scoreOfEmbeddings(m, rows);
                rows[t][j] = keep - h;
                double down = scoreOfEmbeddings(m, rows);
                rows[t][j] = keep;
                assertThat(g[t][j]).isCloseTo((up - down) / (2 * h), within(1e-9));
            }
        }
    }

    @Test
    void linearBagOfWords_handComputedExample() {
        // F = σ(θ·x + b) at p = 0.5: J = p(1−p)·θ = 0.25·(2, −1, 0.5); G = σ(φ·x + c) at g = 0.3: ∇G = 0.21·(1, −3, 0),
        // v = |φ|/‖φ‖₁ = (0.25, 0.75, 0); APS = 0.25·(2·0.25 + 1·0.75 + 0.5·0) = 0.3125.
        double[] j = {0.25 * 2, 0.25 * -1, 0.25 * 0.5};
        double[] v = PredictionSensitivity.direction(new double[] {0.21, 0.21 * -3, 0});
        assertThat(v).containsExactly(new double[] {0.25, 0.75, 0}, within(1e-15));
        assertThat(PredictionSensitivity.accumulated(j, v)).isCloseTo(0.3125, within(1e-15));
        assertThat(PredictionSensitivity.direction(new double[] {0, 0})).isNull();
        PredictionSensitivity.Words w = PredictionSensitivity.words("She met HER sister; she left.");
        assertThat(w.words()).containsExactly("she", "met", "her", "sister", "left");
        assertThat(w.counts()).containsExactly(2, 1, 1, 1, 1);
        assertThat(PredictionSensitivity.lexiconDirection(w, Set.of("she", "sister"))).containsExactly(0.5, 0, 0, 0.5, 0);
        assertThat(PredictionSensitivity.without("She met HER sister; she left.", "she")).isEqualTo("met HER sister; left.");
    }

    @Test
    void occlusion_isTheScoreChangeWhenTheIdentityWordIsDeleted() {
        ReviewCorpus c = new ReviewCorpus(300, 0.3, 4);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(c.texts, c.labels,
                new EmbeddingBagTextClassifier.Settings(256, 8, 10, 0.5, 16, 4));
        String t = "She and her sister ate the soup";
        double[] s = PredictionSensitivity.perText(List.of(t, "we ate"), m,
                new PredictionSensitivity.Lexicon(Set.of("she", "sister"), "x"), PredictionSensitivity.Method.OCCLUSION);
        double want = 0.5 * Math.abs(m.score(t) - m.score("and her sister ate the soup"))
                + 0.5 * Math.abs(m.score(t) - m.score("She and her ate the soup"));
        assertThat(s[0]).isCloseTo(want, within(1e-15));
        assertThat(s[1]).isNaN();
    }

    /**
     * A model trained on gender-correlated labels (30% stereotyped) is more sensitive to the gender words than one
     * trained on the same texts with gender-blind labels, by the lexicon and by a protected-status model, gradient
     * and occlusion, in every one of 3 seeds x 2 training sizes.
     */
    @Test
    void aBiasedModel_isMoreSensitiveThanAGenderBlindOne() {
        for (int n : new int[] {400, 800}) {
            for (long seed = 1; seed <= 3; seed++) {
                ReviewCorpus biased = new ReviewCorpus(n, 0.3, seed);
                ReviewCorpus blind = new ReviewCorpus(n, 0.0, seed);
                assertThat(blind.texts).isEqualTo(biased.texts);
                EmbeddingBagTextClassifier.Settings s = new EmbeddingBagTextClassifier.Settings(1024, 16, 20, 0.5, 16, seed);
                EmbeddingBagTextClassifier fb = EmbeddingBagTextClassifier.train(biased.texts, biased.labels, s);
                EmbeddingBagTextClassifier f0 = EmbeddingBagTextClassifier.train(blind.texts, blind.labels, s);
                List<String> gt = new ArrayList<>();
                List<Integer> gy = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (biased.gender[i] >= 0) {
                        gt.add(biased.texts.get(i));
                        gy.add(biased.gender[i]);
                    }
                }
                EmbeddingBagTextClassifier g = EmbeddingBagTextClassifier.train(gt,
                        gy.stream().mapToInt(Integer::intValue).toArray(), s);
                List<String> test = new ReviewCorpus(300, 0.0, seed + 50).texts;
                for (PredictionSensitivity.Protected p : List.<PredictionSensitivity.Protected>of(
                        new PredictionSensitivity.Lexicon(GENDER_WORDS, "gender"), new PredictionSensitivity.ProtectedModel(g))) {
                    for (TextClassifier[] pair : List.of(new TextClassifier[] {fb, f0},
                            new TextClassifier[] {new Opaque(fb), new Opaque(f0)})) {
                        double hi = PredictionSensitivity.measure("t", test, pair[0], p, 0.95, 100, 1).mean();
                        double lo = PredictionSensitivity.measure("t", test, pair[1], p, 0.95, 100, 1).mean();
                        assertThat(hi).as("n %d seed %d %s %s", n, seed, p.describe(), pair[0].name()).isGreaterThan(lo);
                    }
                }
            }
        }
    }

    /** The same model seen only through its scores (as over HTTP): measured by occlusion. */
    record Opaque(TextClassifier inner) implements TextClassifier {
        @Override
        public double[] scores(List<String> texts) {
            return inner.scores(texts);
        }

        @Override
        public String name() {
            return "opaque";
        }
    }
}
