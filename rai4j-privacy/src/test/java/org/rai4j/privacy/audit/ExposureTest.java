package org.rai4j.privacy.audit;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Secret-Sharer exposure: published fixtures, exact rank, and the skew-normal extrapolation against enumeration. */
class ExposureTest {
    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** tensorflow/privacy secret_sharer/exposures_test.py: references 1..16. */
    @Test
    void interpolation_matchesTensorFlowPrivacyFixture() {
        double[] refs = new double[16];
        for (int i = 0; i < 16; i++) {
            refs[i] = i + 1;
        }
        assertThat(Exposure.interpolation(0, refs)).isCloseTo(4.0, within(1e-12));
        assertThat(Exposure.interpolation(0.1, refs)).isCloseTo(4.0, within(1e-12));
        assertThat(Exposure.interpolation(20, refs)).isCloseTo(4 - log2(17), within(1e-12));
        assertThat(Exposure.interpolation(3.5, refs)).isCloseTo(2.0, within(1e-12));
    }

    /** Enumeration is log₂|R| − log₂(exact rank), the rank counted independently from a sorted copy (ties against the secret). */
    @Test
    void enumeration_equalsExactRank_onSmallSpaces() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            int n = 1 + rng.nextInt(2000);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(1 + rng.nextInt(50)); // many ties
            }
            int secret = rng.nextInt(n);
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            int rank = 0;
            while (rank < n && sorted[rank] <= s[secret]) {
                rank++;
            }
            assertThat(Exposure.rank(secret, s)).isEqualTo(rank);
            assertThat(Exposure.enumeration(secret, s)).isCloseTo(log2(n) - log2(rank), within(1e-12));
        }
        assertThat(Exposure.enumeration(0, new double[] {0, 1, 2, 3})).isEqualTo(2.0);   // the favourite: log2 |R|
        assertThat(Exposure.enumeration(3, new double[] {0, 1, 2, 3})).isEqualTo(0.0);   // the least likely
    }

    /** The skew-normal CDF against closed forms: α = 0 is the normal; at the location, P = 1/2 − arctan(α)/π (Owen). */
    @Test
    void skewNormalCdf_matchesClosedForms() {
        for (double z : new double[] {-30, -8, -3, -1, 0, 0.5, 2, 5}) {
            double normal = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            double log = new Exposure.SkewNormal(1, 2, 0).logCdf(1 + 2 * z);
            if (z > -20) {
                assertThat(Math.exp(log)).as("z %s", z).isCloseTo(normal, within(1e-9 + 1e-7 * normal));
            } else {
                assertThat(log).isCloseTo(Exposure.logPhi(z), within(1e-6));
            }
        }
        for (double a : new double[] {-5, -1, 0.5, 3, 20}) {
            double p = Math.exp(new Exposure.SkewNormal(-2, 0.7, a).logCdf(-2));
            assertThat(p).as("alpha %s", a).isCloseTo(0.5 - Math.atan(a) / Math.PI, within(1e-7));
        }
    }

    /**
     * Extrapolation against enumeration where both run: spaces of 100,000 scores from a skew-normal (α = 4, the
     * short tail on the likely side, the hard case for a fit), the fit on 2,000 other candidates, secrets of exact
     * rank 10, 100, 1,000 and 10,000 (exposures 13.3, 10.0, 6.6, 3.3 bits). The stated error is the extrapolation's
     * 95% bootstrap interval (100 resamples) over resamples of the references, 10 seeded spaces; enumeration must
     * lie inside it in at least 33 of the 40 cases (at 95% coverage P[fewer than 33] ≈ 1e-3; at 90%, ≈ 0.1).
     * Measured with 20 spaces and 200 resamples: 80 of 80 — but the point estimate can be far off (10.5 bits at
     * rank 10) and the interval then very wide: the tail of a moment fit is
     * fragile, which the interval says. A fixed half-bit error, stated before measuring, did not hold (1.7 bits
     * off at rank 10 in the first space), which is why the error is computed rather than assumed.
     */
    @Test
    void extrapolation_intervalContainsEnumeration_onSkewNormalSpaces() {
        int inside = 0;
        int cases = 0;
        double worst = 0;
        for (int t = 0; t < 10; t++) {
            SplittableRandom rng = new SplittableRandom(100 + t);
            int n = 100_000;
            double delta = 4 / Math.sqrt(17);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = 5 + 2 * (delta * Math.abs(rng.nextGaussian()) + Math.sqrt(1 - delta * delta) * rng.nextGaussian());
            }
            double[] sorted = s.clone();
            Arrays.sort(sorted);
            for (int rank : new int[] {10, 100, 1000, 10_000}) {
                double value = sorted[rank - 1];
                int secret = -1;
                for (int i = 0; i < n && secret < 0; i++) {
                    if (s[i] == value) {
                        secret = i;
                    }
                }
                double[] refs = TextCanaryAudit.referenceSample(s, secret, 2000, t);
                double enumeration = Exposure.enumeration(secret, s);
                Exposure.Extrapolated e = Exposure.extrapolation(s[secret], refs, 100, 0.95, t);
                worst = Math.max(worst, Math.abs(e.exposure() - enumeration));
                inside += e.contains(enumeration) ? 1 : 0;
                cases++;
            }
        }
        System.out.printf("extrapolation vs enumeration on skew-normal spaces: %d of %d intervals contain the exact exposure, "
                + "largest point difference %.3f bits%n", inside, cases, worst);
        assertThat(inside).isGreaterThanOrEqualTo(33);
    }
}
