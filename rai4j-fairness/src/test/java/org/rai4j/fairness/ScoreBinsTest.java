package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The score-bin bootstrap ({@link ScoreBins}) against row resampling, coupled draw for draw: a row
 * replicate (multiplicities of rows) is folded into bootstrap-cell counts, and the binned replicate of
 * those counts is compared with the row replicate computed from the rows themselves (the exact AUC of
 * {@link AucCalculator}, {@link CellCounter}'s Brier and calibration sums). On a grid that holds every
 * distinct score the two are equal; otherwise they differ by no more than the bounds the bins report.
 */
class ScoreBinsTest {
    /** A binary audit table as encoded data: {@code cells} finest cells over groups a × b, scores as given. */
    static EncodedData data(long seed, int n, int cells, boolean weighted, ScoreShape shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] cell = new int[n];
        int[] truth = new int[n];
        int[] pred = new int[n];
        double[] score = new double[n];
        double[] weight = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(cells);
            cell[i] = c;
            truth[i] = r.nextDouble() < 0.2 + 0.5 * c / Math.max(1, cells - 1) ? 1 : 0;
            score[i] = shape.score(r, truth[i], c);
            pred[i] = r.nextDouble() < 0.1 ? 1 - (score[i] >= 0.5 ? 1 : 0) : (score[i] >= 0.5 ? 1 : 0);
            if (weighted) {
                weight[i] = 1 + r.nextInt(3);
            }
        }
        List<List<String>> levels = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            levels.add(List.of("a" + c % 3, "b" + c));
        }
        return new EncodedData(Task.BINARY, n, List.of("a", "b"), List.of(), levels, cell, truth, pred, null, null, score,
                weight, List.of("0", "1"));
    }

    /** How scores are generated. */
    enum ScoreShape {
        /** 21 distinct values k/20: the grid holds each. */
        FEW {
            double score(SplittableRandom r, int y, int c) {
                return Math.min(20, Math.max(0, Math.round(10 + 4 * y + 3 * r.nextGaussian()))) / 20.0;
            }
        },
        /** Continuous, spread over [0, 1]. */
        SPREAD {
            double score(SplittableRandom r, int y, int c) {
                return org.rai4j.core.Gaussian.cdf(r.nextGaussian() + 0.9 * y + 0.1 * c);
            }
        },
        /** Continuous but crowded into [0.40, 0.45]: quantile edges carry the grid. */
        CROWDED {
            double score(SplittableRandom r, int y, int c) {
                return 0.40 + 0.05 * org.rai4j.core.Gaussian.cdf(r.nextGaussian() + 0.8 * y);
            }
        },
        /** Half the rows at 0 or 1 exactly, the rest continuous. */
        LUMPY {
            double score(SplittableRandom r, int y, int c) {
                double u = r.nextDouble();
                return u < 0.25 ? 0 : u < 0.5 ? 1 : org.rai4j.core.Gaussian.cdf(r.nextGaussian() + y);
            }
        };

        abstract double score(SplittableRandom r, int y, int c);
    }

    /** One row replicate: multiplicities of n rows drawn with replacement. */
    static int[] rowDraw(SplittableRandom r, int n) {
        int[] mult = new int[n];
        for (int i = 0; i < n; i++) {
            mult[r.nextInt(n)]++;
        }
        return mult;
    }

    /** The bootstrap-cell counts of a row replicate. */
    static long[] fold(ScoreBins bins, EncodedData d, Layout layout, int[] mult) {
        long[] m = new long[bins.size()];
        for (int r = 0; r < d.rows; r++) {
            m[bins.keyOf(d, layout, r)] += mult[r];
        }
        return m;
    }

    @Test
    void binnedReplicate_equalsRowReplicate_whenEveryScoreHasItsBin() {
        for (long seed = 1; seed <= 12; seed++) {
            boolean weighted = seed % 2 == 0;
            EncodedData d = data(seed, 400 + 300 * (int) seed, 1 + (int) (seed % 5), weighted, ScoreShape.FEW);
            Layout layout = Layout.of(d);
            SlicePlan plan = SlicePlan.of(d);
            ScoreBins bins = Bootstrap.scoreBins(d, layout);
            assertThat(bins.exact).isTrue();
            assertThat(bins.brierErrorBound).isZero();
            assertThat(bins.eceErrorBound).isZero();
            AucCalculator exact = AucCalculator.of(d, plan);
            SplittableRandom r = Seeds.stream(seed, 99);
            for (int rep = 0; rep < 5; rep++) {
                int[] mult = rowDraw(r, d.rows);
                ScoreBins.Draw draw = bins.evaluate(fold(bins, d, layout, mult), layout, plan);
                assertThat(draw.aucErrorBound()).isZero();
                double[][][] binned = plan.sliceStats(layout, draw.cellStats());
                double[][][] rows = plan.sliceStats(layout, CellCounter.count(d, layout, mult));
                for (int sc = 0; sc < rows.length; sc++) {
                    for (int s = 0; s < rows[sc].length; s++) {
                        // integer weights and counts: the Mann–Whitney sums are exact in floating point
                        assertThat(draw.auc()[sc][s]).as("AUC, seed %d slice %d", seed, s)
                                .isEqualTo(exact.auc(d, sc, s, mult));
                        for (int slot = 0; slot < layout.size; slot++) {
                            if (slot != layout.aucSlot) {
                                assertThat(binned[sc][s][slot]).as("slot %d, seed %d slice %d", slot, seed, s)
                                        .isCloseTo(rows[sc][s][slot], within(1e-9 * Math.max(1, Math.abs(rows[sc][s][slot]))));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Property over seeded generators (shapes, slice counts, weights, sizes): the binned replicate's AUC,
     * Brier score and ECE of every slice are within the reported bounds of the row replicate's; the
     * bounds are small (a grid of ~1000 bins).
     */
    @Test
    void binnedReplicate_staysWithinTheReportedBounds() {
        int checked = 0;
        for (long seed = 1; seed <= 24; seed++) {
            ScoreShape shape = ScoreShape.values()[1 + (int) (seed % 3)];
            EncodedData d = data(seed, 3000 + 500 * (int) (seed % 7), 1 + (int) (seed % 6), seed % 3 == 0, shape);
            Layout layout = Layout.of(d);
            SlicePlan plan = SlicePlan.of(d);
            ScoreBins bins = Bootstrap.scoreBins(d, layout);
            assertThat(bins.exact).isFalse();
            assertThat(bins.bins).isBetween(GRID_MIN, 4 * ScoreBins.GRID);
            assertThat(bins.eceErrorBound).as("no bin wider than 1/GRID").isLessThanOrEqualTo(1.0 / ScoreBins.GRID);
            assertThat(bins.brierErrorBound).isLessThanOrEqualTo(2.0 / ScoreBins.GRID);
            AucCalculator exact = AucCalculator.of(d, plan);
            int auc = BootstrapTest.index(layout, "auc");
            int brier = BootstrapTest.index(layout, "brier_score");
            int ece = BootstrapTest.index(layout, "expected_calibration_error");
            SplittableRandom r = Seeds.stream(seed, 7);
            for (int rep = 0; rep < 4; rep++) {
                int[] mult = rowDraw(r, d.rows);
                ScoreBins.Draw draw = bins.evaluate(fold(bins, d, layout, mult), layout, plan);
                assertThat(draw.aucErrorBound()).isLessThan(0.01);
                double[][][] binned = plan.sliceStats(layout, draw.cellStats());
                double[][][] rows = plan.sliceStats(layout, CellCounter.count(d, layout, mult));
                for (int sc = 0; sc < rows.length; sc++) {
                    for (int s = 0; s < rows[sc].length; s++) {
                        double exactAuc = exact.auc(d, sc, s, mult);
                        if (Double.isNaN(exactAuc)) {
                            assertThat(draw.auc()[sc][s]).isNaN();
                            continue;
                        }
                        assertThat(Math.abs(draw.auc()[sc][s] - exactAuc)).as("AUC, seed %d slice %d", seed, s)
                                .isLessThanOrEqualTo(draw.aucErrorBound() + 1e-12);
                        binned[sc][s][layout.aucSlot] = 0;
                        rows[sc][s][layout.aucSlot] = 0;
                        assertThat(Math.abs(layout.metrics.get(brier).apply(binned[sc][s])
                                - layout.metrics.get(brier).apply(rows[sc][s])))
                                .isLessThanOrEqualTo(bins.brierErrorBound + 1e-12);
                        assertThat(Math.abs(layout.metrics.get(ece).apply(binned[sc][s])
                                - layout.metrics.get(ece).apply(rows[sc][s])))
                                .isLessThanOrEqualTo(bins.eceErrorBound + 1e-12);
                        checked++;
                    }
                }
                assertThat(auc).isNotNegative();
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    /** At least this many bins with more distinct scores than {@link ScoreBins#MAX_BINS} (equal-width edges inside the range). */
    private static final int GRID_MIN = 20;

    @Test
    void auditWithScore_usesScoreBins_andReportsTheBounds() {
        EncodedData d = data(5, 5000, 4, false, ScoreShape.SPREAD);
        AuditSpec spec = new AuditSpec(Task.BINARY, "y", "p", "score", null, "1", "0", List.of("a", "b"), List.of(),
                MissingGroupPolicy.ERROR, 30, 0.95, 200, 5, Adjustment.HOLM);
        AuditResult r = Auditor.run(d, spec, org.rai4j.core.Provenance.current(5L, java.util.Map.of(), java.util.Map.of()), b -> { });
        assertThat(r.bootstrapMethod()).isEqualTo("multinomial-score-bins");
        assertThat(r.scoreBinning().exact()).isFalse();
        assertThat(r.scoreBinning().aucErrorBound()).isPositive().isLessThan(0.01);
        assertThat(r.main().overall().metrics().get("auc").interval()).isNotNull();
        EncodedData few = data(5, 5000, 4, false, ScoreShape.FEW);
        AuditResult exact = Auditor.run(few, spec, org.rai4j.core.Provenance.current(5L, java.util.Map.of(), java.util.Map.of()), b -> { });
        assertThat(exact.scoreBinning()).isEqualTo(new ScoreBinning(21, true, 0, 0, 0));
    }
}
