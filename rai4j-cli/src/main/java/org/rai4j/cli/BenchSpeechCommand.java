package org.rai4j.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.Table;
import org.rai4j.speech.SpeechDemo;
import org.rai4j.speech.SpeechMetric;
import org.rai4j.speech.SpeechScorer;
import org.rai4j.speech.SpeechScoringBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rai4j bench speech}: WER scoring from strings (the path {@code audit --task speech} runs) on the
 * bundled speech data or a CSV of the same shape; the previous implementation is the in-process baseline.
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Speech scoring from strings (normalise, word and character alignment: the path audit --task "
                + "speech runs), pairs/s: previous implementation vs the current one on 1 and on all cores, interleaved "
                + "repetitions, median [min - max]. Data: the bundled data/speech/utterances.csv unless --data.")
final class BenchSpeechCommand implements Callable<Integer> {
    /** The target: 10 x jiwer 2.5.1's 29.8k pairs/s on this machine kind. */
    static final double TARGET = 300_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV with reference and hypothesis columns (default: the bundled speech data).")
    Path data;

    @Option(names = "--reference", defaultValue = "reference", paramLabel = "COLUMN", description = "Reference column (default ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--hypothesis", defaultValue = "hypothesis", paramLabel = "COLUMN", description = "Hypothesis column (default ${DEFAULT-VALUE}).")
    String hypothesis;

    @Option(names = "--pairs", defaultValue = "100000", description = "Pairs per timed pass; the data's pairs are cycled (default ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--repetitions", defaultValue = "9", description = "Timed repetitions of each path (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed repetitions first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", description = "Threads of the multi-threaded path (default: available processors).")
    Integer threads;

    @Mixin
    SpeechNormalizationOptions normalization;

    @Override
    public Integer call() throws Exception {
        Table table;
        String source;
        if (data != null) {
            table = new CsvTableReader(new CsvOptions(',', Set.of(""), CsvOptions.DEFAULT.maxLevels())).read(data);
            source = data.toString();
        } else {
            table = SpeechDemo.load();
            source = SpeechDemo.SOURCE;
        }
        Column ref = table.column(reference);
        Column hyp = table.column(hypothesis);
        List<String> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            refs.add(ref.text(r));
            hyps.add(hyp.text(r));
        }
        int n = threads != null ? threads : SpeechScorer.defaultThreads();
        var err = spec.commandLine().getErr();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        err.printf(Locale.ROOT, "rai4j: %d + %d repetitions of 3 passes over %,d pairs…%n", warmup, repetitions, pairs);
        err.flush();
        SpeechScoringBenchmark.Result r = new SpeechScoringBenchmark(pairs, repetitions, warmup, n, normalization.normalizer())
                .run(refs, hyps);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "speech scoring from strings (normalise, word + character alignment), %,d pairs per pass = %s (%,d pairs) cycled%n",
                r.pairs(), source, r.distinctPairs());
        out.printf(Locale.ROOT, "  normalised reference: %.1f words, %.1f characters on average; WER %.3f, CER %.3f; all paths give identical counts%n",
                r.meanReferenceWords(), r.meanReferenceChars(), SpeechMetric.WER.of(r.totals()), SpeechMetric.CER.of(r.totals()));
        out.printf(Locale.ROOT, "  %d interleaved repetitions after %d warm-up; %d processors; load average %.2f before, %.2f after%n",
                repetitions, warmup, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf(Locale.ROOT, "  %-68s %14s  %-23s %11s  %s%n", "path", "pairs/s median", "[min - max]", "vs previous",
                "pairs per CPU-second");
        for (SpeechScoringBenchmark.Timing t : List.of(r.previous(), r.oneThread(), r.multiThread())) {
            out.printf(Locale.ROOT, "  %-68s %,14.0f  [%,9.0f - %,9.0f] %9.1f x  %,12.0f%n", t.name(), t.median(), t.min(), t.max(),
                    t.median() / r.previous().median(), t.medianPerCpuSecond());
        }
        out.printf(Locale.ROOT, "  target: >= %,.0f pairs/s from strings with word and character counts (10 x jiwer 2.5.1): %s%n",
                TARGET, r.multiThread().median() >= TARGET ? "met" : "NOT met");
        out.flush();
        return 0;
    }
}
