package org.rai4j.cli;

import java.util.concurrent.Callable;
import org.rai4j.report.TextModelRendering;
import org.rai4j.text.CounterfactualEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text counterfactual}: the counterfactual token fairness gap of a text classifier under a gender swap. */
@Command(name = "counterfactual", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Counterfactual token fairness gap (Garg et al. 2019): the mean |f(x) - f(x')| over the texts "
                + "x that mention a gendered word, x' being x with male and female words and first names exchanged "
                + "(rai4j's English gender swap); with a percentile bootstrap interval over texts. With --label, also "
                + "on the texts labelled 0 and 1 separately. --show N lists the first N swapped texts with both scores."},
        footer = {"", "Example:",
                "  rai4j text counterfactual --model model.bin --data reviews.csv --text review --label label --show 3"})
final class TextCounterfactualCommand implements Callable<Integer> {
    @Mixin
    TextModelOptions model;

    @Mixin
    TextDataOptions input;

    @Option(names = "--label", paramLabel = "COL", description = "Column holding the label: also report the gap per label.")
    String label;

    @Option(names = "--positive-label", paramLabel = "VALUE",
            description = "The --label value that means 1 (every other value means 0); default: labels are 1/0 or true/false.")
    String positiveLabel;

    @Mixin
    TextGapOptions gap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the bootstrap (default 1).")
    long seed;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0", description = "List the first N swapped texts (default 0).")
    int show;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = model.inputs(new RunOutputs().input("--data", input.data));
        json.declare(run);
        gap.validated();
        if (show < 0) {
            throw new UserException("--show must be 0 or more, got " + show);
        }
        CounterfactualEvaluation.Report r = CounterfactualEvaluation.run(input.data, input.text, label,
                positiveLabel, model.classifier(), gap.confidence, gap.replicates, seed, show);
        json.put(run, () -> TextModelRendering.counterfactualJson(r), () -> TextModelRendering.counterfactualText(r));
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
