package org.rai4j.fairness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rai4j.core.Preconditions;

/**
 * One combination of levels (dimension → level, in dimension order) with its row count and status.
 * Immutable.
 *
 * @param levels dimension name → level
 * @param n      number of rows with exactly these levels
 * @param status EMPTY, THIN or OK under the report's minimum count
 */
public record CoverageCell(Map<String, String> levels, long n, CoverageStatus status) {
    public CoverageCell {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        Preconditions.checkAtLeast(n, 0L, "n");
        Preconditions.checkNotNull(status, "status");
    }

    /** {@code accent=gb, noise=babble}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        levels.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
