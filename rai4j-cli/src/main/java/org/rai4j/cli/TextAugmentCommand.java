package org.rai4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rai4j.report.TextModelRendering;
import org.rai4j.text.AugmentationStudy;
import org.rai4j.text.CounterfactualAugmentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text augment}: counterfactual data augmentation (CDA, CDS), and its before/after comparison. */
@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Counterfactual data augmentation of a CSV corpus with rai4j's English gender swap: cda (Lu et "
                + "al. 2018) keeps every row and appends a swapped copy of every row whose text changes; cds (Maudslay "
                + "et al. 2019) replaces each row by its swap with probability 1/2 (seeded). Other columns are copied "
                + "as written; --out is written atomically.",
                "With --compare --test FILE --label COL: trains the embedding-bag classifier on the original and on the "
                        + "augmented training data (same settings and seed) and reports, for both, test accuracy and "
                        + "the counterfactual gap with intervals, and the difference of the gaps with a paired "
                        + "bootstrap interval over the test texts."},
        footer = {"", "Examples:",
                "  rai4j text augment --data reviews.csv --text review --method cda --out reviews-cda.csv",
                "  rai4j text augment --data reviews.csv --text review --method cda --compare --test reviews-test.csv --label label"})
final class TextAugmentCommand implements Callable<Integer> {
    @Mixin
    TextDataOptions input;

    @Option(names = "--method", required = true, paramLabel = "cda|cds", description = "cda (append swapped copies) or cds (swap each row with probability 1/2).")
    String method;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the augmented CSV (required without --compare).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of cds's coins, and with --compare of the training and the bootstrap (default 1).")
    long seed;

    @Option(names = "--compare", description = "Train on the original and on the augmented data and compare their gaps on --test.")
    boolean compare;

    @Option(names = "--test", paramLabel = "FILE", description = "With --compare: the labelled test CSV (same columns).")
    Path test;

    @Option(names = "--label", paramLabel = "COL", description = "With --compare: the label column.")
    String label;

    @Option(names = "--positive-label", paramLabel = "VALUE",
            description = "The --label value that means 1 (every other value means 0); default: labels are 1/0 or true/false.")
    String positiveLabel;

    @Mixin
    TextTrainingOptions training;

    @Mixin
    TextGapOptions gap;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--data", input.data).input("--test", test);
        run.declare("--out", out);
        json.declare(run);
        CounterfactualAugmentation.Method m;
        try {
            m = CounterfactualAugmentation.Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserException("--method: " + e.getMessage());
        }
        if (!compare && (test != null || label != null)) {
            throw new UserException("--test and --label belong to --compare; add --compare or leave them out");
        }
        if (!compare && out == null) {
            throw new UserException("give --out FILE for the augmented CSV (or --compare --test FILE --label COL)");
        }
        CounterfactualAugmentation.Augmented aug;
        if (compare) {
            if (test == null || label == null) {
                throw new UserException("--compare needs --test FILE (labelled test texts) and --label COL");
            }
            gap.validated();
            AugmentationStudy.Result r = AugmentationStudy.run(input.data, test, input.text, label, positiveLabel,
                    m, seed, training.settings(seed), gap.confidence, gap.replicates, seed);
            aug = r.augmentation();
            json.put(run, () -> TextModelRendering.augmentComparisonJson(r, gap.confidence, out),
                    () -> TextModelRendering.augmentComparisonText(r, gap.confidence));
        } else {
            CounterfactualAugmentation.Augmented a = CounterfactualAugmentation.run(input.data, input.text, m, seed);
            aug = a;
            json.put(run, () -> TextModelRendering.augmentJson(a, out), () -> TextModelRendering.augmentText(a));
        }
        if (out != null) {
            run.file(out, aug.csv());
            run.out.append("rai4j: wrote ").append(out).append('\n');
        }
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
