package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SeatTest {
    private static final SeatTemplates T = SeatTemplates.bundled();

    /**
     * A real, if crude, sentence encoder with no model: the counts of the letters a–z and of spaces and full stops.
     * Deterministic and cheap; its SEAT must equal WEAT on the same vectors.
     */
    static final class LetterCounts implements SentenceEncoder {
        @Override
        public String name() {
            return "letter-counts";
        }

        @Override
        public int dimension() {
            return 28;
        }

        @Override
        public float[] encode(String text) {
            float[] v = new float[28];
            for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    v[c - 'a']++;
                } else if (c == ' ') {
                    v[26]++;
                } else if (c == '.') {
                    v[27]++;
                }
            }
            return v;
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
            Arguments.of("Amy", List.of("This is Amy.", "That is Amy.", "There is Amy.", "Here is Amy.", "Amy is here.",
                    "Amy is there.", "Amy is a person.", "The person's name is Amy.")),
            Arguments.of("aster", List.of("This is an aster.", "That is an aster.", "There is an aster.",
                    "Here is an aster.", "The aster is here.", "The aster is there.", "An aster is a thing.",
                    "It is an aster.", "These are asters.", "Those are asters.", "They are asters.",
                    "The asters are here.", "The asters are there.", "Asters are things.")),
            Arguments.of("sister", List.of("This is a sister.", "That is a sister.", "There is a sister.",
                    "Here is a sister.", "The sister is here.", "The sister is there.", "A sister is a person.",
                    "These are sisters.", "Those are sisters.", "They are sisters.", "The sisters are here.",
                    "The sisters are there.", "Sisters are people.")),
            Arguments.of("children", List.of("This is a child.", "That is a child.", "There is a child.",
                    "Here is a child.", "The child is here.", "The child is there.", "A child is a person.",
                    "These are children.", "Those are children.", "They are children.", "The children are here.",
                    "The children are there.", "Children are people.")),
            Arguments.of("freedom", List.of("This is freedom.", "That is freedom.", "There is freedom.", "It is freedom.")),
            Arguments.of("NASA", List.of("This is NASA.", "That is NASA.", "There is NASA.", "It is NASA.")),
            Arguments.of("loyal", List.of("This is loyal.", "That is loyal.", "They are loyal.")),
            Arguments.of("kill", List.of("This will kill.", "This did kill.", "This can kill.", "This may kill.",
                    "That will kill.", "That did kill.", "That can kill.", "That may kill.")),
            Arguments.of("he", List.of("He is here.", "He is there.", "Here he is.", "There he is.", "He is a person.")),
            Arguments.of("her", List.of("It is her.", "This is her.", "That is her.")),
            Arguments.of("hers", List.of("This is hers.", "That is hers.", "There is hers.", "Here is hers.",
                    "It is hers.", "Hers is there.", "Hers is here.")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void sentences_word_expectedTemplates(String word, List<String> expected) {
        assertThat(T.sentences(word)).containsExactlyElementsOf(expected);
    }

    @Test
    void plural_irregularAndRegularRules_expectedForms() {
        String[][] cases = {{"woman", "women"}, {"man", "men"}, {"knife", "knives"}, {"daisy", "daisies"},
            {"horsefly", "horseflies"}, {"day", "days"}, {"iris", "irises"}, {"church", "churches"}, {"bush", "bushes"},
            {"box", "boxes"}, {"moth", "moths"}, {"piano", "pianos"}, {"wasp", "wasps"}};
        for (String[] c : cases) {
            assertThat(T.plural(c[0])).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(SeatTemplates.article("honor")).isEqualTo("an");
        assertThat(SeatTemplates.article("umbrella")).isEqualTo("an");
        assertThat(SeatTemplates.article("tulip")).isEqualTo("a");
    }

    @Test
    void sentences_everyBundledWeatWord_filledWithoutPlaceholders() {
        for (String list : List.of("flowers", "insects", "pleasant", "unpleasant", "instruments", "weapons",
                "male-names", "female-names", "career", "family", "math", "arts", "male-terms", "female-terms",
                "science", "arts-2", "male-terms-2", "female-terms-2")) {
            for (String w : WeatWordLists.load(list)) {
                List<String> s = T.sentences(w);
                // the word's stem appears in every sentence (plurals change the ending: poppy/poppies, knife/knives)
                String stem = (w.equals("children") ? "child" : w.substring(0, Math.max(1, w.length() - 2)))
                        .toLowerCase(Locale.ROOT);
                assertThat(s).as(w).hasSizeGreaterThanOrEqualTo(3).allSatisfy(x -> {
                    assertThat(x).doesNotContain("{").endsWith(".");
                    assertThat(x.toLowerCase(Locale.ROOT)).contains(stem);
                    assertThat(Character.isUpperCase(x.charAt(0))).isTrue();
                });
            }
        }
        assertThatThrownBy(() -> T.sentences(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** SEAT = WEAT over the encoded template sentences (independent composition, same numbers to 1e-12). */
    @Test
    void test_letterCountEncoder_equalsWeatOnEncodedSentences() {
        List<String> x = List.of("aster", "tulip", "daisy");
        List<String> y = List.of("ant", "flea", "moth", "wasp");
        List<String> a = List.of("freedom", "loyal", "gift");
        List<String> b = List.of("filth", "kill", "ugly");
        LetterCounts enc = new LetterCounts();
        WeatOptions opts = new WeatOptions(100_000, StdConvention.SAMPLE, 7);
        SeatResult r = Seat.test(enc, x, y, a, b, SeatInput.WORDS, opts);

        WeatResult direct = Weat.test(encode(enc, x), encode(enc, y), encode(enc, a), encode(enc, b), opts);
        assertThat(r.weat().effectSize()).isCloseTo(direct.effectSize(), within(1e-12));
        assertThat(r.weat().pValue()).isEqualTo(direct.pValue());
        assertThat(r.weat().sizeX()).isEqualTo(3 * 14);
        assertThat(r.weat().sizeY()).isEqualTo(4 * 14);
        assertThat(r.sentencesA()).isEqualTo(4 + 3 + 14);
        assertThat(r.sentencesB()).isEqualTo(4 + 8 + 3);
        assertThat(r.encoder()).isEqualTo("letter-counts");
        assertThat(r.weat().exact()).isFalse(); // C(98, 42) partitions: sampled
        assertThat(r.weat().permutations()).isEqualTo(100_000);

        // swapping the attributes negates the effect size exactly
        SeatResult swapped = Seat.test(enc, x, y, b, a, SeatInput.WORDS, opts);
        assertThat(swapped.weat().effectSize()).isCloseTo(-r.weat().effectSize(), within(1e-12));
    }

    @Test
    void test_sentencesInput_encodedAsGiven() {
        List<String> x = List.of("Roses are lovely.", "A tulip grows.");
        List<String> y = List.of("Ants bite.", "Fleas itch.", "Wasps sting.");
        List<String> a = List.of("Joy.", "Love and peace.");
        List<String> b = List.of("Grief.", "Filth and decay.");
        LetterCounts enc = new LetterCounts();
        SeatResult r = Seat.test(enc, x, y, a, b, SeatInput.SENTENCES, WeatOptions.DEFAULT);
        WeatResult direct = Weat.test(encode(enc, x, false), encode(enc, y, false), encode(enc, a, false),
                encode(enc, b, false), WeatOptions.DEFAULT);
        assertThat(r.weat()).isEqualTo(direct);
        assertThat(r.weat().exact()).isTrue();
        assertThat(r.weat().permutations()).isEqualTo(10); // C(5, 2)
        assertThatThrownBy(() -> Seat.test(enc, List.of(), y, a, b, SeatInput.SENTENCES, WeatOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X");
    }

    /**
     * SEAT on the real MiniLM (int8) encoder, offline, on Caliskan's WEAT 6 (male vs female names, career vs
     * family): 64 + 64 name sentences. Checked: the sizes and partition bookkeeping, and that the result equals WEAT
     * on the vectors of the sentences expanded here from the templates (looked up in what the encoder was asked, so
     * the model runs once per sentence: a sentence SEAT did not encode fails the lookup).
     */
    @Test
    void run_miniLmWeat6_runsOfflineAndEqualsWeatOnItsVectors() throws Exception {
        SentenceEncoder miniLm = SentenceEncoders.miniLmQuantized();
        Map<String, float[]> seen = new ConcurrentHashMap<>();
        SentenceEncoder enc = new SentenceEncoder() {
            @Override
            public String name() {
                return miniLm.name();
            }

            @Override
            public int dimension() {
                return miniLm.dimension();
            }

            @Override
            public float[] encode(String text) {
                float[] v = miniLm.encode(text);
                seen.put(text, v.clone());
                return v;
            }

            @Override
            public List<float[]> encodeAll(List<String> texts) {
                List<float[]> vs = miniLm.encodeAll(texts);
                for (int i = 0; i < texts.size(); i++) {
                    seen.put(texts.get(i), vs.get(i).clone());
                }
                return vs;
            }
        };
        WeatOptions opts = new WeatOptions(2_000, StdConvention.SAMPLE, 1);
        SeatResult r = Seat.run(enc, "weat:male-names", "weat:female-names", "weat:career", "weat:family",
                SeatInput.WORDS, opts);
        assertThat(r.weat().sizeX()).isEqualTo(64);
        assertThat(r.weat().sizeY()).isEqualTo(64);
        assertThat(r.weat().exact()).isFalse();
        assertThat(r.weat().permutations()).isEqualTo(2_000);
        assertThat(r.weat().pValue()).isBetween(1.0 / 2_000, 1.0);
        assertThat(r.encoder()).isEqualTo("all-MiniLM-L6-v2-q");

        List<List<double[]>> sets = new ArrayList<>();
        for (String list : List.of("male-names", "female-names", "career", "family")) {
            List<double[]> vs = new ArrayList<>();
            for (String sentence : T.sentences(WeatWordLists.load(list))) {
                assertThat(seen).as("SEAT encoded '%s'", sentence).containsKey(sentence);
                vs.add(toDouble(seen.get(sentence)));
            }
            sets.add(vs);
        }
        assertThat(r.sentencesA()).isEqualTo(sets.get(2).size());
        assertThat(r.sentencesB()).isEqualTo(sets.get(3).size());
        WeatResult direct = Weat.test(sets.get(0), sets.get(1), sets.get(2), sets.get(3), opts);
        assertThat(r.weat().effectSize()).isCloseTo(direct.effectSize(), within(1e-12));
        assertThat(r.weat().pValue()).isEqualTo(direct.pValue());
        // the encoder is deterministic: a sentence encoded again gives the stored vector
        assertThat(miniLm.encode("This is Amy.")).containsExactly(seen.get("This is Amy."));
    }

    private static List<double[]> encode(SentenceEncoder enc, List<String> words) {
        return encode(enc, words, true);
    }

    private static List<double[]> encode(SentenceEncoder enc, List<String> items, boolean template) {
        List<double[]> out = new ArrayList<>();
        for (String s : template ? T.sentences(items) : items) {
            out.add(toDouble(enc.encode(s)));
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
