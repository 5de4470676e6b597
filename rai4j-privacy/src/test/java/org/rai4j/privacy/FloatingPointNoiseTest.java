package org.rai4j.privacy;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floating-point attack on sampled noise (Mironov 2012; Jin et al. 2021): the low-order bits of a
 * released value x + noise can reveal x when the set of attainable noise values depends on how it was
 * sampled. Check: release x₀ + N(0, 1) and x₁ + N(0, 1) many times for two inputs that differ only in
 * low-order bits, and compare the two inputs' histograms of the released doubles' lowest 8 mantissa bits
 * and of their number of trailing zero mantissa bits (χ² homogeneity, false-failure rate 1e-6 per pair of
 * inputs). A validity test shows that the same check rejects a mechanism whose noise is a float32 value
 * (the released value's low mantissa bits are then fixed by x).
 */
class FloatingPointNoiseTest {
    private static final int DRAWS = 100_000;
    private static final double FALSE_FAILURE = 1e-6;

    /** A feature of a released double's low-order bits: 0–255 (lowest 8 bits) or 256–308 (trailing zeros). */
    private static int[] features(double y) {
        long bits = Double.doubleToRawLongBits(y);
        int trailingZeros = Long.numberOfTrailingZeros((bits & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52));
        return new int[] {(int) (bits & 0xFF), 256 + trailingZeros};
    }

    /**
     * Whether the low-order-bit histograms of the two inputs' releases differ: two χ² homogeneity tests, one
     * on the lowest 8 mantissa bits (256 bins) and one on the number of trailing zero bits of the mantissa
     * (bins with fewer than 20 expected releases pooled), each at FALSE_FAILURE / 2.
     */
    private static boolean distinguishable(DoubleUnaryOperator release, double x0, double x1) {
        long[][] counts = new long[2][256 + 53];
        double[] xs = {x0, x1};
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < DRAWS; i++) {
                for (int f : features(release.applyAsDouble(xs[s]))) {
                    counts[s][f]++;
                }
            }
        }
        return chiSquareRejects(counts, 0, 256) || chiSquareRejects(counts, 256, 256 + 53);
    }

    private static boolean chiSquareRejects(long[][] counts, int from, int to) {
        double chi2 = 0;
        int bins = 0;
        long pooled0 = 0;
        long pooled1 = 0;
        for (int b = from; b <= to; b++) {
            if (b < to) {
                pooled0 += counts[0][b];
                pooled1 += counts[1][b];
            }
            if ((pooled0 + pooled1) / 2.0 >= 20 || (b == to && pooled0 + pooled1 > 0)) {
                double expected = (pooled0 + pooled1) / 2.0; // equal sample sizes
                chi2 += (pooled0 - expected) * (pooled0 - expected) / expected
                        + (pooled1 - expected) * (pooled1 - expected) / expected;
                bins++;
                pooled0 = 0;
                pooled1 = 0;
            }
        }
        if (bins < 2) {
            return false; // every release in one bin for both inputs: no difference in this feature
        }
        return chi2 > new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(1 - FALSE_FAILURE / 2);
    }

    private static DoubleUnaryOperator mechanism(PrivacyRandom random) {
        double[] cell = new double[1];
        return x -> {
            cell[0] = x;
            random.addGaussianNoise(cell, 0, 1, 1.0);
            return cell[0];
        };
    }

    @Test
    void hardenedNoise_lowOrderBitsOfReleasedValues_carryNoSignalAboutTheInput() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(77, PrivacyRandom.NoiseMode.FLOATING_POINT_HARDENED);
        double[][] pairs = {{0.0, 0x1.0p-30}, {0.5, 0.5 + 0x1.0p-40}, {1.0, Math.nextUp(1.0)}, {3.0, 3.0 + 0x1.0p-20}};
        for (double[] p : pairs) {
            assertThat(distinguishable(mechanism(r), p[0], p[1])).as("inputs %s and %s", p[0], p[1]).isFalse();
        }
    }

    @Test
    void standardNoise_lowOrderBitsOfReleasedValues_carryNoSignalForTheseInputs() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(78);
        assertThat(distinguishable(mechanism(r), 0.0, 0x1.0p-30)).isFalse();
        assertThat(distinguishable(mechanism(r), 1.0, Math.nextUp(1.0))).isFalse();
    }

    @Test
    void validity_float32Noise_isRejectedByTheSameCheck() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(79);
        DoubleUnaryOperator broken = x -> x + (double) (float) r.nextGaussian();
        assertThat(distinguishable(broken, 0.0, 0x1.0p-30)).isTrue();
    }
}
