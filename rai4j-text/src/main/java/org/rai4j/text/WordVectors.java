package org.rai4j.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;

/**
 * Word vectors read from a word2vec or GloVe text file: one word per line followed by its components separated by
 * spaces; word2vec's optional first line {@code "<count> <dimension>"} is recognised and checked. Only the words
 * asked for are kept, so multi-gigabyte files cost one pass and little memory. Immutable; thread-safe.
 */
public final class WordVectors {
    private final Map<String, double[]> vectors;
    private final int dimension;

    private WordVectors(Map<String, double[]> vectors, int dimension) {
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /**
     * Reads the vectors of {@code wanted} from {@code file} (all words when {@code wanted} is null).
     *
     * @throws DataFileException naming file and line when a line is malformed or dimensions disagree
     */
    public static WordVectors read(Path file, Set<String> wanted) throws IOException, DataFileException {
        String name = file.toString();
        Map<String, double[]> out = new HashMap<>();
        int dim = -1;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] f = trimmed.split(" +");
                if (no == 1 && f.length == 2 && isCount(f[0]) && isCount(f[1])) {
                    dim = Integer.parseInt(f[1]);
                    continue;
                }
                if (f.length < 2) {
                    throw new DataFileException(new DataProblem(name, no, null,
                            "expected a word followed by its vector components, got '" + abbreviate(trimmed) + "'"));
                }
                if (dim < 0) {
                    dim = f.length - 1;
                } else if (f.length - 1 != dim) {
                    throw new DataFileException(new DataProblem(name, no, null, "word '" + f[0] + "' has "
                            + (f.length - 1) + " components, expected " + dim));
                }
                if (wanted != null && !wanted.contains(f[0])) {
                    continue;
                }
                double[] v = new double[dim];
                for (int j = 0; j < dim; j++) {
                    try {
                        v[j] = Double.parseDouble(f[j + 1]);
                    } catch (NumberFormatException e) {
                        throw new DataFileException(new DataProblem(name, no, null, "word '" + f[0] + "' component "
                                + (j + 1) + ": expected a number, got '" + abbreviate(f[j + 1]) + "'"));
                    }
                }
                out.putIfAbsent(f[0], v);
            }
        }
        if (dim < 0) {
            throw new DataFileException(new DataProblem(name, 0, null, "no word vectors in the file"));
        }
        return new WordVectors(out, dim);
    }

    /** Vectors given in memory (copied). */
    public static WordVectors of(Map<String, double[]> vectors) {
        Preconditions.checkArgument(!vectors.isEmpty(), "vectors must not be empty");
        Map<String, double[]> copy = new HashMap<>();
        int dim = -1;
        for (Map.Entry<String, double[]> e : vectors.entrySet()) {
            if (dim < 0) {
                dim = e.getValue().length;
            }
            Preconditions.checkArgument(e.getValue().length == dim, "word '" + e.getKey() + "' has dimension "
                    + e.getValue().length + ", expected " + dim);
            copy.put(e.getKey(), e.getValue().clone());
        }
        return new WordVectors(copy, dim);
    }

    /** The dimension of the vectors. */
    public int dimension() {
        return dimension;
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return vectors.containsKey(word);
    }

    /** The number of words held. */
    public int size() {
        return vectors.size();
    }

    /**
     * The vectors of {@code words} in order (copies).
     *
     * @param set the set's name for the error message
     * @throws IllegalArgumentException listing every word that has no vector
     */
    public List<double[]> vectors(List<String> words, String set) {
        List<double[]> out = new ArrayList<>(words.size());
        List<String> missing = new ArrayList<>();
        for (String w : words) {
            double[] v = vectors.get(w);
            if (v == null) {
                missing.add(w);
            } else {
                out.add(v.clone());
            }
        }
        Preconditions.checkArgument(missing.isEmpty(), set + ": no vector for " + missing.size() + " of "
                + words.size() + " words: " + String.join(", ", missing));
        return out;
    }

    private static boolean isCount(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
