package org.rai4j.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * Measures what {@code rai4j audit --task speech} does with every row: from the raw reference and
 * hypothesis strings to word and character edit counts (normalise, split, align words, align
 * characters), summed over the corpus. Three paths score the same pairs in the same order:
 * <ol>
 *   <li>the previous implementation ({@link ReferenceScorer}: a {@link String} per normalisation step
 *       and per word, a {@link java.util.HashMap} vocabulary per pair), on one thread — the baseline;</li>
 *   <li>{@link SpeechScorer#scoreEach} on one thread;</li>
 *   <li>{@link SpeechScorer#scoreEach} on {@code threads} threads (what the audit runs).</li>
 * </ol>
 * Before timing, every distinct pair is scored by all paths and must give identical counts. Each
 * repetition times one full pass of each path over all pairs, in an order rotated every repetition
 * (interleaved), after {@code warmup} untimed repetitions. Not thread-safe; it measures and asserts
 * nothing about speed.
 *
 * @param pairs       pairs per pass (the input pairs are cycled to this many)
 * @param repetitions timed repetitions of each path
 * @param warmup      untimed repetitions first
 * @param threads     threads of the multi-threaded path
 * @param normalizer  normalisation of both sides
 */
public record SpeechScoringBenchmark(int pairs, int repetitions, int warmup, int threads, TextNormalizer normalizer) {
    public SpeechScoringBenchmark {
        Preconditions.checkAtLeast(pairs, 1, "pairs");
        Preconditions.checkAtLeast(repetitions, 1, "repetitions");
        Preconditions.checkAtLeast(warmup, 0, "warmup");
        Preconditions.checkAtLeast(threads, 1, "threads");
        Preconditions.checkNotNull(normalizer, "normalizer");
    }

    /**
     * Throughputs of one path, one entry per timed repetition (pairs per second).
     *
     * @param name             what the path is
     * @param pairsPerSecond    the repetitions' throughputs (wall clock), in repetition order
     * @param pairsPerCpuSecond the repetitions' pairs per second of process CPU time (all threads, GC and
     *                          compiler included; NaN where the JVM does not report it): a figure that
     *                          depends much less on other load than the wall-clock one
     */
    public record Timing(String name, double[] pairsPerSecond, double[] pairsPerCpuSecond) {
        public Timing {
            pairsPerSecond = pairsPerSecond.clone();
            pairsPerCpuSecond = pairsPerCpuSecond.clone();
        }

        @Override
        public double[] pairsPerSecond() {
            return pairsPerSecond.clone();
        }

        @Override
        public double[] pairsPerCpuSecond() {
            return pairsPerCpuSecond.clone();
        }

        /** The median pairs per CPU second. */
        public double medianPerCpuSecond() {
            double[] s = pairsPerCpuSecond.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        /** The median throughput. */
        public double median() {
            return quantile(0.5);
        }

        /** The lowest throughput. */
        public double min() {
            return quantile(0);
        }

        /** The highest throughput. */
        public double max() {
            return quantile(1);
        }

        /** The q-quantile (linear interpolation between order statistics). */
        public double quantile(double q) {
            double[] s = pairsPerSecond.clone();
            Arrays.sort(s);
            double pos = q * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(s.length - 1, lo + 1);
            return s[lo] + (pos - lo) * (s[hi] - s[lo]);
        }
    }

    /**
     * The measurement.
     *
     * @param distinctPairs       input pairs before cycling
     * @param meanReferenceWords  mean normalised reference length in words (over the distinct pairs)
     * @param meanReferenceChars  mean normalised reference length in characters
     * @param totals              pooled counts of one pass (equal for every path)
     * @param previous            the previous implementation, one thread
     * @param oneThread           {@link SpeechScorer#scoreEach}, one thread
     * @param multiThread         {@link SpeechScorer#scoreEach}, {@code threads} threads
     */
    public record Result(int pairs, int distinctPairs, int threads, double meanReferenceWords, double meanReferenceChars,
                         SpeechCounts totals, Timing previous, Timing oneThread, Timing multiThread) {
        /** Ratio of the multi-threaded path's median to the previous path's median. */
        public double speedup() {
            return multiThread.median() / previous.median();
        }
    }

    /** Runs the benchmark on {@code references}/{@code hypotheses} (equal length, at least one pair). */
    public Result run(List<String> references, List<String> hypotheses) {
        Preconditions.checkArgument(references.size() == hypotheses.size() && !references.isEmpty(),
                "need equally many references and hypotheses, at least one; got " + references.size() + " and "
                        + hypotheses.size());
        int distinct = references.size();
        String[] refs = new String[pairs];
        String[] hyps = new String[pairs];
        for (int i = 0; i < pairs; i++) {
            refs[i] = references.get(i % distinct);
            hyps[i] = hypotheses.get(i % distinct);
        }
        SpeechScorer scorer = new SpeechScorer(normalizer);
        UtteranceScore[] check = scorer.scoreEach(distinct, references::get, hypotheses::get, threads);
        long words = 0;
        long chars = 0;
        for (int i = 0; i < distinct; i++) {
            UtteranceScore old = ReferenceScorer.score(normalizer, references.get(i), hypotheses.get(i));
            Preconditions.checkState(old.equals(check[i]), "paths disagree on pair " + i + ": " + old + " vs " + check[i]);
            words += old.words().referenceLength();
            chars += old.characters().referenceLength();
        }
        List<Pass> passes = List.of(
                () -> sum(previous(refs, hyps)),
                () -> sum(scorer.scoreEach(pairs, i -> refs[i], i -> hyps[i], 1)),
                () -> sum(scorer.scoreEach(pairs, i -> refs[i], i -> hyps[i], threads)));
        SpeechCounts totals = passes.get(0).run();
        for (Pass p : passes) {
            Preconditions.checkState(p.run().equals(totals), "paths disagree on the pooled counts");
        }
        List<double[]> rates = new ArrayList<>();
        List<double[]> cpuRates = new ArrayList<>();
        for (int p = 0; p < passes.size(); p++) {
            rates.add(new double[repetitions]);
            cpuRates.add(new double[repetitions]);
        }
        for (int rep = -warmup; rep < repetitions; rep++) {
            for (int k = 0; k < passes.size(); k++) {
                int p = Math.floorMod(k + rep, passes.size());
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                SpeechCounts c = passes.get(p).run();
                long nanos = System.nanoTime() - start;
                long cpu = processCpuNanos() - cpuStart;
                Preconditions.checkState(c.equals(totals), "a pass changed its counts");
                if (rep >= 0) {
                    rates.get(p)[rep] = pairs / (nanos / 1e9);
                    cpuRates.get(p)[rep] = cpuStart < 0 || cpu <= 0 ? Double.NaN : pairs / (cpu / 1e9);
                }
            }
        }
        return new Result(pairs, distinct, threads, (double) words / distinct, (double) chars / distinct, totals,
                new Timing("previous path (String per step and word, HashMap), 1 thread", rates.get(0), cpuRates.get(0)),
                new Timing("SpeechScorer.scoreEach, 1 thread", rates.get(1), cpuRates.get(1)),
                new Timing("SpeechScorer.scoreEach, " + threads + " threads (what audit --task speech runs)", rates.get(2), cpuRates.get(2)));
    }

    /** CPU time of this process in nanoseconds, or -1 when the JVM does not report it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private interface Pass {
        SpeechCounts run();
    }

    private UtteranceScore[] previous(String[] refs, String[] hyps) {
        UtteranceScore[] out = new UtteranceScore[refs.length];
        for (int i = 0; i < refs.length; i++) {
            out[i] = ReferenceScorer.score(normalizer, refs[i], hyps[i]);
        }
        return out;
    }

    /** The pooled counts, summed in pair order (the same work for every path). */
    private static SpeechCounts sum(UtteranceScore[] scores) {
        long[] w = new long[4];
        long[] c = new long[4];
        long withError = 0;
        long empty = 0;
        double sumWer = 0;
        for (UtteranceScore s : scores) {
            EditCounts a = s.words();
            EditCounts b = s.characters();
            w[0] += a.hits();
            w[1] += a.substitutions();
            w[2] += a.deletions();
            w[3] += a.insertions();
            c[0] += b.hits();
            c[1] += b.substitutions();
            c[2] += b.deletions();
            c[3] += b.insertions();
            withError += s.hasError() ? 1 : 0;
            empty += a.referenceLength() == 0 ? 1 : 0;
            sumWer += s.wordErrorRate();
        }
        return new SpeechCounts(scores.length, withError, empty, new EditCounts(w[0], w[1], w[2], w[3]),
                new EditCounts(c[0], c[1], c[2], c[3]), sumWer);
    }
}
