package org.rai4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable column of a {@link Table}. A column read from a file carries up to three views of
 * its values, whichever apply:
 * <ul>
 *   <li>numeric ({@link #number(int)}), when every non-missing value parses as a number;</li>
 *   <li>categorical ({@link #code(int)}, {@link #levels()}), dictionary-encoded in order of first
 *       appearance, when it has at most the reader's maximum number of distinct values;</li>
 *   <li>text ({@link #text(int)}) always.</li>
 * </ul>
 * Missing values are {@code NaN} in the numeric view and code {@code -1} in the categorical view.
 * Thread-safe: instances are immutable once built (arrays are never exposed).
 */
public final class Column {
    /** Code of a missing value in the categorical view. */
    public static final int MISSING = -1;

    private final String name;
    private final int size;
    private final double[] numbers;
    private final int[] codes;
    private final List<String> levels;
    private final String[] strings;

    Column(String name, int size, double[] numbers, int[] codes, List<String> levels, String[] strings) {
        this.name = Preconditions.checkNotNull(name, "name");
        this.size = size;
        this.numbers = numbers;
        this.codes = codes;
        this.levels = levels == null ? null : List.copyOf(levels);
        this.strings = strings;
        Preconditions.checkArgument(codes != null || strings != null || numbers != null,
                "column '" + name + "' needs at least one view of its values");
    }

    /** A numeric column; {@code NaN} marks a missing value. Also gets a categorical view when it has few levels. */
    public static Column numeric(String name, double[] values) {
        double[] copy = values.clone();
        String[] text = new String[copy.length];
        for (int i = 0; i < copy.length; i++) {
            text[i] = Double.isNaN(copy[i]) ? null : formatNumber(copy[i]);
        }
        Encoded enc = encode(text, 10_000);
        return new Column(name, copy.length, copy, enc == null ? null : enc.codes, enc == null ? null : enc.levels,
                enc == null ? text : null);
    }

    /** A categorical column from its values; {@code null} marks a missing value. */
    public static Column categorical(String name, String[] values) {
        Encoded enc = encode(values, Integer.MAX_VALUE);
        double[] nums = new double[values.length];
        boolean numeric = true;
        for (int i = 0; i < values.length && numeric; i++) {
            if (values[i] == null) {
                nums[i] = Double.NaN;
            } else {
                nums[i] = Numbers.parseOrNaN(values[i]);
                numeric = !Double.isNaN(nums[i]);
            }
        }
        return new Column(name, values.length, numeric ? nums : null, enc.codes, enc.levels, null);
    }

    /**
     * A column from text values as a CSV reader would type them ({@code null} marks a missing value): a
     * categorical view when it has at most {@code maxLevels} distinct values, a numeric view when every
     * present value is a number, else text.
     */
    public static Column ofText(String name, String[] values, int maxLevels) {
        Encoded enc = encode(values, maxLevels);
        double[] nums = new double[values.length];
        boolean numeric = true;
        for (int i = 0; i < values.length && numeric; i++) {
            if (values[i] == null) {
                nums[i] = Double.NaN;
            } else {
                nums[i] = Numbers.parseOrNaN(values[i]);
                numeric = !Double.isNaN(nums[i]);
            }
        }
        return new Column(name, values.length, numeric ? nums : null, enc == null ? null : enc.codes,
                enc == null ? null : enc.levels, enc == null && !numeric ? values.clone() : null);
    }

    private record Encoded(int[] codes, List<String> levels) {}

    private static Encoded encode(String[] values, int maxLevels) {
        Map<String, Integer> dict = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                codes[i] = MISSING;
                continue;
            }
            Integer code = dict.get(values[i]);
            if (code == null) {
                if (levels.size() >= maxLevels) {
                    return null;
                }
                code = levels.size();
                dict.put(values[i], code);
                levels.add(values[i]);
            }
            codes[i] = code;
        }
        return new Encoded(codes, levels);
    }

    /** Formats a number the way a person would write it: {@code 2} not {@code 2.0}. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The column name as in the header. */
    public String name() {
        return name;
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** True when every non-missing value is a number. */
    public boolean isNumeric() {
        return numbers != null;
    }

    /** True when the column has a categorical (dictionary) view. */
    public boolean isCategorical() {
        return codes != null;
    }

    /** The value at {@code row} as a number ({@code NaN} when missing). Requires {@link #isNumeric()}. */
    public double number(int row) {
        Preconditions.checkState(numbers != null, "column '" + name + "' is not numeric");
        return numbers[row];
    }

    /** The dictionary code at {@code row}, or {@link #MISSING}. Requires {@link #isCategorical()}. */
    public int code(int row) {
        Preconditions.checkState(codes != null, "column '" + name + "' has too many distinct values to be categorical");
        return codes[row];
    }

    /** The distinct non-missing values, in order of first appearance. Requires {@link #isCategorical()}. */
    public List<String> levels() {
        Preconditions.checkState(codes != null, "column '" + name + "' has too many distinct values to be categorical");
        return Collections.unmodifiableList(levels);
    }

    /** True when the value at {@code row} is missing. */
    public boolean isMissing(int row) {
        if (codes != null) {
            return codes[row] == MISSING;
        }
        if (strings != null) {
            return strings[row] == null;
        }
        return Double.isNaN(numbers[row]);
    }

    /** The value at {@code row} as text, or null when missing. */
    public String text(int row) {
        if (codes != null) {
            int c = codes[row];
            return c == MISSING ? null : levels.get(c);
        }
        if (strings != null) {
            return strings[row];
        }
        return Double.isNaN(numbers[row]) ? null : formatNumber(numbers[row]);
    }

    /** A copy of the numeric view. */
    public double[] numbers() {
        Preconditions.checkState(numbers != null, "column '" + name + "' is not numeric");
        return numbers.clone();
    }

    /** A copy of the categorical codes. */
    public int[] codes() {
        Preconditions.checkState(codes != null, "column '" + name + "' has too many distinct values to be categorical");
        return codes.clone();
    }

    /** The rows {@code rows} of this column, in that order, as a new column. */
    public Column select(int[] rows) {
        double[] n = numbers == null ? null : new double[rows.length];
        int[] c = codes == null ? null : new int[rows.length];
        String[] s = strings == null ? null : new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (n != null) {
                n[i] = numbers[r];
            }
            if (c != null) {
                c[i] = codes[r];
            }
            if (s != null) {
                s[i] = strings[r];
            }
        }
        return new Column(name, rows.length, n, c, levels, s);
    }
}
