package org.rai4j.privacy.audit;

import org.rai4j.learn.Examples;
import org.rai4j.learn.GradientModel;

/**
 * What a membership attack reads from a trained model about each example: the log-probability of its true
 * class (the negative cross-entropy loss, Yeom et al.'s signal) and LiRA's scaled logit
 * φ = log p_y − log Σ_{j≠y} p_j (Carlini et al. 2022, the statistic whose distribution over training runs is
 * close to Gaussian). The sum of the other classes' probabilities is floored at the smallest normal double,
 * so φ stays finite (≤ ~708) for a model that is certain.
 *
 * @param logProbability log p_y per example
 * @param scaledLogit    φ per example
 */
public record ModelSignals(double[] logProbability, double[] scaledLogit) {
    /** Copies the arrays. */
    public ModelSignals {
        logProbability = logProbability.clone();
        scaledLogit = scaledLogit.clone();
    }

    @Override
    public double[] logProbability() {
        return logProbability.clone();
    }

    @Override
    public double[] scaledLogit() {
        return scaledLogit.clone();
    }

    /** The signals of {@code model} on every example of {@code data}. */
    public static <E extends Examples> ModelSignals of(GradientModel<E> model, E data) {
        int n = data.size();
        double[] lp = new double[n];
        double[] phi = new double[n];
        double[] p = new double[model.classes()];
        for (int i = 0; i < n; i++) {
            model.probabilities(data, i, p);
            int y = data.label(i);
            double py = Math.max(p[y], Double.MIN_NORMAL);
            double rest = 0;
            for (int c = 0; c < p.length; c++) {
                if (c != y) {
                    rest += p[c];
                }
            }
            lp[i] = Math.log(py);
            phi[i] = Math.log(py) - Math.log(Math.max(rest, Double.MIN_NORMAL));
        }
        return new ModelSignals(lp, phi);
    }
}
