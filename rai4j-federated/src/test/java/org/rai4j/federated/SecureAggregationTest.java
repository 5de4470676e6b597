package org.rai4j.federated;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecureAggregationTest {
    private static final int[] IDS = {3, 7, 11, 20, 21, 40, 41};

    private static long[][] inputs(int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[][] x = new long[IDS.length][m];
        for (long[] row : x) {
            for (int i = 0; i < m; i++) {
                row[i] = r.nextLong(-1_000_000, 1_000_000);
            }
        }
        return x;
    }

    private static Set<Integer> all() {
        Set<Integer> s = new TreeSet<>();
        for (int id : IDS) {
            s.add(id);
        }
        return s;
    }

    @Test
    void unmask_noDropOut_sumIsExact() {
        long[][] x = inputs(50, 1);
        SecureAggregation sa = new SecureAggregation(IDS, 4, new SecureRandom());
        sa.shareKeys(all());
        long[] expected = new long[50];
        for (int k = 0; k < IDS.length; k++) {
            long[] y = sa.maskedInput(IDS[k], x[k]);
            assertThat(y).isNotEqualTo(x[k]);
            for (int i = 0; i < 50; i++) {
                expected[i] += x[k][i];
            }
        }
        assertThat(sa.unmask(all())).isEqualTo(expected);
    }

    /** Any n − t clients drop after sharing keys (before sending input): the sum over the survivors is exact. */
    @Test
    void unmask_upToNMinusTDropOutsAfterSharing_sumOverSurvivorsIsExact() {
        int t = 4;
        long[][] x = inputs(20, 2);
        SplittableRandom pick = new SplittableRandom(5);
        for (int trial = 0; trial < 6; trial++) {
            int drops = trial % (IDS.length - t + 1);
            Set<Integer> dropped = new HashSet<>();
            while (dropped.size() < drops) {
                dropped.add(IDS[pick.nextInt(IDS.length)]);
            }
            SecureAggregation sa = new SecureAggregation(IDS, t, new SecureRandom());
            sa.shareKeys(all());
            long[] expected = new long[20];
            Set<Integer> survivors = new TreeSet<>();
            for (int k = 0; k < IDS.length; k++) {
                if (dropped.contains(IDS[k])) {
                    continue;
                }
                survivors.add(IDS[k]);
                sa.maskedInput(IDS[k], x[k]);
                for (int i = 0; i < 20; i++) {
                    expected[i] += x[k][i];
                }
            }
            assertThat(sa.unmask(survivors)).as("dropped %s", dropped).isEqualTo(expected);
        }
    }

    /** Clients that drop before sharing are simply not in the sum; fewer than t survivors abort. */
    @Test
    void dropBeforeSharing_excluded_andBelowThreshold_aborts() {
        long[][] x = inputs(5, 3);
        SecureAggregation sa = new SecureAggregation(IDS, 4, new SecureRandom());
        Set<Integer> sharing = new TreeSet<>(all());
        sharing.remove(3);
        sa.shareKeys(sharing);
        assertThatThrownBy(() -> sa.maskedInput(3, x[0])).hasMessageContaining("did not complete key sharing");
        long[] expected = new long[5];
        for (int k = 1; k < IDS.length; k++) {
            sa.maskedInput(IDS[k], x[k]);
            for (int i = 0; i < 5; i++) {
                expected[i] += x[k][i];
            }
        }
        assertThat(sa.unmask(sharing)).isEqualTo(expected);

        SecureAggregation few = new SecureAggregation(IDS, 4, new SecureRandom());
        few.shareKeys(all());
        few.maskedInput(3, x[0]);
        few.maskedInput(7, x[1]);
        few.maskedInput(11, x[2]);
        assertThatThrownBy(() -> few.unmask(all())).hasMessageContaining("threshold is 4");
        assertThatThrownBy(() -> new SecureAggregation(IDS, 3, new SecureRandom()).shareKeys(Set.of(3, 7)))
                .hasMessageContaining("round aborted");
    }

    /**
     * χ² statistic of the byte histogram (256 cells) of a vector. Under uniform bytes it is χ²(255): mean 255, sd 22.6;
     * the bound 360 is 4.6 sd above the mean (false-failure rate per check ≈ 1e-5 with the skewed upper tail; 20 checks
     * below → ≈ 2e-4 for the test).
     */
    private static double chiSquare(long[] y) {
        long[] hist = new long[256];
        for (long v : y) {
            for (int b = 0; b < 8; b++) {
                hist[(int) ((v >>> (8 * b)) & 0xFF)]++;
            }
        }
        double expected = y.length * 8 / 256.0;
        double chi = 0;
        for (long h : hist) {
            chi += (h - expected) * (h - expected) / expected;
        }
        return chi;
    }

    /** The server's view of one client's masked input looks uniform, whatever the input (all zeros, a constant, real data). */
    @Test
    void maskedInput_serverViewIndistinguishableFromUniform() {
        int m = 4096;
        long[][] probes = {new long[m], constant(m, 123456789L), inputs(m, 9)[0]};
        for (long[] x : probes) {
            for (int rep = 0; rep < 5; rep++) {
                SecureAggregation sa = new SecureAggregation(IDS, 4, new SecureRandom());
                sa.shareKeys(all());
                long[] y = sa.maskedInput(IDS[rep], x);
                assertThat(chiSquare(y)).isLessThan(360);
            }
        }
    }

    /** Validity: the same test rejects an unmasked input and a weakly masked one (mask = counter), so it has power. */
    @Test
    void uniformityTest_rejectsUnmaskedAndWeaklyMaskedInputs() {
        int m = 4096;
        long[] x = inputs(m, 9)[0];
        assertThat(chiSquare(x)).isGreaterThan(360);
        long[] weak = x.clone();
        for (int i = 0; i < m; i++) {
            weak[i] += i * 0x0101010101L;
        }
        assertThat(chiSquare(weak)).isGreaterThan(360);
        assertThat(chiSquare(constant(m, 0))).isGreaterThan(360);
    }

    private static long[] constant(int m, long v) {
        long[] a = new long[m];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void shamir_anyTSharesReconstruct() {
        java.math.BigInteger p = java.math.BigInteger.ONE.shiftLeft(521).subtract(java.math.BigInteger.ONE);
        java.math.BigInteger secret = new java.math.BigInteger("123456789012345678901234567890");
        // f(x) = secret + 5x + 7x² (t = 3); any three points give f(0)
        java.math.BigInteger[] xs = {java.math.BigInteger.valueOf(2), java.math.BigInteger.valueOf(5), java.math.BigInteger.valueOf(9)};
        java.math.BigInteger[] ys = new java.math.BigInteger[3];
        for (int i = 0; i < 3; i++) {
            java.math.BigInteger x = xs[i];
            ys[i] = secret.add(x.multiply(java.math.BigInteger.valueOf(5))).add(x.multiply(x).multiply(java.math.BigInteger.valueOf(7))).mod(p);
        }
        assertThat(SecureAggregation.reconstruct(xs, ys)).isEqualTo(secret);
    }
}
