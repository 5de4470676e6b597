package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionEffectTest {
    private static final SpeechScorer RAW = new SpeechScorer(TextNormalizer.NONE);

    private static SpeechCounts utt(String ref, String hyp) {
        return SpeechCounts.of(RAW.score(ref, hyp));
    }

    @Test
    void compute_handExample_effectsAndDifferentialsAsDefined() {
        // accent a: clean 0/4 errors, hospital 2/4; accent b: clean 1/4, hospital 1/4.
        List<String> group = List.of("a", "a", "b", "b");
        List<String> condition = List.of("clean", "hospital", "clean", "hospital");
        List<SpeechCounts> counts = List.of(utt("w x y z", "w x y z"), utt("w x y z", "w q y"),
                utt("w x y z", "w x y q"), utt("w x y z", "w x q z"));
        List<ConditionEffect> e = ConditionEffect.compute(group, condition, null, counts, "clean", "hospital",
                SpeechMetric.WER, 0, 1, 0.95);
        assertThat(e).extracting(ConditionEffect::group).containsExactly("a", "b", ConditionEffect.ALL);
        // a: 0.5 - 0 = 0.5; b: 0.25 - 0.25 = 0; all: 3/8 - 1/8 = 0.25
        assertThat(e.get(0).effect()).isCloseTo(0.5, within(1e-12));
        assertThat(e.get(1).effect()).isCloseTo(0.0, within(1e-12));
        assertThat(e.get(2).effect()).isCloseTo(0.25, within(1e-12));
        assertThat(e.get(0).differential()).isCloseTo(0.25, within(1e-12));
        assertThat(e.get(1).differential()).isCloseTo(-0.25, within(1e-12));
        assertThat(e.get(0).effectInterval()).isNull();
        assertThat(e.get(0).baselineUtterances()).isEqualTo(1);
    }

    @Test
    void compute_withClusters_intervalsContainPointEstimates() {
        List<String> group = List.of("a", "a", "a", "a", "b", "b", "b", "b");
        List<String> condition = List.of("clean", "hospital", "clean", "hospital", "clean", "hospital", "clean", "hospital");
        List<String> speaker = List.of("s1", "s1", "s2", "s2", "s3", "s3", "s4", "s4");
        List<SpeechCounts> counts = List.of(utt("a b", "a b"), utt("a b", "a"), utt("a b", "a b"), utt("a b", "x"),
                utt("a b", "a b"), utt("a b", "a b"), utt("a b", "b"), utt("a b", "b"));
        List<ConditionEffect> e = ConditionEffect.compute(group, condition, speaker, counts, "clean", "hospital",
                SpeechMetric.WER, 300, 3, 0.95);
        for (ConditionEffect c : e) {
            assertThat(c.effectInterval().contains(c.effect())).as(c.group()).isTrue();
        }
        assertThat(e.get(2).differentialInterval()).isNull();
    }
}
