package org.rai4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rai4j.report.TextRendering;
import org.rai4j.text.WeatFiles;
import org.rai4j.text.WeatOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text weat}: the Word Embedding Association Test on a word2vec/GloVe text file. */
@Command(name = "weat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Word Embedding Association Test (Caliskan, Bryson & Narayanan 2017): effect size with the "
                + "divisor recorded (sample std by default; 'population' reproduces WEFE) and a one-sided "
                + "permutation p-value (ties count as >=): exact over all C(|X|+|Y|,|X|) partitions when there are "
                + "at most N of them, else N sampled partitions (the observed one included).",
                "A list is a file (one word per line) or a bundled list weat:NAME (Caliskan's WEAT 1, 2, 6, 7, 8: "
                        + "flowers insects pleasant unpleasant instruments weapons male-names female-names career "
                        + "family math arts male-terms female-terms science arts-2 male-terms-2 female-terms-2)."},
        footer = {"", "Example:",
                "  rai4j text weat --embeddings glove.txt --targets weat:flowers,weat:insects "
                        + "--attributes weat:pleasant,weat:unpleasant --json -"})
final class TextWeatCommand implements Callable<Integer> {
    @Option(names = "--embeddings", required = true, paramLabel = "FILE",
            description = "Word vectors as a word2vec or GloVe text file.")
    Path embeddings;

    @Option(names = "--lowercase", description = "Look words up in lower case (GloVe's vocabulary is lower-case).")
    boolean lowercase;

    @Option(names = "--drop-missing", description = "Leave out listed words that have no vector (as WEFE does) and list them; "
            + "without it a missing word is an error.")
    boolean dropMissing;

    @Mixin
    AssociationTestOptions test;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WeatOptions options = test.validated();
        RunOutputs run = new RunOutputs().input("--embeddings", embeddings);
        run.declare("--json", test.json);
        WeatFiles.Result r = WeatFiles.run(embeddings, test.targets.get(0), test.targets.get(1),
                test.attributes.get(0), test.attributes.get(1), options,
                new WeatFiles.Lookup(lowercase, dropMissing));
        run.report(test.json, () -> TextRendering.weatJson(r.weat(), r.dropped()),
                () -> TextRendering.weatText(r.weat(), r.dropped()), spec.commandLine());
        return 0;
    }
}
