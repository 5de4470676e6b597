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
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return of(probabilities(model, data), labels, model.classes());
    }

    /** The class probabilities of {@code model} on every example of {@code data}, row-major (n × classes). */
    public static <E extends Examples> double[] probabilities(GradientModel<E> model, E data) {
        int k = model.classes();
        double[] out = new double[data.size() * k];
        double[] p = new double[k];
        for (int i = 0; i < data.size(); i++) {
            model.probabilities(data, i, p);
            System.arraycopy(p, 0, out, i * k, k);
        }
        return out;
    }

    /**
     * The signals from class probabilities already computed.
     *
     * @param probabilities row-major n × classes
     * @param labels        the true class of each example
     * @param classes       number of classes
     */
    public static ModelSignals of(double[] probabilities, int[] labels, int classes) {
        int n = labels.length;
        org.rai4j.core.Preconditions.checkArgument(probabilities.length == n * classes,
                "need " + n + " x " + classes + " probabilities, got " + probabilities.length);
        double[] lp = new double[n];
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            double py = Math.max(probabilities[i * classes + y], Double.MIN_NORMAL);
            double rest = 0;
            for (int c = 0; c < classes; c++) {
                if (c != y) {
                    rest += probabilities[i * classes + c];
                }
            }
            lp[i] = Math.log(py);
            phi[i] = Math.log(py) - Math.log(Math.max(rest, Double.MIN_NORMAL));
        }
        return new ModelSignals(lp, phi);
    }
}
