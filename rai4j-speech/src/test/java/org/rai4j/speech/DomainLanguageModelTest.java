package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLanguageModelTest {
    @Test
    void bigram_matchesHandComputedAbsoluteDiscountingWithBackoff() {
        // <s> a b </s>, <s> a c </s>: unigrams a 2, b 1, c 1, </s> 2 → add-one over N = 6, V = 4
        DomainLanguageModel m = new DomainLanguageModel(List.of("A b.", "a, C"), 2, 0.5);
        assertThat(m.vocabulary()).containsExactly("a", "b", "c");
        assertThat(Math.pow(10, m.prob("a"))).isCloseTo(3.0 / 10, within());
        assertThat(Math.pow(10, m.prob("b"))).isCloseTo(2.0 / 10, within());
        // seen: (2 - 0.5) / 2; unseen: α(<s>) · p(b), α(<s>) = (1 - 0.75) / (1 - p(a))
        assertThat(Math.pow(10, m.prob("<s> a"))).isCloseTo(0.75, within());
        assertThat(Math.pow(10, m.prob("<s> b"))).isCloseTo(0.25 / 0.7 * 0.2, within());
        // after "a": b and c seen once each: (1 - 0.5) / 2 each; α(a) = (1 - 0.5) / (1 - 0.2 - 0.2)
        assertThat(Math.pow(10, m.prob("a b"))).isCloseTo(0.25, within());
        assertThat(Math.pow(10, m.prob("a </s>"))).isCloseTo(0.5 / 0.6 * 0.3, within());
    }

    @Test
    void everyContext_distributionSumsToOne_seededCorpora() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 30; trial++) {
            List<String> sentences = new ArrayList<>();
            int vocab = 3 + rng.nextInt(6);
            for (int s = 0; s < 2 + rng.nextInt(10); s++) {
                StringBuilder sb = new StringBuilder();
                for (int w = 0; w < 1 + rng.nextInt(6); w++) {
                    sb.append("w").append(rng.nextInt(vocab)).append(' ');
                }
                sentences.add(sb.toString());
            }
            int order = 1 + rng.nextInt(3);
            double d = 0.1 + 0.8 * rng.nextDouble();
            DomainLanguageModel m = new DomainLanguageModel(sentences, order, d);
            List<String> targets = new ArrayList<>(m.vocabulary());
            targets.add("</s>");
            List<String> contexts = new ArrayList<>();
            contexts.add("");
            if (order >= 2) {
                contexts.add("<s> ");
                for (String w : m.vocabulary()) {
                    contexts.add(w + " ");
                    if (order == 3) {
                        contexts.add("<s> " + w + " ");
                        for (String v : m.vocabulary()) {
                            contexts.add(w + " " + v + " ");
                        }
                    }
                }
            }
            for (String h : contexts) {
                double sum = 0;
                for (String w : targets) {
                    sum += Math.pow(10, m.prob(h + w));
                }
                assertThat(sum).as("order %d, D %.3f, context '%s' of %s", order, d, h, sentences).isCloseTo(1, within());
            }
        }
    }

    @Test
    void arpa_headerCountsMatchSections_andOutputIsDeterministic() {
        List<String> s = List.of("please close the window", "close the door please", "the window is open");
        String arpa = new DomainLanguageModel(s, 3, 0.7).toArpa();
        assertThat(arpa).isEqualTo(new DomainLanguageModel(s, 3, 0.7).toArpa());
        for (int k = 1; k <= 3; k++) {
            int declared = Integer.parseInt(arpa.split("ngram " + k + "=")[1].split("\n")[0]);
            String section = arpa.split("\\\\" + k + "-grams:\n")[1].split("\n\n")[0];
            assertThat(section.split("\n")).as("%d-grams", k).hasSize(declared);
        }
        assertThat(arpa).contains("-99.000000\t<s>\t").endsWith("\\end\\\n");
    }

    @Test
    void tokens_splitHyphensAndDropPunctuation() {
        assertThat(DomainLanguageModel.tokens("Follow-up at 'ten', O'Brien said!")).containsExactly("follow", "up", "at", "ten",
                "o'brien", "said");
    }

    @Test
    void lexicon_takesCmudictEntriesWithAlternatesAndSupplement_andNamesMissingWords(@TempDir Path dir) throws IOException {
        Path cmu = dir.resolve("cmu.dict");
        Files.writeString(cmu, "close K L OW Z\nclose(2) K L OW S\nthe DH AH\nthe(2) DH IY\nwindow W IH N D OW\n");
        assertThat(DomainLexicon.forWords(List.of("the", "close", "metformin"), cmu))
                .isEqualTo("close K L OW Z\nclose(2) K L OW S\nmetformin M EH T F AO R M IH N\nthe DH AH\nthe(2) DH IY\n");
        assertThatThrownBy(() -> DomainLexicon.forWords(List.of("the", "zorblax", "qwf"), cmu))
                .hasMessageContaining("no pronunciation for 2 word(s) of the prompts: qwf, zorblax");
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new DomainLanguageModel(List.of("a"), 4, 0.5)).hasMessageContaining("order must be 1, 2 or 3");
        assertThatThrownBy(() -> new DomainLanguageModel(List.of("a"), 2, 1.0)).hasMessageContaining("discount must be in (0, 1)");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
