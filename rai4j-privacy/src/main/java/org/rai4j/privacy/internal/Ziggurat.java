package org.rai4j.privacy.internal;

/**
 * Standard normal variates from 64-bit random words by the ziggurat method (Marsaglia and Tsang 2000,
 * "The ziggurat method for generating random variables", J. Stat. Softw. 5(8)), 128 layers of equal area
 * v = 9.91256303526217e-3 with base-layer edge r = 3.442619855899, and Marsaglia's (1964) exact method
 * for the tail beyond r. Each word supplies the layer (bits 0–6), the sign (bit 7) and a 53-bit uniform
 * (bits 11–63); about 98.8% of draws take one word and a multiplication. The result is exactly
 * N(0, 1)-distributed up to the 53-bit resolution of the uniforms. Pure functions over immutable tables.
 */
public final class Ziggurat {
    /** Number of layers. */
    public static final int LAYERS = 128;
    /** Right edge of the base layer (start of the tail). */
    public static final double R = 3.442619855899;
    /** Area of each layer under f(x) = e^{−x²/2}. */
    public static final double V = 9.91256303526217e-3;

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    /** X[i]: right edge of layer i (X[0] = V/f(R), the base strip's width; X[128] = 0). */
    private static final double[] X = new double[LAYERS + 1];
    /** F[i] = f(X[i]). */
    private static final double[] F = new double[LAYERS + 1];
    /** X[i]·2^−53, so that a 53-bit integer times it is a uniform point of layer i. */
    private static final double[] X_SCALED = new double[LAYERS + 1];

    static {
        X[0] = V / f(R);
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + f(X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = f(X[i]);
            X_SCALED[i] = X[i] * TWO_POW_MINUS_53;
        }
    }

    private Ziggurat() {}

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** The right edge of layer i (for tests of the table). */
    public static double edge(int i) {
        return X[i];
    }

    /** One N(0, 1) variate. */
    public static double sample(AesCtrKeystream stream) {
        for (;;) {
            long u = stream.nextLong();
            int i = (int) (u & (LAYERS - 1));
            double x = ((u >>> 11) * TWO_POW_MINUS_53) * X[i];
            boolean negative = (u & 0x80) != 0;
            if (x < X[i + 1]) {
                return negative ? -x : x;
            }
            if (i == 0) {
                double t = tail(stream);
                return negative ? -t : t;
            }
            double y = F[i] + uniform(stream) * (F[i + 1] - F[i]);
            if (y < f(x)) {
                return negative ? -x : x;
            }
        }
    }

    /**
     * Adds {@code scale}·N(0, 1), independently, to each of {@code target[from..to)}. The common case (a
     * point inside its layer's rectangle) runs in a tight loop over the keystream buffer; the rest falls
     * back to {@link #sample}, whose draws come from the same stream — the distribution is unchanged.
     */
    public static void addScaled(AesCtrKeystream stream, double[] target, int from, int to, double scale) {
        int k = from;
        while (k < to) {
            stream.ensureAvailable();
            long[] words = stream.buffer();
            int at = stream.position();
            int end = at + Math.min(words.length - at, to - k);
            int stop = fastDraws(words, at, end, target, k - at, scale);
            k += stop - at;
            if (stop < end) { // words[stop] fell outside its layer's rectangle: finish that draw slowly
                stream.advance(stop + 1);
                target[k] += scale * slowPath(stream, words[stop]);
                k++;
            } else {
                stream.advance(stop);
            }
        }
    }

    /**
     * Writes independent N(0, 1) draws into {@code out[from..to)} — the same draws, in the same order, that
     * {@link #addScaled} with scale 1 would add.
     */
    public static void fill(AesCtrKeystream stream, double[] out, int from, int to) {
        int k = from;
        while (k < to) {
            stream.ensureAvailable();
            long[] words = stream.buffer();
            int at = stream.position();
            int end = at + Math.min(words.length - at, to - k);
            int stop = fastFill(words, at, end, out, k - at);
            k += stop - at;
            if (stop < end) {
                stream.advance(stop + 1);
                out[k] = slowPath(stream, words[stop]);
                k++;
            } else {
                stream.advance(stop);
            }
        }
    }

    /** As {@link #fastDraws}, writing the draws instead of adding scaled draws. */
    private static int fastFill(long[] words, int at, int end, double[] out, int shift) {
        final double[] x = X;
        final double[] xs = X_SCALED;
        for (; at < end; at++) {
            long u = words[at];
            int i = (int) (u & (LAYERS - 1));
            double v = (u >>> 11) * xs[i];
            if (v >= x[i + 1]) {
                return at;
            }
            out[at + shift] = Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ ((u & 0x80L) << 56));
        }
        return end;
    }

    /**
     * The common case, in a small method that the JIT compiles early: adds scale·draw to
     * {@code target[at + shift]} for each word from {@code at} while the word's point lies inside its
     * layer's rectangle; returns the index of the first word that does not (or {@code end}).
     */
    private static int fastDraws(long[] words, int at, int end, double[] target, int shift, double scale) {
        final double[] x = X;
        final double[] xs = X_SCALED;
        for (; at < end; at++) {
            long u = words[at];
            int i = (int) (u & (LAYERS - 1));
            double v = (u >>> 11) * xs[i];
            if (v >= x[i + 1]) {
                return at;
            }
            // bit 7 of the word becomes the sign bit of the draw (branch-free)
            target[at + shift] += scale * Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ ((u & 0x80L) << 56));
        }
        return end;
    }

    /** Completes a draw whose first word {@code u} fell outside the rectangle of its layer. */
    private static double slowPath(AesCtrKeystream stream, long u) {
        int i = (int) (u & (LAYERS - 1));
        double x = ((u >>> 11) * TWO_POW_MINUS_53) * X[i];
        boolean negative = (u & 0x80) != 0;
        if (i == 0) {
            double t = tail(stream);
            return negative ? -t : t;
        }
        double y = F[i] + uniform(stream) * (F[i + 1] - F[i]);
        if (y < f(x)) {
            return negative ? -x : x;
        }
        return sample(stream);
    }

    /** A variate from the normal tail beyond R (Marsaglia 1964). */
    private static double tail(AesCtrKeystream stream) {
        double a;
        double b;
        do {
            a = -Math.log(uniformOpen(stream)) / R;
            b = -Math.log(uniformOpen(stream));
        } while (b + b < a * a);
        return R + a;
    }

    /** A uniform in [0, 1) with 53 random bits. */
    public static double uniform(AesCtrKeystream stream) {
        return (stream.nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** A uniform in (0, 1] with 53 random bits. */
    public static double uniformOpen(AesCtrKeystream stream) {
        return ((stream.nextLong() >>> 11) + 1) * TWO_POW_MINUS_53;
    }
}
