package org.rai4j.speech;

import java.util.List;

/**
 * One row of a synthetic speech audit: who said what under which condition, and what the recogniser
 * heard. The first eight fields are the columns named by the speech audit issue; the rest record the
 * design ({@code prompt_id}, {@code domain}, {@code tts}, {@code timbre}, {@code rate}, {@code semitones}) and the
 * recogniser.
 *
 * @param utteranceId  {@code speaker/prompt/condition}, unique
 * @param speaker      speaker id (a voice with its rate and pitch), e.g. {@code awb-s2}
 * @param voice        the synthesiser's voice name
 * @param accent       accent label of the voice
 * @param condition    acoustic condition name
 * @param snrDb        SNR in dB, NaN for conditions without additive noise
 * @param reference    what was said (the prompt text)
 * @param hypothesis   what the recogniser wrote
 * @param promptId     prompt id
 * @param domain       prompt domain
 * @param tts          synthesiser ({@code espeak-ng} or {@code flite})
 * @param asr          recogniser ({@code pocketsphinx} or {@code sphinx4})
 * @param timbre       speaker's voice quality (espeak-ng variant, or {@code default})
 * @param rate         speaker's rate relative to the voice default
 * @param semitones    speaker's pitch shift
 * @param audioSeconds length of the audio given to the recogniser
 */
public record UtteranceRecord(String utteranceId, String speaker, String voice, String accent, String condition,
                              double snrDb, String reference, String hypothesis, String promptId, String domain,
                              String tts, String asr, String timbre, double rate, double semitones, double audioSeconds) {
    /** Column names of the CSV, in order. */
    public static final List<String> COLUMNS = List.of("utterance_id", "speaker", "voice", "accent", "condition",
            "snr_db", "reference", "hypothesis", "prompt_id", "domain", "tts", "asr", "timbre", "rate", "semitones", "audio_seconds");

    /** The CSV fields, in {@link #COLUMNS} order (NaN SNR as an empty field). */
    public List<String> fields() {
        return List.of(utteranceId, speaker, voice, accent, condition, Double.isNaN(snrDb) ? "" : fmt(snrDb), reference,
                hypothesis, promptId, domain, tts, asr, timbre, fmt(rate), fmt(semitones), String.format(java.util.Locale.ROOT, "%.3f", audioSeconds));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
