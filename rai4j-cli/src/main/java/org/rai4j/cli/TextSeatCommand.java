package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.TextRendering;
import org.rai4j.text.Seat;
import org.rai4j.text.SeatInput;
import org.rai4j.text.SeatResult;
import org.rai4j.text.SentenceEncoder;
import org.rai4j.text.WeatOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text seat}: the Sentence Encoder Association Test on an in-process sentence encoder. */
@Command(name = "seat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sentence Encoder Association Test (May et al. 2019): each word of the four lists is put into "
                + "SEAT's bleached templates ('This is Amy.', 'These are asters.', ...) and encoded; WEAT's effect size "
                + "and one-sided permutation p-value (ties count as >=) are computed over the sentence vectors: exact "
                + "over all C(|X|+|Y|,|X|) partitions when there are at most N, else N sampled (the observed one "
                + "included).",
                "A list is a file (one word per line; with --sentences, one sentence per line) or a bundled list "
                        + "weat:NAME (see 'rai4j text weat --help'). Runs offline: the encoders ship in the jar."},
        footer = {"", "Example:",
                "  rai4j text seat --embeddings minilm-q --targets weat:male-names,weat:female-names "
                        + "--attributes weat:career,weat:family --json -"})
final class TextSeatCommand implements Callable<Integer> {
    @Mixin
    SentenceEncoderOptions encoderOptions;

    @Option(names = "--sentences", description = "The lists hold whole sentences, encoded as given (no templates).")
    boolean sentences;

    @Mixin
    AssociationTestOptions test;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WeatOptions options = test.validated();
        RunOutputs run = new RunOutputs();
        run.declare("--json", test.json);
        SentenceEncoder encoder = encoderOptions.encoder();
        SeatResult r = Seat.run(encoder, test.targets.get(0), test.targets.get(1), test.attributes.get(0),
                test.attributes.get(1),
                sentences ? SeatInput.SENTENCES : SeatInput.WORDS, options);
        run.report(test.json, () -> TextRendering.seatJson(r), () -> TextRendering.seatText(r), spec.commandLine());
        return 0;
    }

    /** See {@link SentenceEncoderOptions#quietTokenizerLogs()}. */
    static void quietTokenizerLogs() {
        SentenceEncoderOptions.quietTokenizerLogs();
    }
}
