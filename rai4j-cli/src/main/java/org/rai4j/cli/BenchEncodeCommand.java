package org.rai4j.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.text.EncoderBenchmark;
import org.rai4j.text.SentenceEncoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j bench encode}: sentences/s of all-MiniLM-L6-v2, int8 against float32. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Sentences per second of the all-MiniLM-L6-v2 sentence encoder, int8-quantised (minilm-q) against "
                + "float32 (minilm, the baseline), on the same SEAT sentences (WEAT 1's words in SEAT's templates), "
                + "interleaved repetitions after one warm-up pass; the 1-minute load average is printed before and after.")
final class BenchEncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sentences", defaultValue = "256", description = "Sentences per repetition (default ${DEFAULT-VALUE}).")
    int sentences;

    @Option(names = "--repetitions", defaultValue = "7", description = "Timed repetitions (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Override
    public Integer call() throws Exception {
        if (sentences < 1 || repetitions < 1) {
            throw new UserException("--sentences and --repetitions must be >= 1, got " + sentences + " and " + repetitions);
        }
        SentenceEncoderOptions.quietTokenizerLogs();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        EncoderBenchmark.Result r = EncoderBenchmark.run(SentenceEncoders::miniLmQuantized, SentenceEncoders::miniLm,
                sentences, repetitions);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "rai4j bench encode · %d sentences · %d repetitions (interleaved, after one warm-up) · "
                + "%d processors · load %.2f → %.2f%n", r.sentences(), r.repetitions(),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        for (EncoderBenchmark.Timing t : new EncoderBenchmark.Timing[] {r.candidate(), r.baseline()}) {
            out.printf(Locale.ROOT, "  %-20s: median %.3f s  (min %.3f, max %.3f)  %.1f sentences/s  (load %.2f s)%n",
                    t.name(), t.medianSeconds(), t.minSeconds(), t.maxSeconds(), r.sentences() / t.medianSeconds(),
                    t.loadSeconds());
        }
        out.printf(Locale.ROOT, "  speed-up int8 / float32: %.2f  (checksum %.4f)%n", r.speedup(), r.checksum());
        out.flush();
        return 0;
    }
}
