package org.rai4j.fairness;

import java.util.List;

/**
 * An audit's rows reduced to what the evaluation needs: for every row its finest cell (the combination
 * of control and group levels), its outcome (binary: 1 for the positive label; multiclass: class
 * index), optional regression values, score and weight. Built by {@link DataEncoder}; arrays are owned
 * and never exposed, so instances are effectively immutable and thread-safe.
 */
public final class EncodedData {
    final Task task;
    final int rows;
    final List<String> groups;
    final List<String> controls;
    /** Per finest cell: level of each control then each group attribute. */
    final List<List<String>> cellLevels;
    final int[] cell;
    final int[] truth;
    final int[] predicted;
    final double[] yTrue;
    final double[] yPred;
    final double[] score;
    final double[] weight;
    final List<String> classes;
    /** Task-supplied additive statistics per row ({@link Task#SPEECH}), or null. */
    final RowStatistics statistics;
    /** Cluster index of each row for a cluster bootstrap, or null to resample rows. */
    final int[] cluster;
    /** Number of clusters (0 without clusters). */
    final int clusterCount;
    /** Name of the cluster column, or null. */
    final String clusterColumn;
    /**
     * The rows already counted into bootstrap cells (finest cell × outcome, in order of first appearance),
     * when the data came as {@link org.rai4j.core.TupleCounts}: then {@link #cell}, {@link #truth} and
     * {@link #predicted} are null. Null for row data.
     */
    final Bootstrap.CellTable counted;

    EncodedData(Task task, int rows, List<String> groups, List<String> controls, List<List<String>> cellLevels,
                int[] cell, int[] truth, int[] predicted, double[] yTrue, double[] yPred, double[] score,
                double[] weight, List<String> classes) {
        this(task, rows, groups, controls, cellLevels, cell, truth, predicted, yTrue, yPred, score, weight, classes,
                null, null, 0, null, null);
    }

    /** Count-based data without rows: the cells of {@code counted} carry everything (see {@link CountedEncoder}). */
    EncodedData(Task task, int rows, List<String> groups, List<String> controls, List<List<String>> cellLevels,
                List<String> classes, Bootstrap.CellTable counted) {
        this(task, rows, groups, controls, cellLevels, null, null, null, null, null, null, null, classes,
                null, null, 0, null, counted);
    }

    private EncodedData(Task task, int rows, List<String> groups, List<String> controls, List<List<String>> cellLevels,
                int[] cell, int[] truth, int[] predicted, double[] yTrue, double[] yPred, double[] score,
                double[] weight, List<String> classes, RowStatistics statistics, int[] cluster, int clusterCount,
                String clusterColumn, Bootstrap.CellTable counted) {
        this.task = task;
        this.rows = rows;
        this.groups = List.copyOf(groups);
        this.controls = List.copyOf(controls);
        this.cellLevels = List.copyOf(cellLevels);
        this.cell = cell;
        this.truth = truth;
        this.predicted = predicted;
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.score = score;
        this.weight = weight;
        this.classes = classes == null ? List.of() : List.copyOf(classes);
        this.statistics = statistics;
        this.cluster = cluster;
        this.clusterCount = clusterCount;
        this.clusterColumn = clusterColumn;
        this.counted = counted;
    }

    /** This data with task-supplied row statistics and, optionally, cluster indices (0 … clusters−1). */
    EncodedData withStatistics(RowStatistics stats, int[] clusterOfRow, int clusters, String column) {
        return new EncodedData(task, rows, groups, controls, cellLevels, cell, truth, predicted, yTrue, yPred, score,
                weight, classes, stats, clusterOfRow, clusters, column, counted);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of finest cells (observed combinations of control and group levels). */
    public int cellCount() {
        return cellLevels.size();
    }

    /** The task. */
    public Task task() {
        return task;
    }

    /** Class names (multiclass), or the negative and positive label (binary), or empty. */
    public List<String> classes() {
        return classes;
    }

    /** Weight of a row (1 without a weight column). */
    double weight(int row) {
        return weight == null ? 1.0 : weight[row];
    }
}
