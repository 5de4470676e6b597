package org.rai4j.core;

/**
 * One problem found in a user's data file: where it is and what was expected there.
 *
 * @param file     the file name as the user gave it
 * @param line     1-based line number in the file (the header is line 1), or 0 when the problem
 *                 concerns the file as a whole
 * @param column   the column name, or null when the problem is not about one column
 * @param message  what was expected and what was found, e.g. {@code expected 0 or 1, got 'yes'}
 */
public record DataProblem(String file, long line, String column, String message) {

    /** Renders as {@code data.csv:118: column 'y_pred': expected 0 or 1, got 'yes'}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        return sb.append(message).toString();
    }
}
