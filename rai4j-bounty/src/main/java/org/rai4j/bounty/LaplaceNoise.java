package org.rai4j.bounty;

import org.rai4j.core.Preconditions;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A source of Laplace(0, b) noise for {@link Thresholdout}. {@link #secure()} draws from a
 * cryptographically secure generator (production); {@link #seededForTesting(long)} is the explicitly
 * named deterministic test/simulation mode; {@link #replaying(List)} returns recorded draws (audit
 * replay). Implementations are not thread-safe.
 */
public interface LaplaceNoise {
    /** One draw of Laplace(0, scale). */
    double sample(double scale);

    /** Noise from {@link SecureRandom}. */
    static LaplaceNoise secure() {
        SecureRandom r = new SecureRandom();
        return scale -> inverseCdf(r.nextDouble(), scale);
    }

    /** Deterministic noise from a seeded SplittableRandom: for tests and reproducible simulations only. */
    static LaplaceNoise seededForTesting(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return scale -> inverseCdf(r.nextDouble(), scale);
    }

    /** Returns {@code draws} in order, ignoring the scale (they were drawn at the recorded scale). */
    static LaplaceNoise replaying(List<Double> draws) {
        Deque<Double> queue = new ArrayDeque<>(draws);
        return scale -> {
            Preconditions.checkState(!queue.isEmpty(), "the audit log recorded fewer noise draws than the replay needs");
            return queue.removeFirst();
        };
    }

    /** Inverse CDF of Laplace(0, b) at u in [0, 1). */
    static double inverseCdf(double u, double b) {
        double v = u - 0.5;
        if (v == -0.5) {
            v = -0.5 + Math.ulp(0.5);
        }
        return -b * Math.signum(v) * Math.log(1 - 2 * Math.abs(v));
    }
}
