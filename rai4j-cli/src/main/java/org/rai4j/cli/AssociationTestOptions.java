package org.rai4j.cli;

import java.util.List;
import java.util.Locale;
import org.rai4j.text.StdConvention;
import org.rai4j.text.WeatOptions;
import picocli.CommandLine.Option;

/** The options that {@code rai4j text weat} and {@code text seat} share: the four lists and the test's settings. */
final class AssociationTestOptions {
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

    /** Checks the lists and settings and returns the test's options; a {@link UserException} names the bad option. */
    WeatOptions validated() {
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
        return new WeatOptions(permutations, convention, seed);
    }
}
