package org.rai4j.learn;

import org.rai4j.core.Preconditions;

/**
 * Examples with dense numeric features, stored row-major in one array. Immutable once built: the
 * factories copy their input (except {@link #wrap}, whose caller promises not to change the array).
 */
public final class DenseExamples implements Examples {
    final double[] x;
    final int rows;
    final int columns;
    final int[] labels;
    private final int classes;

    private DenseExamples(double[] x, int rows, int columns, int[] labels, int classes) {
        Preconditions.checkArgument(columns >= 1, "need at least one feature column, got " + columns);
        Preconditions.checkArgument(x.length == (long) rows * columns,
                "features must hold rows x columns = " + rows + " x " + columns + " values, got " + x.length);
        Preconditions.checkArgument(labels.length == rows, "need one label per row: " + labels.length + " labels for " + rows + " rows");
        Preconditions.checkArgument(classes >= 2, "need at least 2 classes, got " + classes);
        for (int i = 0; i < rows; i++) {
            Preconditions.checkArgument(labels[i] >= 0 && labels[i] < classes,
                    "label at row " + i + " must be in [0, " + classes + "), got " + labels[i]);
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("features must be finite, got " + x[k] + " at row " + k / columns
                        + ", column " + k % columns);
            }
        }
        this.x = x;
        this.rows = rows;
        this.columns = columns;
        this.labels = labels;
        this.classes = classes;
    }

    /** Examples from feature rows (copied) and labels in [0, classes). */
    public static DenseExamples of(double[][] features, int[] labels, int classes) {
        int n = features.length;
        int d = n == 0 ? 0 : features[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            Preconditions.checkArgument(features[i].length == d,
                    "row " + i + " has " + features[i].length + " features, expected " + d);
            System.arraycopy(features[i], 0, flat, i * d, d);
        }
        return new DenseExamples(flat, n, d, labels.clone(), classes);
    }

    /** Examples over a row-major feature array that the caller will not modify afterwards (no copy). */
    public static DenseExamples wrap(double[] rowMajor, int rows, int columns, int[] labels, int classes) {
        return new DenseExamples(rowMajor, rows, columns, labels, classes);
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int label(int row) {
        return labels[row];
    }

    /** Number of features per row. */
    public int columns() {
        return columns;
    }

    /** Feature {@code column} of example {@code row}. */
    public double feature(int row, int column) {
        return x[row * columns + column];
    }

    /** The examples at the given rows, in that order. */
    public DenseExamples select(int[] rowIndices) {
        double[] sub = new double[rowIndices.length * columns];
        int[] lab = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(x, rowIndices[i] * columns, sub, i * columns, columns);
            lab[i] = labels[rowIndices[i]];
        }
        return new DenseExamples(sub, rowIndices.length, columns, lab, classes);
    }
}
