package org.rai4j.speech;

import org.rai4j.core.Preconditions;

/**
 * Adds noise to speech at a stated signal-to-noise ratio. Pure static functions.
 *
 * <p>SNR = 10·log10(P_speech / P_noise), where P_noise is the mean power of the noise segment added and
 * P_speech is the <em>active</em> speech power: the mean power of the 20 ms frames whose power is
 * within 40 dB of the loudest frame (so that leading and trailing silence does not lower it; a simple
 * stand-in for ITU-T P.56 active speech level). The noise is scaled to the target SNR, added, and the
 * mixture is scaled down as a whole if its peak would exceed 0.99 (which leaves the SNR unchanged).
 */
final class NoiseMixer {
    private NoiseMixer() {}

    /** Active speech power: mean power over 20 ms frames within 40 dB of the loudest frame. */
    static double activePower(float[] x, int sampleRate) {
        int frame = Math.max(1, sampleRate / 50);
        int frames = (x.length + frame - 1) / frame;
        double[] power = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            int start = f * frame;
            int end = Math.min(x.length, start + frame);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += (double) x[i] * x[i];
            }
            power[f] = sum / (end - start);
            max = Math.max(max, power[f]);
        }
        double threshold = max * 1e-4;
        double sum = 0;
        int used = 0;
        for (double p : power) {
            if (p >= threshold && p > 0) {
                sum += p;
                used++;
            }
        }
        return used == 0 ? 0.0 : sum / used;
    }

    /** Mean power of {@code n} samples of {@code x} starting at {@code offset} (wrapping around). */
    static double meanPower(float[] x, int offset, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = x[(offset + i) % x.length];
            sum += v * v;
        }
        return sum / n;
    }

    /**
     * Speech plus the noise bed segment starting at {@code offset} (wrapping around), scaled to
     * {@code snrDb}.
     */
    static float[] mix(float[] speech, int sampleRate, float[] noiseBed, int offset, double snrDb) {
        Preconditions.checkArgument(noiseBed.length > 0, "the noise bed must not be empty");
        Preconditions.checkArgument(Double.isFinite(snrDb), "snrDb must be finite, got " + snrDb);
        double ps = activePower(speech, sampleRate);
        double pn = meanPower(noiseBed, offset, speech.length);
        Preconditions.checkArgument(ps > 0, "the speech is silent; cannot set an SNR");
        Preconditions.checkArgument(pn > 0, "the noise is silent; cannot set an SNR");
        double gain = Math.sqrt(ps / (pn * Math.pow(10, snrDb / 10)));
        float[] out = new float[speech.length];
        double peak = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (speech[i] + gain * noiseBed[(offset + i) % noiseBed.length]);
            peak = Math.max(peak, Math.abs(out[i]));
        }
        if (peak > 0.99) {
            float scale = (float) (0.99 / peak);
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }

    /** The sum of several tracks scaled to equal active power, normalised to a peak of 0.9 (babble). */
    static float[] sumEqualPower(float[][] tracks, int sampleRate, int length) {
        float[] out = new float[length];
        for (float[] t : tracks) {
            double p = activePower(t, sampleRate);
            if (p == 0) {
                continue;
            }
            double g = 1.0 / Math.sqrt(p);
            for (int i = 0; i < length; i++) {
                out[i] += (float) (g * t[i % t.length]);
            }
        }
        double peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > 0) {
            float s = (float) (0.9 / peak);
            for (int i = 0; i < length; i++) {
                out[i] *= s;
            }
        }
        return out;
    }
}
