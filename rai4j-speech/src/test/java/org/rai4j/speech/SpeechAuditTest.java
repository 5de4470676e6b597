package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rai4j.core.Column;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Estimate;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;
import org.rai4j.fairness.AuditResult;
import org.rai4j.fairness.SliceResult;

class SpeechAuditTest {
    private static final String[] WORDS = {"the", "patient", "has", "a", "mild", "fever", "no", "chest", "pain", "today"};

    private static String sentence(SplittableRandom rng, int min, int max) {
        StringBuilder sb = new StringBuilder();
        int n = min + rng.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[rng.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** A table of utterances: accent a/b/c, condition x/y, 12 speakers, random references and noisy hypotheses. */
    private static Table table(long seed, int rows) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] ref = new String[rows];
        String[] hyp = new String[rows];
        String[] accent = new String[rows];
        String[] condition = new String[rows];
        String[] speaker = new String[rows];
        for (int r = 0; r < rows; r++) {
            int s = rng.nextInt(12);
            speaker[r] = "s" + s;
            accent[r] = "abc".substring(s % 3, s % 3 + 1);
            condition[r] = rng.nextBoolean() ? "x" : "y";
            ref[r] = sentence(rng, 0, 8);
            hyp[r] = rng.nextDouble() < 0.3 ? ref[r] : sentence(rng, 0, 8);
        }
        return Table.of("generated", Column.categorical("reference", ref), Column.categorical("hypothesis", hyp),
                Column.categorical("accent", accent), Column.categorical("condition", condition),
                Column.categorical("speaker", speaker));
    }

    static LongStream seeds() {
        return LongStream.range(0, 6);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void run_generatedTable_everySliceEqualsPooledScoringOfItsRows(long seed) throws Exception {
        Table t = table(seed, 300);
        SpeechScorer scorer = new SpeechScorer(TextNormalizer.DEFAULT);
        SpeechAudit.Result r = SpeechAudit.run(t, SpeechAudit.spec("reference", "hypothesis", List.of("accent", "condition"),
                5, 0.95, 0, 1), TextNormalizer.DEFAULT, null, b -> { });
        AuditResult a = r.audit();
        List<SliceResult> slices = new ArrayList<>(a.main().groups());
        slices.add(a.main().overall());
        for (SliceResult s : slices) {
            List<String> refs = new ArrayList<>();
            List<String> hyps = new ArrayList<>();
            for (int row = 0; row < t.rowCount(); row++) {
                if (matches(t, row, s.slice())) {
                    refs.add(t.column("reference").text(row));
                    hyps.add(t.column("hypothesis").text(row));
                }
            }
            SpeechCounts expected = scorer.scoreAll(refs, hyps);
            assertThat(s.n()).isEqualTo(refs.size());
            for (SpeechMetric m : SpeechMetric.values()) {
                Estimate e = s.metric(m.id());
                assertThat(e.value()).as("%s %s", s.slice(), m.id()).isCloseTo(m.of(expected), within(1e-12));
            }
            assertThat(s.counts()).containsEntry("hits", (double) expected.words().hits())
                    .containsEntry("substitutions", (double) expected.words().substitutions())
                    .containsEntry("deletions", (double) expected.words().deletions())
                    .containsEntry("insertions", (double) expected.words().insertions())
                    .containsEntry("reference_words", (double) expected.referenceWords());
        }
        assertThat(a.provenance().config()).containsEntry("normalization", "lowercase,remove-punctuation,split-on-whitespace");
        assertThat(r.coverage().cells()).hasSize(6);
    }

    private static boolean matches(Table t, int row, SliceKey key) throws DataFileException {
        for (Map.Entry<String, String> e : key.asMap().entrySet()) {
            if (!e.getValue().equals(t.column(e.getKey()).text(row))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void run_speakerClusters_widerIntervalsThanUtteranceBootstrap() throws Exception {
        // Speaker s (0..11) gets s of its 11 utterances right; a wrong one has WER 4/6. Utterances of one
        // speaker are strongly dependent. Expected 95% widths (normal approximation): resampling utterances,
        // 3.92 · (4/6) · 0.5 / sqrt(132) ≈ 0.114; resampling the 12 speakers, 3.92 · (4/6) · sqrt(var(k/11,
        // k = 0..11) / 12) = 3.92 · (4/6) · sqrt(0.0985 / 12) ≈ 0.237, a ratio of about 2.1. With B = 400 and
        // this fixed seed the measured widths are 0.126 and 0.222 (ratio 1.76); asserting a ratio above 1.5
        // checks that clusters are resampled as wholes (a row bootstrap gives a ratio near 1).
        int rows = 12 * 11;
        String[] ref = new String[rows];
        String[] hyp = new String[rows];
        String[] speaker = new String[rows];
        String[] group = new String[rows];
        for (int r = 0; r < rows; r++) {
            int s = r / 11;
            speaker[r] = "s" + s;
            group[r] = "g";
            ref[r] = "the patient has a mild fever";
            hyp[r] = (r % 11) < s ? ref[r] : "a patient had no fever";
        }
        Table t = Table.of("clustered", Column.categorical("reference", ref), Column.categorical("hypothesis", hyp),
                Column.categorical("speaker", speaker), Column.categorical("group", group));
        var spec = SpeechAudit.spec("reference", "hypothesis", List.of("group"), 5, 0.95, 400, 7);
        AuditResult byUtterance = SpeechAudit.run(t, spec, TextNormalizer.DEFAULT, null, b -> { }).audit();
        AuditResult bySpeaker = SpeechAudit.run(t, spec, TextNormalizer.DEFAULT, "speaker", b -> { }).audit();
        assertThat(byUtterance.bootstrapMethod()).isEqualTo("rows");
        assertThat(bySpeaker.bootstrapMethod()).isEqualTo("clusters:speaker");
        var u = byUtterance.main().overall().metric("wer").interval();
        var c = bySpeaker.main().overall().metric("wer").interval();
        assertThat(c.hi() - c.lo()).isGreaterThan(1.5 * (u.hi() - u.lo()));
        assertThat(bySpeaker.main().overall().metric("wer").value()).isEqualTo(byUtterance.main().overall().metric("wer").value());
    }

    @Test
    void run_missingClusterValue_reportsFileAndLine() throws Exception {
        Table t = new CsvTableReader().read("reference,hypothesis,accent,speaker\na b,a b,us,s1\na c,a,gb,\n", "speech.csv");
        assertThatThrownBy(() -> SpeechAudit.run(t, SpeechAudit.spec("reference", "hypothesis", List.of("accent"), 1, 0.95, 10, 1),
                TextNormalizer.DEFAULT, "speaker", b -> { }))
                .isInstanceOf(DataFileException.class)
                .hasMessage("speech.csv:3: column 'speaker': expected a cluster id, got an empty field");
    }

    @Test
    void counts_vectorRoundTrip_isIdentity() {
        SpeechCounts c = new SpeechScorer(TextNormalizer.NONE).scoreAll(List.of("a b c", "", "x y"), List.of("a c d", "z", "x y"));
        double[] v = java.util.Arrays.copyOf(SpeechAudit.vector(c), SpeechAudit.STATISTICS.size() + 1);
        v[SpeechAudit.STATISTICS.size()] = c.utterances();
        assertThat(SpeechAudit.counts(v)).isEqualTo(c);
    }
}
