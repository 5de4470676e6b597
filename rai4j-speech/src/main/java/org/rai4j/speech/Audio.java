package org.rai4j.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rai4j.core.Preconditions;

/**
 * Mono audio as float samples in [-1, 1] at a sample rate, read from and written to 16-bit PCM WAV
 * files (RIFF; plain PCM or WAVE_FORMAT_EXTENSIBLE with a PCM sub-format; several channels are averaged).
 * Immutable: the sample array is never exposed.
 */
final class Audio {
    private final float[] samples;
    private final int sampleRate;

    Audio(float[] samples, int sampleRate) {
        Preconditions.checkPositive(sampleRate, "sampleRate");
        this.samples = samples.clone();
        this.sampleRate = sampleRate;
    }

    int sampleRate() {
        return sampleRate;
    }

    int length() {
        return samples.length;
    }

    double seconds() {
        return (double) samples.length / sampleRate;
    }

    float[] samples() {
        return samples.clone();
    }

    /** Reads a 16-bit PCM WAV file. */
    static Audio read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(file + ": expected a RIFF/WAVE file");
        }
        int pos = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
                if (format == 0xFFFE && size >= 26) {
                    format = b.getShort(body + 24) & 0xffff;
                }
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || bits != 16 || channels < 1) {
                    throw new IOException(file + ": expected 16-bit PCM audio, got format " + format + " with "
                            + bits + " bits and " + channels + " channels");
                }
                int available = Math.min(size < 0 ? Integer.MAX_VALUE : size, bytes.length - body);
                int frames = available / (2 * channels);
                float[] s = new float[frames];
                for (int i = 0; i < frames; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort(body + 2 * (i * channels + c));
                    }
                    s[i] = sum / (32768f * channels);
                }
                return new Audio(s, rate);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException(file + ": expected a 'data' chunk in the WAV file, found none");
    }

    /**
     * Writes 16-bit PCM mono WAV: round(x · 32767), clipped to ±32767 (so that a sample read back differs
     * by at most 1.5/32768 from the one written).
     */
    void write(Path file) throws IOException {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataBytes);
        for (float x : samples) {
            b.putShort(toPcm16(x));
        }
        Files.write(file, b.array());
    }

    /** A sample in [-1, 1] as a 16-bit PCM value: round(clip(x) · 32767). */
    static short toPcm16(float x) {
        return (short) Math.round(Math.max(-1f, Math.min(1f, x)) * 32767f);
    }

    /** {@code seconds} of silence added before and after. */
    Audio padded(double seconds) {
        int pad = (int) Math.round(seconds * sampleRate);
        float[] s = new float[samples.length + 2 * pad];
        System.arraycopy(samples, 0, s, pad, samples.length);
        return new Audio(s, sampleRate);
    }
}
