package org.rai4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.rai4j.core.Preconditions;

/**
 * Binary logistic regression with an L2 penalty, fitted by Newton–Raphson (iteratively re-weighted
 * least squares) on the penalised log-likelihood
 * {@code Σ_i w_i [y_i log p_i + (1−y_i) log(1−p_i)] − (λ/2)·‖β‖²} (the intercept is not penalised).
 * Deterministic: the same data give the same coefficients bit for bit. Immutable and thread-safe.
 *
 * @param l2            penalty λ ≥ 0
 * @param maxIterations Newton steps at most
 * @param tolerance     stop when the largest coefficient change is below this
 */
public record LogisticRegression(double l2, int maxIterations, double tolerance) {
    /** λ = 1, 100 iterations, tolerance 1e-10. */
    public static final LogisticRegression DEFAULT = new LogisticRegression(1.0, 100, 1e-10);

    public LogisticRegression {
        Preconditions.checkNonNegative(l2, "l2");
        Preconditions.checkAtLeast(maxIterations, 1, "maxIterations");
        Preconditions.checkPositive(tolerance, "tolerance");
    }

    /**
     * Fits the model.
     *
     * @param x rows of features (no intercept column; one is added)
     * @param y labels 0 or 1, one per row
     * @return the fitted model
     * @throws IllegalArgumentException on ragged rows, labels other than 0/1, or non-finite features
     */
    public LogisticModel fit(double[][] x, int[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits the model with sample weights w_i ≥ 0 (the weighted log-likelihood of the class Javadoc; used by
     * reweighing and by the cost-sensitive steps of reductions). {@code weights == null} means all 1.
     *
     * @throws IllegalArgumentException also on a negative or non-finite weight, or a weights array of another length
     */
    public LogisticModel fit(double[][] x, int[] y, double[] weights) {
        int n = x.length;
        Preconditions.checkArgument(weights == null || weights.length == n,
                "weights must have one entry per row, got " + (weights == null ? 0 : weights.length) + " for " + n + " rows");
        Preconditions.checkArgument(n > 0, "need at least one row to fit");
        Preconditions.checkArgument(y.length == n, "y must have one label per row, got " + y.length + " for " + n + " rows");
        int p = x[0].length + 1;
        for (int i = 0; i < n; i++) {
            Preconditions.checkArgument(x[i].length == p - 1, "row " + i + " has " + x[i].length + " features, expected " + (p - 1));
            Preconditions.checkArgument(y[i] == 0 || y[i] == 1, "labels must be 0 or 1, got " + y[i] + " at row " + i);
            Preconditions.checkArgument(weights == null || (weights[i] >= 0 && Double.isFinite(weights[i])),
                    "weights must be finite and >= 0, got " + (weights == null ? 0 : weights[i]) + " at row " + i);
            for (double v : x[i]) {
                Preconditions.checkArgument(Double.isFinite(v), "features must be finite, got " + v + " at row " + i);
            }
        }
        double[] beta = new double[p];
        DMatrixRMaj hessian = new DMatrixRMaj(p, p);
        DMatrixRMaj gradient = new DMatrixRMaj(p, 1);
        DMatrixRMaj step = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        double[] row = new double[p];
        for (int iter = 0; iter < maxIterations; iter++) {
            hessian.zero();
            gradient.zero();
            double[] h = hessian.data;
            double[] g = gradient.data;
            for (int i = 0; i < n; i++) {
                row[0] = 1.0;
                System.arraycopy(x[i], 0, row, 1, p - 1);
                double mu = LogisticModel.sigmoid(dot(beta, row));
                double wi = weights == null ? 1.0 : weights[i];
                double r = wi * (y[i] - mu);
                double w = wi * Math.max(mu * (1 - mu), 1e-12);
                for (int a = 0; a < p; a++) {
                    g[a] += r * row[a];
                    double wa = w * row[a];
                    int base = a * p;
                    for (int b = a; b < p; b++) {
                        h[base + b] += wa * row[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                if (a > 0) {
                    g[a] -= l2 * beta[a];
                    h[a * p + a] += l2;
                }
                for (int b = 0; b < a; b++) {
                    h[a * p + b] = h[b * p + a];
                }
            }
            if (!solver.setA(hessian)) {
                throw new IllegalStateException("the Hessian is singular; add L2 regularisation (l2 > 0)");
            }
            solver.solve(gradient, step);
            double change = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step.data[a];
                change = Math.max(change, Math.abs(step.data[a]));
            }
            if (change < tolerance) {
                break;
            }
        }
        double[] coef = new double[p - 1];
        System.arraycopy(beta, 1, coef, 0, p - 1);
        return new LogisticModel(beta[0], coef);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
