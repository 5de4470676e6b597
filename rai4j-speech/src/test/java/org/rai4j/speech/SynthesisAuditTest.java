package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through real programs: espeak-ng and flite speak, sox makes the hospital noise, pocketsphinx
 * recognises. Needs the Debian packages espeak-ng, flite, sox, pocketsphinx and pocketsphinx-en-us (the CI
 * installs them; the test fails with the install command when they are missing). Two prompts × two voices
 * × two conditions = 8 utterances, one of whose units is found already done (resume).
 */
class SynthesisAuditTest {
    @TempDir
    Path dir;

    @Test
    void run_twoVoicesTwoConditions_writesCsvResumesAndRecognisesCleanFliteSpeech() throws Exception {
        List<Prompt> prompts = List.of(new Prompt("p1", "Please call the doctor in the morning.", "general"),
                new Prompt("p2", "The patient has a mild fever.", "medical"));
        List<Speaker> speakers = Speaker.of(List.of(Voice.parse("slt"), Voice.parse("en-us")), 1);
        List<AcousticCondition> conditions = List.of(AcousticCondition.parse("clean"), AcousticCondition.parse("hospital"));
        SynthesisPlan plan = new SynthesisPlan(prompts, speakers, conditions, AsrBackend.POCKETSPHINX, dir, 2, 11, 1, false);
        ExternalTool.requireAll(plan.requiredTools());

        // a unit finished by an earlier, interrupted run: it must be reused, not redone
        Path units = dir.resolve("work/units");
        Files.createDirectories(units);
        UtteranceRecord done1 = new UtteranceRecord("en-us-s1/p2/clean", "en-us-s1", "en-us", "american", "clean", Double.NaN,
                "The patient has a mild fever.", "from an earlier run", "p2", "medical", "espeak-ng", "pocketsphinx",
                "klatt", 1, 0, 2.0);
        UtteranceRecord done2 = new UtteranceRecord("en-us-s1/p2/hospital", "en-us-s1", "en-us", "american", "hospital", 20,
                "The patient has a mild fever.", "from an earlier run", "p2", "medical", "espeak-ng", "pocketsphinx",
                "klatt", 1, 0, 2.0);
        Files.writeString(units.resolve("en-us-s1__p2.csv"), SynthesisAudit.csv(List.of(done1, done2), false));

        List<String> progress = new ArrayList<>();
        SynthesisAudit.Result r = new SynthesisAudit(plan).run((d, t, m) -> progress.add(d + "/" + t));
        assertThat(r.resumedUnits()).isEqualTo(1);
        assertThat(progress.get(0)).isEqualTo("2/8");
        assertThat(progress.get(progress.size() - 1)).isEqualTo("8/8");
        assertThat(r.records()).hasSize(8);
        assertThat(r.records()).extracting(UtteranceRecord::utteranceId).containsExactly(
                "slt-s1/p1/clean", "slt-s1/p1/hospital", "slt-s1/p2/clean", "slt-s1/p2/hospital",
                "en-us-s1/p1/clean", "en-us-s1/p1/hospital", "en-us-s1/p2/clean", "en-us-s1/p2/hospital");
        assertThat(r.records().get(6).hypothesis()).isEqualTo("from an earlier run");
        String csv = Files.readString(r.csv());
        assertThat(csv).startsWith(String.join(",", UtteranceRecord.COLUMNS) + "\n");
        assertThat(csv.lines().count()).isEqualTo(9);
        assertThat(Files.exists(dir.resolve("work"))).isFalse();
        // flite's slt voice on clean audio is recognised well by pocketsphinx (WER 0 on this sentence when run
        // for this test; we allow one word in seven)
        UtteranceRecord clean = r.records().get(0);
        assertThat(new SpeechScorer(TextNormalizer.DEFAULT).score(clean.reference(), clean.hypothesis()).wordErrorRate())
                .as(clean.hypothesis()).isLessThanOrEqualTo(1.0 / 7);
        assertThat(r.records().get(1).snrDb()).isEqualTo(20.0);
        assertThat(r.records().get(1).audioSeconds()).isEqualTo(clean.audioSeconds());
        assertThat(r.toolVersions()).containsKeys("flite", "espeak-ng", "sox", "pocketsphinx_continuous");
    }
}
