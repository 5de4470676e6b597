package org.rai4j.mitigation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;
import org.rai4j.learn.LogisticModel;
import org.rai4j.learn.LogisticRegression;

/**
 * Exponentiated-gradient reductions for fair classification (Agarwal, Beygelzimer, Dudík, Langford &amp; Wallach
 * 2018, Algorithm 1; Fairlearn's {@code ExponentiatedGradient}) over rai4j's L2 logistic regression.
 *
 * <p>Constraints ("moments") γ_j(h) ≤ ε, each in both signs: demographic parity E[h | A=a] − E[h] for every
 * group a; equalized odds E[h | A=a, Y=y] − E[h | Y=y] for every group and label; TPR parity the y = 1 half.
 * The game: the λ-player (‖λ‖₁ ≤ B = 1/ε) updates θ ← θ + η(γ(h_t) − ε) and plays λ = B·exp θ / (1 + Σ exp θ);
 * the learner best-responds with the classifier minimising err(h) + λᵀγ(h), a cost-sensitive problem solved as
 * a weighted logistic regression on relabelled rows (label 1 where predicting 1 costs less, weight = |cost
 * difference|). The result is the uniform mixture Q of the best responses h_1 … h_T (a randomised
 * classifier); the loop stops when the duality gap of (Q, mean λ) falls below {@code nu} or after
 * {@code maxIterations}. Deterministic for a given input.
 *
 * @param epsilon       constraint bound ε &gt; 0
 * @param maxIterations T (Fairlearn's default 50)
 * @param eta0          learning rate numerator (Fairlearn's default 2.0; η = eta0 / B)
 * @param nu            duality-gap tolerance
 * @param learner       the logistic regression of the best responses
 */
public record ExponentiatedGradient(double epsilon, int maxIterations, double eta0, double nu, LogisticRegression learner) {
    public ExponentiatedGradient {
        Preconditions.checkArgument(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1), got " + epsilon);
        Preconditions.checkAtLeast(maxIterations, 1, "maxIterations");
        Preconditions.checkArgument(eta0 > 0, "eta0 must be > 0, got " + eta0);
        Preconditions.checkArgument(nu >= 0, "nu must be >= 0, got " + nu);
        Preconditions.checkNotNull(learner, "learner");
    }

    /** ε with Fairlearn's defaults otherwise (50 iterations, eta0 = 2, ν = 1e-4) and λ = 1 logistic regression. */
    public static ExponentiatedGradient withEpsilon(double epsilon) {
        return new ExponentiatedGradient(epsilon, 50, 2.0, 1e-4, LogisticRegression.DEFAULT);
    }

    /**
     * The randomised classifier: predict with a model drawn with its weight.
     *
     * @param models    the best responses h_t
     * @param weights   their mixture weights (sum 1)
     * @param iterations iterations run
     * @param gap       duality gap at the end
     */
    public record Mixture(List<LogisticModel> models, double[] weights, int iterations, double gap) {
        public Mixture {
            models = List.copyOf(models);
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** P(ŷ = 1 | x) = Σ_t w_t·h_t(x), with h_t(x) = 1{p_t(x) &gt; 0.5}. */
        public double probability(double[] x) {
            double p = 0;
            for (int t = 0; t < models.size(); t++) {
                p += weights[t] * models.get(t).predict(x, 0.5);
            }
            return p;
        }

        /** Randomised predictions, reproducible from {@code seed}. */
        public int[] predict(double[][] x, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] out = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = rng.nextDouble() < probability(x[i]) ? 1 : 0;
            }
            return out;
        }
    }

    /** The constraint moments of one data set: which rows each conditional expectation averages. */
    static final class Moments {
        final int[] group;
        final int[] label;
        final int groups;
        final FairnessConstraint constraint;
        /** Conditioning events: (group or −1 for all, label or −1 for any); constraint k = event k vs its base. */
        final List<int[]> events = new ArrayList<>();
        final double[] count;
        final double[] baseCount;

        Moments(int[] group, int[] label, int groups, FairnessConstraint constraint) {
            this.group = group;
            this.label = label;
            this.groups = groups;
            this.constraint = constraint;
            int[] ys = constraint == FairnessConstraint.DEMOGRAPHIC_PARITY ? new int[] {-1}
                    : constraint == FairnessConstraint.TRUE_POSITIVE_RATE_PARITY ? new int[] {1} : new int[] {0, 1};
            for (int y : ys) {
                for (int a = 0; a < groups; a++) {
                    events.add(new int[] {a, y});
                }
            }
            count = new double[events.size()];
            baseCount = new double[events.size()];
            for (int i = 0; i < group.length; i++) {
                for (int k = 0; k < events.size(); k++) {
                    int[] e = events.get(k);
                    if (e[1] == -1 || e[1] == label[i]) {
                        baseCount[k]++;
                        if (e[0] == group[i]) {
                            count[k]++;
                        }
                    }
                }
            }
            for (int k = 0; k < events.size(); k++) {
                Preconditions.checkArgument(count[k] > 0, "group " + events.get(k)[0]
                        + (events.get(k)[1] >= 0 ? " has no rows with label " + events.get(k)[1] : " is empty") + "; the constraint is undefined");
            }
        }

        /** γ_k(h) = E[h | event k] − E[h | base of k], for soft predictions h ∈ [0, 1]. */
        double[] gamma(double[] h) {
            double[] num = new double[events.size()];
            double[] base = new double[events.size()];
            for (int i = 0; i < h.length; i++) {
                for (int k = 0; k < events.size(); k++) {
                    int[] e = events.get(k);
                    if (e[1] == -1 || e[1] == label[i]) {
                        base[k] += h[i];
                        if (e[0] == group[i]) {
                            num[k] += h[i];
                        }
                    }
                }
            }
            double[] g = new double[events.size()];
            for (int k = 0; k < g.length; k++) {
                g[k] = num[k] / count[k] - base[k] / baseCount[k];
            }
            return g;
        }

        /** ∂(λᵀγ)/∂h_i for signed multipliers λ⁺ − λ⁻ (one per event). */
        double[] signedGradient(double[] signed) {
            double[] grad = new double[group.length];
            for (int i = 0; i < group.length; i++) {
                double s = 0;
                for (int k = 0; k < events.size(); k++) {
                    int[] e = events.get(k);
                    if (e[1] == -1 || e[1] == label[i]) {
                        s -= signed[k] / baseCount[k];
                        if (e[0] == group[i]) {
                            s += signed[k] / count[k];
                        }
                    }
                }
                grad[i] = s;
            }
            return grad;
        }
    }

    /**
     * Fits the mixture.
     *
     * @param x      training features (rows)
     * @param y      0/1 labels
     * @param group  group code per row, 0 … groups−1
     * @param groups number of groups
     */
    public Mixture fit(double[][] x, int[] y, int[] group, int groups, FairnessConstraint constraint) {
        int n = x.length;
        Moments m = new Moments(group, y, groups, constraint);
        int kEvents = m.events.size();
        int kCons = 2 * kEvents; // + and − sign of every moment
        double bound = 1.0 / epsilon;
        double eta = eta0 / bound;
        double[] theta = new double[kCons];
        double[] lambdaSum = new double[kCons];
        List<LogisticModel> models = new ArrayList<>();
        List<double[]> predictions = new ArrayList<>();
        double gap = Double.NaN;
        int t = 0;
        while (t < maxIterations) {
            double[] lambda = lambda(theta, bound);
            for (int k = 0; k < kCons; k++) {
                lambdaSum[k] += lambda[k];
            }
            BestResponse h = bestResponse(x, y, m, lambda, n);
            models.add(h.model);
            predictions.add(h.predictions);
            double[] g = m.gamma(h.predictions);
            for (int k = 0; k < kEvents; k++) {
                theta[k] += eta * (g[k] - epsilon);
                theta[kEvents + k] += eta * (-g[k] - epsilon);
            }
            t++;
            // duality gap of (Q = mean h, λ̄ = mean λ)
            double[] q = mean(predictions, n);
            double[] lambdaBar = new double[kCons];
            for (int k = 0; k < kCons; k++) {
                lambdaBar[k] = lambdaSum[k] / t;
            }
            double lagrangianQ = lagrangian(q, y, m, lambdaBar, n);
            double bestLambda = error(q, y) + bound * Math.max(0, maxViolation(m.gamma(q)));
            BestResponse hBar = bestResponse(x, y, m, lambdaBar, n);
            double bestH = lagrangian(hBar.predictions, y, m, lambdaBar, n);
            gap = Math.max(bestLambda - lagrangianQ, lagrangianQ - bestH);
            if (t >= 5 && gap < nu) {
                break;
            }
        }
        double[] w = new double[models.size()];
        java.util.Arrays.fill(w, 1.0 / models.size());
        return new Mixture(models, w, t, gap);
    }

    private record BestResponse(LogisticModel model, double[] predictions) {}

    private BestResponse bestResponse(double[][] x, int[] y, Moments m, double[] lambda, int n) {
        int kEvents = m.events.size();
        double[] signed = new double[kEvents];
        for (int k = 0; k < kEvents; k++) {
            signed[k] = lambda[k] - lambda[kEvents + k];
        }
        double[] grad = m.signedGradient(signed);
        int[] relabel = new int[n];
        double[] weight = new double[n];
        boolean both = false;
        int first = -1;
        for (int i = 0; i < n; i++) {
            double cost = (1.0 - 2.0 * y[i]) / n + grad[i]; // cost(ŷ=1) − cost(ŷ=0)
            relabel[i] = cost < 0 ? 1 : 0;
            weight[i] = Math.abs(cost) * n;
            if (first < 0) {
                first = relabel[i];
            } else if (relabel[i] != first) {
                both = true;
            }
        }
        LogisticModel model;
        if (!both) {
            model = new LogisticModel(first == 1 ? 30.0 : -30.0, new double[x[0].length]); // constant classifier
        } else {
            model = learner.fit(x, relabel, weight);
        }
        double[] pred = new double[n];
        for (int i = 0; i < n; i++) {
            pred[i] = model.predict(x[i], 0.5);
        }
        return new BestResponse(model, pred);
    }

    static double[] lambda(double[] theta, double bound) {
        double max = 0;
        for (double v : theta) {
            max = Math.max(max, v);
        }
        double denom = Math.exp(-max);
        double[] e = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            e[k] = Math.exp(theta[k] - max);
            denom += e[k];
        }
        for (int k = 0; k < theta.length; k++) {
            e[k] = bound * e[k] / denom;
        }
        return e;
    }

    private static double[] mean(List<double[]> preds, int n) {
        double[] q = new double[n];
        for (double[] p : preds) {
            for (int i = 0; i < n; i++) {
                q[i] += p[i];
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] /= preds.size();
        }
        return q;
    }

    static double error(double[] h, int[] y) {
        double e = 0;
        for (int i = 0; i < h.length; i++) {
            e += y[i] == 1 ? 1 - h[i] : h[i];
        }
        return e / h.length;
    }

    private double lagrangian(double[] h, int[] y, Moments m, double[] lambda, int n) {
        double[] g = m.gamma(h);
        int kEvents = g.length;
        double l = error(h, y);
        for (int k = 0; k < kEvents; k++) {
            l += lambda[k] * (g[k] - epsilon) + lambda[kEvents + k] * (-g[k] - epsilon);
        }
        return l;
    }

    /** max_k |γ_k| − ε: the largest constraint violation (≤ 0 when every constraint holds). */
    double maxViolation(double[] g) {
        double v = Double.NEGATIVE_INFINITY;
        for (double x : g) {
            v = Math.max(v, Math.abs(x) - epsilon);
        }
        return v;
    }

    /** Largest |γ_k(h)| of soft predictions h on a data set: the achieved disparity. */
    public static double disparity(double[] h, int[] y, int[] group, int groups, FairnessConstraint constraint) {
        double[] g = new Moments(group, y, groups, constraint).gamma(h);
        double v = 0;
        for (double x : g) {
            v = Math.max(v, Math.abs(x));
        }
        return v;
    }
}
