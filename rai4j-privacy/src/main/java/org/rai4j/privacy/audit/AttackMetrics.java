package org.rai4j.privacy.audit;

import org.rai4j.core.Estimate;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How well a membership-inference attack separates members from non-members, from its scores (larger = more
 * likely a member): the ROC curve, AUC (trapezoidal, ties counted ½ — the Mann–Whitney statistic), TPR at
 * FPR ≤ 0.1% and ≤ 1% (the TPR of the last ROC point with FPR at most the level, as ML Privacy Meter's
 * {@code compute_attack_results} and the LiRA paper), and balanced accuracy at the best threshold
 * (max (TPR + 1 − FPR)/2, an in-sample optimum and so slightly optimistic; 1 − … is the attacker advantage's
 * complement: advantage = 2·balanced accuracy − 1).
 *
 * <p>Intervals are stratified bootstrap percentile intervals: members and non-members are resampled separately
 * (their counts fixed), {@code replicates} times from a seeded generator. The ROC is computed once from a sort;
 * each replicate is one pass over the sorted scores with resampled multiplicities.
 */
public final class AttackMetrics {
    /** The FPR levels reported. */
    public static final double[] FPR_LEVELS = {0.001, 0.01};

    private AttackMetrics() {}

    /**
     * An ROC curve: points (FPR, TPR) at every distinct score threshold, from (0, 0) to (1, 1).
     *
     * @param fpr false positive rates, non-decreasing
     * @param tpr true positive rates, non-decreasing
     */
    public record Roc(double[] fpr, double[] tpr) {
        /** Copies the arrays. */
        public Roc {
            fpr = fpr.clone();
            tpr = tpr.clone();
        }

        @Override
        public double[] fpr() {
            return fpr.clone();
        }

        @Override
        public double[] tpr() {
            return tpr.clone();
        }
    }

    /**
     * The metrics of one attack.
     *
     * @param auc              area under the ROC curve
     * @param tprAt01PctFpr    TPR at FPR ≤ 0.1%
     * @param tprAt1PctFpr     TPR at FPR ≤ 1%
     * @param balancedAccuracy best balanced accuracy over thresholds
     * @param roc              the ROC curve
     * @param members          number of members scored
     * @param nonMembers       number of non-members scored
     */
    public record Result(Estimate auc, Estimate tprAt01PctFpr, Estimate tprAt1PctFpr, Estimate balancedAccuracy, Roc roc,
                         int members, int nonMembers) {}

    /**
     * Computes the metrics and their bootstrap intervals.
     *
     * @param scores     one score per example, larger = more likely a member (no NaN)
     * @param members    whether each example was a member
     * @param replicates bootstrap replicates (≥ 1; 0 for no intervals)
     * @param confidence interval confidence in (0, 1)
     * @param seed       seed of the bootstrap
     */
    public static Result of(double[] scores, boolean[] members, int replicates, double confidence, long seed) {
        Preconditions.checkArgument(scores.length == members.length,
                "need one membership flag per score, got " + scores.length + " scores and " + members.length + " flags");
        Sorted s = Sorted.of(scores, members);
        Preconditions.checkArgument(s.positives > 0 && s.negatives > 0,
                "need at least one member and one non-member, got " + s.positives + " and " + s.negatives);
        Preconditions.checkArgument(replicates >= 0, "replicates must be >= 0, got " + replicates);
        int[] ones = new int[scores.length];
        Arrays.fill(ones, 1);
        double[] point = s.metrics(ones, s.positives, s.negatives);
        double[][] reps = new double[4][replicates];
        SplittableRandom rng = new SplittableRandom(seed);
        int[] w = new int[scores.length];
        for (int b = 0; b < replicates; b++) {
            Arrays.fill(w, 0);
            for (int i = 0; i < s.positives; i++) {
                w[s.positiveIndex[rng.nextInt(s.positives)]]++;
            }
            for (int i = 0; i < s.negatives; i++) {
                w[s.negativeIndex[rng.nextInt(s.negatives)]]++;
            }
            double[] m = s.metrics(w, s.positives, s.negatives);
            for (int j = 0; j < 4; j++) {
                reps[j][b] = m[j];
            }
        }
        long n = scores.length;
        Estimate[] e = new Estimate[4];
        for (int j = 0; j < 4; j++) {
            Interval ci = replicates == 0 ? null : Intervals.percentile(reps[j], confidence);
            e[j] = Estimate.ok(point[j], n, ci);
        }
        return new Result(e[0], e[1], e[2], e[3], s.roc(), s.positives, s.negatives);
    }

    /** Scores sorted in decreasing order with their membership, positions grouped by ties. */
    private static final class Sorted {
        final boolean[] member;
        final int[] groupEnd; // exclusive end of the tie group starting at each group start
        final int positives;
        final int negatives;
        final int[] positiveIndex;
        final int[] negativeIndex;

        private Sorted(boolean[] member, int[] groupEnd, int positives, int negatives) {
            this.member = member;
            this.groupEnd = groupEnd;
            this.positives = positives;
            this.negatives = negatives;
            this.positiveIndex = new int[positives];
            this.negativeIndex = new int[negatives];
            int p = 0;
            int q = 0;
            for (int i = 0; i < member.length; i++) {
                if (member[i]) {
                    positiveIndex[p++] = i;
                } else {
                    negativeIndex[q++] = i;
                }
            }
        }

        static Sorted of(double[] scores, boolean[] members) {
            int n = scores.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                Preconditions.checkArgument(!Double.isNaN(scores[i]), "score " + i + " is NaN");
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
            boolean[] m = new boolean[n];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                m[i] = members[order[i]];
                if (m[i]) {
                    pos++;
                }
            }
            int[] end = new int[n];
            int i = 0;
            while (i < n) {
                int j = i + 1;
                while (j < n && scores[order[j]] == scores[order[i]]) {
                    j++;
                }
                end[i] = j;
                i = j;
            }
            return new Sorted(m, end, pos, n - pos);
        }

        /** [AUC, TPR@0.1%, TPR@1%, balanced accuracy] with multiplicities w (sorted positions). */
        double[] metrics(int[] w, int pTotal, int nTotal) {
            double tp = 0;
            double fp = 0;
            double auc = 0;
            double[] tprAt = new double[FPR_LEVELS.length];
            double bal = 0.5;
            int i = 0;
            int n = member.length;
            while (i < n) {
                int j = groupEnd[i];
                double dtp = 0;
                double dfp = 0;
                for (int k = i; k < j; k++) {
                    if (member[k]) {
                        dtp += w[k];
                    } else {
                        dfp += w[k];
                    }
                }
                double tpr0 = tp / pTotal;
                tp += dtp;
                fp += dfp;
                double tpr = tp / pTotal;
                double fpr = fp / nTotal;
                auc += dfp / nTotal * (tpr0 + tpr) / 2;
                for (int l = 0; l < FPR_LEVELS.length; l++) {
                    if (fpr <= FPR_LEVELS[l]) {
                        tprAt[l] = tpr;
                    }
                }
                bal = Math.max(bal, (tpr + 1 - fpr) / 2);
                i = j;
            }
            return new double[] {auc, tprAt[0], tprAt[1], bal};
        }

        Roc roc() {
            int n = member.length;
            double[] fpr = new double[n + 1];
            double[] tpr = new double[n + 1];
            int points = 1;
            double tp = 0;
            double fp = 0;
            int i = 0;
            while (i < n) {
                int j = groupEnd[i];
                for (int k = i; k < j; k++) {
                    if (member[k]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                fpr[points] = fp / negatives;
                tpr[points] = tp / positives;
                points++;
                i = j;
            }
            return new Roc(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points));
        }
    }
}
