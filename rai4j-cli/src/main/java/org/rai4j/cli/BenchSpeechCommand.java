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
import org.rai4j.report.BenchReport;
import org.rai4j.speech.SpeechDemo;
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
        out.print(BenchReport.speech(r, source, repetitions, warmup, loadBefore, loadAfter));
        out.flush();
        return 0;
    }
}
