package org.rai4j.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speaks a sentence with a {@link Speaker}: espeak-ng or flite writes a WAV, sox converts it to 16 kHz
 * 16-bit mono, applies the speaker's pitch shift where the engine has no pitch control, normalises the
 * peak to −3 dBFS and pads 0.3 s of silence at both ends. Temporary files live in {@code workDir} and are
 * deleted. Thread-safe (each call uses its own files).
 */
final class Synthesizer {
    /** espeak-ng's default speaking rate in words per minute. */
    static final int ESPEAK_DEFAULT_WPM = 175;
    /** espeak-ng pitch points per semitone around its default pitch of 50 (an approximation). */
    static final double ESPEAK_PITCH_PER_SEMITONE = 7;
    static final double PAD_SECONDS = 0.3;

    private final Path workDir;

    Synthesizer(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * The espeak-ng voice file for a voice name. {@code en-gb} is an alias under which espeak-ng 1.51
     * ignores a "+variant" suffix, so it is addressed by its file {@code gmw/en}.
     */
    static String espeakVoiceFile(String name) {
        return name.equals("en-gb") ? "gmw/en" : name;
    }

    Audio speak(Speaker speaker, String text) throws IOException, InterruptedException {
        Path raw = Files.createTempFile(workDir, "tts-", ".wav");
        Path clean = Files.createTempFile(workDir, "clean-", ".wav");
        Path txt = null;
        try {
            Voice v = speaker.voice();
            List<String> sox = new ArrayList<>(List.of("sox", "-R", raw.toString(), "-r", "16000", "-c", "1", "-b", "16",
                    "-e", "signed-integer", clean.toString()));
            if (v.engine() == TtsEngine.ESPEAK_NG) {
                long wpm = Math.round(ESPEAK_DEFAULT_WPM * speaker.rate());
                long pitch = Math.max(0, Math.min(99, Math.round(50 + ESPEAK_PITCH_PER_SEMITONE * speaker.semitones())));
                ProcessRunner.run(List.of("espeak-ng", "-v", espeakVoiceFile(v.name()) + "+" + speaker.timbre(), "-s", Long.toString(wpm), "-p", Long.toString(pitch),
                        "-w", raw.toString(), "--stdin"), text, 120);
            } else {
                txt = Files.createTempFile(workDir, "tts-", ".txt");
                Files.writeString(txt, text);
                ProcessRunner.run(List.of("flite", "-voice", v.name(), "--setf",
                        String.format(Locale.ROOT, "duration_stretch=%.4f", 1.0 / speaker.rate()),
                        "-f", txt.toString(), "-o", raw.toString()), null, 120);
                if (speaker.semitones() != 0) {
                    sox.addAll(List.of("pitch", Long.toString(Math.round(100 * speaker.semitones()))));
                }
            }
            sox.addAll(List.of("gain", "-n", "-3", "pad", Double.toString(PAD_SECONDS), Double.toString(PAD_SECONDS)));
            ProcessRunner.run(sox, null, 120);
            return Audio.read(clean);
        } finally {
            Files.deleteIfExists(raw);
            Files.deleteIfExists(clean);
            if (txt != null) {
                Files.deleteIfExists(txt);
            }
        }
    }
}
