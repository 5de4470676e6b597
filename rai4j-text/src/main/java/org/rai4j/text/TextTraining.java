package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import org.rai4j.core.DataFileException;

/**
 * Trains an {@link EmbeddingBagTextClassifier} on a labelled CSV file ({@code rai4j text train}).
 */
public final class TextTraining {
    private TextTraining() {}

    /**
     * A trained model and how it fits its training data.
     *
     * @param model            the model
     * @param source           the training file as given
     * @param examples         training texts
     * @param positives        texts labelled 1
     * @param trainingAccuracy the share of training texts whose score falls on their label's side of 0.5
     * @param settings         the training settings
     */
    public record Result(EmbeddingBagTextClassifier model, String source, int examples, int positives,
                         double trainingAccuracy, EmbeddingBagTextClassifier.Settings settings) {}

    /**
     * Reads {@code data} ({@link LabelledTexts#read}), trains with {@code settings} and measures training accuracy.
     *
     * @throws DataFileException naming file, line and column of bad values, or the label column when it has one class
     */
    public static Result run(Path data, String textColumn, String labelColumn, String positiveLabel,
                             EmbeddingBagTextClassifier.Settings settings) throws IOException, DataFileException {
        LabelledTexts d = LabelledTexts.read(data, textColumn, labelColumn, positiveLabel).requireBothLabels(labelColumn);
        int[] y = d.labels();
        EmbeddingBagTextClassifier model = EmbeddingBagTextClassifier.train(d.texts(), y, settings)
                .named(data.getFileName().toString());
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        return new Result(model, d.source(), d.size(), positives, accuracy(model.scores(d.texts()), y), settings);
    }

    /** The share of scores on their label's side of 0.5 (a score of exactly 0.5 counts as label 1). */
    public static double accuracy(double[] scores, int[] labels) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            right += (scores[i] >= 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return (double) right / scores.length;
    }
}
