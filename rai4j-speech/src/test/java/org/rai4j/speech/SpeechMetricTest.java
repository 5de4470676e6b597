package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpeechMetricTest {
    private static final SpeechScorer RAW = new SpeechScorer(TextNormalizer.NONE);

    record Golden(int line, String level, List<String> refs, List<String> hyps, String expected) {
        @Override
        public String toString() {
            return "golden-wer.tsv:" + line + " " + refs + " -> " + hyps;
        }
    }

    static List<Golden> golden() throws IOException {
        List<Golden> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SpeechMetricTest.class.getResourceAsStream("golden-wer.tsv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Golden(n, f[0], utterances(f[1]), utterances(f[2]), f[3]));
            }
        }
        return out;
    }

    private static List<String> utterances(String field) {
        List<String> u = new ArrayList<>();
        for (String s : field.split(" \\| ", -1)) {
            u.add(s.equals("<empty>") ? "" : s);
        }
        return u;
    }

    private static double fraction(String v) {
        int slash = v.indexOf('/');
        return slash < 0 ? Double.parseDouble(v) : Double.parseDouble(v.substring(0, slash)) / Double.parseDouble(v.substring(slash + 1));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void metrics_goldenVectors_matchPublishedValues(Golden g) {
        SpeechCounts c = RAW.scoreAll(g.refs(), g.hyps());
        for (String kv : g.expected().split(" ")) {
            String name = kv.substring(0, kv.indexOf('='));
            double expected = fraction(kv.substring(kv.indexOf('=') + 1));
            double actual = switch (name) {
                case "hits" -> c.words().hits();
                case "substitutions" -> c.words().substitutions();
                case "deletions" -> c.words().deletions();
                case "insertions" -> c.words().insertions();
                case "char_hits" -> c.characters().hits();
                case "char_substitutions" -> c.characters().substitutions();
                case "char_deletions" -> c.characters().deletions();
                case "char_insertions" -> c.characters().insertions();
                default -> metric(name).of(c);
            };
            assertThat(actual).as("%s: %s", g, name).isCloseTo(expected, within(1e-12));
        }
    }

    private static SpeechMetric metric(String id) {
        for (SpeechMetric m : SpeechMetric.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void wer_pooledVersusMean_differAsDefined() {
        // refs ["a b c d","e"], hyps ["a b c x",""]: per-utterance 1/4 and 1/1 -> mean 0.625; pooled 2/5.
        SpeechCounts c = RAW.scoreAll(List.of("a b c d", "e"), List.of("a b c x", ""));
        assertThat(SpeechMetric.WER.of(c)).isEqualTo(0.4);
        assertThat(SpeechMetric.MEAN_UTTERANCE_WER.of(c)).isEqualTo(0.625);
    }

    @Test
    void metrics_noUtterances_areNaN() {
        for (SpeechMetric m : SpeechMetric.values()) {
            assertThat(m.of(SpeechCounts.ZERO)).as(m.id()).isNaN();
        }
    }

    @Test
    void cer_countsSpacesAsCharacters() {
        // "ab cd" vs "abcd": one deleted space out of 5 characters.
        SpeechCounts c = RAW.scoreAll(List.of("ab cd"), List.of("abcd"));
        assertThat(SpeechMetric.CER.of(c)).isEqualTo(0.2);
        assertThat(SpeechMetric.WER.of(c)).isEqualTo(1.0);
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    private static String randomSentence(SplittableRandom rng) {
        String[] vocab = {"the", "patient", "a", "pain", "chest", "mild", "no", "fever", ""};
        StringBuilder sb = new StringBuilder();
        int n = rng.nextInt(7);
        for (int i = 0; i < n; i++) {
            sb.append(vocab[rng.nextInt(vocab.length)]).append(' ');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plus_generatedGroups_isAssociativeCommutativeWithIdentity(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SpeechCounts[] parts = new SpeechCounts[3];
        for (int p = 0; p < 3; p++) {
            List<String> r = new ArrayList<>();
            List<String> h = new ArrayList<>();
            for (int i = 0; i < 1 + rng.nextInt(5); i++) {
                r.add(randomSentence(rng));
                h.add(randomSentence(rng));
            }
            parts[p] = RAW.scoreAll(r, h);
        }
        SpeechCounts left = parts[0].plus(parts[1]).plus(parts[2]);
        SpeechCounts right = parts[0].plus(parts[1].plus(parts[2]));
        assertThat(left.words()).isEqualTo(right.words());
        assertThat(left.characters()).isEqualTo(right.characters());
        assertThat(left.utterances()).isEqualTo(right.utterances());
        assertThat(left.sumUtteranceWer()).isCloseTo(right.sumUtteranceWer(), within(1e-9));
        assertThat(parts[0].plus(parts[1])).isEqualTo(parts[1].plus(parts[0]));
        assertThat(parts[0].plus(SpeechCounts.ZERO)).isEqualTo(parts[0]);
        assertThat(parts[0].times(3).words()).isEqualTo(parts[0].plus(parts[0]).plus(parts[0]).words());
        // pooled metrics of the union equal those computed on all utterances at once (merge = concatenation)
        for (SpeechMetric m : SpeechMetric.values()) {
            assertThat(m.of(left)).as(m.id()).isCloseTo(m.of(right), within(1e-12));
        }
    }

    @Test
    void scorer_defaultNormalizer_ignoresCaseAndPunctuation() {
        SpeechScorer s = new SpeechScorer(TextNormalizer.DEFAULT);
        UtteranceScore u = s.score("The patient's chest X-ray, clear.", "the patients chest x ray clear");
        assertThat(u.words()).isEqualTo(new EditCounts(6, 0, 0, 0));
        assertThat(u.hasError()).isFalse();
    }
}
