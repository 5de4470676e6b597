package org.rai4j.bounty;

import java.util.ArrayList;
import java.util.List;

/** Splits a group predicate into tokens, remembering each token's offset for error messages. */
final class PredicateLexer {
    enum Kind { IDENT, NUMBER, STRING, OP, LPAREN, RPAREN, COMMA, KEYWORD, END }

    record Token(Kind kind, String text, int pos, int length) {
        boolean is(Kind k, String t) {
            return kind == k && text.equals(t);
        }

        boolean isKeyword(String word) {
            return is(Kind.KEYWORD, word);
        }
    }

    static final java.util.Set<String> KEYWORDS =
            java.util.Set.of("and", "or", "not", "in", "between", "is", "null");

    private PredicateLexer() {}

    static List<Token> tokenize(String s) throws PredicateException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i, 1));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i, 1));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i, 1));
                i++;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<>")) {
                    out.add(new Token(Kind.OP, two.equals("<>") ? "!=" : two, i, 2));
                    i += 2;
                } else if (c == '<' || c == '>' || c == '=') {
                    out.add(new Token(Kind.OP, c == '=' ? "==" : String.valueOf(c), i, 1));
                    i++;
                } else {
                    throw new PredicateException(s, i, 1, "unexpected '!'; did you mean '!='?");
                }
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) { // doubled quote = literal quote
                            sb.append(c);
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                if (!closed) {
                    throw new PredicateException(s, start, n - start, "unterminated string; close it with " + c);
                }
                out.add(new Token(Kind.STRING, sb.toString(), start, i - start));
            } else if (c == '`') {
                int start = i;
                int end = s.indexOf('`', i + 1);
                if (end < 0) {
                    throw new PredicateException(s, start, n - start, "unterminated `quoted column name`");
                }
                out.add(new Token(Kind.IDENT, s.substring(i + 1, end), start, end + 1 - start));
                i = end + 1;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < n
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                int start = i;
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    boolean expSign = (d == '-' || d == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E');
                    if (Character.isDigit(d) || d == '.' || d == 'e' || d == 'E' || expSign) {
                        i++;
                    } else {
                        break;
                    }
                }
                String text = s.substring(start, i);
                try {
                    double v = Double.parseDouble(text);
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new PredicateException(s, start, i - start, "'" + text + "' is not a number");
                }
                out.add(new Token(Kind.NUMBER, text, start, i - start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '-' || s.charAt(i) == '.')) {
                    i++;
                }
                String word = s.substring(start, i);
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (KEYWORDS.contains(lower)) {
                    out.add(new Token(Kind.KEYWORD, lower, start, i - start));
                } else {
                    out.add(new Token(Kind.IDENT, word, start, i - start));
                }
            } else {
                throw new PredicateException(s, i, 1, "unexpected character '" + c + "'; expected a column, a value, "
                        + "an operator (== != < <= > >= in between is null) or and/or/not/parentheses");
            }
        }
        out.add(new Token(Kind.END, "", n, 1));
        return out;
    }
}
