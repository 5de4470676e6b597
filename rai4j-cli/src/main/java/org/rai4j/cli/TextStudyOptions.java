package org.rai4j.cli;

import java.util.function.Supplier;
import org.rai4j.text.SentenceEncoder;
import org.rai4j.text.SentenceEncoders;
import org.rai4j.text.SentencePooling;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that {@code rai4j text study} and {@code rai4j text distill} share: seed, encoder, JSON output. */
final class TextStudyOptions {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default 1).")
    long seed;

    @Option(names = "--encoder", paramLabel = "minilm|minilm-q", defaultValue = "minilm-q",
            description = "The frozen sentence encoder under the logistic heads (default minilm-q).")
    String encoder;

    @Mixin
    JsonOption json;

    /** Checks {@code --encoder} (a {@link UserException} names it) without loading anything. */
    void check() {
        if (!encoder.equals("minilm") && !encoder.equals("minilm-q")) {
            throw new UserException("--encoder must be minilm or minilm-q, got '" + encoder + "'");
        }
    }

    /** Loads the encoder (in-process, offline). */
    SentenceEncoder loadEncoder() throws Exception {
        TextSeatCommand.quietTokenizerLogs();
        return SentenceEncoders.named(encoder, null, SentencePooling.MEAN);
    }

    /** Runs {@code work} and prints its JSON (with {@code --json}) or its text, all output at the end. */
    <R> void print(CommandSpec spec, Supplier<R> work, java.util.function.Function<R, Object> toJson,
                   java.util.function.Function<R, String> toText) throws Exception {
        RunOutputs run = new RunOutputs();
        json.declare(run);
        R r = work.get();
        json.put(run, () -> toJson.apply(r), () -> toText.apply(r));
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
