package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

class CounterfactualEvaluationTest {
    /** A scorer that favours texts with "she" and counts its calls. */
    static final class Counting implements TextClassifier {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public double[] scores(List<String> texts) {
            calls.incrementAndGet();
            return texts.stream().mapToDouble(Counting::f).toArray();
        }

        static double f(String t) {
            return (t.contains("she") || t.contains("She") ? 0.7 : 0.4) + t.length() / 1000.0;
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    @Test
    void gapsEqualCounterfactualGap_perLabel_withOneClassifierCall(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        List<String> rows = new ArrayList<>(List.of("id,text,y"));
        String[] texts = {"she ate the soup", "he ate the fish", "we ate", "she was rude", "John ate", "he smiled",
                "the food", "she left"};
        int[] y = {1, 0, 1, 0, 1, 1, 0, 0};
        for (int i = 0; i < texts.length; i++) {
            rows.add((i + 1) + "," + texts[i] + "," + (y[i] == 1 ? "pos" : "neg"));
        }
        Files.write(csv, rows);
        Counting c = new Counting();
        CounterfactualEvaluation.Report r = CounterfactualEvaluation.run(csv, "text", "y", "pos", c, 0.9, 200, 5, 2);
        assertThat(c.calls.get()).isEqualTo(1);
        GenderSwap swap = GenderSwap.english();
        CounterfactualGap.Result want = CounterfactualGap.measure(List.of(texts), Counting::f, swap, 0.9, 200, 5);
        assertThat(r.overall()).isEqualTo(want);
        assertThat(r.overall().evaluated()).isEqualTo(6);
        assertThat(r.overall().skipped()).isEqualTo(2);
        assertThat(r.labelOne()).isEqualTo(CounterfactualGap.measure(List.of(texts[0], texts[2], texts[4], texts[5]),
                Counting::f, swap, 0.9, 200, 5));
        assertThat(r.labelZero()).isEqualTo(CounterfactualGap.measure(List.of(texts[1], texts[3], texts[6], texts[7]),
                Counting::f, swap, 0.9, 200, 5));
        // hand check: "she ate the soup" (0.7 + 16/1000) vs "he ate the soup" (0.4 + 15/1000)
        assertThat(r.pairs()).hasSize(2);
        assertThat(r.pairs().get(0)).isEqualTo(new CounterfactualEvaluation.Pair(2, "she ate the soup", "he ate the soup",
                0.7 + 16 / 1000.0, 0.4 + 15 / 1000.0));
        assertThat(r.pairs().get(1).line()).isEqualTo(3);
        assertThat(r.model()).isEqualTo("counting");
    }

    @Test
    void badRows_areNamedByFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "text,y\nshe ate,1\n,0\nhe ate,maybe\n");
        assertThatThrownBy(() -> LabelledTexts.read(csv, "text", "y", null)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv:3: column 'text': expected a text, got an empty field")
                .hasMessageContaining("bad.csv:4: column 'y': expected 0, 1, true or false");
        assertThatThrownBy(() -> LabelledTexts.read(csv, "txt", null, null)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("bad.csv:1: column 'txt': no such column");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "text,y\nshe ate,pos\nhe ate,pos\n");
        assertThatThrownBy(() -> LabelledTexts.read(one, "text", "y", "Pos").requireBothLabels("y"))
                .isInstanceOf(DataFileException.class).hasMessageContaining("expected both labels 0 and 1, got only 0");
        LabelledTexts d = LabelledTexts.read(one, "text", "y", "pos");
        assertThat(d.labels()).containsExactly(1, 1);
        assertThat(d.texts()).containsExactly("she ate", "he ate");
    }

    @Test
    void training_fitsAndReportsAccuracy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "text,y\ngreat food,1\nawful food,0\ngreat staff,1\nawful staff,0\n");
        EmbeddingBagTextClassifier.Settings s = new EmbeddingBagTextClassifier.Settings(64, 4, 40, 0.5, 2, 3);
        TextTraining.Result r = TextTraining.run(csv, "text", "y", null, s);
        EmbeddingBagTextClassifier direct = EmbeddingBagTextClassifier.train(
                List.of("great food", "awful food", "great staff", "awful staff"), new int[] {1, 0, 1, 0}, s);
        assertThat(r.model().parameters()).containsExactly(direct.parameters());
        assertThat(r.examples()).isEqualTo(4);
        assertThat(r.positives()).isEqualTo(2);
        assertThat(r.trainingAccuracy()).isEqualTo(TextTraining.accuracy(direct.scores(
                List.of("great food", "awful food", "great staff", "awful staff")), new int[] {1, 0, 1, 0}));
        assertThat(r.trainingAccuracy()).isEqualTo(1.0);
        assertThat(TextTraining.accuracy(new double[] {0.5, 0.49, 0.9}, new int[] {1, 1, 0})).isEqualTo(1.0 / 3);
    }
}
