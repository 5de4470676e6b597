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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--buckets", paramLabel = "N", defaultValue = "4096", description = "Hash buckets (default 4096).")
    int buckets;

    @Option(names = "--dim", paramLabel = "N", defaultValue = "16", description = "Embedding dimension (default 16).")
    int dim;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", description = "Passes over the data (default 30).")
    int epochs;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.5", description = "SGD step size (default 0.5).")
    double learningRate;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "16", description = "Texts per SGD step (default 16).")
    int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Initialisation and shuffling seed (default 1).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write JSON to FILE ('-' for standard output).")
    String json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunOutputs run = new RunOutputs().input("--data", input.data);
        run.declare("--out", out);
        run.declare("--json", json);
        EmbeddingBagTextClassifier.Settings settings;
        try {
            settings = new EmbeddingBagTextClassifier.Settings(buckets, dim, epochs, learningRate, batchSize, seed);
        } catch (IllegalArgumentException e) {
            throw new UserException("bad training setting: " + e.getMessage()
                    + " (--buckets, --dim, --epochs, --batch-size >= 1; --learning-rate > 0)");
        }
        TextTraining.Result r = TextTraining.run(input.data, input.text, label, input.positiveLabel, settings);
        r.model().save(out);
        if (json != null) {
            run.json(TextModelRendering.trainJson(r, out.toString()), json);
        } else {
            run.out.append(TextModelRendering.trainText(r));
        }
        run.out.append("rai4j: wrote ").append(out).append(json != null && !"-".equals(json) ? " and " + json : "").append('\n');
        run.finish(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
