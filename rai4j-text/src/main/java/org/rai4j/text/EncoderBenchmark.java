package org.rai4j.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * Encode throughput of two sentence encoders on the same sentences (the {@code rai4j bench encode} command): both are
 * loaded first (load time reported apart), warmed up once on the whole corpus, then timed in interleaved
 * repetitions, the order alternating each repetition so that neither always runs first. Each repetition encodes the
 * identical list with {@link SentenceEncoder#encodeAll}. Not a test; single use.
 */
public final class EncoderBenchmark {
    private EncoderBenchmark() {}

    /**
     * Timings of one encoder.
     *
     * @param name        the encoder's name
     * @param loadSeconds the time to construct it (model load, first use)
     * @param seconds     the time of each timed repetition, in repetition order
     */
    public record Timing(String name, double loadSeconds, double[] seconds) {
        /** Copies the array. */
        public Timing {
            seconds = seconds.clone();
        }

        /** A copy of the per-repetition times. */
        @Override
        public double[] seconds() {
            return seconds.clone();
        }

        /** The median time of a repetition. */
        public double medianSeconds() {
            double[] s = seconds.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** The fastest repetition. */
        public double minSeconds() {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        /** The slowest repetition. */
        public double maxSeconds() {
            return Arrays.stream(seconds).max().orElse(Double.NaN);
        }
    }

    /**
     * A benchmark run.
     *
     * @param sentences   the number of sentences encoded per repetition
     * @param repetitions the number of timed repetitions
     * @param candidate   the encoder measured
     * @param baseline    the encoder it is compared with
     * @param checksum    a sum over all vectors (keeps the work observable)
     */
    public record Result(int sentences, int repetitions, Timing candidate, Timing baseline, double checksum) {
        /** Median sentences per second of the candidate. */
        public double candidateRate() {
            return sentences / candidate.medianSeconds();
        }

        /** Median sentences per second of the baseline. */
        public double baselineRate() {
            return sentences / baseline.medianSeconds();
        }

        /** Median baseline time over median candidate time (above 1: the candidate is faster). */
        public double speedup() {
            return baseline.medianSeconds() / candidate.medianSeconds();
        }
    }

    /** Something that builds an encoder (timed as the load). */
    @FunctionalInterface
    public interface Loader {
        /** Builds the encoder. */
        SentenceEncoder load() throws Exception;
    }

    /**
     * The benchmark corpus: the SEAT sentences of WEAT 1 (flowers, insects, pleasant, unpleasant), cycled to
     * {@code n} sentences.
     */
    public static List<String> corpus(int n) {
        Preconditions.checkAtLeast(n, 1, "sentences");
        SeatTemplates t = SeatTemplates.bundled();
        List<String> all = new ArrayList<>();
        for (String list : List.of("flowers", "insects", "pleasant", "unpleasant")) {
            all.addAll(t.sentences(WeatWordLists.load(list)));
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get(i % all.size()));
        }
        return out;
    }

    /** Runs the benchmark on {@code corpus(sentences)}. */
    public static Result run(Loader candidate, Loader baseline, int sentences, int repetitions) throws Exception {
        Preconditions.checkAtLeast(repetitions, 1, "repetitions");
        List<String> corpus = corpus(sentences);
        long t0 = System.nanoTime();
        SentenceEncoder c = candidate.load();
        c.encode(corpus.get(0));
        double cLoad = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SentenceEncoder b = baseline.load();
        b.encode(corpus.get(0));
        double bLoad = (System.nanoTime() - t0) / 1e9;
        double sink = checksum(c.encodeAll(corpus)) + checksum(b.encodeAll(corpus));
        double[] cs = new double[repetitions];
        double[] bs = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            boolean candidateFirst = r % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isCandidate = candidateFirst == (k == 0);
                SentenceEncoder e = isCandidate ? c : b;
                long s = System.nanoTime();
                sink += checksum(e.encodeAll(corpus));
                double secs = (System.nanoTime() - s) / 1e9;
                if (isCandidate) {
                    cs[r] = secs;
                } else {
                    bs[r] = secs;
                }
            }
        }
        return new Result(sentences, repetitions, new Timing(c.name(), cLoad, cs), new Timing(b.name(), bLoad, bs), sink);
    }

    private static double checksum(List<float[]> vs) {
        double s = 0;
        for (float[] v : vs) {
            s += v[0];
        }
        return s;
    }
}
