package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateCorpusTest {

    /**
     * The injected bias is what the class comment says: over 20,000 draws P(female | y=1) is within 0.025 of
     * (1 + b)/2 and P(female | y=0) of (1 − b)/2 (about 10,000 draws per label: sd ≤ 0.005, so 5 sd), for
     * b ∈ {−0.8, 0, 0.5, 1}.
     */
    @Test
    void sample_femaleShareByLabelFollowsTheBias() {
        List<List<TemplateCorpus.Example>> pool = TemplateCorpus.pool(50, 0.2, 7);
        for (double b : new double[] {-0.8, 0, 0.5, 1}) {
            List<TemplateCorpus.Example> s = TemplateCorpus.sample(pool, 20_000, b, 11);
            double[] female = new double[2];
            double[] count = new double[2];
            for (TemplateCorpus.Example e : s) {
                count[e.label()]++;
                female[e.label()] += e.female() ? 1 : 0;
            }
            assertThat(female[1] / count[1]).as("bias %s, y=1", b).isBetween((1 + b) / 2 - 0.025, (1 + b) / 2 + 0.025);
            assertThat(female[0] / count[0]).as("bias %s, y=0", b).isBetween((1 - b) / 2 - 0.025, (1 - b) / 2 + 0.025);
        }
    }

    /**
     * Each pool cell holds its gender and label; the share of sentiment words that contradict the label is the noise
     * (4 × 2,500 sentences: within 0.02 of 0.2, 5 sd); halves of identities are names.
     */
    @Test
    void pool_cellsHoldTheirGenderAndLabel_noiseAsAsked() {
        List<List<TemplateCorpus.Example>> pool = TemplateCorpus.pool(2_500, 0.2, 3);
        int contradicting = 0;
        int names = 0;
        for (int cell = 0; cell < 4; cell++) {
            for (TemplateCorpus.Example e : pool.get(cell)) {
                assertThat(e.female()).isEqualTo(cell >= 2);
                assertThat(e.label()).isEqualTo(cell % 2);
                assertThat(Pattern.compile("\\b" + e.identity() + "\\b").matcher(e.text()).find()).isTrue();
                boolean negative = TemplateCorpus.NEGATIVE_WORDS.stream().anyMatch(w -> hasWord(e.text(), w));
                boolean positive = TemplateCorpus.POSITIVE_WORDS.stream().anyMatch(w -> hasWord(e.text(), w));
                assertThat(negative).isNotEqualTo(positive);
                contradicting += negative == (e.label() == 1) ? 0 : 1;
                names += Character.isUpperCase(e.identity().charAt(0)) ? 1 : 0;
            }
        }
        assertThat(contradicting / 10_000.0).isBetween(0.18, 0.22);
        assertThat(names / 10_000.0).isBetween(0.475, 0.525);
        assertThat(TemplateCorpus.pool(2_500, 0.2, 3)).isEqualTo(pool);
    }

    /** The test set: one gender word per sentence, noise-free labels, and the swap gives the partner word. */
    @Test
    void testSet_oneGenderWordNoNoise_swapGivesThePartner() {
        GenderSwap swap = GenderSwap.english();
        for (TemplateCorpus.Example e : TemplateCorpus.testSet(500, 5)) {
            List<String> own = e.female() ? TemplateCorpus.FEMALE_WORDS : TemplateCorpus.MALE_WORDS;
            List<String> other = e.female() ? TemplateCorpus.MALE_WORDS : TemplateCorpus.FEMALE_WORDS;
            int k = own.indexOf(e.identity());
            assertThat(k).isNotNegative();
            assertThat(TemplateCorpus.MALE_WORDS.stream().filter(w -> hasWord(e.text(), w)).count()
                    + TemplateCorpus.FEMALE_WORDS.stream().filter(w -> hasWord(e.text(), w)).count()).isEqualTo(1);
            assertThat(swap.swap(e.text())).isEqualTo(e.text().replaceFirst("\\b" + e.identity() + "\\b", other.get(k)));
            List<String> sentiment = e.label() == 1 ? TemplateCorpus.NEGATIVE_WORDS : TemplateCorpus.POSITIVE_WORDS;
            assertThat(sentiment.stream().anyMatch(w -> hasWord(e.text(), w))).isTrue();
        }
    }

    @Test
    void badSettings_rejectedWithTheValue() {
        assertThatThrownBy(() -> TemplateCorpus.pool(10, 0.5, 1)).hasMessageContaining("label noise");
        List<List<TemplateCorpus.Example>> pool = TemplateCorpus.pool(2, 0, 1);
        assertThatThrownBy(() -> TemplateCorpus.sample(pool, 10, 1.5, 1)).hasMessageContaining("bias must be in [-1, 1], got 1.5");
    }

    private static boolean hasWord(String text, String word) {
        return Pattern.compile("\\b" + word + "\\b").matcher(text).find();
    }
}
