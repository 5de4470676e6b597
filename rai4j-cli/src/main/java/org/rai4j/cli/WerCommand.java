package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.SpeechRendering;
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
        var out = spec.commandLine().getOut();
        if (json != null) {
            run.json(SpeechRendering.pairJson(score, normalizer, reference, hypothesis), json);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
            run.finish(out, spec.commandLine().getErr());
            return 0;
        }
        out.print(SpeechRendering.pairText(scorer.align(reference, hypothesis), score, normalizer));
        out.flush();
        return 0;
    }
}
