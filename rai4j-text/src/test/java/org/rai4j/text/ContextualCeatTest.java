package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

class ContextualCeatTest {
    /** A deterministic stand-in encoder: 6 Gaussian coordinates seeded by the sentence; counts what it encodes. */
    private static final class HashEncoder implements SentenceEncoder {
        final List<String> encoded = new ArrayList<>();

        @Override
        public String name() {
            return "hash";
        }

        @Override
        public int dimension() {
            return 6;
        }

        @Override
        public float[] encode(String text) {
            encoded.add(text);
            SplittableRandom r = new SplittableRandom(text.hashCode());
            float[] v = new float[6];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextGaussian();
            }
            return v;
        }
    }

    private static final List<String> CORPUS = List.of(
            "Amy went home.", "John went to the office.", "AMY called.", "Amy's salary rose.", "The family met John.",
            "Johnny ate.", "", "Bob is here.", "The office was closed.", "Home, at last.", "the Salary is paid.",
            "Family first.", "A family-run office.", "Jamie cooked.");

    @Test
    void occurrences_wholeWordCaseInsensitive() {
        assertThat(ContextualCeat.occurrences("Amy", CORPUS)).containsExactly(0, 2, 3);
        assertThat(ContextualCeat.occurrences("John", CORPUS)).containsExactly(1, 4);
        assertThat(ContextualCeat.occurrences("family", CORPUS)).containsExactly(4, 11, 12);
        assertThat(ContextualCeat.occurrences("office", CORPUS)).containsExactly(1, 8, 12);
        assertThat(ContextualCeat.occurrences("Ann", CORPUS)).isEmpty();
    }

    /** The contexts are the sentences listed by hand; the result equals Ceat.run on their vectors exactly. */
    @Test
    void run_equalsCeatOnTheHandPickedContextVectors() {
        HashEncoder enc = new HashEncoder();
        ContextualCeat.Result r = ContextualCeat.run(enc, List.of("Amy", "Jamie"), List.of("John", "Bob"),
                List.of("home", "family"), List.of("office", "salary"), CORPUS, 50, 10, 9);
        HashEncoder ref = new HashEncoder();
        List<List<double[]>> x = List.of(vs(ref, CORPUS, 0, 2, 3), vs(ref, CORPUS, 13));
        List<List<double[]>> y = List.of(vs(ref, CORPUS, 1, 4), vs(ref, CORPUS, 7));
        List<List<double[]>> a = List.of(vs(ref, CORPUS, 0, 9), vs(ref, CORPUS, 4, 11, 12));
        List<List<double[]>> b = List.of(vs(ref, CORPUS, 1, 8, 12), vs(ref, CORPUS, 3, 10));
        Ceat.Result expected = Ceat.run(x, y, a, b, 50, 9);
        assertThat(r.ceat().meta()).isEqualTo(expected.meta());
        assertThat(r.ceat().effects()).containsExactly(expected.effects());
        assertThat(r.missing()).isEmpty();
        assertThat(r.sentences()).isEqualTo(13);
        assertThat(r.contexts().get("X")).containsEntry("Amy", 3).containsEntry("Jamie", 1);
        assertThat(r.contexts().get("B")).containsEntry("office", 3).containsEntry("salary", 2);
        // each distinct sentence is encoded once: sentences 0,1,2,3,4,7,8,9,10,11,12,13
        assertThat(enc.encoded).hasSize(12).doesNotHaveDuplicates();
        assertThat(r.encoded()).isEqualTo(12);
    }

    private static List<double[]> vs(SentenceEncoder e, List<String> corpus, int... idx) {
        List<double[]> out = new ArrayList<>();
        for (int i : idx) {
            float[] f = e.encode(corpus.get(i));
            double[] d = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                d[j] = f[j];
            }
            out.add(d);
        }
        return out;
    }

    @Test
    void run_wordsWithoutContextLeftOutAndListed_emptySetRejected() {
        ContextualCeat.Result r = ContextualCeat.run(new HashEncoder(), List.of("Amy", "Ann"), List.of("John", "Bob"),
                List.of("home", "family"), List.of("office", "salary", "wage"), CORPUS, 20, 10, 1);
        assertThat(r.missing()).containsExactly("Ann", "wage");
        assertThat(r.contexts().get("X")).containsEntry("Ann", 0);
        assertThatThrownBy(() -> ContextualCeat.run(new HashEncoder(), List.of("Ann", "Zoe"), List.of("John"),
                List.of("home"), List.of("office"), CORPUS, 20, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X: none of its words occurs");
    }

    @Test
    void run_maxContexts_keepsADeterministicSubset() {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            corpus.add("Amy number " + i + ".");
            corpus.add("John number " + i + ".");
            corpus.add("home number " + i + ".");
            corpus.add("office number " + i + ".");
        }
        HashEncoder enc = new HashEncoder();
        ContextualCeat.Result r = ContextualCeat.run(enc, List.of("Amy"), List.of("John"), List.of("home"),
                List.of("office"), corpus, 10, 5, 3);
        assertThat(r.contexts().get("A")).containsEntry("home", 5);
        assertThat(r.encoded()).isEqualTo(20);
        ContextualCeat.Result again = ContextualCeat.run(new HashEncoder(), List.of("Amy"), List.of("John"),
                List.of("home"), List.of("office"), corpus, 10, 5, 3);
        assertThat(again.ceat().meta()).isEqualTo(r.ceat().meta());
    }

    @Test
    void readCorpus_missingOrEmptyFileNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ContextualCeat.readCorpus(dir.resolve("none.txt")))
                .isInstanceOf(DataFileException.class).hasMessageContaining("none.txt").hasMessageContaining("no such file");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \n");
        assertThatThrownBy(() -> ContextualCeat.readCorpus(empty))
                .isInstanceOf(DataFileException.class).hasMessageContaining("holds no sentence");
        Path ok = Files.writeString(dir.resolve("ok.txt"), " A sentence. \n\nAnother.\n");
        assertThat(ContextualCeat.readCorpus(ok)).containsExactly("A sentence.", "Another.");
    }
}
