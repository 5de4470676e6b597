package org.rai4j.bounty.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small CART regression tree (squared error; Breiman et al. 1984) on encoded features: numeric
 * features split as {@code x ≤ t} (t a midpoint between consecutive distinct values, at most
 * {@link #MAX_THRESHOLDS} quantile candidates per node), categorical features (level indexes) split
 * one-level-versus-rest {@code x == k}. Missing values (NaN) always take the right / "else" branch.
 * Deterministic: ties keep the first best split (lowest feature, then lowest threshold). Immutable once
 * fitted.
 */
public final class RegressionTree {
    /** Candidate thresholds examined per numeric feature and node. */
    public static final int MAX_THRESHOLDS = 64;

    /** A node: a split (feature ≥ 0) or a leaf (feature = −1, {@code value} = mean target). */
    public record Node(int feature, boolean categorical, double threshold, int left, int right, double value, int rows) {
        /** True for a leaf. */
        public boolean isLeaf() {
            return feature < 0;
        }
    }

    /** One condition on the path to a leaf: feature, categorical or not, threshold / level, and which side. */
    public record Step(int feature, boolean categorical, double threshold, boolean left) {}

    private final List<Node> nodes;

    private RegressionTree(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** The nodes; node 0 is the root. */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Fits a tree.
     *
     * @param x           rows of encoded features
     * @param target      one target per row
     * @param categorical which features are categorical level indexes
     * @param maxDepth    maximum depth (root = depth 0)
     * @param minLeaf     minimum rows per leaf
     */
    public static RegressionTree fit(float[][] x, double[] target, boolean[] categorical, int maxDepth, int minLeaf) {
        List<Node> nodes = new ArrayList<>();
        int[] rows = new int[x.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        grow(x, target, categorical, rows, 0, maxDepth, Math.max(1, minLeaf), nodes);
        return new RegressionTree(nodes);
    }

    private record Split(int feature, boolean categorical, double threshold, double gain) {}

    private static int grow(float[][] x, double[] y, boolean[] cat, int[] rows, int depth, int maxDepth, int minLeaf,
                            List<Node> nodes) {
        double sum = 0;
        for (int r : rows) {
            sum += y[r];
        }
        int id = nodes.size();
        nodes.add(new Node(-1, false, 0, -1, -1, sum / rows.length, rows.length));
        if (depth >= maxDepth || rows.length < 2 * minLeaf) {
            return id;
        }
        Split best = null;
        int features = x.length == 0 ? 0 : x[0].length;
        for (int f = 0; f < features; f++) {
            Split s = cat[f] ? bestCategorical(x, y, rows, f, sum, minLeaf) : bestNumeric(x, y, rows, f, sum, minLeaf);
            if (s != null && s.gain() > 1e-12 && (best == null || s.gain() > best.gain())) {
                best = s;
            }
        }
        if (best == null) {
            return id;
        }
        int nLeft = 0;
        for (int r : rows) {
            if (goesLeft(x[r][best.feature()], best)) {
                nLeft++;
            }
        }
        int[] left = new int[nLeft];
        int[] right = new int[rows.length - nLeft];
        int a = 0;
        int b = 0;
        for (int r : rows) {
            if (goesLeft(x[r][best.feature()], best)) {
                left[a++] = r;
            } else {
                right[b++] = r;
            }
        }
        int l = grow(x, y, cat, left, depth + 1, maxDepth, minLeaf, nodes);
        int rr = grow(x, y, cat, right, depth + 1, maxDepth, minLeaf, nodes);
        nodes.set(id, new Node(best.feature(), best.categorical(), best.threshold(), l, rr, sum / rows.length, rows.length));
        return id;
    }

    private static boolean goesLeft(float v, Split s) {
        return s.categorical() ? v == s.threshold() : v <= s.threshold();
    }

    private static double score(double sumL, int nL, double sumR, int nR, double sum, int n) {
        return sumL * sumL / nL + sumR * sumR / nR - sum * sum / n;
    }

    private static Split bestNumeric(float[][] x, double[] y, int[] rows, int f, double sum, int minLeaf) {
        int present = 0;
        for (int r : rows) {
            if (!Float.isNaN(x[r][f])) {
                present++;
            }
        }
        if (present < minLeaf) {
            return null;
        }
        int[] order = new int[present];
        int k = 0;
        for (int r : rows) {
            if (!Float.isNaN(x[r][f])) {
                order[k++] = r;
            }
        }
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (p, q) -> Float.compare(x[p][f], x[q][f]));
        int n = rows.length;
        int step = Math.max(1, present / MAX_THRESHOLDS);
        double sumL = 0;
        Split best = null;
        int next = step;
        for (int i = 0; i < present - 1; i++) {
            sumL += y[boxed[i]];
            float v = x[boxed[i]][f];
            float w = x[boxed[i + 1]][f];
            int nL = i + 1;
            if (v == w || nL < minLeaf || n - nL < minLeaf) {
                continue;
            }
            if (nL < next) {
                continue;
            }
            next = nL + step;
            double gain = score(sumL, nL, sum - sumL, n - nL, sum, n);
            if (best == null || gain > best.gain()) {
                best = new Split(f, false, ((double) v + (double) w) / 2, gain);
            }
        }
        return best;
    }

    private static Split bestCategorical(float[][] x, double[] y, int[] rows, int f, double sum, int minLeaf) {
        java.util.TreeMap<Float, double[]> byLevel = new java.util.TreeMap<>();
        for (int r : rows) {
            float v = x[r][f];
            if (!Float.isNaN(v)) {
                double[] acc = byLevel.computeIfAbsent(v, key -> new double[2]);
                acc[0] += y[r];
                acc[1]++;
            }
        }
        int n = rows.length;
        Split best = null;
        for (var e : byLevel.entrySet()) {
            int nL = (int) e.getValue()[1];
            if (nL < minLeaf || n - nL < minLeaf) {
                continue;
            }
            double sumL = e.getValue()[0];
            double gain = score(sumL, nL, sum - sumL, n - nL, sum, n);
            if (best == null || gain > best.gain()) {
                best = new Split(f, true, e.getKey(), gain);
            }
        }
        return best;
    }

    /** The prediction (leaf mean) for one encoded row. */
    public double predict(float[] row) {
        Node node = nodes.get(0);
        while (!node.isLeaf()) {
            float v = row[node.feature()];
            boolean left = node.categorical() ? v == node.threshold() : v <= node.threshold();
            node = nodes.get(left ? node.left() : node.right());
        }
        return node.value();
    }

    /** For every leaf (by node id), the steps from the root to it. */
    public List<List<Step>> paths(List<Integer> leafIdsOut) {
        List<List<Step>> out = new ArrayList<>();
        walk(0, new ArrayList<>(), out, leafIdsOut);
        return out;
    }

    private void walk(int id, List<Step> prefix, List<List<Step>> out, List<Integer> leafIds) {
        Node node = nodes.get(id);
        if (node.isLeaf()) {
            out.add(List.copyOf(prefix));
            leafIds.add(id);
            return;
        }
        prefix.add(new Step(node.feature(), node.categorical(), node.threshold(), true));
        walk(node.left(), prefix, out, leafIds);
        prefix.set(prefix.size() - 1, new Step(node.feature(), node.categorical(), node.threshold(), false));
        walk(node.right(), prefix, out, leafIds);
        prefix.remove(prefix.size() - 1);
    }
}
