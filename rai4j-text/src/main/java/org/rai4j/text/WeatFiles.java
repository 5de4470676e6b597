package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
     * How listed words are looked up.
     *
     * @param lowercase   look up the lower-cased word (GloVe's vocabulary is lower-case)
     * @param dropMissing leave out words without a vector (as WEFE does) instead of failing
     */
    public record Lookup(boolean lowercase, boolean dropMissing) {
        /** Exact words; a missing word is an error. */
        public static final Lookup EXACT = new Lookup(false, false);
    }

    /**
     * A WEAT run on files.
     *
     * @param weat    the test
     * @param dropped the listed words left out for want of a vector (as looked up), in list order
     */
    public record Result(WeatResult weat, List<String> dropped) {
        /** Copies the list. */
        public Result {
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * Runs {@link Weat#test} on the vectors of the four lists.
     *
     * @throws DataFileException when a list is malformed, the vectors file is malformed, or (unless dropped) a
     *                           listed word has no vector (every missing word is named)
     */
    public static Result run(Path embeddings, String x, String y, String a, String b, WeatOptions options,
                             Lookup lookup) throws IOException, DataFileException {
        List<List<String>> lists = new ArrayList<>();
        for (String spec : List.of(x, y, a, b)) {
            List<String> l = list(spec);
            lists.add(lookup.lowercase() ? l.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList() : l);
        }
        Set<String> wanted = new HashSet<>();
        lists.forEach(wanted::addAll);
        WordVectors v = WordVectors.read(embeddings, wanted);
        List<String> dropped = new ArrayList<>();
        for (List<String> l : lists) {
            l.stream().filter(w -> !v.contains(w) && !dropped.contains(w)).forEach(dropped::add);
        }
        if (!dropped.isEmpty() && !lookup.dropMissing()) {
            throw new DataFileException(new DataProblem(embeddings.toString(), 0, null, "no vector for "
                    + dropped.size() + " listed word(s): " + String.join(", ", dropped)
                    + " (remove them from the lists, drop them, or use vectors that cover them)"));
        }
        List<List<double[]>> vs = new ArrayList<>();
        String[] names = {x, y, a, b};
        for (int i = 0; i < 4; i++) {
            List<String> kept = lists.get(i).stream().filter(v::contains).toList();
            if (kept.isEmpty()) {
                throw new DataFileException(new DataProblem(embeddings.toString(), 0, null,
                        "no word of " + names[i] + " has a vector"));
            }
            vs.add(v.vectors(kept, names[i]));
        }
        return new Result(Weat.test(vs.get(0), vs.get(1), vs.get(2), vs.get(3), options), dropped);
    }

    /** A list from a file, or a bundled one named {@code weat:NAME}. */
    public static List<String> list(String spec) throws IOException, DataFileException {
        if (spec.startsWith("weat:")) {
            return WeatWordLists.load(spec.substring("weat:".length()));
        }
        return WordLists.read(Path.of(spec));
    }
}
