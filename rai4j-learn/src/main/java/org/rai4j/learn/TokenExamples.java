package org.rai4j.learn;

import org.rai4j.core.Preconditions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Examples that are bags of token ids in [0, vocabulary) — the input of an embedding-bag text classifier.
 * Token ids of all examples are stored back to back; {@code offsets[i] … offsets[i+1]} delimit example i.
 * Also keeps, per example, {@code Σ_v (n_v/T)²} over its distinct tokens v (n_v occurrences among T
 * tokens), which the per-example gradient norm of a mean-pooled embedding needs. Immutable.
 */
public final class TokenExamples implements Examples {
    final int[] tokens;
    final int[] offsets;
    final int[] labels;
    final double[] sumSquaredFrequencies;
    private final int classes;
    private final int vocabulary;

    private TokenExamples(int[] tokens, int[] offsets, int[] labels, int classes, int vocabulary) {
        Preconditions.checkArgument(classes >= 2, "need at least 2 classes, got " + classes);
        Preconditions.checkArgument(vocabulary >= 1, "vocabulary must be >= 1, got " + vocabulary);
        Preconditions.checkArgument(offsets.length == labels.length + 1 && offsets[0] == 0
                        && offsets[offsets.length - 1] == tokens.length,
                "offsets must run from 0 to the number of tokens, one more than the number of labels");
        for (int t : tokens) {
            Preconditions.checkArgument(t >= 0 && t < vocabulary, "token ids must be in [0, " + vocabulary + "), got " + t);
        }
        for (int i = 0; i < labels.length; i++) {
            Preconditions.checkArgument(offsets[i + 1] >= offsets[i], "offsets must not decrease (at example " + i + ")");
            Preconditions.checkArgument(labels[i] >= 0 && labels[i] < classes,
                    "label of example " + i + " must be in [0, " + classes + "), got " + labels[i]);
        }
        this.tokens = tokens;
        this.offsets = offsets;
        this.labels = labels;
        this.classes = classes;
        this.vocabulary = vocabulary;
        this.sumSquaredFrequencies = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int[] bag = Arrays.copyOfRange(tokens, offsets[i], offsets[i + 1]);
            Arrays.sort(bag);
            double t = bag.length;
            double s = 0;
            for (int a = 0; a < bag.length; ) {
                int b = a;
                while (b < bag.length && bag[b] == bag[a]) {
                    b++;
                }
                double f = (b - a) / t;
                s += f * f;
                a = b;
            }
            sumSquaredFrequencies[i] = s;
        }
    }

    /** Examples from token-id bags (copied). */
    public static TokenExamples of(int[][] bags, int[] labels, int classes, int vocabulary) {
        int total = 0;
        for (int[] b : bags) {
            total += b.length;
        }
        int[] tokens = new int[total];
        int[] offsets = new int[bags.length + 1];
        int at = 0;
        for (int i = 0; i < bags.length; i++) {
            System.arraycopy(bags[i], 0, tokens, at, bags[i].length);
            at += bags[i].length;
            offsets[i + 1] = at;
        }
        return new TokenExamples(tokens, offsets, labels.clone(), classes, vocabulary);
    }

    /**
     * Examples from raw texts by the hashing trick: lower-cased words (runs of letters or digits) are
     * mapped to {@code buckets} ids by FNV-1a of their UTF-8 bytes. The mapping does not depend on the
     * data, so it leaks nothing about the training set (unlike a vocabulary built from it).
     */
    public static TokenExamples hashed(List<String> texts, int[] labels, int classes, int buckets) {
        Preconditions.checkArgument(texts.size() == labels.length, "need one label per text: " + labels.length + " for " + texts.size());
        int[][] bags = new int[texts.size()][];
        for (int i = 0; i < bags.length; i++) {
            bags[i] = hashTokens(texts.get(i), buckets);
        }
        return of(bags, labels, classes, buckets);
    }

    /** The token ids of one text under the hashing trick (see {@link #hashed}). */
    public static int[] hashTokens(String text, int buckets) {
        List<Integer> ids = new ArrayList<>();
        if (text != null) {
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
                if (!w.isEmpty()) {
                    int h = 0x811C9DC5;
                    for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
                        h ^= b & 0xFF;
                        h *= 0x01000193;
                    }
                    ids.add(Math.floorMod(h, buckets));
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int label(int row) {
        return labels[row];
    }

    /** Number of distinct token ids (the embedding table's rows). */
    public int vocabulary() {
        return vocabulary;
    }

    /** The token ids of example {@code row} (a copy). */
    public int[] bag(int row) {
        return Arrays.copyOfRange(tokens, offsets[row], offsets[row + 1]);
    }

    /** The examples at the given rows, in that order. */
    public TokenExamples select(int[] rowIndices) {
        int[][] bags = new int[rowIndices.length][];
        int[] lab = new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            bags[i] = bag(rowIndices[i]);
            lab[i] = labels[rowIndices[i]];
        }
        return of(bags, lab, classes, vocabulary);
    }
}
