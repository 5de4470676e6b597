package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;

/**
 * The counterfactual token fairness gap of a text classifier on a CSV file ({@code rai4j text counterfactual}):
 * {@link CounterfactualGap} with the {@link GenderSwap#english() English gender swap}, overall and — as Garg et al.
 * 2019 report it — separately on the texts labelled 0 and 1, with the first swapped pairs and their scores for
 * audit. The classifier is called once, on all texts and their swaps together (batched by the classifier).
 */
public final class CounterfactualEvaluation {
    private CounterfactualEvaluation() {}

    /**
     * One text, its swap and both scores.
     *
     * @param line         the text's line in the file
     * @param text         the text
     * @param swapped      its gender swap
     * @param score        f(text)
     * @param swappedScore f(swapped)
     */
    public record Pair(long line, String text, String swapped, double score, double swappedScore) {}

    /**
     * The gaps.
     *
     * @param model     the classifier's name
     * @param source    the data file as given
     * @param texts     texts read
     * @param overall   the gap over all texts
     * @param labelZero the gap over texts labelled 0 (null without a label column)
     * @param labelOne  the gap over texts labelled 1 (null without a label column)
     * @param pairs     the first swapped texts (as many as asked), in file order
     */
    public record Report(String model, String source, int texts, CounterfactualGap.Result overall,
                         CounterfactualGap.Result labelZero, CounterfactualGap.Result labelOne, List<Pair> pairs) {
        /** Copies the list. */
        public Report {
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * Reads {@code data} ({@link LabelledTexts#read}; {@code labelColumn} may be null) and measures the gaps.
     *
     * @param show how many swapped pairs to keep in the report (0 for none)
     */
    public static Report run(Path data, String textColumn, String labelColumn, String positiveLabel,
                             TextClassifier classifier, double confidence, int replicates, long seed, int show)
            throws IOException, DataFileException {
        return measure(LabelledTexts.read(data, textColumn, labelColumn, positiveLabel), classifier, confidence,
                replicates, seed, show);
    }

    /** Measures the gaps on texts already read; see {@link #run}. */
    public static Report measure(LabelledTexts data, TextClassifier classifier, double confidence, int replicates,
                                 long seed, int show) {
        Preconditions.checkAtLeast(show, 0, "pairs to show");
        GenderSwap swap = GenderSwap.english();
        List<String> texts = data.texts();
        ToDoubleFunction<String> scorer = scoredAll(classifier, texts, swap);
        CounterfactualGap.Result overall = CounterfactualGap.measure(texts, scorer, swap, confidence, replicates, seed);
        CounterfactualGap.Result zero = null;
        CounterfactualGap.Result one = null;
        int[] labels = data.labels();
        if (labels != null) {
            zero = CounterfactualGap.measure(withLabel(texts, labels, 0), scorer, swap, confidence, replicates, seed);
            one = CounterfactualGap.measure(withLabel(texts, labels, 1), scorer, swap, confidence, replicates, seed);
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < texts.size() && pairs.size() < show; i++) {
            String s = swap.swap(texts.get(i));
            if (!s.equals(texts.get(i))) {
                pairs.add(new Pair(data.table().line(i), texts.get(i), s, scorer.applyAsDouble(texts.get(i)),
                        scorer.applyAsDouble(s)));
            }
        }
        return new Report(classifier.name(), data.source(), texts.size(), overall, zero, one, pairs);
    }

    /**
     * Scores every text and its swap in one call of the classifier (each distinct text once) and returns the
     * lookup; asking for a text outside that set is a bug.
     */
    static ToDoubleFunction<String> scoredAll(TextClassifier classifier, List<String> texts, GenderSwap swap) {
        Set<String> all = new LinkedHashSet<>();
        for (String t : texts) {
            all.add(t);
            all.add(swap.swap(t));
        }
        List<String> distinct = new ArrayList<>(all);
        double[] s = classifier.scores(distinct);
        Preconditions.checkState(s.length == distinct.size(), classifier.name() + " returned " + s.length
                + " scores for " + distinct.size() + " texts");
        Map<String, Double> score = new HashMap<>();
        for (int i = 0; i < s.length; i++) {
            score.put(distinct.get(i), s[i]);
        }
        return t -> {
            Double v = score.get(t);
            Preconditions.checkState(v != null, "text was not scored in advance: " + t);
            return v;
        };
    }

    private static List<String> withLabel(List<String> texts, int[] labels, int label) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                out.add(texts.get(i));
            }
        }
        return out;
    }
}
