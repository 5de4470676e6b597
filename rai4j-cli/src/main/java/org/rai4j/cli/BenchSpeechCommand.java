package org.rai4j.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.speech.AlignmentBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rai4j bench speech}: alignment throughput of the fast path against the full-matrix oracle, in
 * one process on one thread. (Meant to become {@code rai4j bench speech} under a {@code bench} parent.)
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Alignment throughput (utterance pairs/s, one thread): fast single-row Levenshtein vs the "
                + "full-matrix oracle, and scoring from strings.")
final class BenchSpeechCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--words", defaultValue = "15", description = "Reference length in words (default ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--pairs", defaultValue = "10000", description = "Distinct generated pairs (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--seconds", defaultValue = "2", description = "Duration of each timed loop after an equal warm-up (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated pairs (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.printf("rai4j: timing 3 loops of %.1f s (each after a %.1f s warm-up)…%n", seconds, seconds);
        err.flush();
        AlignmentBenchmark.Result r = new AlignmentBenchmark(pairs, words, seed, seconds).run();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "alignment of %d generated pairs: reference %.1f words, hypothesis %.1f words, WER %.1f%% (seed %d), one thread%n",
                pairs, r.meanReferenceWords(), r.meanHypothesisWords(), 100 * r.wer(), seed);
        out.printf(Locale.ROOT, "  %-52s %,14.0f pairs/s%n", "fast single-row DP (EditDistance.countEdits)", r.fastPairsPerSecond());
        out.printf(Locale.ROOT, "  %-52s %,14.0f pairs/s%n", "full matrix + traceback (test oracle)", r.fullMatrixPairsPerSecond());
        out.printf(Locale.ROOT, "  %-52s %14.1f x%n", "speed-up of the fast path over the oracle", r.speedup());
        out.printf(Locale.ROOT, "  %-52s %,14.0f pairs/s%n", "scoring from strings (normalise, words + characters)", r.scorerPairsPerSecond());
        out.printf(Locale.ROOT, "  target: >= 200,000 pairs/s for 15-word pairs: %s%n",
                r.fastPairsPerSecond() >= 200_000 ? "met" : "NOT met");
        out.flush();
        return 0;
    }
}
