package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Seeds;

/**
 * CEAT (Guo &amp; Caliskan 2021) on a corpus and a sentence encoder: the contextual embeddings of a word are taken from
 * the corpus sentences that contain it (whole word, case-insensitive), and {@link Ceat#run} samples one per word per
 * draw and combines the draws' WEAT effect sizes by a random-effects meta-analysis.
 *
 * <p><b>Sentence-level contexts.</b> rai4j's encoders ({@link SentenceEncoder}) return one vector per sentence, not
 * per token, so a word's contextual embedding here is the vector of the whole sentence containing it — CEAT's
 * sampling design over the contexts a word occurs in, with sentence vectors in place of the paper's token vectors
 * (which come from the word's position inside the model). Consequently a sentence that contains two listed words
 * gives them the same vector; a corpus for this test should hold one listed word per sentence.
 *
 * <p>A word with more than {@code maxContexts} sentences keeps a uniformly drawn subset of that many (from
 * {@code Seeds.derive(seed, -1 - wordIndex)}); each distinct sentence is encoded once. Words without any context are
 * left out and reported; a set left empty is an error. Thread-safe if the encoder is.
 */
public final class ContextualCeat {
    private ContextualCeat() {}

    /**
     * The outcome.
     *
     * @param ceat      the draws and their meta-analysis (CES = {@code ceat.meta().estimate()})
     * @param encoder   the encoder's name
     * @param sentences the corpus's sentences (non-blank lines)
     * @param encoded   the distinct sentences encoded
     * @param contexts  per list (X, Y, A, B) and word: the number of sentences used as its contexts (words without
     *                  context included, with 0)
     * @param missing   the listed words without any context, in list order
     */
    public record Result(Ceat.Result ceat, String encoder, int sentences, int encoded,
                         Map<String, Map<String, Integer>> contexts, List<String> missing) {
        /** Copies the collections. */
        public Result {
            Map<String, Map<String, Integer>> c = new LinkedHashMap<>();
            contexts.forEach((k, v) -> c.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            contexts = java.util.Collections.unmodifiableMap(c);
            missing = List.copyOf(missing);
        }
    }

    /**
     * Runs CEAT.
     *
     * @param corpus      the sentences (blank ones are skipped)
     * @param draws       N ≥ 2 draws
     * @param maxContexts at most this many sentences per word (≥ 1)
     * @throws IllegalArgumentException when a list is left without any word that has a context
     */
    public static Result run(SentenceEncoder encoder, List<String> x, List<String> y, List<String> a, List<String> b,
                             List<String> corpus, int draws, int maxContexts, long seed) {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(corpus, "corpus");
        Preconditions.checkAtLeast(draws, 2, "draws");
        Preconditions.checkAtLeast(maxContexts, 1, "maxContexts");
        List<String> sentences = corpus.stream().filter(s -> s != null && !s.isBlank()).toList();
        String[] names = {"X", "Y", "A", "B"};
        List<List<String>> lists = List.of(x, y, a, b);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<List<int[]>> chosen = new ArrayList<>(); // per list, per kept word: its sentence indices
        int wordIndex = 0;
        for (int l = 0; l < 4; l++) {
            List<String> words = Preconditions.checkNotNull(lists.get(l), names[l]);
            Preconditions.checkArgument(!words.isEmpty(), names[l] + " must hold at least one word");
            Map<String, Integer> c = new LinkedHashMap<>();
            List<int[]> kept = new ArrayList<>();
            for (String w : words) {
                int[] found = occurrences(w, sentences);
                int[] use = sample(found, maxContexts, Seeds.derive(seed, -1 - wordIndex++));
                c.put(w, use.length);
                if (use.length == 0) {
                    missing.add(w);
                } else {
                    kept.add(use);
                }
            }
            Preconditions.checkArgument(!kept.isEmpty(), names[l] + ": none of its words occurs in the corpus ("
                    + String.join(", ", words) + ")");
            counts.put(names[l], c);
            chosen.add(kept);
        }
        Map<Integer, double[]> vectors = encode(encoder, sentences, chosen);
        List<List<List<double[]>>> sets = new ArrayList<>();
        for (List<int[]> kept : chosen) {
            List<List<double[]>> set = new ArrayList<>();
            for (int[] use : kept) {
                List<double[]> occ = new ArrayList<>(use.length);
                for (int s : use) {
                    occ.add(vectors.get(s));
                }
                set.add(occ);
            }
            sets.add(set);
        }
        Ceat.Result r = Ceat.run(sets.get(0), sets.get(1), sets.get(2), sets.get(3), draws, seed);
        return new Result(r, encoder.name(), sentences.size(), vectors.size(), counts, missing);
    }

    /**
     * The non-blank lines of a corpus file (UTF-8, one sentence per line), stripped.
     *
     * @throws DataFileException naming the file when it is missing or holds no sentence
     */
    public static List<String> readCorpus(Path file) throws IOException, DataFileException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null,
                    "no such file (expected a corpus: one sentence per line)"));
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        if (out.isEmpty()) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null, "the corpus holds no sentence"));
        }
        return out;
    }

    /** The indices of the sentences containing {@code word} as a whole word, case-insensitively. */
    static int[] occurrences(String word, List<String> sentences) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return java.util.stream.IntStream.range(0, sentences.size()).filter(i -> p.matcher(sentences.get(i)).find())
                .toArray();
    }

    private static int[] sample(int[] found, int max, long seed) {
        if (found.length <= max) {
            return found;
        }
        int[] f = found.clone();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(f.length - i);
            int t = f[i];
            f[i] = f[j];
            f[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(f, max);
        java.util.Arrays.sort(out);
        return out;
    }

    private static Map<Integer, double[]> encode(SentenceEncoder encoder, List<String> sentences,
                                                 List<List<int[]>> chosen) {
        java.util.TreeSet<Integer> needed = new java.util.TreeSet<>();
        chosen.forEach(set -> set.forEach(use -> {
            for (int s : use) {
                needed.add(s);
            }
        }));
        List<Integer> order = new ArrayList<>(needed);
        List<float[]> vs = encoder.encodeAll(order.stream().map(sentences::get).toList());
        Map<Integer, double[]> out = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            float[] v = vs.get(i);
            double[] d = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                d[j] = v[j];
            }
            out.put(order.get(i), d);
        }
        return out;
    }
}
