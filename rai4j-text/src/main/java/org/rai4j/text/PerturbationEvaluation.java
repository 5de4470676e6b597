package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Interval;
import org.rai4j.core.Intervals;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * Perturbation evaluation of a binary text classifier, as HELM's fairness perturbations (Liang et al. 2022,
 * "Holistic Evaluation of Language Models", {@code compute_worst_case_metrics}): every labelled instance is scored
 * as it is and after each perturbation (gendered pronouns and terms, first names, a dialect word mapping); an
 * instance is correct when {@code score ≥ threshold} equals its label.
 *
 * <ul>
 *   <li>accuracy on the originals, and per perturbation its accuracy and the <b>delta</b> against the originals;</li>
 *   <li>the <b>worst-case accuracy</b>: per instance the minimum correctness over {original} ∪ all perturbations,
 *       then the mean over instances (HELM's aggregate), and its delta against the originals;</li>
 *   <li>per perturbation the number of instances whose text it changed and whose predicted label flipped, and the
 *       first changed instances with their substitutions (an audit log).</li>
 * </ul>
 *
 * <p>Intervals are percentile bootstraps over <b>instances</b>, paired: each replicate resamples the instances once
 * (with replacement, replicate r from {@code Seeds.derive(Seeds.derive(seed, 1), r)}) and recomputes every accuracy
 * and delta on the same resample, so the correlation between an instance's original and perturbed outcomes is kept.
 * Instance i's perturbations draw their random choices from {@code Seeds.derive(Seeds.derive(seed, 0), i)}.
 * A perturbed text equal to its original is not sent to the model again: it keeps the original's score (HELM
 * scores it again; for a deterministic model the result is the same). Thread-safe if the model is.
 */
public final class PerturbationEvaluation {
    private PerturbationEvaluation() {}

    /**
     * How to evaluate.
     *
     * @param threshold  predicted label = score ≥ threshold (0.5 for probabilities)
     * @param confidence of the intervals, in (0, 1)
     * @param replicates bootstrap replicates, at least 1
     * @param seed       master seed of the perturbations' choices and of the bootstrap
     * @param show       how many changed instances per perturbation to keep in the log (0 or more)
     */
    public record Settings(double threshold, double confidence, int replicates, long seed, int show) {
        /** Validates the settings. */
        public Settings {
            Preconditions.checkArgument(Double.isFinite(threshold), "threshold must be finite, got " + threshold);
            Preconditions.checkOpenInterval(confidence, 0.0, 1.0, "confidence");
            Preconditions.checkAtLeast(replicates, 1, "replicates");
            Preconditions.checkAtLeast(show, 0, "show");
        }

        /** Threshold 0.5, 95% intervals, 1000 replicates, seed 1, 3 logged instances. */
        public static Settings defaults() {
            return new Settings(0.5, 0.95, 1000, 1L, 3);
        }
    }

    /**
     * One logged perturbed instance.
     *
     * @param instance       the instance's index (0-based, in input order)
     * @param original       the original text
     * @param perturbed      the perturbed text
     * @param substitutions  the replacements made
     * @param originalScore  the model's score of the original
     * @param perturbedScore the model's score of the perturbed text
     */
    public record Example(int instance, String original, String perturbed,
                          List<TextPerturbation.Substitution> substitutions, double originalScore,
                          double perturbedScore) {
        /** Copies the list. */
        public Example {
            substitutions = List.copyOf(substitutions);
        }
    }

    /**
     * The outcome of one perturbation.
     *
     * @param name          the perturbation's name
     * @param description   what it does
     * @param accuracy      the accuracy on the perturbed instances
     * @param delta         accuracy − the accuracy on the originals
     * @param deltaInterval the paired bootstrap interval of the delta
     * @param changed       the instances whose text the perturbation changed
     * @param flipped       the instances whose predicted label changed
     * @param examples      the first changed instances (at most {@link Settings#show()})
     */
    public record Outcome(String name, String description, double accuracy, double delta, Interval deltaInterval,
                          int changed, int flipped, List<Example> examples) {
        /** Copies the list. */
        public Outcome {
            examples = List.copyOf(examples);
        }
    }

    /**
     * The evaluation.
     *
     * @param model               the model's name
     * @param instances           the number of labelled instances
     * @param settings            the settings used
     * @param accuracy            the accuracy on the originals
     * @param accuracyInterval    its bootstrap interval
     * @param perturbations       one outcome per perturbation, in the order given
     * @param worstCase           the worst-case accuracy (per instance the minimum over the original and every
     *                            perturbation, then the mean)
     * @param worstCaseInterval   its bootstrap interval
     * @param worstCaseDelta      worstCase − accuracy (≤ 0)
     * @param worstCaseDeltaInterval the paired bootstrap interval of that delta
     */
    public record Result(String model, int instances, Settings settings, double accuracy, Interval accuracyInterval,
                         List<Outcome> perturbations, double worstCase, Interval worstCaseInterval,
                         double worstCaseDelta, Interval worstCaseDeltaInterval) {
        /** Copies the list. */
        public Result {
            perturbations = List.copyOf(perturbations);
        }
    }

    /**
     * The perturbations a user names, in order: {@code pronouns} (= {@code pronouns:m2f}, HELM's male → female),
     * {@code pronouns:f2m}, {@code pronouns:swap} (both ways), {@code names} (European-American → African-American
     * first names, gender kept), {@code dialect:FILE} (a word mapping, {@link DialectPerturbation}).
     *
     * @throws IllegalArgumentException naming an unknown perturbation or one listed twice
     * @throws DataFileException         when a dialect file is missing or malformed
     */
    public static List<TextPerturbation> perturbations(List<String> specs) throws IOException, DataFileException {
        Preconditions.checkNotNull(specs, "specs");
        Preconditions.checkArgument(!specs.isEmpty(), "name at least one perturbation");
        List<TextPerturbation> out = new ArrayList<>();
        for (String raw : specs) {
            String s = raw.strip();
            TextPerturbation p;
            if (s.equals("pronouns") || s.equals("pronouns:m2f")) {
                p = GenderPerturbation.english(GenderPerturbation.Direction.MALE_TO_FEMALE);
            } else if (s.equals("pronouns:f2m")) {
                p = GenderPerturbation.english(GenderPerturbation.Direction.FEMALE_TO_MALE);
            } else if (s.equals("pronouns:swap")) {
                p = GenderPerturbation.english(GenderPerturbation.Direction.BOTH);
            } else if (s.equals("names")) {
                p = NamePerturbation.europeanToAfricanAmerican();
            } else if (s.startsWith("dialect:") && s.length() > "dialect:".length()) {
                p = DialectPerturbation.read(Path.of(s.substring("dialect:".length())));
            } else {
                throw new IllegalArgumentException("unknown perturbation '" + s + "': expected pronouns, pronouns:m2f, "
                        + "pronouns:f2m, pronouns:swap, names or dialect:FILE");
            }
            for (TextPerturbation q : out) {
                Preconditions.checkArgument(!q.name().equals(p.name()), "perturbation '" + s + "' is listed twice");
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Reads the labelled texts of a CSV file and evaluates {@code model} on them.
     *
     * @param positiveLabel the label value that means 1 (any other means 0), or null for 1/0/true/false labels
     * @throws DataFileException as {@link LabelledTexts#read}
     */
    public static Result run(TextClassifier model, Path data, String textColumn, String labelColumn,
                             String positiveLabel, List<TextPerturbation> perturbations, Settings settings)
            throws IOException, DataFileException {
        LabelledTexts d = LabelledTexts.read(data, textColumn, labelColumn, positiveLabel);
        return evaluate(model, d.texts(), d.labels(), perturbations, settings);
    }

    /**
     * Evaluates {@code model} on labelled texts under each perturbation.
     *
     * @param labels 0 or 1, one per text
     * @throws IllegalArgumentException on empty or mismatched input, or when the model returns a non-finite score
     */
    public static Result evaluate(TextClassifier model, List<String> texts, int[] labels,
                                  List<TextPerturbation> perturbations, Settings settings) {
        Preconditions.checkNotNull(model, "model");
        Preconditions.checkNotNull(texts, "texts");
        Preconditions.checkNotNull(labels, "labels");
        Preconditions.checkNotNull(settings, "settings");
        Preconditions.checkArgument(!perturbations.isEmpty(), "name at least one perturbation");
        int n = texts.size();
        Preconditions.checkArgument(n > 0, "need at least one labelled text");
        Preconditions.checkArgument(labels.length == n, "texts and labels must have the same length, got " + n
                + " and " + labels.length);
        for (int i = 0; i < n; i++) {
            Preconditions.checkArgument(labels[i] == 0 || labels[i] == 1, "labels[" + i + "] must be 0 or 1, got "
                    + labels[i]);
        }
        double[] base = checkedScores(model, texts, "the original texts");
        boolean[] correct = correctness(base, labels, settings.threshold());
        int p = perturbations.size();
        boolean[][] perturbedCorrect = new boolean[p][];
        List<Outcome> outcomes = new ArrayList<>(p);
        long instanceSeed = Seeds.derive(settings.seed(), 0);
        for (int k = 0; k < p; k++) {
            TextPerturbation pert = perturbations.get(k);
            List<TextPerturbation.Perturbed> perturbed = new ArrayList<>(n);
            List<String> changedTexts = new ArrayList<>();
            List<Integer> changedIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TextPerturbation.Perturbed t = pert.apply(texts.get(i), Seeds.derive(instanceSeed, i));
                perturbed.add(t);
                if (!t.text().equals(texts.get(i))) {
                    changedTexts.add(t.text());
                    changedIndex.add(i);
                }
            }
            double[] scores = base.clone();
            double[] changedScores = changedTexts.isEmpty() ? new double[0]
                    : checkedScores(model, changedTexts, "the texts perturbed by " + pert.name());
            int flipped = 0;
            List<Example> examples = new ArrayList<>();
            for (int j = 0; j < changedIndex.size(); j++) {
                int i = changedIndex.get(j);
                scores[i] = changedScores[j];
                if ((scores[i] >= settings.threshold()) != (base[i] >= settings.threshold())) {
                    flipped++;
                }
                if (examples.size() < settings.show()) {
                    examples.add(new Example(i, texts.get(i), perturbed.get(i).text(),
                            perturbed.get(i).substitutions(), base[i], scores[i]));
                }
            }
            perturbedCorrect[k] = correctness(scores, labels, settings.threshold());
            double acc = mean(perturbedCorrect[k]);
            outcomes.add(new Outcome(pert.name(), pert.description(), acc, acc - mean(correct), null,
                    changedIndex.size(), flipped, examples));
        }
        boolean[] worst = correct.clone();
        for (boolean[] c : perturbedCorrect) {
            for (int i = 0; i < n; i++) {
                worst[i] &= c[i];
            }
        }
        Bootstrap b = Bootstrap.of(correct, perturbedCorrect, worst, settings);
        List<Outcome> withIntervals = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            Outcome o = outcomes.get(k);
            withIntervals.add(new Outcome(o.name(), o.description(), o.accuracy(), o.delta(), b.deltas[k],
                    o.changed(), o.flipped(), o.examples()));
        }
        double acc = mean(correct);
        double wc = mean(worst);
        return new Result(model.name(), n, settings, acc, b.accuracy, withIntervals, wc, b.worstCase, wc - acc,
                b.worstCaseDelta);
    }

    /** The paired bootstrap intervals of every accuracy and delta from the same resamples of instances. */
    private record Bootstrap(Interval accuracy, Interval[] deltas, Interval worstCase, Interval worstCaseDelta) {
        static Bootstrap of(boolean[] correct, boolean[][] perturbed, boolean[] worst, Settings s) {
            int n = correct.length;
            int p = perturbed.length;
            int reps = s.replicates();
            double[] acc = new double[reps];
            double[][] delta = new double[p][reps];
            double[] wc = new double[reps];
            double[] wcDelta = new double[reps];
            long master = Seeds.derive(s.seed(), 1);
            int[] idx = new int[n];
            for (int r = 0; r < reps; r++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(master, r));
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(n);
                }
                acc[r] = resampledMean(correct, idx);
                for (int k = 0; k < p; k++) {
                    delta[k][r] = resampledMean(perturbed[k], idx) - acc[r];
                }
                wc[r] = resampledMean(worst, idx);
                wcDelta[r] = wc[r] - acc[r];
            }
            Interval[] d = new Interval[p];
            for (int k = 0; k < p; k++) {
                d[k] = Intervals.percentile(delta[k], s.confidence());
            }
            return new Bootstrap(Intervals.percentile(acc, s.confidence()), d, Intervals.percentile(wc, s.confidence()),
                    Intervals.percentile(wcDelta, s.confidence()));
        }
    }

    private static double resampledMean(boolean[] x, int[] idx) {
        int c = 0;
        for (int i : idx) {
            if (x[i]) {
                c++;
            }
        }
        return (double) c / idx.length;
    }

    private static double[] checkedScores(TextClassifier model, List<String> texts, String what) {
        double[] s = model.scores(texts);
        Preconditions.checkState(s != null && s.length == texts.size(), "the model " + model.name() + " returned "
                + (s == null ? "nothing" : s.length + " scores") + " for " + texts.size() + " texts (" + what + ")");
        for (int i = 0; i < s.length; i++) {
            Preconditions.checkArgument(Double.isFinite(s[i]), "the model " + model.name()
                    + " returned a non-finite score " + s[i] + " for " + what + " [" + i + "]: " + texts.get(i));
        }
        return s;
    }

    private static boolean[] correctness(double[] scores, int[] labels, double threshold) {
        boolean[] c = new boolean[scores.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (scores[i] >= threshold ? 1 : 0) == labels[i];
        }
        return c;
    }

    private static double mean(boolean[] x) {
        int c = 0;
        for (boolean b : x) {
            if (b) {
                c++;
            }
        }
        return (double) c / x.length;
    }
}
