package org.rai4j.speech;

import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;

/**
 * Measures alignment throughput: the fast single-row {@link EditDistance} against the full-matrix
 * traceback aligner it is tested against, on the same generated pairs, in the same process. Also times
 * scoring from raw strings (normalise, split, intern, align words and characters) with
 * {@link SpeechScorer}.
 *
 * <p>Pairs are generated from a seed: a reference of {@code words} tokens drawn from a vocabulary of
 * 2,000, and a hypothesis made from it by a random substitution, deletion or insertion at each position
 * with probability 0.25 (a WER around 25%). Each timed loop runs for at least {@code minSeconds} after a
 * warm-up of the same length. Not thread-safe (use one instance per thread); it only measures, it asserts
 * nothing.
 *
 * @param pairs      distinct pairs cycled through
 * @param words      reference length in words
 * @param seed       seed of the generated pairs
 * @param minSeconds minimum duration of each timed loop
 */
public record AlignmentBenchmark(int pairs, int words, long seed, double minSeconds) {
    public AlignmentBenchmark {
        Preconditions.checkAtLeast(pairs, 1, "pairs");
        Preconditions.checkAtLeast(words, 1, "words");
        Preconditions.checkPositive(minSeconds, "minSeconds");
    }

    /**
     * Throughputs in utterance pairs per second.
     *
     * @param fastPairsPerSecond      {@link EditDistance#countEdits} on int tokens
     * @param fullMatrixPairsPerSecond the full-matrix oracle on the same int tokens
     * @param scorerPairsPerSecond    {@link SpeechScorer#score} from strings (words and characters)
     * @param meanReferenceWords      mean reference length
     * @param meanHypothesisWords     mean hypothesis length
     * @param wer                     pooled WER of the generated pairs (same for both aligners)
     */
    public record Result(double fastPairsPerSecond, double fullMatrixPairsPerSecond, double scorerPairsPerSecond,
                         double meanReferenceWords, double meanHypothesisWords, double wer) {
        /** How many times faster the fast path is than the full-matrix oracle. */
        public double speedup() {
            return fastPairsPerSecond / fullMatrixPairsPerSecond;
        }
    }

    /** Runs the three timed loops; fails if the two aligners disagree on any generated pair. */
    public Result run() {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] refs = new int[pairs][];
        int[][] hyps = new int[pairs][];
        String[] refText = new String[pairs];
        String[] hypText = new String[pairs];
        long refWords = 0;
        long hypWords = 0;
        EditCounts total = EditCounts.ZERO;
        for (int p = 0; p < pairs; p++) {
            refs[p] = randomSentence(rng, words);
            hyps[p] = corrupt(rng, refs[p]);
            refText[p] = text(refs[p]);
            hypText[p] = text(hyps[p]);
            refWords += refs[p].length;
            hypWords += hyps[p].length;
            EditCounts fast = EditDistance.countEdits(refs[p], hyps[p]);
            EditCounts slow = Alignment.countSteps(Alignment.align(refs[p], hyps[p]));
            Preconditions.checkState(fast.equals(slow), "aligners disagree on pair " + p + ": " + fast + " vs " + slow);
            total = total.plus(fast);
        }
        double fast = time(i -> EditDistance.countEdits(refs[i], hyps[i]).hits());
        double full = time(i -> Alignment.align(refs[i], hyps[i]).size());
        SpeechScorer scorer = new SpeechScorer(TextNormalizer.DEFAULT);
        double scorer2 = time(i -> scorer.score(refText[i], hypText[i]).words().hits());
        return new Result(fast, full, scorer2, (double) refWords / pairs, (double) hypWords / pairs, total.errorRate());
    }

    private interface Task {
        long run(int index);
    }

    /** Pairs per second of {@code task}, after a warm-up of the same duration. */
    private double time(Task task) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (minSeconds * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            for (int k = 0; k < 256; k++) {
                sink += task.run(i);
                i = i + 1 == pairs ? 0 : i + 1;
            }
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + (long) (minSeconds * 1e9);
        long now;
        do {
            for (int k = 0; k < 256; k++) {
                sink += task.run(i);
                i = i + 1 == pairs ? 0 : i + 1;
            }
            count += 256;
            now = System.nanoTime();
        } while (now < end);
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable; keeps the result alive");
        }
        return count / ((now - start) / 1e9);
    }

    private static int[] randomSentence(SplittableRandom rng, int words) {
        int[] s = new int[words];
        for (int i = 0; i < words; i++) {
            s[i] = rng.nextInt(2000);
        }
        return s;
    }

    private static int[] corrupt(SplittableRandom rng, int[] ref) {
        int[] out = new int[ref.length * 2 + 1];
        int n = 0;
        for (int token : ref) {
            double u = rng.nextDouble();
            if (u < 0.10) {
                out[n++] = rng.nextInt(2000);
            } else if (u < 0.17) {
                continue;
            } else if (u < 0.25) {
                out[n++] = token;
                out[n++] = rng.nextInt(2000);
            } else {
                out[n++] = token;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String text(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            sb.append(sb.length() == 0 ? "" : " ").append('w').append(t);
        }
        return sb.toString();
    }
}
