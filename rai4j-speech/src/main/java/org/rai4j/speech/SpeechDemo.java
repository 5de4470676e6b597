package org.rai4j.speech;

import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;
import org.rai4j.fairness.Adjustment;
import org.rai4j.fairness.AuditSpec;
import org.rai4j.fairness.ComparisonResult;
import org.rai4j.fairness.ComparisonSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The speech demo's data and use cases, shared by {@code rai4j demo speech} and the server's demo: the bundled
 * synthetic speech audit (data/speech/utterances.csv, copied into the rai4j-speech jar by the build), its
 * description, and the differential effect of one acoustic condition against clean speech across accents.
 */
public final class SpeechDemo {
    /** Minimum group size of the demo's audits, in speakers (the audits resample whole speakers). */
    public static final int MIN_CLUSTERS = 2;
    /** Where the data comes from, as its tables name it. */
    public static final String SOURCE = "data/speech/utterances.csv";

    private SpeechDemo() {}

    /**
     * The bundled utterances (reference, hypothesis, speaker, voice, accent, condition, asr, …); empty fields are missing.
     *
     * @throws IllegalStateException when the file is missing from the rai4j-speech jar or unreadable (a build defect)
     */
    public static Table load() {
        try (InputStream in = SpeechDemo.class.getResourceAsStream("data/utterances.csv")) {
            if (in == null) {
                throw new IllegalStateException("the bundled speech data is missing from the rai4j-speech jar; rebuild with "
                        + "data/speech/utterances.csv present");
            }
            return new CsvTableReader(new CsvOptions(',', Set.of(""), CsvOptions.DEFAULT.maxLevels())).read(in, SOURCE, bytes -> { });
        } catch (IOException | DataFileException e) {
            throw new IllegalStateException("could not read the bundled speech data: " + e.getMessage(), e);
        }
    }

    /**
     * What a speech table holds: distinct speakers, voices, accents and conditions, and the recognisers.
     *
     * @param sha256     the table's checksum
     * @param utterances rows
     * @param speakers   distinct speakers
     * @param voices     distinct voices
     * @param accents    distinct accents
     * @param conditions distinct conditions
     * @param asr        the recognisers, in order of appearance
     */
    public record Description(String sha256, int utterances, int speakers, int voices, int accents, int conditions,
                              List<String> asr) {
        /** Copies the list. */
        public Description {
            asr = List.copyOf(asr);
        }
    }

    /** Describes {@code t}; fails naming the column when one of speaker, voice, accent, condition, asr is missing. */
    public static Description describe(Table t) throws DataFileException {
        return new Description(t.sha256(), t.rowCount(), distinct(t, "speaker").size(), distinct(t, "voice").size(),
                distinct(t, "accent").size(), distinct(t, "condition").size(), new ArrayList<>(distinct(t, "asr")));
    }

    /** The first condition whose name starts with {@code hospital}, or {@code null} when there is none. */
    public static String hospitalCondition(Table t) throws DataFileException {
        for (String c : distinct(t, "condition")) {
            if (c.startsWith("hospital")) {
                return c;
            }
        }
        return null;
    }

    /**
     * The effect of condition {@code target} against clean speech by accent: the clean rows are the baseline
     * audit, the {@code target} rows the candidate (WER by accent, speaker clusters, at least
     * {@link #MIN_CLUSTERS} speakers), compared by {@link SpeechAudit#compare} (Holm, 95%).
     *
     * @throws IllegalArgumentException when {@code target} is clean or absent, or there are no clean rows
     *                                  (the message lists the conditions present)
     */
    public static ComparisonResult conditionEffect(Table table, TextNormalizer normalizer, String target, int bootstrap,
                                                   long seed) throws DataFileException {
        checkCondition(table, target);
        List<String> conditions = texts(table.column("condition"));
        AuditSpec byAccent = SpeechAudit.spec("reference", "hypothesis", List.of("accent"), MIN_CLUSTERS, 0.95, 0, seed);
        SpeechAudit.Result base = SpeechAudit.run(table.select(rowsWith(conditions, "clean")), byAccent, normalizer, "speaker",
                b -> { });
        SpeechAudit.Result cand = SpeechAudit.run(table.select(rowsWith(conditions, target)), byAccent, normalizer, "speaker",
                b -> { });
        return SpeechAudit.compare(base, cand, new ComparisonSpec("wer", null, null, 0.95, bootstrap, seed, Adjustment.HOLM));
    }

    /**
     * Checks that {@code target} can be compared with clean speech in {@code table}.
     *
     * @throws IllegalArgumentException when {@code target} is clean or absent, or there are no clean rows (the message
     *                                  lists the conditions present)
     */
    public static void checkCondition(Table table, String target) throws DataFileException {
        LinkedHashSet<String> conditions = distinct(table, "condition");
        if (!conditions.contains(target) || !conditions.contains("clean") || target.equals("clean")) {
            throw new IllegalArgumentException("the data has conditions " + String.join(", ", conditions)
                    + "; expected one of them other than clean, got '" + target + "'");
        }
    }

    private static int[] rowsWith(List<String> values, String value) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            if (values.get(r).equals(value)) {
                rows.add(r);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static LinkedHashSet<String> distinct(Table t, String column) throws DataFileException {
        return new LinkedHashSet<>(texts(t.column(column)));
    }

    private static List<String> texts(Column c) {
        List<String> out = new ArrayList<>(c.size());
        for (int r = 0; r < c.size(); r++) {
            out.add(c.text(r));
        }
        return out;
    }
}
