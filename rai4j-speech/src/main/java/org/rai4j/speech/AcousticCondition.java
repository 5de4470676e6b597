package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * An acoustic condition applied to clean synthetic speech (see {@link Kind} for each one's recipe).
 * Parsed from names: {@code clean}, {@code white-20}, {@code pink-10}, {@code babble-5} (noise type and
 * SNR in dB), {@code telephone}, {@code reverb}, {@code reverb-N}, {@code band-LO-HI}, {@code mask-DB},
 * {@code lowpass-HZ}, {@code tempo-F}, {@code hospital} (= {@code hospital-20}) or {@code hospital-N}; and compounds of
 * these joined by {@code +}, applied from left to right in the order sound travels, e.g.
 * {@code mask-8+reverb-40+hospital-15} (a masked speaker in a reverberant room with equipment noise).
 *
 * @param name  the condition's name as given, recorded in the {@code condition} column
 * @param kind  what is done to the audio
 * @param snrDb the signal-to-noise ratio in dB for additive conditions (and for compounds with an additive
 *              stage), NaN for the others
 */
public record AcousticCondition(String name, Kind kind, double snrDb) {
    /** SNR of {@code hospital} when none is given. */
    public static final double DEFAULT_HOSPITAL_SNR_DB = 20;

    /** The recipes. All noise is mixed in Java at the stated SNR (see {@code NoiseMixer}); sox makes the noise and channels. */
    public enum Kind {
        /** The synthetic speech as is (16 kHz, peak −3 dBFS, 0.3 s of silence before and after). */
        CLEAN,
        /** White noise ({@code sox synth whitenoise}). */
        WHITE,
        /** Pink noise ({@code sox synth pinknoise}). */
        PINK,
        /** Babble: six synthetic talkers (the run's voices, other prompts) summed at equal active level. */
        BABBLE,
        /** Handset telephone channel: band-pass 300–3400 Hz, 8 kHz µ-law, back to 16 kHz (sox). */
        TELEPHONE,
        /**
         * Room reverberation: {@code sox reverb R 50 100 100 20} (reverberance R%, default 70; HF damping
         * 50%, room scale 100%, stereo depth 100%, 20 ms pre-delay).
         */
        REVERB,
        /**
         * A band-limited channel at the full 16 kHz rate (an intercom or a cheap microphone): {@code sox sinc
         * LO-HI}, no codec and no resampling (unlike {@link #TELEPHONE}).
         */
        BAND,
        /**
         * Hospital imaging room: a tonal hum (sines at 120, 240, 360 and 480 Hz of equal amplitude) plus
         * monitor beeps (1 kHz, 150 ms on, 450 ms off: 100 per minute), made by sox, summed with the
         * beeps' level while sounding equal to the hum's level, and mixed at the stated SNR.
         */
        HOSPITAL,
        /**
         * A face mask: a high shelf of −DB dB from 2 kHz ({@code sox treble -DB 2000}, slope 0.5), the
         * shape measured for medical masks and respirators (little change below 1 kHz, several dB lost
         * above 2 kHz; about 3–4 dB for a surgical mask, up to about 12 dB for a respirator or a shield).
         */
        MASK,
        /**
         * A gentle low-pass (two-pole Butterworth, 12 dB per octave, {@code sox lowpass HZ}): the
         * high-frequency loss of a distant talker or a cheap microphone, unlike the brick-wall {@link #BAND}.
         */
        LOWPASS,
        /**
         * Faster (or slower) speech at the same pitch: {@code sox tempo -s F} (WSOLA time stretching tuned
         * for speech), the whole recording played F times as fast — a hurried talker. F in [0.5, 2].
         */
        TEMPO,
        /** Several conditions applied in turn ({@link #stages()}); at most one of them adds noise. */
        COMPOUND
    }

    public AcousticCondition {
        Preconditions.checkNotNull(kind, "kind");
        if (kind == Kind.COMPOUND) {
            Preconditions.checkArgument(Double.isNaN(snrDb) || Double.isFinite(snrDb) && snrDb >= -20 && snrDb <= 60,
                    "snrDb of " + name + " must be NaN or in [-20, 60], got " + snrDb);
        } else {
            boolean additive = kind == Kind.WHITE || kind == Kind.PINK || kind == Kind.BABBLE || kind == Kind.HOSPITAL;
            Preconditions.checkArgument(additive ? Double.isFinite(snrDb) && snrDb >= -20 && snrDb <= 60 : Double.isNaN(snrDb),
                    additive ? "snrDb of " + name + " must be in [-20, 60], got " + snrDb : name + " takes no SNR");
        }
    }

    /** Parses a condition name (see the class comment). */
    public static AcousticCondition parse(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.contains("+")) {
            return compound(n, name);
        }
        switch (n) {
            case "clean":
                return new AcousticCondition(n, Kind.CLEAN, Double.NaN);
            case "telephone":
                return new AcousticCondition(n, Kind.TELEPHONE, Double.NaN);
            case "reverb":
                return new AcousticCondition(n, Kind.REVERB, Double.NaN);
            case "hospital":
                return new AcousticCondition(n, Kind.HOSPITAL, DEFAULT_HOSPITAL_SNR_DB);
            default:
                break;
        }
        if (n.startsWith("reverb-")) {
            double r = number(n.substring(7), name);
            Preconditions.checkArgument(r > 0 && r <= 100, "reverberance of " + name + " must be in (0, 100], got " + r);
            return new AcousticCondition(n, Kind.REVERB, Double.NaN);
        }
        if (n.startsWith("band-")) {
            String[] f = n.substring(5).split("-");
            Preconditions.checkArgument(f.length == 2, "band condition must be band-LO-HI (Hz), e.g. band-300-3400, got '" + name + "'");
            double lo = number(f[0], name);
            double hi = number(f[1], name);
            Preconditions.checkArgument(lo >= 0 && hi > lo && hi < 8000, "band " + name + " needs 0 <= LO < HI < 8000 Hz");
            return new AcousticCondition(n, Kind.BAND, Double.NaN);
        }
        if (n.startsWith("mask-")) {
            double db = number(n.substring(5), name);
            Preconditions.checkArgument(db > 0 && db <= 30, "attenuation of " + name + " must be in (0, 30] dB, got " + db);
            return new AcousticCondition(n, Kind.MASK, Double.NaN);
        }
        if (n.startsWith("lowpass-")) {
            double hz = number(n.substring(8), name);
            Preconditions.checkArgument(hz >= 500 && hz < 8000, "cut-off of " + name + " must be in [500, 8000) Hz, got " + hz);
            return new AcousticCondition(n, Kind.LOWPASS, Double.NaN);
        }
        if (n.startsWith("tempo-")) {
            double f = number(n.substring(6), name);
            Preconditions.checkArgument(f >= 0.5 && f <= 2 && f != 1, "tempo factor of " + name + " must be in [0.5, 2] and not 1, got " + f);
            return new AcousticCondition(n, Kind.TEMPO, Double.NaN);
        }
        int dash = n.lastIndexOf('-');
        if (dash > 0) {
            String type = n.substring(0, dash);
            Kind kind = switch (type) {
                case "white" -> Kind.WHITE;
                case "pink" -> Kind.PINK;
                case "babble" -> Kind.BABBLE;
                case "hospital" -> Kind.HOSPITAL;
                default -> null;
            };
            if (kind != null) {
                try {
                    return new AcousticCondition(n, kind, Double.parseDouble(n.substring(dash + 1)));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
        }
        throw new IllegalArgumentException("condition must be clean, white-SNR, pink-SNR, babble-SNR, telephone, reverb, "
                + "reverb-PERCENT, band-LO-HI, mask-DB, lowpass-HZ, tempo-F, hospital or hospital-SNR (SNR in dB, e.g. babble-10), "
                + "or several joined by '+' (e.g. reverb-40+hospital-15), got '" + name + "'");
    }

    private static AcousticCondition compound(String n, String name) {
        String[] parts = n.split("\\+", -1);
        double snr = Double.NaN;
        StringBuilder canonical = new StringBuilder();
        for (String part : parts) {
            Preconditions.checkArgument(!part.isBlank(), "condition '" + name + "': empty stage between '+' signs");
            AcousticCondition stage = parse(part);
            Preconditions.checkArgument(stage.kind != Kind.CLEAN, "condition '" + name + "': 'clean' cannot be a stage of a compound");
            if (!Double.isNaN(stage.snrDb)) {
                Preconditions.checkArgument(Double.isNaN(snr), "condition '" + name + "': at most one stage may add noise");
                snr = stage.snrDb;
            }
            canonical.append(canonical.length() == 0 ? "" : "+").append(stage.name);
        }
        return new AcousticCondition(canonical.toString(), Kind.COMPOUND, snr);
    }

    /** The stages applied in turn: the parts of a {@link Kind#COMPOUND}, or this condition alone. */
    public java.util.List<AcousticCondition> stages() {
        if (kind != Kind.COMPOUND) {
            return java.util.List.of(this);
        }
        java.util.List<AcousticCondition> out = new java.util.ArrayList<>();
        for (String part : name.split("\\+")) {
            out.add(parse(part));
        }
        return java.util.List.copyOf(out);
    }

    /** The speed-up factor of a {@link Kind#TEMPO} condition (1.25: 25% faster). */
    public double tempo() {
        Preconditions.checkState(kind == Kind.TEMPO, name + " is not a tempo condition");
        return Double.parseDouble(name.substring(6));
    }

    /** The high-frequency attenuation in dB of a {@link Kind#MASK} condition. */
    public double maskDb() {
        Preconditions.checkState(kind == Kind.MASK, name + " is not a mask condition");
        return Double.parseDouble(name.substring(5));
    }

    /** The cut-off in Hz of a {@link Kind#LOWPASS} condition. */
    public double lowpassHz() {
        Preconditions.checkState(kind == Kind.LOWPASS, name + " is not a lowpass condition");
        return Double.parseDouble(name.substring(8));
    }

    private static double number(String text, String name) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("condition '" + name + "': '" + text + "' is not a number");
        }
    }

    /** The reverberance in percent of a {@link Kind#REVERB} condition ({@code reverb} = 70). */
    public double reverberance() {
        Preconditions.checkState(kind == Kind.REVERB, name + " is not a reverb condition");
        return name.startsWith("reverb-") ? Double.parseDouble(name.substring(7)) : 70;
    }

    /** The pass band [LO, HI] in Hz of a {@link Kind#BAND} condition. */
    public double[] band() {
        Preconditions.checkState(kind == Kind.BAND, name + " is not a band condition");
        String[] f = name.substring(5).split("-");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }
}
