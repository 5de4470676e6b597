package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void none_collapsesWhitespaceOnly() {
        assertThat(TextNormalizer.NONE.words("  Hello,   World!\tnow ")).containsExactly("Hello,", "World!", "now");
        assertThat(TextNormalizer.NONE.words("")).isEmpty();
        assertThat(TextNormalizer.NONE.words(null)).isEmpty();
    }

    @Test
    void default_lowercasesAndRemovesPunctuation() {
        assertThat(TextNormalizer.DEFAULT.normalize("Follow-up in 2 weeks; the patient's BP: fine."))
                .isEqualTo("follow up in 2 weeks the patients bp fine");
    }

    @Test
    void expandContractions_appliesJiwerRulesInOrder() {
        TextNormalizer n = TextNormalizer.of(NormalizationStep.LOWERCASE, NormalizationStep.EXPAND_CONTRACTIONS);
        assertThat(n.normalize("I won't, can't and we're sure it's what I'd've done; let's go, I'm"))
                .isEqualTo("i will not, can not and we are sure it is what i would have done; let us go, i am");
    }

    @Test
    void removeNonWordTags_dropsBracketedTags() {
        assertThat(TextNormalizer.JIWER_STANDARDIZE.words("hello [noise] <unk> World"))
                .containsExactly("hello", "world");
    }

    @Test
    void numbersToWords_spellsCardinalsDecimalsOrdinalsPercent() {
        TextNormalizer n = TextNormalizer.of(NormalizationStep.NUMBERS_TO_WORDS, NormalizationStep.REMOVE_PUNCTUATION);
        assertThat(n.normalize("give 2.5 mg on the 21st day, 1,250 units, 40% and 100"))
                .isEqualTo("give two point five mg on the twenty first day one thousand two hundred fifty units forty percent and one hundred");
        assertThat(NumberWords.cardinal(0)).isEqualTo("zero");
        assertThat(NumberWords.cardinal(1_000_001)).isEqualTo("one million one");
        assertThat(NumberWords.cardinal(999_999_999_999_999_999L)).startsWith("nine hundred ninety nine quadrillion");
        assertThat(NumberWords.ordinal("twelve")).isEqualTo("twelfth");
        assertThat(NumberWords.ordinal("forty")).isEqualTo("fortieth");
        assertThat(NumberWords.integerWords("007")).isEqualTo("zero zero seven");
    }

    @Test
    void steps_anyRequestOrder_runInCanonicalOrder() {
        TextNormalizer a = new TextNormalizer(List.of(NormalizationStep.REMOVE_PUNCTUATION, NormalizationStep.LOWERCASE));
        assertThat(a).isEqualTo(TextNormalizer.DEFAULT);
        assertThat(a.describe()).containsExactly("lowercase", "remove-punctuation", "split-on-whitespace");
    }

    @Test
    void fromId_unknownStep_namesAllowedSteps() {
        assertThatThrownBy(() -> NormalizationStep.fromId("stem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowercase").hasMessageContaining("got 'stem'");
    }
}
