package org.rai4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rai4j.report.CeatRendering;
import org.rai4j.text.ContextualCeat;
import org.rai4j.text.WeatFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text ceat}: the Contextualized Embedding Association Test over a corpus and a sentence encoder. */
@Command(name = "ceat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Contextualized Embedding Association Test (Guo & Caliskan 2021): each word's contextual "
                + "embeddings come from the corpus sentences that contain it (whole word, case-insensitive); N times, "
                + "one is drawn per word and WEAT's effect size e_i (sample std) and the variance v_i of the "
                + "associations are computed; a random-effects meta-analysis (DerSimonian-Laird) combines them into "
                + "the combined effect size CES, with its standard error, z, one-sided p = 1 - Phi(z), tau^2, Q and I^2.",
                "The encoders give one vector per sentence, so a word's contextual embedding is the vector of the "
                        + "sentence containing it, not of its token. Words without a context are left out and listed. "
                        + "A list is a file (one word per line) or a bundled list weat:NAME."},
        footer = {"", "Example:",
                "  rai4j text ceat --embeddings minilm-q --targets weat:male-names,weat:female-names "
                        + "--attributes weat:career,weat:family --contexts corpus.txt --json -"})
final class TextCeatCommand implements Callable<Integer> {
    @Mixin
    SentenceEncoderOptions encoderOptions;

    @Option(names = "--targets", required = true, paramLabel = "X,Y", split = ",", description = "The two target lists.")
    List<String> targets;

    @Option(names = "--attributes", required = true, paramLabel = "A,B", split = ",", description = "The two attribute lists.")
    List<String> attributes;

    @Option(names = "--contexts", required = true, paramLabel = "FILE",
            description = "The corpus: one sentence per line (UTF-8).")
    Path contexts;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Draws N (default 1000, as CEAT's code).")
    int draws;

    @Option(names = "--max-contexts", paramLabel = "M", defaultValue = "50",
            description = "At most M sentences per word, drawn at random when it has more (default 50).")
    int maxContexts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the draws (default 1).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (targets.size() != 2 || attributes.size() != 2) {
            throw new UserException("--targets and --attributes each take two lists separated by a comma, got "
                    + targets.size() + " and " + attributes.size());
        }
        if (draws < 2) {
            throw new UserException("--draws must be >= 2, got " + draws);
        }
        if (maxContexts < 1) {
            throw new UserException("--max-contexts must be >= 1, got " + maxContexts);
        }
        RunOutputs run = new RunOutputs().input("--contexts", contexts);
        run.declare("--json", json);
        List<String> x = WeatFiles.list(targets.get(0));
        List<String> y = WeatFiles.list(targets.get(1));
        List<String> a = WeatFiles.list(attributes.get(0));
        List<String> b = WeatFiles.list(attributes.get(1));
        List<String> corpus = ContextualCeat.readCorpus(contexts);
        ContextualCeat.Result r = ContextualCeat.run(encoderOptions.encoder(), x, y, a, b, corpus, draws, maxContexts,
                seed);
        run.report(json, () -> CeatRendering.json(r), () -> CeatRendering.text(r), spec.commandLine());
        return 0;
    }
}
