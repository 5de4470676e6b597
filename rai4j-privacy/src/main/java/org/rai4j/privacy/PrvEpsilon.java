package org.rai4j.privacy;

/**
 * The PRV accountant's answer: the true ε of the composed mechanism (at the requested δ) lies between
 * {@code lowerBound} and {@code upperBound}; {@code upperBound} is the guarantee to report.
 *
 * @param upperBound ε(δ − δerr) + εerr: a valid privacy guarantee
 * @param estimate   ε(δ) read from the discretised distribution
 * @param lowerBound ε(δ + δerr) − εerr
 * @param gridPoints number of grid points used (0 when no computation was needed)
 */
public record PrvEpsilon(double upperBound, double estimate, double lowerBound, int gridPoints) {}
