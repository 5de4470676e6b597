package org.rai4j.fairness;

import org.rai4j.core.Preconditions;

/**
 * How {@link Disparities} picks the reference group of each group column, as Aequitas's
 * {@code ref_groups_method}: the largest group ({@link Method#MAJORITY}), the group with the smallest value of
 * each metric ({@link Method#MIN_METRIC}, so every disparity is ≥ 1), or a named group ({@link Method#PREDEFINED},
 * {@code COL=VALUE}; other group columns then use the majority).
 *
 * @param method how
 * @param column the predefined group's column (PREDEFINED only)
 * @param value  the predefined group's value (PREDEFINED only)
 */
public record ReferenceGroup(Method method, String column, String value) {
    /** Aequitas's reference-group methods. */
    public enum Method {
        /** The group with the most rows. */
        MAJORITY,
        /** Per metric, the group with the smallest value. */
        MIN_METRIC,
        /** A named group. */
        PREDEFINED
    }

    public ReferenceGroup {
        Preconditions.checkNotNull(method, "method");
        Preconditions.checkArgument((method == Method.PREDEFINED) == (column != null && value != null),
                "a predefined reference group needs a column and a value (COL=VALUE)");
    }

    /** Parses {@code majority}, {@code min_metric} or {@code COL=VALUE}. */
    public static ReferenceGroup parse(String text) {
        Preconditions.checkNotNull(text, "reference group");
        String t = text.strip();
        if (t.equals("majority")) {
            return new ReferenceGroup(Method.MAJORITY, null, null);
        }
        if (t.equals("min_metric")) {
            return new ReferenceGroup(Method.MIN_METRIC, null, null);
        }
        int eq = t.indexOf('=');
        Preconditions.checkArgument(eq > 0 && eq < t.length() - 1,
                "--reference-group must be majority, min_metric or COL=VALUE, got '" + text + "'");
        return new ReferenceGroup(Method.PREDEFINED, t.substring(0, eq).strip(), t.substring(eq + 1).strip());
    }

    /** As written on the command line. */
    public String label() {
        return switch (method) {
            case MAJORITY -> "majority";
            case MIN_METRIC -> "min_metric";
            case PREDEFINED -> column + "=" + value;
        };
    }
}
