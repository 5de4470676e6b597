package org.rai4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.rai4j.report.PerturbationRendering;
import org.rai4j.text.PerturbationEvaluation;
import org.rai4j.text.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text perturb}: HELM-style perturbation evaluation of a text classifier. */
@Command(name = "perturb", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Perturbation evaluation as in HELM (Liang et al. 2022): every labelled text is scored as it is "
                + "and after each perturbation; a text is correct when (score >= threshold) equals its label. Prints "
                + "the accuracy on the originals, per perturbation its accuracy, the delta against the originals with "
                + "a paired bootstrap interval over instances, how many texts it changed and how many predictions it "
                + "flipped, and HELM's worst-case accuracy (per instance the minimum over the original and every "
                + "perturbation, then the mean), then the first substitutions of each perturbation.",
                "Perturbations: pronouns (= pronouns:m2f, gendered pronouns and terms male -> female, HELM's), "
                        + "pronouns:f2m, pronouns:swap (both ways), names (European-American -> African-American first "
                        + "names from Caliskan et al.'s WEAT lists, gender kept, the same replacement throughout a text), "
                        + "dialect:FILE (a word mapping, source<TAB>replacement per line; none ships with rai4j)."},
        footer = {"", "Example:",
                "  rai4j text perturb --endpoint http://localhost:8000/score --data reviews.csv --text review --label positive "
                        + "--perturbations pronouns,pronouns:f2m,names --json -"})
final class TextPerturbCommand implements Callable<Integer> {
    @Mixin
    TextModelOptions modelOptions;

    @Mixin
    TextDataOptions input;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column holding the label: 1/0 or true/false.")
    String label;

    @Option(names = "--perturbations", paramLabel = "P,P", split = ",", defaultValue = "pronouns,pronouns:f2m,names",
            description = "Perturbations, comma-separated (default pronouns,pronouns:f2m,names).")
    List<String> perturbations;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Predicted label = score >= T (default 0.5).")
    double threshold;

    @Mixin
    TextGapOptions gap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the name and mapping choices and of the bootstrap (default 1).")
    long seed;

    @Option(names = "--show", paramLabel = "N", defaultValue = "3",
            description = "Changed texts to show per perturbation, with their substitutions (default 3).")
    int show;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PerturbationEvaluation.Settings settings = settings();
        RunOutputs run = modelOptions.inputs(new RunOutputs()).input("--data", input.data);
        run.declare("--json", json);
        TextClassifier classifier = modelOptions.classifier();
        PerturbationEvaluation.Result r = PerturbationEvaluation.run(classifier, input.data, input.text, label,
                null, PerturbationEvaluation.perturbations(perturbations), settings);
        run.report(json, () -> PerturbationRendering.json(r), () -> PerturbationRendering.text(r), spec.commandLine());
        return 0;
    }

    private PerturbationEvaluation.Settings settings() {
        gap.validated();
        if (show < 0) {
            throw new UserException("--show must be 0 or more, got " + show);
        }
        if (!Double.isFinite(threshold)) {
            throw new UserException("--threshold must be a finite number, got " + threshold);
        }
        return new PerturbationEvaluation.Settings(threshold, gap.confidence, gap.replicates, seed, show);
    }
}
