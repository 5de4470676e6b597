package org.rai4j.fairness;

import org.rai4j.core.Preconditions;

/**
 * Kamiran &amp; Calders (2012) reweighing, as AIF360's {@code Reweighing}: every row of group g with label y
 * gets the weight W(g, y) = P(g)·P(y) / P(g, y) = n_g·n_y / (n·n_{g,y}), so that in the weighted data the
 * label is independent of the group while every group keeps its total weight and every label its share.
 * AIF360 splits the rows into privileged/unprivileged × favourable/unfavourable; with two groups this is the
 * same table. Stateless.
 */
public final class Reweighing {
    private Reweighing() {}

    /**
     * The weight table W[g][y].
     *
     * @param group  group code per row, 0 … groups−1
     * @param label  0/1 label per row
     * @param groups number of groups
     * @return W[g][y]; a (group, label) combination that never occurs gets 0
     */
    public static double[][] table(int[] group, int[] label, int groups) {
        Preconditions.checkArgument(group.length == label.length, "group and label must have one entry per row");
        long n = group.length;
        long[][] cell = new long[groups][2];
        long[] byGroup = new long[groups];
        long[] byLabel = new long[2];
        for (int i = 0; i < group.length; i++) {
            Preconditions.checkArgument(label[i] == 0 || label[i] == 1, "labels must be 0 or 1, got " + label[i] + " at row " + i);
            cell[group[i]][label[i]]++;
            byGroup[group[i]]++;
            byLabel[label[i]]++;
        }
        double[][] w = new double[groups][2];
        for (int g = 0; g < groups; g++) {
            for (int y = 0; y < 2; y++) {
                w[g][y] = cell[g][y] == 0 ? 0.0 : (double) byGroup[g] * byLabel[y] / ((double) n * cell[g][y]);
            }
        }
        return w;
    }

    /** The weight of every row. */
    public static double[] weights(int[] group, int[] label, int groups) {
        double[][] w = table(group, label, groups);
        double[] out = new double[group.length];
        for (int i = 0; i < group.length; i++) {
            out[i] = w[group[i]][label[i]];
        }
        return out;
    }
}
