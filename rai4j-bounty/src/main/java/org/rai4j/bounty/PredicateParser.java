package org.rai4j.bounty;

import org.rai4j.bounty.PredicateLexer.Kind;
import org.rai4j.bounty.PredicateLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the group predicate language, checking every column and value against
 * the schema as it goes. Grammar (keywords case-insensitive):
 * <pre>
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | '(' or ')' | column test
 * test    := op value | ['not'] 'in' '(' value (',' value)* ')' | 'between' number 'and' number
 *          | 'is' ['not'] 'null'
 * op      := == | != | &lt; | &lt;= | &gt; | &gt;=        (also = and &lt;&gt;)
 * column  := name | `any name`;   value := number | 'text' | "text"
 * </pre>
 */
final class PredicateParser {
    static final int MAX_LENGTH = 100_000;
    static final int MAX_DEPTH = 100;

    private final String text;
    private final DataSchema schema;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private PredicateParser(String text, DataSchema schema, List<Token> tokens) {
        this.text = text;
        this.schema = schema;
        this.tokens = tokens;
    }

    static PredicateNode parse(String text, DataSchema schema) throws PredicateException {
        if (text.length() > MAX_LENGTH) {
            throw new PredicateException(text.substring(0, 60) + "…", 0, 1,
                    "a predicate may have at most " + MAX_LENGTH + " characters, got " + text.length());
        }
        List<Token> tokens = PredicateLexer.tokenize(text);
        PredicateParser p = new PredicateParser(text, schema, tokens);
        if (tokens.get(0).kind() == Kind.END) {
            throw new PredicateException(text, 0, 1, "the predicate is empty; expected e.g. age >= 50 and sex == 'Female'");
        }
        PredicateNode node = p.or();
        Token t = p.peek();
        if (t.kind() != Kind.END) {
            throw p.error(t, "unexpected '" + t.text() + "'; expected 'and', 'or' or the end of the predicate");
        }
        return node;
    }

    private Token peek() {
        return tokens.get(at);
    }

    /** The next token; the END token is never passed, so every look-ahead after it sees END again. */
    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    private PredicateException error(Token t, String message) {
        return new PredicateException(text, t.pos(), t.kind() == Kind.END ? 1 : t.length(), message);
    }

    private PredicateNode or() throws PredicateException {
        PredicateNode left = and();
        while (peek().isKeyword("or")) {
            next();
            left = new PredicateNode.Or(left, and());
        }
        return left;
    }

    private PredicateNode and() throws PredicateException {
        PredicateNode left = unary();
        while (peek().isKeyword("and")) {
            next();
            left = new PredicateNode.And(left, unary());
        }
        return left;
    }

    private PredicateNode unary() throws PredicateException {
        Token t = next();
        if (++depth > MAX_DEPTH) {
            throw error(t, "the predicate nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (t.isKeyword("not")) {
                return new PredicateNode.Not(unary());
            }
            if (t.kind() == Kind.LPAREN) {
                PredicateNode inner = or();
                Token close = next();
                if (close.kind() != Kind.RPAREN) {
                    throw error(close, "expected ')' to close the '(' at character " + (t.pos() + 1)
                            + (close.kind() == Kind.END ? ", got the end of the predicate" : ", got '" + close.text() + "'"));
                }
                return inner;
            }
            if (t.kind() != Kind.IDENT) {
                throw error(t, t.kind() == Kind.END ? "the predicate ends too early; expected a column name"
                        : "expected a column name, got '" + t.text() + "'");
            }
            return test(t);
        } finally {
            depth--;
        }
    }

    private DataSchema.Feature feature(Token name) throws PredicateException {
        DataSchema.Feature f = schema.feature(name.text());
        if (f == null) {
            List<String> names = schema.names();
            String list = names.size() <= 40 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 40)) + ", … (" + names.size() + " in all)";
            throw error(name, "no column '" + name.text() + "' in the data; expected one of " + list);
        }
        return f;
    }

    private PredicateNode test(Token name) throws PredicateException {
        DataSchema.Feature f = feature(name);
        Token t = next();
        if (t.kind() == Kind.OP) {
            Token v = next();
            if (f.numeric()) {
                return new PredicateNode.NumericCompare(f.name(), t.text(), number(f, v));
            }
            if (!t.text().equals("==") && !t.text().equals("!=")) {
                throw error(t, "operator '" + t.text() + "' needs a numeric column, but '" + f.name()
                        + "' is categorical; use == != or in (…)");
            }
            return new PredicateNode.CategoryIn(f.name(), List.of(category(f, v)), t.text().equals("!="));
        }
        boolean negated = false;
        if (t.isKeyword("not")) {
            negated = true;
            t = next();
            if (!t.isKeyword("in")) {
                throw error(t, "expected 'in' after 'not' here (write 'not (…)' to negate a condition)");
            }
        }
        if (t.isKeyword("in")) {
            Token open = next();
            if (open.kind() != Kind.LPAREN) {
                throw error(open, "expected '(' after 'in'");
            }
            List<Token> values = new ArrayList<>();
            values.add(next());
            while (peek().kind() == Kind.COMMA) {
                next();
                values.add(next());
            }
            Token close = next();
            if (close.kind() != Kind.RPAREN) {
                throw error(close, "expected ',' or ')' in the value list");
            }
            if (f.numeric()) {
                double[] nums = new double[values.size()];
                for (int k = 0; k < nums.length; k++) {
                    nums[k] = number(f, values.get(k));
                }
                return new PredicateNode.NumericIn(f.name(), nums, negated);
            }
            List<String> cats = new ArrayList<>();
            for (Token v : values) {
                cats.add(category(f, v));
            }
            return new PredicateNode.CategoryIn(f.name(), cats, negated);
        }
        if (t.isKeyword("between")) {
            if (!f.numeric()) {
                throw error(t, "'between' needs a numeric column, but '" + f.name() + "' is categorical");
            }
            Token loT = next();
            double lo = number(f, loT);
            Token and = next();
            if (!and.isKeyword("and")) {
                throw error(and, "expected 'and' in 'between … and …'");
            }
            Token hiT = next();
            double hi = number(f, hiT);
            if (lo > hi) {
                throw error(hiT, "'between " + loT.text() + " and " + hiT.text() + "' is empty: the upper bound is below the lower");
            }
            return new PredicateNode.Between(f.name(), lo, hi);
        }
        if (t.isKeyword("is")) {
            Token w = next();
            boolean not = false;
            if (w.isKeyword("not")) {
                not = true;
                w = next();
            }
            if (!w.isKeyword("null")) {
                throw error(w, "expected 'null' after 'is'");
            }
            PredicateNode isNull = new PredicateNode.IsNull(f.name());
            return not ? new PredicateNode.Not(isNull) : isNull;
        }
        throw error(t, t.kind() == Kind.END
                ? "the predicate ends after column '" + f.name() + "'; expected an operator (== != < <= > >= in between is)"
                : "expected an operator (== != < <= > >= in between is) after column '" + f.name() + "', got '" + t.text() + "'");
    }

    private double number(DataSchema.Feature f, Token v) throws PredicateException {
        if (v.kind() == Kind.NUMBER) {
            return Double.parseDouble(v.text());
        }
        if (v.kind() == Kind.STRING) {
            throw error(v, "column '" + f.name() + "' is numeric; compare it with a number without quotes, got '" + v.text() + "'");
        }
        throw error(v, v.kind() == Kind.END ? "the predicate ends too early; expected a number"
                : "expected a number, got '" + v.text() + "'");
    }

    private String category(DataSchema.Feature f, Token v) throws PredicateException {
        if (v.kind() == Kind.NUMBER || v.kind() == Kind.IDENT) {
            throw error(v, "column '" + f.name() + "' is categorical; quote the value, e.g. '"
                    + (f.levels().isEmpty() ? "value" : f.levels().get(0)) + "', got " + v.text());
        }
        if (v.kind() != Kind.STRING) {
            throw error(v, v.kind() == Kind.END ? "the predicate ends too early; expected a quoted value"
                    : "expected a quoted value, got '" + v.text() + "'");
        }
        if (!f.levels().contains(v.text())) {
            List<String> levels = f.levels();
            String list = levels.size() <= 30 ? String.join(", ", levels)
                    : String.join(", ", levels.subList(0, 30)) + ", … (" + levels.size() + " in all)";
            throw error(v, "'" + v.text() + "' never occurs in column '" + f.name() + "'; its values are " + list);
        }
        return v.text();
    }
}
