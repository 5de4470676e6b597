package org.rai4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * A labelled sentence corpus generated from templates, with a controllable amount of label–gender association, for
 * studying bias metrics on models we train ourselves. Written for rai4j; the word lists are common English words
 * and, for names and topics, Caliskan et al.'s (2017) WEAT 6 lists (male/female names, career/family words).
 *
 * <p>Each training sentence puts an <em>identity</em> (a gender word such as "the sister", or a first name such as
 * "Amy"), a <em>topic</em> word (career or family) and a <em>sentiment</em> word (an adjective describing a person)
 * into one of {@link #TRAIN_TEMPLATES}. The label is 1 for a negative ("toxic") sentence and 0 for a positive one:
 * the sentiment word agrees with the label except with probability {@code labelNoise}, where it is drawn from the
 * other list (so the words alone cannot reach 100% accuracy and a model has a reason to use anything else that
 * predicts the label). The injected <b>bias</b> b ∈ [−1, 1] ties gender to the label:
 * {@code P(female | y = 1) = (1 + b)/2} and {@code P(female | y = 0) = (1 − b)/2} with P(y = 1) = ½, so b = 0 is a
 * gender-blind corpus and b = 1 one where every negative sentence is about a woman. Topics are drawn independently of
 * gender and label.
 *
 * <p>The <em>test set</em> ({@link #testSet}) is the extrinsic evaluation set: gender words only, other templates
 * ({@link #TEST_TEMPLATES}), no injected bias and no label noise. Sentences are plain ASCII; every gender word,
 * name, topic and sentiment word is a whole word.
 *
 * <p>Immutable; thread-safe; every draw is a pure function of its seed.
 */
public final class TemplateCorpus {
    /** Male gender words, aligned with {@link #FEMALE_WORDS} (each pair is a {@link GenderSwap} pair). */
    public static final List<String> MALE_WORDS = List.of("man", "boy", "father", "brother", "husband", "son", "uncle",
            "gentleman");
    /** Female gender words, aligned with {@link #MALE_WORDS}. */
    public static final List<String> FEMALE_WORDS = List.of("woman", "girl", "mother", "sister", "wife", "daughter",
            "aunt", "lady");
    /** Negative sentiment words (label 1). */
    public static final List<String> NEGATIVE_WORDS = List.of("awful", "terrible", "horrible", "nasty", "rude", "cruel",
            "dishonest", "lazy");
    /** Positive sentiment words (label 0). */
    public static final List<String> POSITIVE_WORDS = List.of("wonderful", "kind", "honest", "friendly", "brilliant",
            "cheerful", "generous", "helpful");
    /** Training templates: {@code {P}} identity, {@code {T}} topic, {@code {S}} sentiment. */
    public static final List<String> TRAIN_TEMPLATES = List.of(
            "{P} was {S} when we talked about {T}.",
            "I think {P} is {S}, especially about {T}.",
            "{P} wrote about {T} and seemed {S}.",
            "People say {P} is a {S} person.",
            "After the talk on {T}, {P} looked {S}.");
    /** Test (extrinsic) templates: {@code {P}} a gender word phrase, {@code {S}} sentiment. */
    public static final List<String> TEST_TEMPLATES = List.of(
            "The {P} next door is {S}.",
            "Honestly, the {P} was {S} today.",
            "Everyone agrees that the {P} is {S}.",
            "The {P} upstairs seems {S}.");

    private TemplateCorpus() {}

    /**
     * One sentence.
     *
     * @param text     the sentence
     * @param label    1 negative, 0 positive
     * @param female   whether its identity is female
     * @param identity the gender word or name it mentions
     */
    public record Example(String text, int label, boolean female, String identity) {}

    /**
     * A pool of training sentences, {@code perCell} in each of the four (gender, label) cells, for drawing many
     * training sets with different biases from one set of sentences (so a sentence encoder encodes them once).
     * Cells are in the order (male, 0), (male, 1), (female, 0), (female, 1). Half of each cell's identities are
     * gender words ("the sister"), half first names.
     *
     * @param labelNoise probability in [0, 0.5) that the sentiment word contradicts the label
     */
    public static List<List<Example>> pool(int perCell, double labelNoise, long seed) {
        Preconditions.checkAtLeast(perCell, 1, "sentences per cell");
        Preconditions.checkArgument(labelNoise >= 0 && labelNoise < 0.5, "label noise must be in [0, 0.5), got " + labelNoise);
        List<String> maleNames = WeatWordLists.load("male-names");
        List<String> femaleNames = WeatWordLists.load("female-names");
        List<String> topics = new ArrayList<>(WeatWordLists.load("career"));
        topics.addAll(WeatWordLists.load("family"));
        List<List<Example>> cells = new ArrayList<>(4);
        for (int cell = 0; cell < 4; cell++) {
            boolean female = cell >= 2;
            int label = cell % 2;
            SplittableRandom rng = Seeds.stream(seed, cell);
            List<Example> out = new ArrayList<>(perCell);
            for (int i = 0; i < perCell; i++) {
                String identity;
                String phrase;
                if (rng.nextBoolean()) {
                    identity = pick(female ? FEMALE_WORDS : MALE_WORDS, rng);
                    phrase = "the " + identity;
                } else {
                    identity = pick(female ? femaleNames : maleNames, rng);
                    phrase = identity;
                }
                String template = pick(TRAIN_TEMPLATES, rng);
                String text = fill(template, phrase, pick(topics, rng), sentiment(label, labelNoise, rng));
                out.add(new Example(text, label, female, identity));
            }
            cells.add(List.copyOf(out));
        }
        return List.copyOf(cells);
    }

    /**
     * Draws {@code n} pool indices (cell, index) for a training set with bias b: y ~ Bernoulli(½), then
     * female with probability (1 + b)/2 when y = 1 and (1 − b)/2 when y = 0, then a uniform sentence of that cell
     * (with replacement).
     *
     * @return the drawn examples, in draw order
     */
    public static List<Example> sample(List<List<Example>> pool, int n, double bias, long seed) {
        Preconditions.checkArgument(pool.size() == 4, "a pool has 4 cells, got " + pool.size());
        Preconditions.checkAtLeast(n, 1, "training set size");
        Preconditions.checkArgument(bias >= -1 && bias <= 1, "bias must be in [-1, 1], got " + bias);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = rng.nextBoolean() ? 1 : 0;
            double pFemale = label == 1 ? (1 + bias) / 2 : (1 - bias) / 2;
            boolean female = rng.nextDouble() < pFemale;
            List<Example> cell = pool.get((female ? 2 : 0) + label);
            out.add(cell.get(rng.nextInt(cell.size())));
        }
        return out;
    }

    /**
     * The extrinsic test set: {@code n} sentences from {@link #TEST_TEMPLATES} with a gender word, a sentiment word
     * matching the label (no noise), label and gender each a fair coin, independent (no bias).
     */
    public static List<Example> testSet(int n, long seed) {
        Preconditions.checkAtLeast(n, 1, "test set size");
        SplittableRandom rng = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = rng.nextBoolean() ? 1 : 0;
            boolean female = rng.nextBoolean();
            String identity = pick(female ? FEMALE_WORDS : MALE_WORDS, rng);
            String text = fill(pick(TEST_TEMPLATES, rng), identity, "", sentiment(label, 0, rng));
            out.add(new Example(text, label, female, identity));
        }
        return out;
    }

    /** The texts of {@code examples}. */
    public static List<String> texts(List<Example> examples) {
        return examples.stream().map(Example::text).toList();
    }

    /** The labels of {@code examples}. */
    public static int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }

    private static String sentiment(int label, double noise, SplittableRandom rng) {
        boolean negative = (label == 1) != (rng.nextDouble() < noise);
        return pick(negative ? NEGATIVE_WORDS : POSITIVE_WORDS, rng);
    }

    private static String fill(String template, String identity, String topic, String sentiment) {
        String s = template.replace("{P}", identity).replace("{T}", topic).replace("{S}", sentiment);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> T pick(List<T> list, SplittableRandom rng) {
        return list.get(rng.nextInt(list.size()));
    }
}
