package org.rai4j.privacy;

import org.rai4j.core.Preconditions;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of privacy-relevant steps taken so far: an immutable list of {@link Segment}s. Recording a
 * step returns a new ledger; consecutive steps with the same (σ, q) extend the last segment (as Opacus's
 * accountant history does), so a training run of T identical steps is one segment. Thread-safe.
 */
public final class PrivacyLedger {
    private static final PrivacyLedger EMPTY = new PrivacyLedger(List.of());

    private final List<Segment> segments;

    private PrivacyLedger(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** A ledger with nothing recorded. */
    public static PrivacyLedger empty() {
        return EMPTY;
    }

    /** A ledger holding these segments (e.g. a planned schedule). */
    public static PrivacyLedger of(List<Segment> segments) {
        PrivacyLedger l = EMPTY;
        for (Segment s : segments) {
            l = l.record(s.noiseMultiplier(), s.sampleRate(), s.steps());
        }
        return l;
    }

    /** This ledger plus one step with noise multiplier σ and sampling rate q. */
    public PrivacyLedger record(double noiseMultiplier, double sampleRate) {
        return record(noiseMultiplier, sampleRate, 1);
    }

    /** This ledger plus {@code steps} steps with noise multiplier σ and sampling rate q. */
    public PrivacyLedger record(double noiseMultiplier, double sampleRate, long steps) {
        Preconditions.checkAtLeast(steps, 0L, "steps");
        if (steps == 0) {
            return this;
        }
        List<Segment> next = new ArrayList<>(segments);
        if (!next.isEmpty()) {
            Segment last = next.get(next.size() - 1);
            if (last.noiseMultiplier() == noiseMultiplier && last.sampleRate() == sampleRate) {
                next.set(next.size() - 1, new Segment(noiseMultiplier, sampleRate, last.steps() + steps));
                return new PrivacyLedger(next);
            }
        }
        next.add(new Segment(noiseMultiplier, sampleRate, steps));
        return new PrivacyLedger(next);
    }

    /** The segments, oldest first. */
    public List<Segment> segments() {
        return segments;
    }

    /** Total number of steps recorded. */
    public long steps() {
        long n = 0;
        for (Segment s : segments) {
            n += s.steps();
        }
        return n;
    }

    /** ε spent so far at δ under the accountant. */
    public PrivacySpent epsilon(Accountant accountant, double delta) {
        return accountant.epsilon(segments, delta);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivacyLedger other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "PrivacyLedger" + segments;
    }
}
