package org.rai4j.privacy;

import org.rai4j.core.Preconditions;

/**
 * A run of {@code steps} identical steps of the Poisson-subsampled Gaussian mechanism: each example is
 * included in a step's batch independently with probability {@code sampleRate}, the batch's clipped
 * gradient sum gets Gaussian noise of standard deviation {@code noiseMultiplier} × clip norm. Training
 * whose σ or q changes is a list of segments (heterogeneous composition). Immutable.
 *
 * @param noiseMultiplier σ ≥ 0 (0 means no privacy: ε = ∞ unless q = 0)
 * @param sampleRate      q in [0, 1]
 * @param steps           number of steps ≥ 0
 */
public record Segment(double noiseMultiplier, double sampleRate, long steps) {
    public Segment {
        Preconditions.checkNonNegative(noiseMultiplier, "noise multiplier");
        if (!(sampleRate >= 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("sample rate must be in [0, 1], got " + sampleRate);
        }
        Preconditions.checkAtLeast(steps, 0L, "steps");
    }
}
