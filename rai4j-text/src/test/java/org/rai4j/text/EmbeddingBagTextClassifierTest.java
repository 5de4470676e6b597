package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.learn.TokenExamples;

class EmbeddingBagTextClassifierTest {
    private static final String[] GOOD = {"great", "lovely", "excellent", "fine", "superb"};
    private static final String[] BAD = {"awful", "terrible", "horrid", "poor", "dreadful"};
    private static final String[] NOUNS = {"film", "meal", "service", "room", "book", "show"};

    /** Sentiment sentences "the NOUN was ADJ": label 1 for a good adjective. */
    private static List<String> corpus(int n, long seed, int[] labels) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean good = rng.nextBoolean();
            String adj = good ? GOOD[rng.nextInt(GOOD.length)] : BAD[rng.nextInt(BAD.length)];
            texts.add("The " + NOUNS[rng.nextInt(NOUNS.length)] + " was " + adj + ".");
            labels[i] = good ? 1 : 0;
        }
        return texts;
    }

    @Test
    void train_sentimentCorpus_separatesHeldOutTexts() {
        int[] y = new int[400];
        List<String> texts = corpus(400, 1, y);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(texts, y, EmbeddingBagTextClassifier.Settings.defaults());
        int[] yt = new int[200];
        List<String> test = corpus(200, 2, yt);
        double[] s = m.scores(test);
        int correct = 0;
        for (int i = 0; i < s.length; i++) {
            correct += (s[i] > 0.5) == (yt[i] == 1) ? 1 : 0;
        }
        assertThat(correct).isEqualTo(200);
    }

    /** A near-zero learning rate leaves the model at chance: the accuracy above is learnt, not built in. */
    @Test
    void train_tinyLearningRate_staysNearChance() {
        int[] y = new int[400];
        List<String> texts = corpus(400, 1, y);
        var s = new EmbeddingBagTextClassifier.Settings(4096, 16, 1, 1e-9, 16, 1);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(texts, y, s);
        for (double p : m.scores(texts)) {
            assertThat(p).isBetween(0.3, 0.7);
        }
    }

    /** score = softmax of W·mean(E[tokens]) + b, recomputed here from the parameters. */
    @Test
    void score_equalsIndependentForwardPass() {
        int[] y = new int[100];
        List<String> texts = corpus(100, 3, y);
        var settings = new EmbeddingBagTextClassifier.Settings(64, 4, 3, 0.5, 8, 7);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(texts, y, settings);
        double[] p = m.parameters();
        for (String t : List.of("The film was great.", "awful awful book", "", "!!!")) {
            int[] tok = TokenExamples.hashTokens(t, 64);
            double[] h = new double[4];
            for (int id : tok) {
                for (int j = 0; j < 4; j++) {
                    h[j] += p[id * 4 + j] / tok.length;
                }
            }
            double z0 = p[64 * 4 + 8];
            double z1 = p[64 * 4 + 9];
            for (int j = 0; j < 4; j++) {
                z0 += p[64 * 4 + j] * h[j];
                z1 += p[64 * 4 + 4 + j] * h[j];
            }
            double expected = Math.exp(z1) / (Math.exp(z0) + Math.exp(z1));
            assertThat(m.score(t)).isCloseTo(expected, within(1e-12));
        }
    }

    /** Soft targets: training towards q = 0.8 everywhere drives every score towards 0.8 (the minimiser). */
    @Test
    void trainSoft_constantTarget_scoresApproachTarget() {
        int[] y = new int[200];
        List<String> texts = corpus(200, 4, y);
        double[] q = new double[200];
        java.util.Arrays.fill(q, 0.8);
        var s = new EmbeddingBagTextClassifier.Settings(512, 8, 60, 0.5, 16, 1);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.trainSoft(texts, q, s);
        for (double p : m.scores(texts)) {
            assertThat(p).isCloseTo(0.8, within(0.02));
        }
    }

    /** Hard labels and the equivalent soft targets (0/1) train the identical model. */
    @Test
    void train_hardLabels_equalSoftTargetsZeroOne() {
        int[] y = new int[50];
        List<String> texts = corpus(50, 5, y);
        double[] q = new double[50];
        for (int i = 0; i < 50; i++) {
            q[i] = y[i];
        }
        var s = new EmbeddingBagTextClassifier.Settings(128, 4, 2, 0.3, 8, 3);
        assertThat(EmbeddingBagTextClassifier.train(texts, y, s).parameters())
                .containsExactly(EmbeddingBagTextClassifier.trainSoft(texts, q, s).parameters());
    }

    @Test
    void saveLoad_roundTripsBitForBit(@TempDir Path dir) throws IOException {
        int[] y = new int[60];
        List<String> texts = corpus(60, 6, y);
        EmbeddingBagTextClassifier m = EmbeddingBagTextClassifier.train(texts, y, new EmbeddingBagTextClassifier.Settings(256, 8, 2, 0.5, 8, 1));
        Path f = dir.resolve("m.bin");
        m.save(f);
        EmbeddingBagTextClassifier back = EmbeddingBagTextClassifier.load(f);
        assertThat(back.parameters()).containsExactly(m.parameters());
        assertThat(back.name()).isEqualTo("m.bin");
        assertThat(back.scores(texts)).containsExactly(m.scores(texts));
        assertThat(Files.list(dir)).containsExactly(f);
    }

    @Test
    void load_truncatedOrForeignFile_namesTheFile(@TempDir Path dir) throws IOException {
        int[] y = new int[20];
        List<String> texts = corpus(20, 7, y);
        Path f = dir.resolve("m.bin");
        EmbeddingBagTextClassifier.train(texts, y, new EmbeddingBagTextClassifier.Settings(32, 2, 1, 0.5, 8, 1)).save(f);
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 5));
        assertThatThrownBy(() -> EmbeddingBagTextClassifier.load(cut))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut.bin").hasMessageContaining("ends early");
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "id,text\n1,hello\n");
        assertThatThrownBy(() -> EmbeddingBagTextClassifier.load(csv))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.csv").hasMessageContaining("not a rai4j embedding-bag model");
    }

    @Test
    void train_badLabel_rejected() {
        assertThatThrownBy(() -> EmbeddingBagTextClassifier.train(List.of("a", "b"), new int[] {0, 2},
                EmbeddingBagTextClassifier.Settings.defaults())).hasMessageContaining("text 2").hasMessageContaining("0 or 1");
    }
}
