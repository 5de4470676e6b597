package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

/**
 * Texts, optionally with binary labels, read from a CSV file with a header row: what {@code rai4j text train},
 * {@code counterfactual}, {@code augment} and {@code sensitivity} read. Every value is read as written (no column is
 * typed: "007" stays "007"); a text must be present; a label is 1/0/true/false, or, when a positive value is named,
 * 1 for that value and 0 for any other present value. Problems name file, line and column.
 *
 * @param source the file name as given
 * @param table  the whole file, every column as written (for tools that copy the other columns)
 * @param texts  the text column, one per row
 * @param labels one 0/1 label per row, or null when no label column was asked for
 */
public record LabelledTexts(String source, Table table, List<String> texts, int[] labels) {
    /** Copies the lists. */
    public LabelledTexts {
        texts = List.copyOf(texts);
        labels = labels == null ? null : labels.clone();
        Preconditions.checkArgument(labels == null || labels.length == texts.size(), "need one label per text");
    }

    @Override
    public int[] labels() {
        return labels == null ? null : labels.clone();
    }

    /** The number of texts. */
    public int size() {
        return texts.size();
    }

    /**
     * Reads {@code data}.
     *
     * @param textColumn    the column holding the text
     * @param labelColumn   the column holding the label, or null for none
     * @param positiveLabel the value of {@code labelColumn} that means 1 (any other present value means 0), or null
     *                      for 1/0/true/false labels
     * @throws DataFileException naming file, line and column of every bad value (up to {@link DataFileException#MAX_LISTED})
     */
    public static LabelledTexts read(Path data, String textColumn, String labelColumn, String positiveLabel)
            throws IOException, DataFileException {
        Table t = new CsvTableReader(new CsvOptions(',', Set.of(), Integer.MAX_VALUE)).read(data);
        Column text = t.column(textColumn);
        Column label = labelColumn == null ? null : t.column(labelColumn);
        int n = t.rowCount();
        List<String> texts = new ArrayList<>(n);
        int[] labels = label == null ? null : new int[n];
        List<DataProblem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            String x = text.text(i);
            if (x == null || x.isEmpty()) {
                total++;
                add(problems, t.problem(i, textColumn, "expected a text, got an empty field"));
            }
            texts.add(x == null ? "" : x);
            if (label != null) {
                String l = label.text(i);
                int v = parseLabel(l, positiveLabel);
                if (v < 0) {
                    total++;
                    add(problems, t.problem(i, labelColumn, positiveLabel == null
                            ? "expected 0, 1, true or false (or name the positive value with --positive-label), got '"
                                    + (l == null ? "" : l) + "'"
                            : "expected a label (the positive one is '" + positiveLabel + "'), got an empty field"));
                } else {
                    labels[i] = v;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total);
        }
        return new LabelledTexts(t.source(), t, texts, labels);
    }

    /** Checks that both labels occur, naming the file and column when one is missing. */
    public LabelledTexts requireBothLabels(String labelColumn) throws DataFileException {
        long ones = Arrays.stream(labels).filter(v -> v == 1).count();
        if (ones == 0 || ones == labels.length) {
            throw new DataFileException(new DataProblem(source, 0, labelColumn, "expected both labels 0 and 1, got only "
                    + (ones == 0 ? 0 : 1) + " in " + labels.length + " rows (with --positive-label, check its spelling)"));
        }
        return this;
    }

    private static void add(List<DataProblem> problems, DataProblem p) {
        if (problems.size() < DataFileException.MAX_LISTED) {
            problems.add(p);
        }
    }

    private static int parseLabel(String s, String positive) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (positive != null) {
            return s.equals(positive) ? 1 : 0;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true" -> 1;
            case "0", "0.0", "false" -> 0;
            default -> -1;
        };
    }
}
