package org.rai4j.speech;

import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * A synthetic speaker: a {@link Voice} with its own speaking rate, pitch and (for espeak-ng) voice
 * quality, so that several speakers share an accent. Variant k of a voice uses the k-th entry of a
 * fixed table of (rate, pitch) pairs: (1.00, 0), (0.88, −1.5), (1.12, +1.5), (0.94, +0.75), (1.06, −0.75)
 * — rate relative to the voice's default, pitch in semitones — then repeats with the rate scaled by
 * 0.97. espeak-ng speakers use the Klatt formant synthesiser variants {@code klatt}, {@code klatt2},
 * {@code klatt3} in turn (espeak-ng's default voice quality is recognised far worse by the Sphinx
 * recognisers: see data/speech/README.md); flite voices have a single quality ({@code default}).
 *
 * @param id        e.g. {@code en-gb-scotland-s2}
 * @param voice     the voice
 * @param rate      speaking rate relative to the voice's default, in [0.5, 2]
 * @param semitones pitch shift in semitones, in [−6, 6]
 * @param timbre    espeak-ng voice variant ({@code klatt}, {@code klatt2}, …) or {@code default}
 */
public record Speaker(String id, Voice voice, double rate, double semitones, String timbre) {
    private static final double[][] VARIANTS = {{1.00, 0}, {0.88, -1.5}, {1.12, 1.5}, {0.94, 0.75}, {1.06, -0.75}};
    private static final String[] ESPEAK_TIMBRES = {"klatt", "klatt2", "klatt3"};

    public Speaker {
        Preconditions.checkNotNull(voice, "voice");
        Preconditions.checkArgument(id != null && !id.isBlank(), "speaker id must not be blank");
        Preconditions.checkArgument(rate >= 0.5 && rate <= 2, "rate must be in [0.5, 2], got " + rate);
        Preconditions.checkArgument(semitones >= -6 && semitones <= 6, "semitones must be in [-6, 6], got " + semitones);
        Preconditions.checkArgument(timbre != null && timbre.matches("[a-z0-9]+"), "timbre must be lower-case letters and digits, got '" + timbre + "'");
    }

    /** Variant {@code k} (0-based) of {@code voice}. */
    public static Speaker variant(Voice voice, int k) {
        Preconditions.checkAtLeast(k, 0, "k");
        double[] v = VARIANTS[k % VARIANTS.length];
        double rate = v[0] * Math.pow(0.97, k / VARIANTS.length);
        String timbre = voice.engine() == TtsEngine.ESPEAK_NG ? ESPEAK_TIMBRES[k % ESPEAK_TIMBRES.length] : "default";
        return new Speaker(voice.name() + "-s" + (k + 1), voice, rate, v[1], timbre);
    }

    /** {@code perVoice} speakers of every voice, voice by voice. */
    public static List<Speaker> of(List<Voice> voices, int perVoice) {
        Preconditions.checkAtLeast(perVoice, 1, "perVoice");
        List<Speaker> out = new ArrayList<>();
        for (Voice v : voices) {
            for (int k = 0; k < perVoice; k++) {
                out.add(variant(v, k));
            }
        }
        return out;
    }
}
