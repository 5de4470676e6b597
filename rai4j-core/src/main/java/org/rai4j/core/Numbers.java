package org.rai4j.core;

/** Fast, strict parsing of numbers as they appear in data files. */
final class Numbers {
    private Numbers() {}

    /**
     * Parses a decimal number (optional sign, digits, fraction, exponent; also "Infinity"/"NaN" are
     * rejected) and returns {@code NaN} when the text is not a number. Plain integers of up to 15
     * digits take a fast path without {@link Double#parseDouble}.
     */
    static double parseOrNaN(String s) {
        int len = s.length();
        if (len == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
            if (len == 1) {
                return Double.NaN;
            }
        }
        if (len - i <= 15) {
            long value = 0;
            int j = i;
            for (; j < len; j++) {
                char ch = s.charAt(j);
                if (ch < '0' || ch > '9') {
                    break;
                }
                value = value * 10 + (ch - '0');
            }
            if (j == len) {
                return negative ? -value : value;
            }
        }
        // Reject words Double.parseDouble would accept: Infinity, NaN, hex floats, trailing 'd'/'f'.
        for (int j = i; j < len; j++) {
            char ch = s.charAt(j);
            boolean ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '-' || ch == '+';
            if (!ok) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
