package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.core.DataFileException;

class PipelinePartsTest {
    @TempDir
    Path dir;

    @Test
    void mix_generatedSpeechAndNoise_reachesTargetSnrOnActiveFrames() {
        // speech: a 200 Hz tone of amplitude 0.3 for 1 s between 0.3 s silences; noise: uniform white noise.
        // At these SNRs the mixture peaks below 0.99, so nothing is rescaled and mixed − speech is the noise added.
        int rate = 16000;
        float[] speech = tone(rate, 0.3);
        float[] noise = whiteNoise(rate * 3);
        for (double snr : new double[] {30, 20, 10, 5}) {
            float[] mixed = NoiseMixer.mix(speech, rate, noise, 1234, snr);
            float[] added = new float[mixed.length];
            double peak = 0;
            for (int i = 0; i < mixed.length; i++) {
                added[i] = mixed[i] - speech[i];
                peak = Math.max(peak, Math.abs(mixed[i]));
            }
            assertThat(peak).isLessThan(0.99);
            double measured = 10 * Math.log10(NoiseMixer.activePower(speech, rate) / NoiseMixer.meanPower(added, 0, added.length));
            assertThat(measured).as("snr %s", snr).isCloseTo(snr, within(1e-3));
        }
    }

    @Test
    void mix_loudMixture_isScaledToPeak099() {
        float[] mixed = NoiseMixer.mix(tone(16000, 0.9), 16000, whiteNoise(48000), 0, 0);
        double peak = 0;
        for (float v : mixed) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isCloseTo(0.99, within(1e-6));
    }

    private static float[] tone(int rate, double amplitude) {
        float[] speech = new float[(int) (1.6 * rate)];
        for (int i = (int) (0.3 * rate); i < (int) (1.3 * rate); i++) {
            speech[i] = (float) (amplitude * Math.sin(2 * Math.PI * 200 * i / rate));
        }
        return speech;
    }

    private static float[] whiteNoise(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return noise;
    }

    @Test
    void activePower_ignoresSilence() {
        float[] x = new float[16000];
        for (int i = 8000; i < 16000; i++) {
            x[i] = 0.5f;
        }
        assertThat(NoiseMixer.activePower(x, 16000)).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void audio_writeThenRead_roundTripsWithin16BitPrecision() throws Exception {
        float[] s = new float[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i / 10.0) * 0.8f;
        }
        Path f = dir.resolve("a.wav");
        new Audio(s, 16000).write(f);
        Audio back = Audio.read(f);
        assertThat(back.sampleRate()).isEqualTo(16000);
        assertThat(back.length()).isEqualTo(1000);
        for (int i = 0; i < s.length; i++) {
            assertThat(back.samples()[i]).isCloseTo(s[i], within(1.5f / 32768));
        }
        Files.writeString(dir.resolve("b.wav"), "not audio");
        assertThatThrownBy(() -> Audio.read(dir.resolve("b.wav"))).hasMessageContaining("expected a RIFF/WAVE file");
    }

    @Test
    void parse_conditionNames_giveKindAndSnr() {
        assertThat(AcousticCondition.parse("babble-10")).isEqualTo(new AcousticCondition("babble-10", AcousticCondition.Kind.BABBLE, 10));
        assertThat(AcousticCondition.parse("hospital").snrDb()).isEqualTo(AcousticCondition.DEFAULT_HOSPITAL_SNR_DB);
        assertThat(AcousticCondition.parse("telephone").snrDb()).isNaN();
        assertThat(AcousticCondition.parse("Pink-5").kind()).isEqualTo(AcousticCondition.Kind.PINK);
        assertThatThrownBy(() -> AcousticCondition.parse("white")).hasMessageContaining("got 'white'");
        assertThatThrownBy(() -> AcousticCondition.parse("rain-10")).hasMessageContaining("clean, white-SNR");
        assertThatThrownBy(() -> AcousticCondition.parse("white-90")).hasMessageContaining("[-20, 60]");
        assertThat(AcousticCondition.parse("reverb").reverberance()).isEqualTo(70.0);
        assertThat(AcousticCondition.parse("reverb-40").reverberance()).isEqualTo(40.0);
        assertThat(AcousticCondition.parse("band-300-3400").band()).containsExactly(300.0, 3400.0);
        assertThat(AcousticCondition.parse("band-300-3400").snrDb()).isNaN();
        assertThatThrownBy(() -> AcousticCondition.parse("reverb-0")).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> AcousticCondition.parse("band-3400-300")).hasMessageContaining("LO < HI");
        assertThatThrownBy(() -> AcousticCondition.parse("band-300")).hasMessageContaining("band-LO-HI");
        assertThatThrownBy(() -> AcousticCondition.parse("band-x-300")).hasMessageContaining("'x' is not a number");
    }

    @Test
    void voicesAndSpeakers_catalogueAndVariants() {
        assertThat(Voice.parse("awb")).isEqualTo(new Voice(TtsEngine.FLITE, "awb", "scottish"));
        assertThat(Voice.parse("espeak-ng:en-au").accent()).isEqualTo("en-au");
        assertThatThrownBy(() -> Voice.parse("xx")).hasMessageContaining("en-gb-scotland").hasMessageContaining("got 'xx'");
        List<Speaker> s = Speaker.of(List.of(Voice.parse("en-029"), Voice.parse("slt")), 3);
        assertThat(s).extracting(Speaker::id).containsExactly("en-029-s1", "en-029-s2", "en-029-s3", "slt-s1", "slt-s2", "slt-s3");
        assertThat(s.get(1).rate()).isEqualTo(0.88);
        assertThat(s.get(1).timbre()).isEqualTo("klatt2");
        assertThat(s.get(4).timbre()).isEqualTo("default");
        assertThat(Speaker.variant(Voice.parse("slt"), 5).rate()).isCloseTo(0.97, within(1e-12));
        assertThat(Synthesizer.espeakVoiceFile("en-gb")).isEqualTo("gmw/en");
    }

    @Test
    void read_prompts_validatesEveryRowWithLines() throws Exception {
        Path f = dir.resolve("prompts.csv");
        Files.writeString(f, "prompt_id,text\np1,Hello there.\np1,Again.\n,No id.\np/4,Bad id.\n");
        assertThatThrownBy(() -> Prompt.read(f)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("prompts.csv:3: column 'prompt_id': expected a unique id, but 'p1' appears earlier")
                .hasMessageContaining("prompts.csv:4: column 'prompt_id': expected an id, got an empty field")
                .hasMessageContaining("prompts.csv:5: column 'prompt_id': expected letters, digits");
        Files.writeString(f, "prompt_id,text,domain\np1,Hello there.,general\np2,Take two tablets.,medical\n");
        assertThat(Prompt.read(f)).containsExactly(new Prompt("p1", "Hello there.", "general"),
                new Prompt("p2", "Take two tablets.", "medical"));
    }

    @Test
    void promptsOf_speakersTogether_coverEveryPromptEvenly() {
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            prompts.add(new Prompt("p" + i, "sentence " + i, "general"));
        }
        List<Speaker> speakers = Speaker.of(List.of(Voice.parse("slt"), Voice.parse("awb")), 7);
        SynthesisPlan plan = new SynthesisPlan(prompts, speakers, List.of(AcousticCondition.parse("clean")),
                AsrBackend.POCKETSPHINX, dir, 12, 5, 1, false);
        Set<String> seen = new HashSet<>();
        int[] uses = new int[160];
        for (int s = 0; s < speakers.size(); s++) {
            List<Prompt> p = SynthesisAudit.promptsOf(plan, s);
            assertThat(p).hasSize(12).doesNotHaveDuplicates();
            for (Prompt x : p) {
                seen.add(x.id());
                uses[Integer.parseInt(x.id().substring(1))]++;
            }
        }
        assertThat(seen).hasSize(160); // 14 speakers × 12 = 168 slots ≥ 160
        for (int u : uses) {
            assertThat(u).isBetween(1, 2);
        }
        assertThat(plan.utterances()).isEqualTo(14 * 12);
    }

    @Test
    void plan_badArguments_areRejectedBeforeWork() {
        List<Prompt> p = List.of(new Prompt("p", "x", "g"));
        List<Speaker> s = List.of(Speaker.variant(Voice.parse("slt"), 0));
        List<AcousticCondition> c = List.of(AcousticCondition.parse("clean"));
        assertThatThrownBy(() -> new SynthesisPlan(p, s, c, AsrBackend.SPHINX4, dir, 0, 1, 1, false)).hasMessage("promptsPerSpeaker must be >= 1, got 0");
        assertThatThrownBy(() -> new SynthesisPlan(p, s, List.of(c.get(0), c.get(0)), AsrBackend.SPHINX4, dir, 1, 1, 1, false))
                .hasMessage("conditions must be distinct");
        assertThatThrownBy(() -> new SynthesisPlan(List.of(), s, c, AsrBackend.SPHINX4, dir, 1, 1, 1, false)).hasMessage("prompts must not be empty");
    }

    @Test
    void requireAll_missingPrograms_namesThemAndTheInstallCommand() {
        ExternalTool a = new ExternalTool("rai4j-no-such-program-1", "pkg-one", "voice x");
        ExternalTool b = new ExternalTool("rai4j-no-such-program-2", "pkg-two", "noise");
        assertThatThrownBy(() -> ExternalTool.requireAll(List.of(a, b, ExternalTool.SOX)))
                .isInstanceOf(MissingToolException.class)
                .hasMessage("rai4j-no-such-program-1 not found (needed for voice x)\n"
                        + "rai4j-no-such-program-2 not found (needed for noise)\n"
                        + "install with: sudo apt-get install pkg-one pkg-two");
    }

    @Test
    void requireAll_missingPocketsphinx_installLineIncludesTheModelPackageOnce() {
        ExternalTool ps = new ExternalTool("rai4j-no-such-pocketsphinx", ExternalTool.POCKETSPHINX.debPackage(), "asr");
        ExternalTool model = new ExternalTool("/rai4j/no/such/model", ExternalTool.POCKETSPHINX_MODEL.debPackage(), "model");
        assertThatThrownBy(() -> ExternalTool.requireAll(List.of(ps, model)))
                .hasMessageEndingWith("install with: sudo apt-get install pocketsphinx pocketsphinx-en-us");
        assertThatThrownBy(() -> ExternalTool.requireAll(List.of(ps)))
                .hasMessageEndingWith("install with: sudo apt-get install pocketsphinx pocketsphinx-en-us");
    }

    @Test
    void csv_recordWithQuotesAndEmptyHypothesis_isWrittenAsRfc4180() {
        UtteranceRecord r = new UtteranceRecord("s/p/clean", "s", "slt", "american", "clean", Double.NaN,
                "He said, \"stop\".", "", "p", "general", "flite", "pocketsphinx", "default", 1.0, 0.0, 2.5);
        assertThat(SynthesisAudit.csv(List.of(r), false))
                .isEqualTo("s/p/clean,s,slt,american,clean,,\"He said, \"\"stop\"\".\",,p,general,flite,pocketsphinx,default,1,0,2.500\n");
    }
}
