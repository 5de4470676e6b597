package org.rai4j.fairness;

/**
 * Fairlearn's aggregations of per-group values, as pure functions. Values that are NaN (undefined in
 * a bootstrap replicate) are skipped; fewer than two defined values give NaN.
 */
final class Aggregations {
    static final int MIN = 0;
    static final int MAX = 1;
    static final int DIFF = 2;
    static final int RATIO = 3;
    static final int DIFF_OVERALL = 4;
    static final int RATIO_OVERALL = 5;
    static final int COUNT = 6;

    private Aggregations() {}

    /** [group_min, group_max, difference_between_groups, ratio_between_groups, difference_to_overall, ratio_to_overall]. */
    static double[] all(double[] values, double overall) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        double minRatio = Double.POSITIVE_INFINITY;
        int defined = 0;
        boolean ratioDefined = !(overall == 0 || Double.isNaN(overall));
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            defined++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (!Double.isNaN(overall)) {
                maxAbs = Math.max(maxAbs, Math.abs(v - overall));
            }
            if (ratioDefined) {
                double r = v / overall;
                if (r > 1) {
                    r = 1 / r;
                }
                minRatio = Math.min(minRatio, r);
            }
        }
        double nan = Double.NaN;
        if (defined < 2) {
            return new double[] {nan, nan, nan, nan, nan, nan};
        }
        return new double[] {min, max, max - min, max == 0 ? nan : min / max,
                Double.isNaN(overall) ? nan : maxAbs, ratioDefined ? minRatio : nan};
    }

    static String undefinedReason(int aggregate) {
        return switch (aggregate) {
            case RATIO -> "the largest group value is 0 (0/0)";
            case DIFF_OVERALL -> "the overall value is undefined";
            case RATIO_OVERALL -> "the overall value is 0 or undefined";
            default -> "fewer than two defined group values";
        };
    }
}
