package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compound conditions and the mask and low-pass filters, through real sox (Debian package sox; the test
 * fails with the install command when it is missing). Filter responses are checked against their
 * definitions on two-tone signals: each tone's amplitude is measured by projection on its sine and cosine.
 */
class ConditionRendererTest {
    @TempDir
    Path dir;

    private static final int RATE = ConditionRenderer.RATE;

    @Test
    void parse_compound_keepsStagesInOrderAndTheNoiseStagesSnr() {
        AcousticCondition c = AcousticCondition.parse(" Mask-8+reverb-40+Hospital-15 ");
        assertThat(c.kind()).isEqualTo(AcousticCondition.Kind.COMPOUND);
        assertThat(c.name()).isEqualTo("mask-8+reverb-40+hospital-15");
        assertThat(c.snrDb()).isEqualTo(15.0);
        assertThat(c.stages()).extracting(AcousticCondition::kind).containsExactly(
                AcousticCondition.Kind.MASK, AcousticCondition.Kind.REVERB, AcousticCondition.Kind.HOSPITAL);
        assertThat(c.stages().get(0).maskDb()).isEqualTo(8.0);
        assertThat(AcousticCondition.parse("lowpass-3000+reverb").snrDb()).isNaN();
        assertThat(AcousticCondition.parse("lowpass-3000").lowpassHz()).isEqualTo(3000.0);
        assertThat(AcousticCondition.parse("reverb-40").stages()).containsExactly(AcousticCondition.parse("reverb-40"));
        assertThatThrownBy(() -> AcousticCondition.parse("reverb-40+hospital-10+pink-20")).hasMessageContaining("at most one stage may add noise");
        assertThatThrownBy(() -> AcousticCondition.parse("clean+reverb")).hasMessageContaining("'clean' cannot be a stage");
        assertThatThrownBy(() -> AcousticCondition.parse("reverb++pink-20")).hasMessageContaining("empty stage");
        assertThatThrownBy(() -> AcousticCondition.parse("mask-0")).hasMessageContaining("(0, 30] dB");
        assertThatThrownBy(() -> AcousticCondition.parse("lowpass-9000")).hasMessageContaining("[500, 8000) Hz");
        assertThatThrownBy(() -> AcousticCondition.parse("reverb-40+rain-3")).hasMessageContaining("got 'rain-3'");
    }

    @Test
    void mask_isAHighShelf_lowTonesKeptHighTonesLoseItsDecibels() throws Exception {
        ExternalTool.requireAll(List.of(ExternalTool.SOX));
        ConditionRenderer r = ConditionRenderer.prepare(dir, List.of(), List.of(), List.of(), null, 1);
        double[] change = toneChangesDb(r, AcousticCondition.parse("mask-12"), 300, 7000);
        // sox treble -12 2000 (slope 0.5): the shelf's plateau is reached by 7 kHz, 300 Hz is on the flat part
        assertThat(change[1] - change[0]).isCloseTo(-12.0, within(1.0));
    }

    @Test
    void lowpass_isTheBilinearTwoPoleButterworth() throws Exception {
        ExternalTool.requireAll(List.of(ExternalTool.SOX));
        ConditionRenderer r = ConditionRenderer.prepare(dir, List.of(), List.of(), List.of(), null, 1);
        double[] change = toneChangesDb(r, AcousticCondition.parse("lowpass-3000"), 500, 6000);
        // sox's lowpass is the bilinear-transform (RBJ cookbook) Butterworth biquad, Q = 1/√2:
        // |H(f)|² = 1 / (1 + (tan(πf/fs) / tan(πfc/fs))^4): −0.0004 dB at 500 Hz, −22.34 dB at 6 kHz
        // (the analogue prototype would give −12.3 dB; the bilinear map puts a zero at 8 kHz)
        double expected = butterworthDb(6000, 3000) - butterworthDb(500, 3000);
        assertThat(change[1] - change[0]).isCloseTo(expected, within(0.5));
    }

    @Test
    void compound_appliesItsStagesInTurn_withTheSameNoiseSegment() throws Exception {
        ExternalTool.requireAll(List.of(ExternalTool.SOX));
        AcousticCondition c = AcousticCondition.parse("mask-8+reverb-40+hospital-15");
        ConditionRenderer r = ConditionRenderer.prepare(dir, List.of(c), List.of(), List.of(), null, 1);
        Audio clean = twoTones(300, 3000, 1.0);
        Audio whole = r.render(clean, c, new SplittableRandom(7));
        SplittableRandom rng = new SplittableRandom(7);
        Audio byHand = clean;
        for (AcousticCondition stage : c.stages()) {
            byHand = r.render(byHand, stage, rng);
        }
        assertThat(whole.samples()).containsExactly(byHand.samples());
        // the same condition and seed give the same audio (sox -R, seeded segment)
        assertThat(r.render(clean, c, new SplittableRandom(7)).samples()).containsExactly(whole.samples());
        // the noise is there: the compound differs from its noise-free prefix
        Audio noiseFree = r.render(clean, AcousticCondition.parse("mask-8+reverb-40"), new SplittableRandom(7));
        assertThat(whole.samples()).isNotEqualTo(noiseFree.samples());
    }

    @Test
    void tempo_shortensTheRecordingByItsFactor_andKeepsThePitch() throws Exception {
        ExternalTool.requireAll(List.of(ExternalTool.SOX));
        AcousticCondition c = AcousticCondition.parse("tempo-1.25");
        assertThat(c.kind()).isEqualTo(AcousticCondition.Kind.TEMPO);
        assertThat(c.tempo()).isEqualTo(1.25);
        assertThat(c.snrDb()).isNaN();
        assertThatThrownBy(() -> AcousticCondition.parse("tempo-3")).hasMessageContaining("[0.5, 2]");
        assertThatThrownBy(() -> AcousticCondition.parse("tempo-1")).hasMessageContaining("not 1");
        ConditionRenderer r = ConditionRenderer.prepare(dir, List.of(c), List.of(), List.of(), null, 1);
        float[] tone = new float[2 * RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 500 * i / RATE));
        }
        float[] out = r.render(new Audio(tone, RATE), c, new SplittableRandom(1)).samples();
        // 2 s played 1.25 times as fast: 1.6 s (sox's WSOLA keeps the length within a few ms)
        assertThat(out.length / (double) RATE).isCloseTo(1.6, within(0.02));
        // the pitch is kept: 500 Hz crosses zero 1000 times a second (a plain speed-up would give 1250);
        // counted over the middle half, away from the edges
        int crossings = 0;
        int from = out.length / 4;
        int to = 3 * out.length / 4;
        for (int i = from + 1; i < to; i++) {
            if ((out[i - 1] < 0) != (out[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings / ((to - from) / (double) RATE)).isCloseTo(1000.0, within(30.0));
    }

    private static double butterworthDb(double f, double fc) {
        return -10 * Math.log10(1 + Math.pow(Math.tan(Math.PI * f / RATE) / Math.tan(Math.PI * fc / RATE), 4));
    }

    /** Each tone's level change in dB through the condition (after the renderer's peak normalisation). */
    private static double[] toneChangesDb(ConditionRenderer r, AcousticCondition c, double f1, double f2) throws Exception {
        Audio in = twoTones(f1, f2, 1.0);
        Audio out = r.render(in, c, new SplittableRandom(1));
        double[] change = new double[2];
        double[] f = {f1, f2};
        for (int i = 0; i < 2; i++) {
            change[i] = 20 * Math.log10(amplitude(out.samples(), f[i]) / amplitude(in.samples(), f[i]));
        }
        return change;
    }

    private static Audio twoTones(double f1, double f2, double seconds) {
        float[] x = new float[(int) (RATE * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f1 * i / RATE) + 0.3 * Math.sin(2 * Math.PI * f2 * i / RATE));
        }
        return new Audio(x, RATE);
    }

    /** Amplitude of the f-Hz component over the middle half of x (away from filter start-up and reverb tails). */
    private static double amplitude(float[] x, double f) {
        int from = x.length / 4;
        int to = 3 * x.length / 4;
        double s = 0;
        double co = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * Math.sin(2 * Math.PI * f * i / RATE);
            co += x[i] * Math.cos(2 * Math.PI * f * i / RATE);
        }
        return 2 * Math.hypot(s, co) / (to - from);
    }
}
