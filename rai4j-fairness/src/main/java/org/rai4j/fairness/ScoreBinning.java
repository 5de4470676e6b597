package org.rai4j.fairness;

/**
 * How the bootstrap of a binary audit with a score column treated the scores, and how far its replicates
 * can be from those of row resampling (see {@link Bootstrap}, method {@code multinomial-score-bins}).
 *
 * <p>The scores are put on a grid of {@code bins} bins; a replicate is a multinomial draw over
 * (finest cell, outcome, weight, calibration bin, score bin) counts. Given the same counts, the replicate
 * of row resampling could differ only inside a bin: its AUC by at most half the share of (positive,
 * negative) pairs that share a bin but not a score (such a pair counts 1/2, its true comparison 0 or 1), its Brier
 * score by at most the largest spread of (s − y)² within one bootstrap cell, its expected calibration
 * error by at most the largest spread of s within one bootstrap cell. The bounds below are those
 * maxima, over every replicate and slice actually drawn, so every percentile bound differs from the row
 * method's (coupled draw for draw) by at most them. With {@code exact} every bin holds a single score
 * value and all bounds are 0: the bootstrap is then row resampling in distribution. Point estimates are
 * never binned.
 *
 * @param bins             number of score bins
 * @param exact            true when each bin holds one distinct score (few distinct scores)
 * @param aucErrorBound    largest half-share of positive–negative pairs sharing a bin but not a score, over
 *                         replicates and slices
 * @param brierErrorBound  largest spread of (s − y)² within one bootstrap cell
 * @param eceErrorBound    largest spread of s within one bootstrap cell
 */
public record ScoreBinning(int bins, boolean exact, double aucErrorBound, double brierErrorBound, double eceErrorBound) {
    public ScoreBinning {
        org.rai4j.core.Preconditions.checkArgument(bins >= 1, "bins must be >= 1, got " + bins);
    }
}
