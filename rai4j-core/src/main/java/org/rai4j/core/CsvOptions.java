package org.rai4j.core;

import java.util.Set;

/**
 * How a CSV file is read.
 *
 * @param separator     field separator, usually ','
 * @param missingTokens field values that mean "missing" (compared after trimming), e.g. "", "NA", "?"
 * @param maxLevels     a column with more distinct values than this gets no categorical view
 */
public record CsvOptions(char separator, Set<String> missingTokens, int maxLevels) {
    /** Comma-separated; "", "NA" and "?" are missing; up to 10,000 levels per categorical column. */
    public static final CsvOptions DEFAULT = new CsvOptions(',', Set.of("", "NA", "?"), 10_000);

    public CsvOptions {
        Preconditions.checkNotNull(missingTokens, "missingTokens");
        missingTokens = Set.copyOf(missingTokens);
        Preconditions.checkAtLeast(maxLevels, 1, "maxLevels");
        Preconditions.checkArgument(separator != '"' && separator != '\n' && separator != '\r',
                "separator must not be a quote or a line break, got '" + separator + "'");
    }
}
