package org.rai4j.core;

import java.util.List;

/**
 * A user's data file cannot be used as asked. Carries every problem found (up to a cap), each naming
 * file, line, column and what was expected. The message lists them one per line.
 */
public final class DataFileException extends Exception {
    private static final long serialVersionUID = 1L;
    /** How many problems are listed in the message before the rest are counted. */
    public static final int MAX_LISTED = 20;

    private final List<DataProblem> problems;
    private final long totalProblems;

    /** A single problem. */
    public DataFileException(DataProblem problem) {
        this(List.of(problem), 1);
    }

    /**
     * Several problems.
     *
     * @param problems      the problems to list (at least one)
     * @param totalProblems how many were found in all (may exceed {@code problems.size()})
     */
    public DataFileException(List<DataProblem> problems, long totalProblems) {
        super(render(problems, totalProblems));
        Preconditions.checkArgument(!problems.isEmpty(), "problems must not be empty");
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    /** The problems listed, in file order. */
    public List<DataProblem> problems() {
        return problems;
    }

    /** How many problems were found in all. */
    public long totalProblems() {
        return totalProblems;
    }

    private static String render(List<DataProblem> problems, long total) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(problems.get(i));
        }
        if (total > problems.size()) {
            sb.append("\n… and ").append(total - problems.size()).append(" more problems of this kind");
        }
        return sb.toString();
    }
}
