package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeatTest {
    /**
     * Reference values of sent-bias (W4ngatang/sent-bias @ e3559fb, sentbias/weat.py: effect size with ddof = 1,
     * statistic s_XYAB) on the toy vectors numpy's {@code default_rng(12345).standard_normal(5)} draws for X, Y, A, B
     * (4 each, in that order), as recorded by the BLME project's sent-bias parity test
     * ({@code OFFICIAL_EFFECT_SIZE = -0.5483337931868121}, {@code OFFICIAL_STATISTIC = -0.7437862779422525}). The
     * vectors are in {@code sentbias-toy.w2v.txt}, regenerated with numpy 1.x from that seed (repr round trip).
     * The population-std value (WEFE's np.std) and the exact p (53 of the 70 partitions have S_i ≥ S) were computed
     * here with numpy and itertools.combinations.
     */
    @Test
    void test_sentBiasToyVectors_equalPublishedReferenceValues() throws Exception {
        WordVectors wv = WordVectors.read(Path.of(getClass().getResource("sentbias-toy.w2v.txt").toURI()), null);
        List<double[]> x = wv.vectors(List.of("x0", "x1", "x2", "x3"), "X");
        List<double[]> y = wv.vectors(List.of("y0", "y1", "y2", "y3"), "Y");
        List<double[]> a = wv.vectors(List.of("a0", "a1", "a2", "a3"), "A");
        List<double[]> b = wv.vectors(List.of("b0", "b1", "b2", "b3"), "B");

        WeatResult r = Weat.test(x, y, a, b, WeatOptions.DEFAULT);
        assertThat(r.effectSize()).isCloseTo(-0.5483337931868121, within(1e-9));
        assertThat(r.statistic()).isCloseTo(-0.7437862779422525, within(1e-9));
        assertThat(r.stdDdof()).isEqualTo(1);
        assertThat(r.exact()).isTrue();
        assertThat(r.permutations()).isEqualTo(70);
        assertThat(r.pValue()).isEqualTo(53.0 / 70.0);

        WeatResult pop = Weat.test(x, y, a, b, new WeatOptions(100_000, StdConvention.POPULATION, 1));
        assertThat(pop.effectSize()).isCloseTo(-0.5861934821986311, within(1e-9));
        assertThat(pop.stdDdof()).isZero();
    }

    @Test
    void effectSize_population_isSampleTimesSqrtOfNOverNMinus1() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int rep = 0; rep < 50; rep++) {
            double[] sx = gaussian(rng, 1 + rng.nextInt(10));
            double[] sy = gaussian(rng, 1 + rng.nextInt(10));
            int n = sx.length + sy.length;
            if (n < 3) {
                continue;
            }
            double sample = Weat.effectSize(sx, sy, StdConvention.SAMPLE);
            double pop = Weat.effectSize(sx, sy, StdConvention.POPULATION);
            assertThat(pop).isCloseTo(sample * Math.sqrt((double) n / (n - 1)), within(1e-12));
        }
    }

    /** The exact p equals a brute-force oracle (every bitmask, full statistic from the definition). */
    @Test
    void permutationP_exact_equalsBruteForceOracle_onSeededSets() {
        SplittableRandom rng = new SplittableRandom(20261205);
        for (int rep = 0; rep < 300; rep++) {
            int k = 1 + rng.nextInt(6);
            int m = 1 + rng.nextInt(6);
            int dim = 2 + rng.nextInt(6);
            List<double[]> x = vectors(rng, k, dim);
            List<double[]> y = vectors(rng, m, dim);
            if (rep % 3 == 0) {
                y.set(0, x.get(0).clone()); // an exact tie between partitions
            }
            List<double[]> a = vectors(rng, 1 + rng.nextInt(4), dim);
            List<double[]> b = vectors(rng, 1 + rng.nextInt(4), dim);
            double[] sx = Weat.associations(x, a, b);
            double[] sy = Weat.associations(y, a, b);
            PermutationP p = Weat.permutationP(sx, sy, 1_000_000, 1);
            assertThat(p.exact()).isTrue();
            assertThat(p.permutations()).isEqualTo(binomial(k + m, k));
            assertThat(p.pValue()).as("rep %d", rep).isEqualTo(oracle(sx, sy));
        }
    }

    @Test
    void permutationP_switchesToSamplingExactlyAboveTheRequestedCount() {
        double[] sx = {0.3, 0.1, -0.2, 0.05};
        double[] sy = {0.0, -0.1, 0.2, -0.3};
        PermutationP exact = Weat.permutationP(sx, sy, 70, 3);
        assertThat(exact.exact()).isTrue();
        assertThat(exact.permutations()).isEqualTo(70);
        PermutationP sampled = Weat.permutationP(sx, sy, 69, 3);
        assertThat(sampled.exact()).isFalse();
        assertThat(sampled.permutations()).isEqualTo(69);
        assertThat(sampled.pValue()).isGreaterThanOrEqualTo(1.0 / 69);
        assertThat(Weat.permutationP(sx, sy, 69, 3)).isEqualTo(sampled);
    }

    @Test
    void permutationP_allScoresEqual_isOne_tiesCountAsGreaterOrEqual() {
        double[] s = {0.25, 0.25, 0.25};
        assertThat(Weat.permutationP(s, s.clone(), 1000, 1).pValue()).isEqualTo(1.0);
        assertThat(Weat.permutationP(s, s.clone(), 5, 1).pValue()).isEqualTo(1.0);
    }

    /**
     * Sampled p against the exact p on 8 + 8 words (12,870 partitions), 4,000 sampled: the count of S_i ≥ S among the
     * 3,999 draws is Binomial(3999, p_exact), so |p_sampled − p_exact| ≤ 5·sd + 1/4000 fails with probability
     * < 1e-6 per case (normal tail at 5 sd; 12 cases: < 1.2e-5 in all). Validity: the bound rejects the wrong tail
     * (1 − p_exact), which a sign error would produce, in every case where p_exact is not near ½.
     */
    @Test
    void permutationP_sampled_agreesWithExact_withinBinomialBounds() {
        SplittableRandom rng = new SplittableRandom(99);
        int rejectedWrongTail = 0;
        int farFromHalf = 0;
        for (int rep = 0; rep < 12; rep++) {
            double shift = 0.15 * rep / 12;
            double[] sx = gaussian(rng, 8);
            double[] sy = gaussian(rng, 8);
            for (int i = 0; i < 8; i++) {
                sx[i] = 0.3 * sx[i] + shift;
                sy[i] = 0.3 * sy[i];
            }
            double exact = Weat.permutationP(sx, sy, 20_000, 1).pValue();
            PermutationP s = Weat.permutationP(sx, sy, 4_000, 1000 + rep);
            assertThat(s.exact()).isFalse();
            double sd = Math.sqrt(exact * (1 - exact) / 3999);
            double tol = 5 * sd + 1.0 / 4000;
            assertThat(s.pValue()).as("rep %d exact %f", rep, exact).isCloseTo(exact, within(tol));
            if (Math.abs(exact - 0.5) > 0.1) {
                farFromHalf++;
                if (Math.abs((1 - exact) - s.pValue()) > tol) {
                    rejectedWrongTail++;
                }
            }
        }
        assertThat(farFromHalf).isGreaterThan(3);
        assertThat(rejectedWrongTail).isEqualTo(farFromHalf);
    }

    @Test
    void test_badVectors_failWithAnActionableMessage() {
        List<double[]> ok = List.of(new double[] {1, 0}, new double[] {0, 1});
        assertThatThrownBy(() -> Weat.test(List.of(new double[] {0, 0}), ok, ok, ok, WeatOptions.DEFAULT))
                .hasMessageContaining("X[0] must be a non-zero finite vector");
        assertThatThrownBy(() -> Weat.test(ok, List.of(new double[] {1, 0, 0}), ok, ok, WeatOptions.DEFAULT))
                .hasMessageContaining("dimension 3, expected 2");
        assertThatThrownBy(() -> Weat.test(ok, ok, ok, ok, WeatOptions.DEFAULT))
                .hasMessageContaining("standard deviation 0");
        assertThatThrownBy(() -> new WeatOptions(0, StdConvention.SAMPLE, 1)).hasMessageContaining("permutations");
    }

    @Test
    void binomialAtMost_capsWithoutOverflow() {
        assertThat(Weat.binomialAtMost(8, 4, 1000)).isEqualTo(70);
        assertThat(Weat.binomialAtMost(50, 25, 100_000)).isEqualTo(100_001);
        assertThat(Weat.binomialAtMost(200, 100, Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Weat.binomialAtMost(16, 8, 20_000)).isEqualTo(12_870);
    }

    static double oracle(double[] sx, double[] sy) {
        int n = sx.length + sy.length;
        double[] all = new double[n];
        System.arraycopy(sx, 0, all, 0, sx.length);
        System.arraycopy(sy, 0, all, sx.length, sy.length);
        double observed = statistic(all, (1 << sx.length) - 1);
        long hits = 0;
        long total = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != sx.length) {
                continue;
            }
            total++;
            if (statistic(all, mask) >= observed - 1e-9) {
                hits++;
            }
        }
        return (double) hits / total;
    }

    private static double statistic(double[] all, int mask) {
        double s = 0;
        for (int i = 0; i < all.length; i++) {
            s += ((mask >> i) & 1) == 1 ? all[i] : -all[i];
        }
        return s;
    }

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    static List<double[]> vectors(SplittableRandom rng, int count, int dim) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(gaussian(rng, dim));
        }
        return out;
    }

    static double[] gaussian(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = 1 - rng.nextDouble();
            double u2 = rng.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return v;
    }
}
