package org.rai4j.privacy.audit;

import org.rai4j.core.Preconditions;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A one-run audit with canaries (Steinke, Nasr and Jagielski 2023, §3): each of m canaries is included in the
 * training data independently with probability ½ (from a seed), one model is trained, the canaries are scored
 * (larger = more likely a member), and the auditor guesses IN for the {@code kPos} highest scores and OUT for
 * the {@code kNeg} lowest, abstaining on the rest. The guess counts are fixed before looking at the scores —
 * choosing them as the ones that give the largest bound would void the confidence statement — and the bound
 * is {@link OneRunAudit#epsilonLowerBound}.
 */
public final class CanaryAudit {
    private CanaryAudit() {}

    /**
     * A canary audit's outcome.
     *
     * @param bound    the one-run bound and its counts
     * @param included which canaries were trained on
     * @param scores   the canaries' scores
     */
    public record Result(OneRunAudit.Bound bound, boolean[] included, double[] scores) {
        /** Copies the arrays. */
        public Result {
            included = included.clone();
            scores = scores.clone();
        }

        @Override
        public boolean[] included() {
            return included.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }
    }

    /** Which canaries to include: each independently with probability ½. */
    public static boolean[] draw(int canaries, long seed) {
        Preconditions.checkArgument(canaries >= 1, "need at least one canary, got " + canaries);
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] in = new boolean[canaries];
        for (int i = 0; i < canaries; i++) {
            in[i] = rng.nextBoolean();
        }
        return in;
    }

    /**
     * Runs the audit.
     *
     * @param canaries      m
     * @param kPos          number of IN guesses (highest scores)
     * @param kNeg          number of OUT guesses (lowest scores); kPos + kNeg ≤ m
     * @param delta         δ of the guarantee tested
     * @param beta          1 − confidence
     * @param seed          seed of the inclusion draw
     * @param trainAndScore trains on the included canaries (flags given) and returns one score per canary
     */
    public static Result run(int canaries, int kPos, int kNeg, double delta, double beta, long seed,
                             Function<boolean[], double[]> trainAndScore) {
        Preconditions.checkArgument(kPos >= 0 && kNeg >= 0 && kPos + kNeg <= canaries,
                "guesses IN (" + kPos + ") and OUT (" + kNeg + ") must be >= 0 and add up to at most the canaries (" + canaries + ")");
        boolean[] in = draw(canaries, seed);
        double[] scores = trainAndScore.apply(in.clone());
        Preconditions.checkState(scores.length == canaries, "need one score per canary, got " + scores.length);
        return new Result(bound(scores, in, kPos, kNeg, delta, beta), in, scores);
    }

    /** The bound from given scores and memberships with fixed guess counts (ties broken by index). */
    public static OneRunAudit.Bound bound(double[] scores, boolean[] in, int kPos, int kNeg, double delta, double beta) {
        int m = scores.length;
        Preconditions.checkArgument(in.length == m, "need one membership flag per score");
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            Preconditions.checkArgument(!Double.isNaN(scores[i]), "canary score " + i + " is NaN");
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int correct = 0;
        for (int j = 0; j < kPos; j++) {
            correct += in[order[j]] ? 1 : 0;
        }
        for (int j = 0; j < kNeg; j++) {
            correct += in[order[m - 1 - j]] ? 0 : 1;
        }
        return OneRunAudit.epsilonLowerBound(m, kPos + kNeg, correct, delta, beta);
    }
}
