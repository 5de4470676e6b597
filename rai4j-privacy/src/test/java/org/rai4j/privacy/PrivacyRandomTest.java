package org.rai4j.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rai4j.core.Gaussian;
import org.rai4j.privacy.internal.AesCtrKeystream;
import org.rai4j.privacy.internal.Ziggurat;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistical tests of the Gaussian noise. Every check uses n = 2^22 draws and a tolerance of five
 * standard errors (two-sided false-failure rate 2Φ(−5) = 5.7e-7 per check), or the χ²₉₉ quantile at
 * 1 − 1e-6 (180.79) for the 100-bin goodness-of-fit test. Seeded streams make the tests deterministic;
 * the secure stream runs with fresh keys each time, so its checks carry exactly those false-failure
 * rates. Validity tests show each check rejects a deliberately broken sample.
 */
class PrivacyRandomTest {
    private static final int N = 1 << 22;
    private static final double FIVE_SIGMA = 5.0;

    private static double[] draws(PrivacyRandom r) {
        double[] z = new double[N];
        r.addGaussianNoise(z, 0, N, 1.0);
        return z;
    }

    // ---- the checks -----------------------------------------------------------------------------

    /** |mean| within 5 standard errors of 0 (SE = 1/√n). */
    private static boolean meanOk(double[] z) {
        return Math.abs(Arrays.stream(z).sum() / z.length) < FIVE_SIGMA / Math.sqrt(z.length);
    }

    /** Second moment within 5 standard errors of 1 (Var(z²) = 2 for a standard normal). */
    private static boolean varianceOk(double[] z) {
        double m2 = Arrays.stream(z).map(v -> v * v).sum() / z.length;
        return Math.abs(m2 - 1) < FIVE_SIGMA * Math.sqrt(2.0 / z.length);
    }

    /** The count beyond a threshold (two-sided or upper) within 5 binomial standard deviations. */
    private static boolean tailOk(double[] z, double threshold, boolean twoSided) {
        double p = twoSided ? 2 * Gaussian.cdf(-threshold) : Gaussian.cdf(-threshold);
        long count = Arrays.stream(z).filter(v -> (twoSided ? Math.abs(v) : v) > threshold).count();
        double expected = p * z.length;
        return Math.abs(count - expected) < FIVE_SIGMA * Math.sqrt(z.length * p * (1 - p));
    }

    /** Pearson χ² over 100 equiprobable bins below the χ²₉₉ 1−1e-6 quantile. */
    private static boolean chiSquareOk(double[] z) {
        int bins = 100;
        double[] edges = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            edges[b - 1] = Gaussian.quantile(b / (double) bins);
        }
        long[] counts = new long[bins];
        for (double v : z) {
            int pos = Arrays.binarySearch(edges, v);
            counts[pos >= 0 ? pos + 1 : -pos - 1]++;
        }
        double expected = z.length / (double) bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2 < 180.79201532577878;
    }

    /** Lag-1 autocorrelation within 5 standard errors (1/√n) of 0. */
    private static boolean independentOk(double[] z) {
        double s = 0;
        for (int i = 1; i < z.length; i++) {
            s += z[i] * z[i - 1];
        }
        return Math.abs(s / (z.length - 1)) < FIVE_SIGMA / Math.sqrt(z.length);
    }

    private static void assertStandardNormal(double[] z) {
        assertThat(meanOk(z)).as("mean").isTrue();
        assertThat(varianceOk(z)).as("variance").isTrue();
        assertThat(tailOk(z, 3.0, true)).as("P(|Z| > 3)").isTrue();
        assertThat(tailOk(z, Ziggurat.R, false)).as("P(Z > r), the ziggurat tail").isTrue();
        assertThat(tailOk(z, 4.5, true)).as("P(|Z| > 4.5)").isTrue();
        assertThat(chiSquareOk(z)).as("chi-square, 100 bins").isTrue();
        assertThat(independentOk(z)).as("lag-1 correlation").isTrue();
    }

    // ---- the generator passes -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(PrivacyRandom.NoiseMode.class)
    void addGaussianNoise_seededStream_isStandardNormal(PrivacyRandom.NoiseMode mode) {
        assertStandardNormal(draws(PrivacyRandom.seededForSimulation(20260601L, mode)));
    }

    @Test
    void addGaussianNoise_secureStream_isStandardNormal() {
        assertStandardNormal(draws(PrivacyRandom.secure()));
    }

    @Test
    void addGaussianNoise_secureStreamInEmbeddingRowSizedCalls_isStandardNormal() {
        // the deferred embedding noise's pattern: many calls of 64 draws, served from chunks made ahead
        PrivacyRandom r = PrivacyRandom.secure();
        double[] z = new double[N];
        for (int k = 0; k < N; k += 64) {
            r.addGaussianNoise(z, k, k + 64, 1.0);
        }
        assertStandardNormal(z);
    }

    @Test
    void nextGaussian_singleDraws_areStandardNormal() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(7L);
        double[] z = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = r.nextGaussian();
        }
        assertStandardNormal(z);
    }

    @Test
    void addGaussianNoise_scale_multipliesStandardDeviation() {
        double[] z = new double[N];
        PrivacyRandom.seededForSimulation(3L).addGaussianNoise(z, 0, N, 2.5);
        for (int i = 0; i < N; i++) {
            z[i] /= 2.5;
        }
        assertThat(varianceOk(z)).isTrue();
    }

    // ---- the checks reject broken samples (validity) ----------------------------------------------

    @Test
    void checks_uniformWithUnitVariance_areRejectedByChiSquareAndTails() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(11L);
        double[] z = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = (r.nextUniform() - 0.5) * Math.sqrt(12); // mean 0, variance 1, not normal
        }
        assertThat(meanOk(z)).isTrue();
        assertThat(varianceOk(z)).isTrue();
        assertThat(chiSquareOk(z)).isFalse();
        assertThat(tailOk(z, 3.0, true)).isFalse();
    }

    @Test
    void checks_zigguratWithoutItsTail_areRejectedByTheTailCheck() {
        double[] z = draws(PrivacyRandom.seededForSimulation(13L));
        for (int i = 0; i < N; i++) {
            if (Math.abs(z[i]) > Ziggurat.R) {
                z[i] = Math.copySign(Ziggurat.R, z[i]); // a sampler that forgot the tail
            }
        }
        assertThat(tailOk(z, 3.0, true)).isTrue();
        assertThat(tailOk(z, Ziggurat.R, false)).isFalse();
    }

    @Test
    void checks_repeatedDraws_areRejectedByTheCorrelationCheck() {
        double[] z = draws(PrivacyRandom.seededForSimulation(17L));
        for (int i = 1; i < N; i += 2) {
            z[i] = z[i - 1]; // every draw used twice
        }
        assertThat(independentOk(z)).isFalse();
    }

    @Test
    void checks_slightlyWrongVariance_areRejected() {
        double[] z = draws(PrivacyRandom.seededForSimulation(19L));
        for (int i = 0; i < N; i++) {
            z[i] *= 1.003; // variance 1.006: 8.7 standard errors off at n = 2^22
        }
        assertThat(varianceOk(z)).isFalse();
    }

    // ---- the stream ------------------------------------------------------------------------------

    @Test
    void zigguratTable_topLayer_hasTheCommonArea() {
        double x = Ziggurat.edge(Ziggurat.LAYERS - 1);
        assertThat(x * (1 - Math.exp(-0.5 * x * x))).isCloseTo(Ziggurat.V, within(Ziggurat.V * 1e-8));
        assertThat(Ziggurat.edge(1)).isEqualTo(Ziggurat.R);
    }

    @Test
    void seededKeystream_firstBlock_isAes256OfCounterZeroUnderTheDerivedKey() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("rai4j-simulation".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sha.update(ByteBuffer.allocate(8).putLong(99L).array());
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha.digest(), "AES"));
        byte[] block0 = ecb.doFinal(new byte[16]);
        byte[] counter1 = new byte[16];
        counter1[15] = 1;
        byte[] block1 = ecb.doFinal(counter1);
        ByteBuffer expected = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put(block0).put(block1);
        AesCtrKeystream s = AesCtrKeystream.seeded(99L);
        for (int i = 0; i < 4; i++) {
            assertThat(s.nextLong()).isEqualTo(expected.getLong(8 * i));
        }
    }

    @Test
    void seededForSimulation_sameSeed_sameDrawsAndSecureStreamsDiffer() {
        double[] a = new double[1000];
        double[] b = new double[1000];
        PrivacyRandom.seededForSimulation(5L).addGaussianNoise(a, 0, 1000, 1);
        PrivacyRandom.seededForSimulation(5L).addGaussianNoise(b, 0, 1000, 1);
        assertThat(a).containsExactly(b);
        double[] c = new double[1000];
        double[] d = new double[1000];
        PrivacyRandom.secure().addGaussianNoise(c, 0, 1000, 1);
        PrivacyRandom.secure().addGaussianNoise(d, 0, 1000, 1);
        assertThat(c).isNotEqualTo(d);
        assertThat(PrivacyRandom.secure().isSecure()).isTrue();
        assertThat(PrivacyRandom.seededForSimulation(1L).isSecure()).isFalse();
    }

    @Test
    void addGaussianNoise_badArguments_areRejected() {
        PrivacyRandom r = PrivacyRandom.seededForSimulation(1L);
        assertThatThrownBy(() -> r.addGaussianNoise(new double[3], 0, 3, -1)).hasMessageContaining("standard deviation");
        assertThatThrownBy(() -> r.addGaussianNoise(new double[3], 0, 4, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
