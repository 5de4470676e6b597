package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The multinomial-on-cells bootstrap is exact in distribution: it must agree with naive row resampling
 * (implemented here independently) up to Monte Carlo error.
 */
class BootstrapTest {
    /**
     * Percentile bounds from B = 4000 replicates each. The Monte Carlo standard error of a 2.5% quantile
     * is about σ·√(q(1−q)/B)/φ(z_q) ≈ 0.07σ; for the gap here σ ≈ 0.03, so the two methods' bounds differ
     * with SE ≈ 0.003. Tolerance 0.012 (4 SE): false-failure rate about 6e-5.
     */
    @Test
    void multinomialCells_agreesWithNaiveRowResampling() {
        EncodedData d = new SyntheticData(3000, 4, 99).encoded();
        Layout layout = Layout.of(d);
        SlicePlan plan = SlicePlan.of(d);
        int b = 4000;
        double[][][][] reps = Bootstrap.replicates(d, layout, plan, null, b, 17, Bootstrap.Method.MULTINOMIAL_CELLS, x -> { });
        int bal = index(layout, "balanced_accuracy");
        int sel = index(layout, "selection_rate");
        // replicate values of: overall balanced accuracy, and the selection-rate gap between finest slices 0 and 1
        int[] finest = plan.scopes.get(0).finest();
        double[] cellBal = reps[0][0][bal];
        double[] cellGap = new double[b];
        for (int k = 0; k < b; k++) {
            cellGap[k] = reps[0][finest[0]][sel][k] - reps[0][finest[1]][sel][k];
        }
        // naive: draw n rows with replacement, recount everything from the rows
        double[] naiveBal = new double[b];
        double[] naiveGap = new double[b];
        for (int k = 0; k < b; k++) {
            SplittableRandom rng = Seeds.stream(1234, k);
            long tp = 0, fp = 0, tn = 0, fn = 0;
            long[] selected = new long[4];
            long[] size = new long[4];
            for (int i = 0; i < d.rows; i++) {
                int r = rng.nextInt(d.rows);
                int y = d.truth[r];
                int p = d.predicted[r];
                if (y == 1 && p == 1) tp++;
                if (y == 0 && p == 1) fp++;
                if (y == 0 && p == 0) tn++;
                if (y == 1 && p == 0) fn++;
                size[d.cell[r]]++;
                selected[d.cell[r]] += p;
            }
            naiveBal[k] = 0.5 * ((double) tp / (tp + fn) + (double) tn / (tn + fp));
            naiveGap[k] = (double) selected[0] / size[0] - (double) selected[1] / size[1];
        }
        compare(Intervals.percentile(cellBal, 0.95), Intervals.percentile(naiveBal, 0.95), 0.012);
        compare(Intervals.percentile(cellGap, 0.95), Intervals.percentile(naiveGap, 0.95), 0.012);
        // and the replicate means agree with the point estimate (unbiasedness of the resampled counts)
        double mean = java.util.Arrays.stream(cellBal).average().orElseThrow();
        double naiveMean = java.util.Arrays.stream(naiveBal).average().orElseThrow();
        assertThat(mean).isCloseTo(naiveMean, within(0.003));
    }

    @Test
    void rowMethod_and_cellMethod_agreeOnTheSameData() {
        EncodedData d = new SyntheticData(2000, 6, 5).encoded();
        Layout layout = Layout.of(d);
        SlicePlan plan = SlicePlan.of(d);
        int tpr = index(layout, "true_positive_rate");
        double[] a = Bootstrap.replicates(d, layout, plan, null, 3000, 1, Bootstrap.Method.MULTINOMIAL_CELLS, x -> { })[0][0][tpr];
        double[] b = Bootstrap.replicates(d, layout, plan, null, 3000, 2, Bootstrap.Method.ROWS, x -> { })[0][0][tpr];
        compare(Intervals.percentile(a, 0.95), Intervals.percentile(b, 0.95), 0.012);
    }

    @Test
    void replicates_sameSeed_areIdenticalWhateverTheThreads() {
        EncodedData d = new SyntheticData(1000, 3, 8).encoded();
        Layout layout = Layout.of(d);
        SlicePlan plan = SlicePlan.of(d);
        double[][][][] x = Bootstrap.replicates(d, layout, plan, null, 200, 3, Bootstrap.Method.MULTINOMIAL_CELLS, k -> { });
        double[][][][] y = Bootstrap.replicates(d, layout, plan, null, 200, 3, Bootstrap.Method.MULTINOMIAL_CELLS, k -> { });
        assertThat(x[0][1][2]).containsExactly(y[0][1][2]);
    }

    private static void compare(Interval a, Interval b, double tol) {
        assertThat(a.lo()).isCloseTo(b.lo(), within(tol));
        assertThat(a.hi()).isCloseTo(b.hi(), within(tol));
    }

    static int index(Layout layout, String name) {
        for (int m = 0; m < layout.metrics.size(); m++) {
            if (layout.metrics.get(m).name().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }
}
