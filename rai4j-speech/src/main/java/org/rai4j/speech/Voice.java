package org.rai4j.speech;

import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * A synthetic voice with the accent it renders. The catalogue ({@link #CATALOGUE}) holds the English
 * voices of Debian's espeak-ng and flite packages with accent labels; accent labels are shared across
 * engines (espeak-ng {@code en-gb-scotland} and flite {@code awb} are both "scottish"), so an accent
 * group mixes engines and the engine is a recorded nuisance variable ({@code tts} column).
 *
 * @param engine the synthesiser
 * @param name   the engine's voice name, e.g. {@code en-gb-scotland} or {@code awb}
 * @param accent the accent label used for grouping, e.g. {@code scottish}
 */
public record Voice(TtsEngine engine, String name, String accent) {
    /** The voices named in the speech audit issue, with accent labels. */
    public static final List<Voice> CATALOGUE = List.of(
            new Voice(TtsEngine.ESPEAK_NG, "en-us", "american"),
            new Voice(TtsEngine.ESPEAK_NG, "en-us-nyc", "new-york"),
            new Voice(TtsEngine.ESPEAK_NG, "en-gb", "british"),
            new Voice(TtsEngine.ESPEAK_NG, "en-gb-x-rp", "british-rp"),
            new Voice(TtsEngine.ESPEAK_NG, "en-gb-scotland", "scottish"),
            new Voice(TtsEngine.ESPEAK_NG, "en-gb-x-gbclan", "lancastrian"),
            new Voice(TtsEngine.ESPEAK_NG, "en-gb-x-gbcwmd", "west-midlands"),
            new Voice(TtsEngine.ESPEAK_NG, "en-029", "caribbean"),
            new Voice(TtsEngine.FLITE, "kal", "american"),
            new Voice(TtsEngine.FLITE, "awb", "scottish"),
            new Voice(TtsEngine.FLITE, "rms", "american"),
            new Voice(TtsEngine.FLITE, "slt", "american"));

    public Voice {
        Preconditions.checkNotNull(engine, "engine");
        Preconditions.checkArgument(name != null && name.matches("[A-Za-z0-9_+.-]+"),
                "voice name must be letters, digits, '_', '+', '.' or '-', got '" + name + "'");
        Preconditions.checkArgument(accent != null && !accent.isBlank(), "accent must not be blank");
    }

    /**
     * The catalogue voice named {@code name}, or an explicit {@code espeak-ng:NAME} / {@code flite:NAME}
     * (whose accent label is then its name).
     */
    public static Voice parse(String name) {
        String n = name.strip();
        for (Voice v : CATALOGUE) {
            if (v.name.equals(n)) {
                return v;
            }
        }
        for (TtsEngine e : TtsEngine.values()) {
            if (n.startsWith(e.id() + ":") && n.length() > e.id().length() + 1) {
                String voice = n.substring(e.id().length() + 1);
                return new Voice(e, voice, voice);
            }
        }
        List<String> names = new ArrayList<>();
        for (Voice v : CATALOGUE) {
            names.add(v.name);
        }
        throw new IllegalArgumentException("voice must be one of " + String.join(", ", names)
                + " (or espeak-ng:NAME / flite:NAME), got '" + name + "'");
    }
}
