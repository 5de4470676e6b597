package org.rai4j.text;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic stand-in for a sentence encoder in tests whose property does not depend on MiniLM: each lower-cased
 * word gets a fixed Gaussian vector seeded by its hash; a sentence is the unit-length mean of its words' vectors.
 */
final class FakeEncoder implements SentenceEncoder {
    private final int dimension;

    FakeEncoder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "fake-" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] encode(String text) {
        double[] sum = new double[dimension];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            SplittableRandom rng = new SplittableRandom(w.hashCode() * 0x9E3779B97F4A7C15L);
            for (int j = 0; j < dimension; j++) {
                sum[j] += rng.nextGaussian();
            }
        }
        double norm = 0;
        for (double v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            out[j] = (float) (norm == 0 ? 0 : sum[j] / norm);
        }
        return out;
    }
}
