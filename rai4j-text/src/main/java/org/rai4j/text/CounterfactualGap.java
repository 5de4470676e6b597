package org.rai4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * The counterfactual token fairness gap (Garg et al. 2019, "Counterfactual Fairness in Text Classification through
 * Robustness", AIES) of any text scorer: for each text x whose gender swap x' ({@link GenderSwap}) differs from it,
 * {@code CTF(x) = |f(x) − f(x')|}; the gap is the mean of CTF(x) over those texts (one counterfactual per text, the
 * one-vs-rest mode). Texts with nothing to swap are counted and left out. The interval is a percentile bootstrap
 * over texts (the evaluated texts resampled with replacement, {@code replicates} times, one seed derived per
 * replicate from the master seed). Pure function of its inputs; thread-safe if the scorer is.
 */
public final class CounterfactualGap {
    private CounterfactualGap() {}

    /**
     * A measured gap.
     *
     * @param gap        the mean of |f(x) − f(x')| over the evaluated texts (NaN when none)
     * @param evaluated  the texts with at least one swapped word
     * @param skipped    the texts the swap left unchanged
     * @param interval   the bootstrap percentile interval of the gap (null when no text was evaluated)
     * @param confidence the interval's confidence
     * @param replicates the number of bootstrap replicates
     * @param seed       the master seed of the bootstrap
     */
    public record Result(double gap, int evaluated, int skipped, Interval interval, double confidence, int replicates,
                         long seed) {}

    /**
     * Measures the gap of {@code scorer} on {@code texts}.
     *
     * @param confidence in (0, 1), e.g. 0.95
     * @param replicates at least 1 (e.g. 1000)
     */
    public static Result measure(List<String> texts, ToDoubleFunction<String> scorer, GenderSwap swap,
                                 double confidence, int replicates, long seed) {
        Preconditions.checkNotNull(texts, "texts");
        Preconditions.checkNotNull(scorer, "scorer");
        Preconditions.checkNotNull(swap, "swap");
        Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
        Preconditions.checkAtLeast(replicates, 1, "replicates");
        List<Double> gaps = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < texts.size(); i++) {
            String x = Preconditions.checkNotNull(texts.get(i), "texts[" + i + "]");
            GenderSwap.Swapped s = swap.swapCounted(x);
            if (s.replacements() == 0 || s.text().equals(x)) {
                skipped++;
                continue;
            }
            double fx = scorer.applyAsDouble(x);
            double fs = scorer.applyAsDouble(s.text());
            Preconditions.checkArgument(Double.isFinite(fx) && Double.isFinite(fs),
                    "the scorer returned a non-finite score for texts[" + i + "] or its swap: " + fx + ", " + fs);
            gaps.add(Math.abs(fx - fs));
        }
        double[] g = gaps.stream().mapToDouble(Double::doubleValue).toArray();
        if (g.length == 0) {
            return new Result(Double.NaN, 0, skipped, null, confidence, replicates, seed);
        }
        return new Result(mean(g), g.length, skipped, Intervals.percentile(bootstrapMeans(g, replicates, seed), confidence),
                confidence, replicates, seed);
    }

    /** Means of {@code replicates} resamples (with replacement) of {@code x}; replicate r uses seed derive(seed, r). */
    static double[] bootstrapMeans(double[] x, int replicates, long seed) {
        double[] out = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[rng.nextInt(x.length)];
            }
            out[r] = s / x.length;
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
