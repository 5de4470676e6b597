package org.rai4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers problems while a whole input is validated, so that every problem is reported at once
 * (capped at {@link DataFileException#MAX_LISTED}). Not thread-safe.
 */
public final class ProblemCollector {
    private final List<DataProblem> problems = new ArrayList<>();
    private long total;

    /** Records one problem. */
    public void add(DataProblem problem) {
        total++;
        if (problems.size() < DataFileException.MAX_LISTED) {
            problems.add(problem);
        }
    }

    /** True when nothing was recorded. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** Throws a {@link DataFileException} listing the problems in line order, if there are any. */
    public void throwIfAny() throws DataFileException {
        if (total > 0) {
            List<DataProblem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparingLong(DataProblem::line));
            throw new DataFileException(sorted, total);
        }
    }
}
