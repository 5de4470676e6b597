package org.rai4j.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact binomial sampler against the exact Binomial(n, p) distribution. Fixed seeds make every run
 * identical; the stated false-failure rates are what a correct sampler would face under fresh seeds.
 */
class SamplingTest {
    /**
     * Pearson χ² goodness of fit of 20,000 draws against the exact pmf, pooling cells with expected
     * count below 5. Threshold: the 0.999 quantile of χ²(k) approximated by Wilson–Hilferty, so a correct
     * sampler fails with probability 0.001.
     */
    @ParameterizedTest
    @CsvSource({"100, 0.3", "1000, 0.02", "5000, 0.5", "60, 0.9", "1000000, 0.0001"})
    void binomial_draws_fitExactPmf(long n, double p) {
        SplittableRandom rng = new SplittableRandom(12345 + n);
        int draws = 20_000;
        java.util.Map<Long, Integer> observed = new java.util.HashMap<>();
        for (int i = 0; i < draws; i++) {
            observed.merge(Sampling.binomial(rng, n, p), 1, Integer::sum);
        }
        // exact pmf via log-gamma-free recurrence around the mode
        double mean = n * p;
        long lo = Math.max(0, (long) (mean - 12 * Math.sqrt(mean * (1 - p) + 1)) - 5);
        long hi = Math.min(n, (long) (mean + 12 * Math.sqrt(mean * (1 - p) + 1)) + 5);
        double[] logPmf = new double[(int) (hi - lo + 1)];
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        for (long k = lo; k <= hi; k++) {
            logPmf[(int) (k - lo)] = logChoose(n, k) + k * logP + (n - k) * logQ;
        }
        double chi2 = 0;
        int cells = 0;
        double pooledExpected = 0;
        double pooledObserved = 0;
        for (long k = lo; k <= hi; k++) {
            double e = draws * Math.exp(logPmf[(int) (k - lo)]);
            double o = observed.getOrDefault(k, 0);
            pooledExpected += e;
            pooledObserved += o;
            if (pooledExpected >= 5) {
                chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
                cells++;
                pooledExpected = 0;
                pooledObserved = 0;
            }
        }
        int df = cells - 1;
        double z = 3.090232306167813; // Φ⁻¹(0.999)
        double h = 2.0 / (9 * df);
        double critical = df * Math.pow(1 - h + z * Math.sqrt(h), 3);
        assertThat(chi2).as("chi2 with %d df", df).isLessThan(critical);
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(long n) {
        if (n < 50) {
            double s = 0;
            for (long i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = n + 1.0; // Stirling series for lnΓ(x), error < 1e-15 for x ≥ 50
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x)
                + 1 / (1260 * Math.pow(x, 5));
    }

    @ParameterizedTest
    @CsvSource({"10000000, 7", "1000, 3", "0, 5"})
    void multinomial_anyDraw_sumsToNAndRespectsZeroCells(long n, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = {5, 0, 1, 3, 0, 2, 9};
        long[] out = new long[w.length];
        for (int rep = 0; rep < 50; rep++) {
            Sampling.multinomial(rng, n, w, out);
            assertThat(java.util.Arrays.stream(out).sum()).isEqualTo(n);
            assertThat(out[1]).isZero();
            assertThat(out[4]).isZero();
        }
    }
}
