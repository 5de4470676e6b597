package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;

/**
 * Does counterfactual augmentation reduce a classifier's counterfactual gap? ({@code rai4j text augment --compare})
 * Trains the embedding-bag classifier twice with identical settings and seed — on the original training texts and
 * on their augmentation ({@link CounterfactualAugmentation}) — and measures both on the same test texts: accuracy
 * (Wilson interval) and the counterfactual token fairness gap ({@link CounterfactualGap}, percentile bootstrap over
 * texts). The difference of gaps (augmented − original) gets a <b>paired</b> percentile bootstrap interval: both
 * models are scored on the same test texts, so the per-text differences {@code |f_a(x) − f_a(x')| − |f_o(x) − f_o(x')|}
 * are resampled together (replicate r uses seed derive(seed, r), the same draws as the gaps' own intervals). The
 * interval is conditional on the two trained models: it covers the difference of their gaps on the test
 * population, not the variation from retraining on another training sample. Pure function of its inputs.
 */
public final class AugmentationStudy {
    private AugmentationStudy() {}

    /**
     * One trained model measured on the test texts.
     *
     * @param trainingTexts      texts it was trained on
     * @param testAccuracy       share of test texts on their label's side of 0.5
     * @param accuracyInterval   Wilson interval of the test accuracy
     * @param gap                the counterfactual gap on the test texts
     */
    public record Arm(int trainingTexts, double testAccuracy, Interval accuracyInterval, CounterfactualGap.Result gap) {}

    /**
     * The comparison.
     *
     * @param augmentation       the augmented training data (method, counts, plan, CSV)
     * @param settings           the training settings of both models
     * @param testTexts          test texts
     * @param original           the model trained on the original texts
     * @param augmented          the model trained on the augmented texts
     * @param gapDifference      augmented gap − original gap (negative: augmentation reduced the gap)
     * @param differenceInterval the paired bootstrap interval of the difference (null when no test text has a
     *                           gendered word)
     */
    public record Result(CounterfactualAugmentation.Augmented augmentation, EmbeddingBagTextClassifier.Settings settings,
                         int testTexts, Arm original, Arm augmented, double gapDifference, Interval differenceInterval) {}

    /**
     * Reads the training file (texts and labels) and the test file (same columns), augments the training file and
     * compares.
     *
     * @param augmentSeed the seed of CDS's coins
     * @param seed        the bootstrap seed
     */
    public static Result run(Path train, Path test, String textColumn, String labelColumn, String positiveLabel,
                             CounterfactualAugmentation.Method method, long augmentSeed,
                             EmbeddingBagTextClassifier.Settings settings, double confidence, int replicates, long seed)
            throws IOException, DataFileException {
        LabelledTexts tr = LabelledTexts.read(train, textColumn, labelColumn, positiveLabel).requireBothLabels(labelColumn);
        LabelledTexts te = LabelledTexts.read(test, textColumn, labelColumn, positiveLabel);
        CounterfactualAugmentation.Augmented aug = CounterfactualAugmentation.run(train, textColumn, method, augmentSeed);
        return compare(tr, te, aug, settings, confidence, replicates, seed);
    }

    /** Compares on texts already read; {@code augmentation} must be the augmentation of {@code train}. */
    public static Result compare(LabelledTexts train, LabelledTexts test, CounterfactualAugmentation.Augmented augmentation,
                                 EmbeddingBagTextClassifier.Settings settings, double confidence, int replicates,
                                 long seed) {
        Preconditions.checkArgument(augmentation.rowsIn() == train.size(), "the augmentation is not of this training data");
        GenderSwap swap = GenderSwap.english();
        CounterfactualAugmentation.Plan plan = augmentation.plan();
        List<String> augTexts = plan.texts(train.texts(), swap);
        EmbeddingBagTextClassifier o = EmbeddingBagTextClassifier.train(train.texts(), train.labels(), settings);
        EmbeddingBagTextClassifier a = EmbeddingBagTextClassifier.train(augTexts, plan.labels(train.labels()), settings);
        double[] co = perTextGaps(o, test.texts(), swap);
        double[] ca = perTextGaps(a, test.texts(), swap);
        double[] d = new double[co.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ca[i] - co[i];
        }
        Arm ao = arm(o, train.size(), test, swap, confidence, replicates, seed);
        Arm aa = arm(a, augTexts.size(), test, swap, confidence, replicates, seed);
        Interval di = d.length == 0 ? null : pairedInterval(d, confidence, replicates, seed);
        return new Result(augmentation, settings, test.size(), ao, aa, aa.gap().gap() - ao.gap().gap(), di);
    }

    /**
     * The paired percentile bootstrap interval of the mean of per-text differences {@code d} (replicate r resamples
     * the texts with seed derive(seed, r)).
     */
    public static Interval pairedInterval(double[] d, double confidence, int replicates, long seed) {
        Preconditions.checkArgument(d.length > 0, "no paired differences");
        return Intervals.percentile(CounterfactualGap.bootstrapMeans(d, replicates, seed), confidence);
    }

    /** {@code |f(x) − f(swap(x))|} for each text that the swap changes, in order. */
    public static double[] perTextGaps(TextClassifier model, List<String> texts, GenderSwap swap) {
        ToDoubleFunction<String> f = CounterfactualEvaluation.scoredAll(model, texts, swap);
        List<Double> out = new ArrayList<>();
        for (String x : texts) {
            String s = swap.swap(x);
            if (!s.equals(x)) {
                out.add(Math.abs(f.applyAsDouble(x) - f.applyAsDouble(s)));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Arm arm(EmbeddingBagTextClassifier model, int trained, LabelledTexts test, GenderSwap swap,
                           double confidence, int replicates, long seed) {
        double acc = TextTraining.accuracy(model.scores(test.texts()), test.labels());
        CounterfactualGap.Result gap = CounterfactualGap.measure(test.texts(),
                CounterfactualEvaluation.scoredAll(model, test.texts(), swap), swap, confidence, replicates, seed);
        return new Arm(trained, acc, Intervals.wilson(Math.round(acc * test.size()), test.size(), confidence), gap);
    }
}
