package org.rai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.concurrent.Callable;
import org.rai4j.report.TextModelRendering;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.PredictionSensitivity;
import org.rai4j.text.WordLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text sensitivity}: how much a text classifier's score depends on the words that carry protected status. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prediction sensitivity (Krishna et al. 2022): per text, sum over its words w of |dF/dx_w| * v_w, "
                + "F = P(label 1), x_w the count of word w, v the protected direction over the text's words: 1/k on the "
                + "k words of --protected-terms present, or |grad G|/||grad G||_1 of a --protected-model G. The mean "
                + "over texts with a bootstrap interval; higher is less fair.",
                "For a --model file the derivatives are exact (accumulated prediction sensitivity); an --endpoint has "
                        + "no gradient, so each derivative is replaced by the score change when the word is deleted "
                        + "(occlusion sensitivity, reported as such)."},
        footer = {"", "Example:",
                "  rai4j text sensitivity --model model.bin --data reviews.csv --text review --protected-terms gender-terms.txt"})
final class TextSensitivityCommand implements Callable<Integer> {
    @Mixin
    TextModelOptions model;

    @Mixin
    TextDataOptions input;

    @Option(names = "--protected-terms", paramLabel = "FILE",
            description = "Identity words, one per line ('#' comments): the protected direction (give this or --protected-model).")
    Path terms;

    @Option(names = "--protected-model", paramLabel = "FILE",
            description = "A model of protected status written by `rai4j text train` (e.g. --label gender): the direction is its gradient.")
    Path protectedModel;

    @Mixin
    TextGapOptions bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the bootstrap (default 1).")
    long seed;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = model.inputs(new RunOutputs().input("--data", input.data).input("--protected-terms", terms)
                .input("--protected-model", protectedModel));
        json.declare(run);
        bootstrap.validated();
        if ((terms == null) == (protectedModel == null)) {
            throw new UserException("give exactly one of --protected-terms FILE and --protected-model FILE");
        }
        PredictionSensitivity.Protected protect;
        if (terms != null) {
            protect = new PredictionSensitivity.Lexicon(new HashSet<>(WordLists.read(terms)), terms.getFileName().toString());
        } else {
            if (!Files.isRegularFile(protectedModel)) {
                throw new UserException("--protected-model " + protectedModel + ": no such file (expected a model written by `rai4j text train`)");
            }
            protect = new PredictionSensitivity.ProtectedModel(EmbeddingBagTextClassifier.load(protectedModel));
        }
        PredictionSensitivity.Result r = PredictionSensitivity.run(input.data, input.text, model.classifier(), protect,
                bootstrap.confidence, bootstrap.replicates, seed);
        json.put(run, () -> TextModelRendering.sensitivityJson(r), () -> TextModelRendering.sensitivityText(r));
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
