package org.rai4j.privacy;

import org.rai4j.core.Preconditions;

import java.util.Arrays;

/**
 * Poisson sampling, the batch selection every DP-SGD accountant assumes: each of the n examples joins the
 * batch independently with probability q, so batch sizes vary (Binomial(n, q)) and may be 0. Drawn by
 * geometric skips — the gap to the next included example is {@code 1 + ⌊ln U / ln(1 − q)⌋} — which costs
 * O(q·n) uniforms instead of n. Pure static function; the randomness comes from the caller.
 */
public final class PoissonSampling {
    private PoissonSampling() {}

    /** The indices (ascending) of the examples included in one Poisson-sampled batch. */
    public static int[] sample(int n, double q, PrivacyRandom random) {
        Preconditions.checkAtLeast(n, 0, "number of examples");
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("sample rate must be in [0, 1], got " + q);
        }
        if (q == 0 || n == 0) {
            return new int[0];
        }
        if (q == 1) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        double logKeep = Math.log1p(-q);
        int[] out = new int[Math.max(16, (int) (2 * q * n) + 16)];
        int count = 0;
        long i = -1;
        while (true) {
            double u = 1.0 - random.nextUniform(); // in (0, 1]
            i += 1 + (long) Math.floor(Math.log(u) / logKeep);
            if (i >= n) {
                break;
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, 2 * count);
            }
            out[count++] = (int) i;
        }
        return Arrays.copyOf(out, count);
    }
}
