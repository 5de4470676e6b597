package org.rai4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rai4j.speech.Alignment;
import org.rai4j.speech.EditCounts;
import org.rai4j.speech.SpeechCounts;
import org.rai4j.speech.SpeechMetric;
import org.rai4j.speech.SpeechScorer;
import org.rai4j.speech.TextNormalizer;
import org.rai4j.speech.UtteranceScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rai4j wer}: scores one reference/hypothesis pair (WER, MER, WIL, WIP, CER and H/S/D/I). */
@Command(name = "wer", mixinStandardHelpOptions = true,
        description = {"Word error rate of one reference/hypothesis pair, with the alignment.",
                "Semantics follow jiwer v4: minimum-edit alignment (ties: minimum cost, then maximum hits); "
                        + "CER counts spaces; an empty reference gives WER = number of insertions."})
final class WerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "TEXT", description = "What was said.")
    String reference;

    @Option(names = "--hypothesis", required = true, paramLabel = "TEXT", description = "What the recogniser wrote.")
    String hypothesis;

    @Mixin
    SpeechNormalizationOptions normalization;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs();
        run.declare("--json", json);
        TextNormalizer normalizer = normalization.normalizer();
        SpeechScorer scorer = new SpeechScorer(normalizer);
        UtteranceScore score = scorer.score(reference, hypothesis);
        SpeechCounts counts = SpeechCounts.of(score);
        var out = spec.commandLine().getOut();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wer", SpeechJson.number(SpeechMetric.WER.of(counts)));
            m.put("mer", SpeechJson.number(SpeechMetric.MER.of(counts)));
            m.put("wil", SpeechJson.number(SpeechMetric.WIL.of(counts)));
            m.put("wip", SpeechJson.number(SpeechMetric.WIP.of(counts)));
            m.put("cer", SpeechJson.number(SpeechMetric.CER.of(counts)));
            EditCounts w = score.words();
            m.put("hits", w.hits());
            m.put("substitutions", w.substitutions());
            m.put("deletions", w.deletions());
            m.put("insertions", w.insertions());
            m.put("reference_words", w.referenceLength());
            m.put("hypothesis_words", w.hypothesisLength());
            m.put("normalization", normalizer.describe());
            m.put("reference_normalized", normalizer.normalize(reference));
            m.put("hypothesis_normalized", normalizer.normalize(hypothesis));
            SpeechJson.write(m, json, run);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
            run.finish(out, spec.commandLine().getErr());
            return 0;
        }
        Alignment alignment = scorer.align(reference, hypothesis);
        out.println(alignment.render());
        out.println();
        EditCounts w = score.words();
        out.printf("WER %s   MER %s   WIL %s   WIP %s   CER %s%n", fmt(SpeechMetric.WER.of(counts)),
                fmt(SpeechMetric.MER.of(counts)), fmt(SpeechMetric.WIL.of(counts)), fmt(SpeechMetric.WIP.of(counts)),
                fmt(SpeechMetric.CER.of(counts)));
        out.printf("hits %d   substitutions %d   deletions %d   insertions %d   (reference %d words, hypothesis %d words)%n",
                w.hits(), w.substitutions(), w.deletions(), w.insertions(), w.referenceLength(), w.hypothesisLength());
        out.println("normalization: " + String.join(" → ", normalizer.describe()));
        if (w.referenceLength() == 0) {
            out.println("note: the reference is empty, so WER is the number of inserted words (jiwer v4), not a rate");
        }
        out.flush();
        return 0;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
