package org.rai4j.privacy.audit;

import org.rai4j.core.Preconditions;

/**
 * Membership-inference scores from model signals; every score is "larger = more likely a member".
 * <ul>
 *   <li>{@link #loss}: Yeom, Giacomelli, Fredrikson and Jha 2018 — the target model's log-probability of the
 *       true class (minus the loss); needs no reference model.</li>
 *   <li>{@link #liraOffline}: Carlini et al. 2022 (arXiv 2112.03570), offline variant — the target's scaled
 *       logit standardised by the mean and standard deviation of the same example's scaled logit in reference
 *       models that did <em>not</em> train on it: z = (φ − μ_out)/σ_out. The paper's one-sided test Φ(z) ranks
 *       examples exactly as z does.</li>
 *   <li>{@link #liraOnline}: the online variant — the Gaussian log-likelihood ratio
 *       log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²) with IN and OUT reference models.</li>
 * </ul>
 * With few reference models the per-example variance is noisy; {@code globalVariance} uses one pooled
 * variance for all examples (the paper's "fixed variance", recommended below 64 models).
 */
public final class MembershipAttacks {
    private static final double MIN_SD = 1e-6;

    private MembershipAttacks() {}

    /** Yeom's loss attack: the score is the target's log-probability of the true class. */
    public static double[] loss(ModelSignals target) {
        return target.logProbability();
    }

    /**
     * LiRA offline.
     *
     * @param targetPhi      the target model's scaled logit per example
     * @param reference      the reference models' statistics and memberships (each example OUT of at least one)
     * @param globalVariance pool the OUT variance over examples
     */
    public static double[] liraOffline(double[] targetPhi, ReferenceModels.Statistics reference, boolean globalVariance) {
        Moments out = moments(reference, targetPhi.length, false);
        double pooled = out.pooledSd();
        double[] score = new double[targetPhi.length];
        for (int i = 0; i < score.length; i++) {
            Preconditions.checkArgument(out.count[i] > 0, "example " + i + " is in every reference model's training data; "
                    + "offline LiRA needs at least one reference model that did not train on it");
            double sd = globalVariance ? pooled : Math.max(out.sd(i), MIN_SD);
            score[i] = (targetPhi[i] - out.mean[i]) / sd;
        }
        return score;
    }

    /**
     * LiRA online. An example that is IN (or OUT) of no reference model takes the average IN−OUT mean shift of
     * the examples that have both.
     *
     * @param targetPhi      the target model's scaled logit per example
     * @param reference      the reference models' statistics and memberships
     * @param globalVariance pool the IN and OUT variances over examples
     */
    public static double[] liraOnline(double[] targetPhi, ReferenceModels.Statistics reference, boolean globalVariance) {
        int n = targetPhi.length;
        Moments in = moments(reference, n, true);
        Moments out = moments(reference, n, false);
        double shift = 0;
        int both = 0;
        for (int i = 0; i < n; i++) {
            if (in.count[i] > 0 && out.count[i] > 0) {
                shift += in.mean[i] - out.mean[i];
                both++;
            }
        }
        Preconditions.checkArgument(both > 0, "online LiRA needs examples that are IN some reference models and OUT of others");
        shift /= both;
        double inPooled = in.pooledSd();
        double outPooled = out.pooledSd();
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double muIn = in.count[i] > 0 ? in.mean[i] : out.mean[i] + shift;
            double muOut = out.count[i] > 0 ? out.mean[i] : in.mean[i] - shift;
            double sdIn = globalVariance || in.count[i] < 2 ? inPooled : Math.max(in.sd(i), MIN_SD);
            double sdOut = globalVariance || out.count[i] < 2 ? outPooled : Math.max(out.sd(i), MIN_SD);
            score[i] = logNormal(targetPhi[i], muIn, sdIn) - logNormal(targetPhi[i], muOut, sdOut);
        }
        return score;
    }

    private static double logNormal(double x, double mu, double sd) {
        double z = (x - mu) / sd;
        return -0.5 * z * z - Math.log(sd);
    }

    private static Moments moments(ReferenceModels.Statistics ref, int n, boolean wantIn) {
        Preconditions.checkArgument(ref.examples() == n,
                "reference statistics cover " + ref.examples() + " examples, the target " + n);
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        int[] count = new int[n];
        for (int k = 0; k < ref.models(); k++) {
            double[] phi = ref.phi(k);
            boolean[] inK = ref.in(k);
            for (int i = 0; i < n; i++) {
                if (inK[i] == wantIn) {
                    sum[i] += phi[i];
                    count[i]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        for (int k = 0; k < ref.models(); k++) {
            double[] phi = ref.phi(k);
            boolean[] inK = ref.in(k);
            for (int i = 0; i < n; i++) {
                if (inK[i] == wantIn) {
                    double d = phi[i] - mean[i];
                    sumSq[i] += d * d;
                }
            }
        }
        return new Moments(mean, sumSq, count);
    }

    /** Per-example means and centred sums of squares. */
    private record Moments(double[] mean, double[] sumSq, int[] count) {
        double sd(int i) {
            return count[i] < 2 ? Double.NaN : Math.sqrt(sumSq[i] / (count[i] - 1));
        }

        /** √(Σ centred squares / Σ (count − 1)) over examples with at least 2 values. */
        double pooledSd() {
            double ss = 0;
            long dof = 0;
            for (int i = 0; i < count.length; i++) {
                if (count[i] >= 2) {
                    ss += sumSq[i];
                    dof += count[i] - 1;
                }
            }
            return dof == 0 ? 1.0 : Math.max(Math.sqrt(ss / dof), MIN_SD);
        }
    }
}
