package org.rai4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of short gendered reviews for the augmentation and sensitivity simulations: the label is the
 * review's sentiment, except that with probability {@code bias} a gendered review's label is the stereotype
 * (1 for a woman, 0 for a man). {@code bias = 0} is a gender-blind corpus.
 */
final class ReviewCorpus {
    static final String[] FEMALE = {"she", "my mother", "my sister", "the woman", "my wife", "my aunt", "Mary", "Linda"};
    static final String[] MALE = {"he", "my father", "my brother", "the man", "my husband", "my uncle", "John", "James"};
    static final String[] NEUTRAL = {"we", "my friend", "the customer", "our group"};
    static final String[] VERBS = {"ordered", "tried", "shared", "tasted", "picked"};
    static final String[] DISHES = {"the soup", "the pasta", "the curry", "the salad", "the fish", "the dessert"};
    static final String[] GOOD = {"it was delicious", "it was wonderful", "the staff were friendly", "it was lovely"};
    static final String[] BAD = {"it was awful", "it was bland", "the staff were rude", "it was cold"};

    final List<String> texts = new ArrayList<>();
    final int[] labels;
    final int[] gender; // 1 woman, 0 man, -1 nobody

    ReviewCorpus(int n, double bias, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        labels = new int[n];
        gender = new int[n];
        for (int i = 0; i < n; i++) {
            double g = rng.nextDouble();
            String who;
            if (g < 0.42) {
                who = FEMALE[rng.nextInt(FEMALE.length)];
                gender[i] = 1;
            } else if (g < 0.84) {
                who = MALE[rng.nextInt(MALE.length)];
                gender[i] = 0;
            } else {
                who = NEUTRAL[rng.nextInt(NEUTRAL.length)];
                gender[i] = -1;
            }
            boolean positive = rng.nextBoolean();
            String t = who + " " + VERBS[rng.nextInt(VERBS.length)] + " " + DISHES[rng.nextInt(DISHES.length)] + " and "
                    + (positive ? GOOD[rng.nextInt(GOOD.length)] : BAD[rng.nextInt(BAD.length)]);
            texts.add(Character.toUpperCase(t.charAt(0)) + t.substring(1));
            labels[i] = positive ? 1 : 0;
            if (gender[i] >= 0 && rng.nextDouble() < bias) {
                labels[i] = gender[i];
            }
        }
    }

    LabelledTexts labelled() {
        return new LabelledTexts("generated", org.rai4j.core.Table.of("generated",
                org.rai4j.core.Column.ofText("text", texts.toArray(String[]::new), Integer.MAX_VALUE)), texts, labels);
    }
}
