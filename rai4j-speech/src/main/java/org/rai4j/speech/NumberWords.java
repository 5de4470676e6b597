package org.rai4j.speech;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out numbers written with digits in English words (American style, no "and"), for the
 * {@link NormalizationStep#NUMBERS_TO_WORDS} step. Pure static functions.
 */
final class NumberWords {
    private NumberWords() {}

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:(st|nd|rd|th)(?![\\p{L}\\p{N}]))?(%)?",
            Pattern.CASE_INSENSITIVE);
    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion", "quadrillion",
            "quintillion"};

    /** {@code text} with every number spelled out, surrounded by spaces. */
    static String spellOut(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String integer = m.group(1).replace(",", "");
            StringBuilder words = new StringBuilder(integerWords(integer));
            if (m.group(2) != null) {
                words.append(" point");
                for (char c : m.group(2).toCharArray()) {
                    words.append(' ').append(SMALL[c - '0']);
                }
            } else if (m.group(3) != null) {
                words = new StringBuilder(ordinal(words.toString()));
            }
            if (m.group(4) != null) {
                words.append(" percent");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(" " + words + " "));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Cardinal words for a digit string; digit by digit when it has a leading zero or more than 18 digits. */
    static String integerWords(String digits) {
        if ((digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 18) {
            StringBuilder sb = new StringBuilder();
            for (char c : digits.toCharArray()) {
                sb.append(sb.length() == 0 ? "" : " ").append(SMALL[c - '0']);
            }
            return sb.toString();
        }
        return cardinal(Long.parseLong(digits));
    }

    /** Cardinal words for {@code 0 <= n < 10^18}. */
    static String cardinal(long n) {
        if (n == 0) {
            return "zero";
        }
        long rest = n;
        int scale = 0;
        String result = "";
        while (rest > 0) {
            int group = (int) (rest % 1000);
            if (group > 0) {
                String g = belowThousand(group) + (scale > 0 ? " " + SCALES[scale] : "");
                result = result.isEmpty() ? g : g + " " + result;
            }
            rest /= 1000;
            scale++;
        }
        return result;
    }

    private static String belowThousand(int n) {
        StringBuilder sb = new StringBuilder();
        if (n >= 100) {
            sb.append(SMALL[n / 100]).append(" hundred");
            n %= 100;
            if (n > 0) {
                sb.append(' ');
            }
        }
        if (n >= 20) {
            sb.append(TENS[n / 10]);
            if (n % 10 > 0) {
                sb.append(' ').append(SMALL[n % 10]);
            }
        } else if (n > 0) {
            sb.append(SMALL[n]);
        }
        return sb.toString();
    }

    /** The ordinal form of cardinal words: "twenty one" → "twenty first". */
    static String ordinal(String cardinalWords) {
        int cut = cardinalWords.lastIndexOf(' ') + 1;
        String head = cardinalWords.substring(0, cut);
        String last = cardinalWords.substring(cut);
        String ord = switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
        return head + ord;
    }
}
