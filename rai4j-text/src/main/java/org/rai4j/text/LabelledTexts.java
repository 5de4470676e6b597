package org.rai4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

/**
 * Texts with binary labels, as read from a CSV file with a header row: the evaluation set of
 * {@link PerturbationEvaluation}.
 *
 * @param texts  the texts, in file order
 * @param labels the labels, 0 or 1
 * @param lines  the file line of each text (the header is line 1)
 * @param source the file name as given
 */
public record LabelledTexts(List<String> texts, int[] labels, long[] lines, String source) {
    /** Copies and checks the arrays. */
    public LabelledTexts {
        texts = List.copyOf(texts);
        labels = labels.clone();
        lines = lines.clone();
        Preconditions.checkArgument(texts.size() == labels.length && labels.length == lines.length,
                "texts, labels and lines must have the same length");
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public long[] lines() {
        return lines.clone();
    }

    /** The number of texts. */
    public int size() {
        return texts.size();
    }

    /**
     * Reads {@code textColumn} and {@code labelColumn} of a CSV file; labels must be 0/1 or true/false, texts
     * present.
     *
     * @throws DataFileException naming file, line and column of every bad value (up to
     *                           {@link DataFileException#MAX_LISTED}), a missing column, or a file without rows
     */
    public static LabelledTexts read(Path data, String textColumn, String labelColumn)
            throws IOException, DataFileException {
        Table t = new CsvTableReader(new CsvOptions(',', java.util.Set.of(), CsvOptions.DEFAULT.maxLevels())).read(data);
        Column text = t.column(textColumn);
        Column label = t.column(labelColumn);
        int n = t.rowCount();
        List<String> texts = new ArrayList<>(n);
        int[] labels = new int[n];
        long[] lines = new long[n];
        List<DataProblem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            String x = text.text(i);
            texts.add(x == null ? "" : x);
            lines[i] = t.line(i);
            Boolean l = BiasAucs.parseLabel(label.text(i));
            String problem = x == null ? "expected a text, found none" : null;
            String column = textColumn;
            if (l == null) {
                problem = "expected 0, 1, true or false, got '" + label.text(i) + "'";
                column = labelColumn;
            } else {
                labels[i] = l ? 1 : 0;
            }
            if (problem != null) {
                total++;
                if (problems.size() < DataFileException.MAX_LISTED) {
                    problems.add(t.problem(i, column, problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(problems, total);
        }
        if (n == 0) {
            throw new DataFileException(new DataProblem(t.source(), 0, null, "the file has no example rows"));
        }
        return new LabelledTexts(texts, labels, lines, t.source());
    }
}
