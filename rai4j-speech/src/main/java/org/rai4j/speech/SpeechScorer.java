package org.rai4j.speech;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.rai4j.core.Preconditions;

/**
 * Scores reference/hypothesis pairs: normalises both with the same {@link TextNormalizer}, aligns their
 * words with {@link EditDistance} and the code points of the normalised texts (words joined by one
 * space) for the character error rate. Scoring many pairs ({@link #scoreEach}) normalises each text in
 * one pass into reusable int buffers and uses several threads; the counts are exactly those of
 * normalising to strings and aligning with the textbook dynamic programme (tested).
 *
 * <p>Immutable and thread-safe.
 *
 * @param normalizer the normalisation applied to both sides
 */
public record SpeechScorer(TextNormalizer normalizer) {
    public SpeechScorer {
        Preconditions.checkNotNull(normalizer, "normalizer");
    }

    /**
     * Scores one pair; null counts as an empty text. Each call sets up fresh buffers; to score many pairs
     * use {@link #scoreEach} or {@link #scoreAll}.
     */
    public UtteranceScore score(String reference, String hypothesis) {
        return new PairScorer(normalizer).score(reference, hypothesis);
    }

    /** Word-level counts of one pair (normalised with this scorer's normaliser); null counts as empty. */
    public EditCounts scoreWords(String reference, String hypothesis) {
        return score(reference, hypothesis).words();
    }

    /** The full alignment of one pair, for showing where the errors are. */
    public Alignment align(String reference, String hypothesis) {
        return Alignment.of(normalizer.words(reference), normalizer.words(hypothesis));
    }

    /**
     * Scores pairs {@code 0 … n−1} ({@code references.apply(i)}, {@code hypotheses.apply(i)}; null counts as
     * empty) on up to {@code threads} threads. Each pair's score depends on that pair only, so the result
     * is the same for every thread count. The functions are called from several threads at once.
     *
     * @param threads worker threads (1 = the calling thread only); blocks of 2,048 pairs are shared out
     */
    public UtteranceScore[] scoreEach(int n, IntFunction<String> references, IntFunction<String> hypotheses, int threads) {
        Preconditions.checkAtLeast(n, 0, "n");
        Preconditions.checkAtLeast(threads, 1, "threads");
        UtteranceScore[] out = new UtteranceScore[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        int workers = Math.min(threads, blocks);
        if (workers <= 1) {
            scoreRange(out, 0, n, references, hypotheses, new PairScorer(normalizer));
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            PairScorer scorer = new PairScorer(normalizer);
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                scoreRange(out, b * BLOCK, Math.min(n, (b + 1) * BLOCK), references, hypotheses, scorer);
            }
        };
        Thread[] helpers = new Thread[workers - 1];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(work, "rai4j-speech-score-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
            helpers[t].start();
        }
        work.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f != null) {
            throw new IllegalStateException("a scoring thread failed: " + f, f);
        }
        return out;
    }

    /** The number of threads {@link #scoreEach} uses by default: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static final int BLOCK = 2048;

    private static void scoreRange(UtteranceScore[] out, int from, int to, IntFunction<String> refs,
                                   IntFunction<String> hyps, PairScorer scorer) {
        for (int i = from; i < to; i++) {
            out[i] = scorer.score(refs.apply(i), hyps.apply(i));
        }
    }

    /** Scores many pairs (equal-length lists) and sums their counts into one {@link SpeechCounts}. */
    public SpeechCounts scoreAll(List<String> references, List<String> hypotheses) {
        Preconditions.checkArgument(references.size() == hypotheses.size(), "references and hypotheses must have equal length, got "
                + references.size() + " references and " + hypotheses.size() + " hypotheses");
        SpeechCounts total = SpeechCounts.ZERO;
        for (UtteranceScore s : scoreEach(references.size(), references::get, hypotheses::get, 1)) {
            total = total.plus(SpeechCounts.of(s));
        }
        return total;
    }
}
