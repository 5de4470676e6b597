package org.rai4j.privacy.audit;

import org.hipparchus.special.Erf;
import org.rai4j.core.Preconditions;

/**
 * The exposure of a secret (Carlini, Liu, Erlingsson, Kos and Song, "The Secret Sharer", USENIX Security 2019):
 * a canary s[r] with randomness r from a space R is inserted into the training data; the model's score of every
 * candidate s[r′] (a loss or perplexity: lower = the model finds it more likely) ranks the candidates, and
 * <pre>exposure = log₂|R| − log₂ rank(s[r]),  rank = |{r′ ∈ R : score(s[r′]) ≤ score(s[r])}|</pre>
 * (ties count against the secret). The maximum log₂|R| means the secret is the model's most likely candidate —
 * an attacker who enumerates R extracts it.
 * <ul>
 *   <li>{@link #enumeration}: the exact rank over the whole space (small spaces).</li>
 *   <li>{@link #interpolation}: TensorFlow Privacy's {@code compute_exposure_interpolation} — the rank among a
 *       sample of reference scores, 1 + #{references ≤ secret}, and log₂ of the sample size.</li>
 *   <li>{@link #extrapolation}: the paper's §4.3 — fit a skew-normal distribution to reference scores and use
 *       −log₂ CDF(score(secret)); it estimates exposures beyond the sample's reach (large spaces). The fit here is
 *       by the method of moments (skewness clamped to the family's limit 0.995); TF Privacy uses scipy's maximum
 *       likelihood fit.</li>
 * </ul>
 */
public final class Exposure {
    private static final double MAX_SKEW = 0.995;
    private static final int SIMPSON_INTERVALS = 4000;

    private Exposure() {}

    /**
     * Exact exposure over the whole randomness space.
     *
     * @param secret index of the inserted secret in {@code scores}
     * @param scores the score of every candidate of R (lower = more likely; no NaN)
     */
    public static double enumeration(int secret, double[] scores) {
        Preconditions.checkArgument(secret >= 0 && secret < scores.length, "secret index out of range: " + secret);
        return log2(scores.length) - log2(rank(secret, scores));
    }

    /** The rank of candidate {@code secret}: how many candidates score at most its score (itself included). */
    public static long rank(int secret, double[] scores) {
        double s = scores[secret];
        long rank = 0;
        for (double v : scores) {
            Preconditions.checkArgument(!Double.isNaN(v), "a candidate score is NaN");
            if (v <= s) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * TF Privacy's interpolation exposure: log₂ n − log₂(1 + #{references with score ≤ secret}), n references.
     *
     * @param secretScore the secret's score
     * @param references  scores of a sample of other candidates (not containing the secret)
     */
    public static double interpolation(double secretScore, double[] references) {
        Preconditions.checkArgument(references.length >= 1, "need at least one reference score");
        long below = 0;
        for (double r : references) {
            if (r <= secretScore) {
                below++;
            }
        }
        return log2(references.length) - log2(1 + below);
    }

    /**
     * A skew-normal distribution (location ξ, scale ω, shape α): density (2/ω)·φ(z)·Φ(αz), z = (x − ξ)/ω.
     *
     * @param location ξ
     * @param scale    ω &gt; 0
     * @param shape    α
     */
    public record SkewNormal(double location, double scale, double shape) {
        /** ln P[X ≤ x], by Simpson's rule over the log-density (accurate far into the left tail). */
        public double logCdf(double x) {
            double z = (x - location) / scale;
            if (z > 0) {
                double upper = Math.exp(logUpperTail(z));
                return Math.log1p(-Math.min(upper, 1.0));
            }
            double a = z - 12 - Math.abs(z) * 0.5;
            return logIntegral(a, z);
        }

        private double logUpperTail(double z) {
            double b = z + 12 + Math.abs(z) * 0.5;
            return logIntegral(z, b);
        }

        /** ln ∫_a^b 2φ(t)Φ(αt) dt; the step shrinks with the integrand's steepness (|t| + |α|·|αt| at the ends). */
        private double logIntegral(double a, double b) {
            double steep = Math.max(Math.abs(a), Math.abs(b)) * (1 + shape * shape) + 1;
            int n = (int) Math.min(20_000, Math.max(SIMPSON_INTERVALS, 2 * Math.ceil((b - a) * steep * 10)));
            double h = (b - a) / n;
            double max = Double.NEGATIVE_INFINITY;
            double[] terms = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                double t = a + i * h;
                double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
                terms[i] = Math.log(w) + Math.log(2) - 0.5 * t * t - 0.5 * Math.log(2 * Math.PI) + logPhi(shape * t);
                max = Math.max(max, terms[i]);
            }
            double sum = 0;
            for (double v : terms) {
                sum += Math.exp(v - max);
            }
            return max + Math.log(sum * h / 3);
        }
    }

    /** ln Φ(x), with the asymptotic series below −20 where Φ underflows. */
    static double logPhi(double x) {
        if (x > -20) {
            return Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
        }
        double x2 = x * x;
        return -0.5 * x2 - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / x2 + 3 / (x2 * x2));
    }

    /**
     * The method-of-moments skew-normal fit: mean, standard deviation and skewness of the references matched
     * (skewness clamped to ±{@value #MAX_SKEW}, inside the family's range).
     */
    public static SkewNormal fit(double[] references) {
        int n = references.length;
        Preconditions.checkArgument(n >= 3, "need at least 3 reference scores to fit a skew-normal, got " + n);
        double mean = 0;
        for (double r : references) {
            mean += r;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        for (double r : references) {
            double d = r - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        Preconditions.checkArgument(m2 > 0, "the reference scores are all equal; no distribution can be fitted");
        double sd = Math.sqrt(m2);
        double g = Math.max(-MAX_SKEW, Math.min(MAX_SKEW, m3 / (m2 * sd)));
        double g23 = Math.pow(Math.abs(g), 2.0 / 3);
        double delta = Math.signum(g) * Math.sqrt(Math.PI / 2 * g23 / (g23 + Math.pow((4 - Math.PI) / 2, 2.0 / 3)));
        double shape = delta / Math.sqrt(1 - delta * delta);
        double scale = sd / Math.sqrt(1 - 2 * delta * delta / Math.PI);
        double location = mean - scale * delta * Math.sqrt(2 / Math.PI);
        return new SkewNormal(location, scale, shape);
    }

    /** Extrapolated exposure −log₂ CDF(secret score) under a skew-normal fitted to the references. */
    public static double extrapolation(double secretScore, double[] references) {
        return -fit(references).logCdf(secretScore) / Math.log(2);
    }

    /**
     * An extrapolated exposure with its stated error: a bootstrap percentile interval over resamples of the
     * reference sample (the fit's sampling error; not the error of the skew-normal family itself).
     *
     * @param exposure the extrapolated exposure (bits)
     * @param lo       lower end of the interval
     * @param hi       upper end of the interval
     */
    public record Extrapolated(double exposure, double lo, double hi) {
        /** Whether {@code v} lies in [lo, hi]. */
        public boolean contains(double v) {
            return v >= lo && v <= hi;
        }
    }

    /**
     * {@link #extrapolation} with a bootstrap percentile interval.
     *
     * @param replicates bootstrap resamples of the references (≥ 10)
     * @param confidence interval confidence in (0, 1)
     * @param seed       seed of the resampling
     */
    public static Extrapolated extrapolation(double secretScore, double[] references, int replicates, double confidence, long seed) {
        Preconditions.checkArgument(replicates >= 10, "need at least 10 bootstrap replicates, got " + replicates);
        double point = extrapolation(secretScore, references);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] reps = new double[replicates];
        double[] sample = new double[references.length];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = references[rng.nextInt(references.length)];
            }
            reps[b] = extrapolation(secretScore, sample);
        }
        org.rai4j.core.Interval ci = org.rai4j.core.Intervals.percentile(reps, confidence);
        return new Extrapolated(point, ci.lo(), ci.hi());
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
