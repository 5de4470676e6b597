package org.rai4j.privacy.internal;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunked Gaussian source: the draws handed out depend on the master secret alone, not on who computed
 * a chunk or when (the background producer, the consumer itself, or a mix decided by timing).
 */
class GaussianBlocksTest {
    private static byte[] master(int b) {
        byte[] m = new byte[32];
        m[0] = (byte) b;
        m[31] = 7;
        return m;
    }

    /** Draws n values in requests of random lengths (1 … 200, the size of embedding rows), pausing now and then. */
    private static double[] draw(GaussianBlocks g, int n, long seed, boolean pause) throws InterruptedException {
        double[] out = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        int k = 0;
        int requests = 0;
        while (k < n) {
            int len = Math.min(n - k, 1 + r.nextInt(200));
            if (len == 1) {
                out[k] = g.next();
            } else {
                g.addScaled(out, k, k + len, 1.0);
            }
            k += len;
            if (pause && ++requests % 500 == 0) {
                Thread.sleep(2); // lets the producer run ahead, so that the mix of who computed what changes
            }
        }
        return out;
    }

    @Test
    void prefetchingAndOnDemand_sameMaster_giveIdenticalDraws() throws InterruptedException {
        int n = 40 * GaussianBlocks.BLOCK + 1234; // well past the ramp and the read-ahead limit
        double[] expected = draw(GaussianBlocks.of(master(1), false), n, 5, false);
        for (int run = 0; run < 3; run++) {
            GaussianBlocks prefetching = GaussianBlocks.of(master(1), true);
            assertThat(draw(prefetching, n, 5 + run, run == 1)).as("run " + run).isEqualTo(expected);
        }
    }

    @Test
    void differentMasters_giveDifferentDraws() throws InterruptedException {
        double[] a = draw(GaussianBlocks.of(master(1), false), 1000, 1, false);
        double[] b = draw(GaussianBlocks.of(master(2), false), 1000, 1, false);
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        assertThat(equal).isZero();
    }

    @Test
    void requestLengths_doNotChangeTheSequence() throws InterruptedException {
        int n = 3 * GaussianBlocks.BLOCK + 99;
        double[] inOne = new double[n];
        GaussianBlocks.of(master(3), false).addScaled(inOne, 0, n, 1.0);
        assertThat(draw(GaussianBlocks.of(master(3), true), n, 11, true)).isEqualTo(inOne);
    }

    @Test
    void addScaled_addsScaledDrawsToTheTarget() {
        double[] plain = new double[5000];
        GaussianBlocks.of(master(4), false).addScaled(plain, 0, plain.length, 1.0);
        double[] target = new double[5000];
        java.util.Arrays.fill(target, 10.0);
        GaussianBlocks.of(master(4), false).addScaled(target, 0, target.length, 0.5);
        for (int i = 0; i < target.length; i++) {
            assertThat(target[i]).isEqualTo(10.0 + 0.5 * plain[i]);
        }
    }
}
