package org.rai4j.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Preconditions;

/**
 * The Sentence Encoder Association Test (May, Wang, Bordia, Bowman &amp; Rudinger 2019, "On Measuring Social Biases
 * in Sentence Encoders", NAACL): {@link Weat} applied to sentence vectors. Each word of the target lists X, Y and the
 * attribute lists A, B is put into semantically bleached templates ({@link SeatTemplates}), or the lists are whole
 * sentences; every sentence is encoded by a {@link SentenceEncoder}, and the sentence vectors are WEAT's points. The
 * effect size, its divisor and the permutation p-value are WEAT's ({@link WeatOptions}); X and Y need not have the
 * same number of sentences (partitions keep the sizes |X|, |Y|). Thread-safe if the encoder is.
 */
public final class Seat {
    private Seat() {}

    /** SEAT on in-memory lists. */
    public static SeatResult test(SentenceEncoder encoder, List<String> x, List<String> y, List<String> a,
                                  List<String> b, SeatInput input, WeatOptions options) {
        Preconditions.checkNotNull(encoder, "encoder");
        Preconditions.checkNotNull(input, "input");
        Preconditions.checkNotNull(options, "options");
        SeatTemplates templates = input == SeatInput.WORDS ? SeatTemplates.bundled() : null;
        List<List<double[]>> sets = new ArrayList<>(4);
        int[] sizes = new int[4];
        String[] names = {"X", "Y", "A", "B"};
        List<List<String>> lists = List.of(checked(x, "X"), checked(y, "Y"), checked(a, "A"), checked(b, "B"));
        for (int i = 0; i < 4; i++) {
            List<String> sentences = templates == null ? lists.get(i) : templates.sentences(lists.get(i));
            Preconditions.checkArgument(!sentences.isEmpty(), names[i] + " must hold at least one entry");
            sizes[i] = sentences.size();
            sets.add(toDouble(encoder.encodeAll(sentences)));
        }
        WeatResult w = Weat.test(sets.get(0), sets.get(1), sets.get(2), sets.get(3), options);
        return new SeatResult(w, encoder.name(), sizes[2], sizes[3]);
    }

    /**
     * SEAT on lists named as {@link WeatFiles#list} takes them: a file (one entry per line) or a bundled WEAT list
     * {@code weat:NAME}.
     *
     * @throws DataFileException when a list file is malformed
     */
    public static SeatResult run(SentenceEncoder encoder, String x, String y, String a, String b, SeatInput input,
                                 WeatOptions options) throws IOException, DataFileException {
        return test(encoder, WeatFiles.list(x), WeatFiles.list(y), WeatFiles.list(a), WeatFiles.list(b), input, options);
    }

    private static List<String> checked(List<String> l, String name) {
        Preconditions.checkNotNull(l, name);
        Preconditions.checkArgument(!l.isEmpty(), name + " must hold at least one entry");
        return l;
    }

    private static List<double[]> toDouble(List<float[]> vs) {
        List<double[]> out = new ArrayList<>(vs.size());
        for (float[] v : vs) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            out.add(d);
        }
        return out;
    }
}
