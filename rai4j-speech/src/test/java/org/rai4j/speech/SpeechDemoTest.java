package org.rai4j.speech;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Table;
import org.rai4j.fairness.ComparisonResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpeechDemoTest {
    @Test
    void load_describe_theBundledDesign() throws Exception {
        Table t = SpeechDemo.load();
        SpeechDemo.Description d = SpeechDemo.describe(t);
        // data/speech/README.md: 8 accents × 10 speakers × 6 prompts × 4 conditions, recognised by pocketsphinx.
        assertThat(d.utterances()).isEqualTo(8 * 10 * 6 * 4);
        assertThat(d.speakers()).isEqualTo(80);
        assertThat(d.voices()).isEqualTo(8);
        assertThat(d.accents()).isEqualTo(8);
        assertThat(d.conditions()).isEqualTo(4);
        assertThat(d.asr()).isEqualTo(List.of("pocketsphinx"));
        assertThat(d.sha256()).isEqualTo(t.sha256()).hasSize(64);
        assertThat(t.source()).isEqualTo(SpeechDemo.SOURCE);
        assertThat(SpeechDemo.hospitalCondition(t)).isEqualTo("hospital-10");
    }

    @Test
    void conditionEffect_comparesTheConditionWithCleanByAccent() throws Exception {
        Table t = SpeechDemo.load();
        ComparisonResult r = SpeechDemo.conditionEffect(t, TextNormalizer.DEFAULT, "hospital-10", 100, 1);
        assertThat(r.baselineRows()).isEqualTo(480);
        assertThat(r.candidateRows()).isEqualTo(480);
        assertThat(r.slices()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void conditionEffect_namesTheConditionsWhenTheTargetIsCleanOrAbsent() {
        Table t = SpeechDemo.load();
        assertThatThrownBy(() -> SpeechDemo.conditionEffect(t, TextNormalizer.DEFAULT, "clean", 20, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data has conditions clean, white-15, babble-15, hospital-10; expected one of them other "
                        + "than clean, got 'clean'");
        assertThatThrownBy(() -> SpeechDemo.conditionEffect(t, TextNormalizer.DEFAULT, "rain", 20, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 'rain'");
    }
}
