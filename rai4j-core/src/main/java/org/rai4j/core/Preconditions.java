package org.rai4j.core;

/**
 * The one argument-checking helper. Messages name the parameter, the allowed range and the value
 * given, e.g. {@code "confidence must be in (0, 1), got 1.5"}. Bad values raise
 * {@link IllegalArgumentException}; a wrong call order raises {@link IllegalStateException}.
 */
public final class Preconditions {
    private Preconditions() {}

    /** Fails with {@code message} when {@code condition} is false. */
    public static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Fails with {@code message} when {@code condition} is false. */
    public static void checkState(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Returns {@code value} when it is not null. */
    public static <T> T checkNotNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value} when it lies in the open interval (lo, hi). */
    public static double checkOpenInterval(double value, double lo, double hi, String name) {
        if (!(value > lo && value < hi)) {
            throw new IllegalArgumentException(name + " must be in (" + lo + ", " + hi + "), got " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and > 0. */
    public static double checkPositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and >= 0. */
    public static double checkNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is >= {@code min}. */
    public static long checkAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is >= {@code min}. */
    public static int checkAtLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
