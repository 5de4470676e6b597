package org.rai4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rai4j.report.TextRendering;
import org.rai4j.text.StdConvention;
import org.rai4j.text.WeatFiles;
import org.rai4j.text.WeatOptions;
import org.rai4j.text.WeatResult;
import picocli.CommandLine.Command;
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

    @Option(names = "--targets", required = true, paramLabel = "X,Y", split = ",", description = "The two target lists.")
    List<String> targets;

    @Option(names = "--attributes", required = true, paramLabel = "A,B", split = ",", description = "The two attribute lists.")
    List<String> attributes;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "100000",
            description = "Partitions to evaluate: all when there are at most N (exact), else N sampled (default 100000).")
    long permutations;

    @Option(names = "--std", paramLabel = "sample|population", defaultValue = "sample",
            description = "Divisor of the effect size's std: sample (n-1, Caliskan; default) or population (n, WEFE).")
    String std;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the sampled partitions (default 1).")
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
        StdConvention convention = switch (std.toLowerCase(Locale.ROOT)) {
            case "sample" -> StdConvention.SAMPLE;
            case "population" -> StdConvention.POPULATION;
            default -> throw new UserException("--std must be sample or population, got '" + std + "'");
        };
        if (permutations < 1) {
            throw new UserException("--permutations must be >= 1, got " + permutations);
        }
        RunOutputs run = new RunOutputs().input("--embeddings", embeddings);
        run.declare("--json", json);
        WeatResult r = WeatFiles.run(embeddings, targets.get(0), targets.get(1), attributes.get(0), attributes.get(1),
                new WeatOptions(permutations, convention, seed));
        if (json != null) {
            run.json(TextRendering.weatJson(r), json);
            if (!"-".equals(json)) {
                run.out.append("rai4j: wrote ").append(json).append('\n');
            }
        } else {
            run.out.append(TextRendering.weatText(r));
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
