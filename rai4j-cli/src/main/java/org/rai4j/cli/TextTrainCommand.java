package org.rai4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rai4j.report.TextModelRendering;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.TextTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rai4j text train}: trains the embedding-bag text classifier that the other text commands can measure. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a binary embedding-bag text classifier (hashed lower-cased words, mean of their "
                + "embeddings, softmax; minibatch SGD) on a labelled CSV file and writes it to --out (atomically). "
                + "Prints the number of texts and the training accuracy. The model is what --model of "
                + "'text counterfactual' and 'text sensitivity' reads."},
        footer = {"", "Example:",
                "  rai4j text train --data reviews.csv --text review --label label --out model.bin"})
final class TextTrainCommand implements Callable<Integer> {
    @Mixin
    TextDataOptions input;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column holding the label.")
    String label;

    @Option(names = "--positive-label", paramLabel = "VALUE",
            description = "The --label value that means 1 (every other value means 0); default: labels are 1/0 or true/false.")
    String positiveLabel;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Mixin
    TextTrainingOptions training;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Initialisation and shuffling seed (default 1).")
    long seed;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--data", input.data);
        run.declare("--out", out);
        json.declare(run);
        EmbeddingBagTextClassifier.Settings settings = training.settings(seed);
        TextTraining.Result r = TextTraining.run(input.data, input.text, label, positiveLabel, settings);
        r.model().save(out);
        json.put(run, () -> TextModelRendering.trainJson(r, out.toString()), () -> TextModelRendering.trainText(r));
        run.out.append("rai4j: wrote ").append(out).append('\n');
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
