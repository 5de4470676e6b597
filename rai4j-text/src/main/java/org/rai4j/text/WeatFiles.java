package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;

/**
 * WEAT on files: word lists (one word per line; {@code weat:NAME} names a bundled list, e.g. {@code weat:flowers},
 * see {@link WeatWordLists}) and a word2vec/GloVe text file, of which only the listed words are kept. Words are
 * looked up exactly as listed (GloVe's vocabulary is lower-case).
 */
public final class WeatFiles {
    private WeatFiles() {}

    /**
     * Runs {@link Weat#test} on the vectors of the four lists.
     *
     * @throws DataFileException when a list is malformed, the vectors file is malformed, or a listed word has no
     *                           vector (every missing word is named)
     */
    public static WeatResult run(Path embeddings, String x, String y, String a, String b, WeatOptions options)
            throws IOException, DataFileException {
        List<String> lx = list(x);
        List<String> ly = list(y);
        List<String> la = list(a);
        List<String> lb = list(b);
        Set<String> wanted = new HashSet<>();
        wanted.addAll(lx);
        wanted.addAll(ly);
        wanted.addAll(la);
        wanted.addAll(lb);
        WordVectors v = WordVectors.read(embeddings, wanted);
        List<String> missing = wanted.stream().filter(w -> !v.contains(w)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new DataFileException(new DataProblem(embeddings.toString(), 0, null, "no vector for "
                    + missing.size() + " listed word(s): " + String.join(", ", missing)
                    + " (remove them from the lists or use vectors that cover them)"));
        }
        return Weat.test(v.vectors(lx, x), v.vectors(ly, y), v.vectors(la, a), v.vectors(lb, b), options);
    }

    /** A list from a file, or a bundled one named {@code weat:NAME}. */
    public static List<String> list(String spec) throws IOException, DataFileException {
        if (spec.startsWith("weat:")) {
            return WeatWordLists.load(spec.substring("weat:".length()));
        }
        return WordLists.read(Path.of(spec));
    }
}
