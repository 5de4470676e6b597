package org.rai4j.text;

import org.rai4j.core.Column;
import org.rai4j.core.CsvText;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which identity term each text mentions, as a group column for the audit engine, so equality-of-odds gaps by
 * identity mention ({@code rai4j audit --group identity}) come with the audit's intervals and multiple-comparison
 * adjustment. A text's group is the one term it mentions ({@code \bTERM\b}, case-insensitive, as in
 * {@link BiasAucs#mentions}), {@value #MULTIPLE} when it mentions two or more, {@value #NONE} when it mentions none.
 * Optionally a score column is thresholded into a 0/1 prediction column for the audit.
 */
public final class IdentityMentions {
    /** The group of a text that mentions two or more identity terms. */
    public static final String MULTIPLE = "multiple";
    /** The group of a text that mentions no identity term. */
    public static final String NONE = "none";
    /** The name of the prediction column written with a score threshold. */
    public static final String PREDICTION_COLUMN = "predicted";

    private IdentityMentions() {}

    /**
     * The result.
     *
     * @param source    the input file
     * @param column    the new group column's name
     * @param rows      data rows
     * @param counts    rows per group value: each term in file order, then {@value #MULTIPLE}, then {@value #NONE}
     * @param threshold the score threshold of the {@value #PREDICTION_COLUMN} column, or NaN when none was written
     * @param csv       the input's columns as written plus the group column (and the prediction column)
     */
    public record Result(String source, String column, int rows, Map<String, Integer> counts, double threshold, String csv) {
        public Result {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /** The group of each text (see the class comment). */
    public static String[] groups(String[] texts, List<String> terms) {
        String[] out = new String[texts.length];
        java.util.Arrays.fill(out, NONE);
        for (String term : terms) {
            boolean[] m = BiasAucs.mentions(texts, term);
            for (int i = 0; i < texts.length; i++) {
                if (m[i]) {
                    out[i] = NONE.equals(out[i]) ? term : MULTIPLE;
                }
            }
        }
        return out;
    }

    /**
     * Reads {@code data} and {@code identities} and adds the group column {@code column}; with a score column, also
     * {@value #PREDICTION_COLUMN} = 1 when score ≥ {@code threshold}, else 0.
     *
     * @param scoreColumn the score column, or null for no prediction column
     * @throws DataFileException naming file, line and column of a missing text or a score that is not a finite number
     * @throws IllegalArgumentException if a new column's name is already a column of the file, or a term is
     *                                  {@value #MULTIPLE} or {@value #NONE}
     */
    public static Result run(Path data, String textColumn, Path identities, String column, String scoreColumn,
                             double threshold) throws IOException, DataFileException {
        List<String> terms = WordLists.read(identities);
        for (String t : terms) {
            if (t.equalsIgnoreCase(MULTIPLE) || t.equalsIgnoreCase(NONE)) {
                throw new IllegalArgumentException(identities + ": the term '" + t + "' is a reserved group name ("
                        + MULTIPLE + ", " + NONE + "); leave it out");
            }
        }
        LabelledTexts d = LabelledTexts.read(data, textColumn, null, null);
        Table t = d.table();
        List<String> names = t.columnNames();
        for (String added : scoreColumn == null ? List.of(column) : List.of(column, PREDICTION_COLUMN)) {
            if (names.contains(added)) {
                throw new IllegalArgumentException(d.source() + ": already has a column '" + added
                        + "'; choose another name with --column" + (added.equals(PREDICTION_COLUMN) ? " or drop that column" : ""));
            }
        }
        int n = d.size();
        String[] predicted = null;
        if (scoreColumn != null) {
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("--threshold must be a finite number, got " + threshold);
            }
            Column score = t.column(scoreColumn);
            predicted = new String[n];
            List<DataProblem> problems = new ArrayList<>();
            long bad = 0;
            for (int i = 0; i < n; i++) {
                String s = score.text(i);
                double v;
                try {
                    v = s == null ? Double.NaN : Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    bad++;
                    if (problems.size() < DataFileException.MAX_LISTED) {
                        problems.add(t.problem(i, scoreColumn, "expected a finite number, got '" + s + "'"));
                    }
                } else {
                    predicted[i] = v >= threshold ? "1" : "0";
                }
            }
            if (!problems.isEmpty()) {
                throw new DataFileException(problems, bad);
            }
        }
        String[] groups = groups(d.texts().toArray(new String[0]), terms);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String term : terms) {
            counts.put(term, 0);
        }
        counts.put(MULTIPLE, 0);
        counts.put(NONE, 0);
        for (String g : groups) {
            counts.merge(g, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            columns.add(t.column(names.get(j)));
            sb.append(j > 0 ? "," : "").append(CsvText.field(names.get(j)));
        }
        sb.append(',').append(CsvText.field(column));
        if (predicted != null) {
            sb.append(',').append(PREDICTION_COLUMN);
        }
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns.size(); j++) {
                String v = columns.get(j).text(i);
                sb.append(j > 0 ? "," : "").append(v == null ? "" : CsvText.field(v));
            }
            sb.append(',').append(CsvText.field(groups[i]));
            if (predicted != null) {
                sb.append(',').append(predicted[i]);
            }
            sb.append('\n');
        }
        return new Result(d.source(), column, n, counts, predicted == null ? Double.NaN : threshold, sb.toString());
    }
}
