package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * An acoustic condition applied to clean synthetic speech (see {@link Kind} for each one's recipe).
 * Parsed from names: {@code clean}, {@code white-20}, {@code pink-10}, {@code babble-5} (noise type and
 * SNR in dB), {@code telephone}, {@code reverb}, {@code hospital} (= {@code hospital-20}) or
 * {@code hospital-N}.
 *
 * @param name  the condition's name as given, recorded in the {@code condition} column
 * @param kind  what is done to the audio
 * @param snrDb the signal-to-noise ratio in dB for additive conditions, NaN for the others
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
        HOSPITAL
    }

    public AcousticCondition {
        Preconditions.checkNotNull(kind, "kind");
        boolean additive = kind == Kind.WHITE || kind == Kind.PINK || kind == Kind.BABBLE || kind == Kind.HOSPITAL;
        Preconditions.checkArgument(additive ? Double.isFinite(snrDb) && snrDb >= -20 && snrDb <= 60 : Double.isNaN(snrDb),
                additive ? "snrDb of " + name + " must be in [-20, 60], got " + snrDb : name + " takes no SNR");
    }

    /** Parses a condition name (see the class comment). */
    public static AcousticCondition parse(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
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
                + "reverb-PERCENT, band-LO-HI, hospital or hospital-SNR (SNR in dB, e.g. babble-10), got '" + name + "'");
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
