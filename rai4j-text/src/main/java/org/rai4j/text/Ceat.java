package org.rai4j.text;

import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * The Contextualized Embedding Association Test (Guo &amp; Caliskan 2021, AIES): every word has several contextual
 * vectors (one per sentence it occurs in). For i = 1..N, one vector per word of X, Y, A, B is drawn uniformly; the
 * WEAT effect size e_i (sample std, ddof = 1) and v_i = Var_{ddof=1}[s(w,A,B) : w ∈ X∪Y] (the in-sample variance
 * of the associations, as CEAT's code returns it) are recorded; the e_i are combined by
 * {@link RandomEffects#derSimonianLaird}. Draw i uses the generator {@code Seeds.stream(seed, i)}, so results do
 * not depend on evaluation order. Pure function; thread-safe.
 */
public final class Ceat {
    private Ceat() {}

    /**
     * The result: the combined effect size with its meta-analysis and the sampled e_i, v_i.
     *
     * @param meta      the random-effects combination (μ is the combined effect size, CES)
     * @param effects   the sampled effect sizes e_i
     * @param variances the sampled variances v_i
     * @param seed      the master seed
     */
    public record Result(RandomEffects.Result meta, double[] effects, double[] variances, long seed) {
        /** Copies the arrays. */
        public Result {
            effects = effects.clone();
            variances = variances.clone();
        }

        @Override
        public double[] effects() {
            return effects.clone();
        }

        @Override
        public double[] variances() {
            return variances.clone();
        }
    }

    /**
     * Runs CEAT: each inner list holds the contextual vectors of one word.
     *
     * @param samples N ≥ 2 draws
     * @throws IllegalArgumentException when a word has no vector, or a draw has all associations equal
     */
    public static Result run(List<List<double[]>> x, List<List<double[]>> y, List<List<double[]>> a,
                             List<List<double[]>> b, int samples, long seed) {
        Preconditions.checkAtLeast(samples, 2, "samples");
        check(x, "X");
        check(y, "Y");
        check(a, "A");
        check(b, "B");
        double[] e = new double[samples];
        double[] v = new double[samples];
        for (int i = 0; i < samples; i++) {
            SplittableRandom rng = Seeds.stream(seed, i);
            List<double[]> dx = draw(x, rng);
            List<double[]> dy = draw(y, rng);
            List<double[]> da = draw(a, rng);
            List<double[]> db = draw(b, rng);
            double[] sx = Weat.associations(dx, da, db);
            double[] sy = Weat.associations(dy, da, db);
            e[i] = Weat.effectSize(sx, sy, StdConvention.SAMPLE);
            v[i] = sampleVariance(sx, sy);
        }
        return new Result(RandomEffects.derSimonianLaird(e, v), e, v, seed);
    }

    static double sampleVariance(double[] sx, double[] sy) {
        int n = sx.length + sy.length;
        double mean = (Weat.sum(sx) + Weat.sum(sy)) / n;
        double ss = 0;
        for (double t : sx) {
            ss += (t - mean) * (t - mean);
        }
        for (double t : sy) {
            ss += (t - mean) * (t - mean);
        }
        return ss / (n - 1);
    }

    private static List<double[]> draw(List<List<double[]>> words, SplittableRandom rng) {
        double[][] out = new double[words.size()][];
        for (int w = 0; w < words.size(); w++) {
            List<double[]> occ = words.get(w);
            out[w] = occ.get(rng.nextInt(occ.size()));
        }
        return List.of(out);
    }

    private static void check(List<List<double[]>> words, String name) {
        Preconditions.checkNotNull(words, name);
        Preconditions.checkArgument(!words.isEmpty(), name + " must hold at least one word");
        for (int i = 0; i < words.size(); i++) {
            List<double[]> occ = words.get(i);
            Preconditions.checkArgument(occ != null && !occ.isEmpty(),
                    name + " word " + i + " has no contextual vector");
        }
    }
}
