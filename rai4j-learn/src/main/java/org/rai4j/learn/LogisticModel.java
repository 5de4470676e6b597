package org.rai4j.learn;

/**
 * A fitted logistic regression: P(y = 1 | x) = σ(intercept + coefficients·x). Immutable.
 *
 * @param intercept    the intercept
 * @param coefficients one weight per feature
 */
public record LogisticModel(double intercept, double[] coefficients) {
    public LogisticModel {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The logistic function, computed without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** P(y = 1 | x). */
    public double probability(double[] x) {
        double z = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            z += coefficients[i] * x[i];
        }
        return sigmoid(z);
    }

    /** 1 when P(y = 1 | x) ≥ threshold, else 0. */
    public int predict(double[] x, double threshold) {
        return probability(x) >= threshold ? 1 : 0;
    }
}
