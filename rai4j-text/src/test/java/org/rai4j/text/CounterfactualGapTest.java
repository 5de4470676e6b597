package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Seeds;

class CounterfactualGapTest {
    private static final GenderSwap SWAP = GenderSwap.english();

    @Test
    void measure_scorerRewardingShe_gapEqualsTheBonus() {
        ToDoubleFunction<String> f = x -> x.startsWith("She ") ? 0.7 : 0.4;
        CounterfactualGap.Result r = CounterfactualGap.measure(
                List.of("She is a doctor.", "He likes tea.", "The sky is blue."), f, SWAP, 0.95, 200, 1);
        assertThat(r.gap()).isCloseTo(0.3, within(1e-12));
        assertThat(r.evaluated()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.interval().lo()).isCloseTo(0.3, within(1e-12));
        assertThat(r.interval().hi()).isCloseTo(0.3, within(1e-12));
    }

    /** Under the null (a scorer blind to the swapped words) the gap is exactly 0, interval [0, 0]. */
    @Test
    void measure_genderBlindScorer_gapZero() {
        Set<String> lexicon = Set.of("good", "great", "bad", "terrible");
        ToDoubleFunction<String> f = x -> {
            String[] w = x.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", "").split(" ");
            long hits = java.util.Arrays.stream(w).filter(lexicon::contains).count();
            return (double) hits / w.length;
        };
        List<String> texts = List.of("She is a good doctor.", "He had a terrible day.", "John is great.",
                "My mother was bad at chess.", "The king was good.");
        CounterfactualGap.Result r = CounterfactualGap.measure(texts, f, SWAP, 0.95, 500, 3);
        assertThat(r.evaluated()).isEqualTo(5);
        assertThat(r.gap()).isEqualTo(0.0);
        assertThat(r.interval().lo()).isEqualTo(0.0);
        assertThat(r.interval().hi()).isEqualTo(0.0);
    }

    @Test
    void measure_nothingToSwapOrBadInput_undefinedOrRejected() {
        CounterfactualGap.Result r = CounterfactualGap.measure(List.of("The sky is blue."), x -> 0.5, SWAP, 0.95, 10, 1);
        assertThat(r.gap()).isNaN();
        assertThat(r.interval()).isNull();
        assertThat(r.skipped()).isEqualTo(1);
        assertThatThrownBy(() -> CounterfactualGap.measure(List.of("She ran."), x -> Double.NaN, SWAP, 0.95, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> CounterfactualGap.measure(List.of("She ran."), x -> 0, SWAP, 1.0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
    }

    /**
     * Coverage of the 95% interval under the alternative, over 4 configurations (n ∈ {60, 150} texts, per-text gap
     * CTF ~ Uniform(0, δ), δ ∈ {0.1, 0.6}, true gap δ/2), 100 simulated data sets each (400 in all, 400 bootstrap
     * replicates each). The percentile bootstrap of a mean covers about 94% at these n. Band [0.88, 0.99] on 400
     * trials: the lower edge is 4.0 standard deviations (sd = sqrt(.94·.06/400) = 1.2%) below 0.94 and the upper
     * 4.2 above, so a correct method fails with probability < 1e-4 (the seeds are fixed, so the test is
     * deterministic; the rate is what a change of seeds would risk). Validity: two deliberately broken intervals —
     * the percentile of single resampled values (the data's spread, far too wide) and of means of 4n-sized
     * resamples (half as wide) — fall outside the band.
     */
    @Test
    void measure_simulatedGaps_intervalCovers95AndBrokenIntervalsDoNot() {
        int covered = 0;
        int coveredWide = 0;
        int coveredNarrow = 0;
        int trials = 0;
        for (int n : new int[] {60, 150}) {
            for (double delta : new double[] {0.1, 0.6}) {
                for (int sim = 0; sim < 100; sim++) {
                    SplittableRandom rng = new SplittableRandom(Seeds.derive(1000L * n + (long) (delta * 10), sim));
                    double[] u = new double[n];
                    List<String> texts = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        u[k] = delta * rng.nextDouble();
                        texts.add("She said " + k + ".");
                    }
                    ToDoubleFunction<String> f = x -> {
                        int k = Integer.parseInt(x.replaceAll("[^0-9]", ""));
                        return x.startsWith("She ") ? 0.2 + u[k] : 0.2;
                    };
                    CounterfactualGap.Result r = CounterfactualGap.measure(texts, f, SWAP, 0.95, 400, sim);
                    assertThat(r.evaluated()).isEqualTo(n);
                    double truth = delta / 2;
                    trials++;
                    if (r.interval().contains(truth)) {
                        covered++;
                    }
                    if (broken(u, 400, sim, 1, true).contains(truth)) {
                        coveredWide++;
                    }
                    if (broken(u, 400, sim, 4, false).contains(truth)) {
                        coveredNarrow++;
                    }
                }
            }
        }
        double coverage = (double) covered / trials;
        assertThat(coverage).as("coverage of the 95%% interval over %d data sets", trials).isBetween(0.88, 0.99);
        assertThat((double) coveredWide / trials).as("single-value percentile").isGreaterThan(0.99);
        assertThat((double) coveredNarrow / trials).as("4n-resample percentile").isLessThan(0.88);
    }

    /** Deliberately broken intervals for the validity check. */
    private static Interval broken(double[] x, int replicates, long seed, int sizeFactor, boolean singleValues) {
        double[] reps = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            if (singleValues) {
                reps[r] = x[rng.nextInt(x.length)];
            } else {
                double s = 0;
                int m = x.length * sizeFactor;
                for (int i = 0; i < m; i++) {
                    s += x[rng.nextInt(x.length)];
                }
                reps[r] = s / m;
            }
        }
        return Intervals.percentile(reps, 0.95);
    }
}
