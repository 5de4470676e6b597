package org.rai4j.bounty;

import org.rai4j.core.DataFileException;
import org.rai4j.core.Hashing;
import org.rai4j.core.Preconditions;
import org.rai4j.core.Table;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A group defined by a predicate in a small, safe, SQL-WHERE-like language (no code is ever
 * executed): comparisons {@code == != < <= > >=}, {@code in (…)}, {@code not in (…)},
 * {@code between … and …} (inclusive), {@code is null}, {@code is not null}, combined with
 * {@code and}, {@code or}, {@code not} and parentheses; values are numbers or quoted strings
 * ({@code 'x'} or {@code "x"}; a doubled quote escapes it); odd column names go in backquotes.
 * Example: {@code age >= 50 and sex == 'Female' and purpose in ('car (new)', 'car (used)')}.
 *
 * <p>Parsing checks every column and value against a {@link DataSchema} and fails with a
 * {@link PredicateException} pointing at the offending token: unknown column, number compared with a
 * categorical column or text with a numeric one, ordering on a categorical column, a category that
 * never occurs. Semantics are two-valued: any comparison with a missing value is false, {@code not}
 * negates, {@code is null} tests for missing. Immutable and thread-safe.
 */
public final class GroupPredicate implements Group {
    private final String text;
    private final PredicateNode root;
    private final DataSchema schema;
    private final Set<String> columns;

    private GroupPredicate(String text, PredicateNode root, DataSchema schema) {
        this.text = text;
        this.root = root;
        this.schema = schema;
        Set<String> cols = new LinkedHashSet<>();
        root.collectColumns(cols);
        this.columns = Collections.unmodifiableSet(cols);
    }

    /**
     * Parses and checks {@code text} against {@code schema}.
     *
     * @throws PredicateException naming the offending token and what was expected
     */
    public static GroupPredicate parse(String text, DataSchema schema) throws PredicateException {
        Preconditions.checkNotNull(text, "predicate");
        Preconditions.checkNotNull(schema, "schema");
        return new GroupPredicate(text, PredicateParser.parse(text, schema), schema);
    }

    /** The predicate as written. */
    public String text() {
        return text;
    }

    /** A canonical, fully parenthesised form (equal for predicates that parse to the same tree). */
    public String canonical() {
        return root.canonical();
    }

    @Override
    public String description() {
        return text;
    }

    @Override
    public String sha256() {
        return Hashing.sha256("predicate:" + canonical());
    }

    @Override
    public Set<String> columns() {
        return columns;
    }

    @Override
    public boolean[] members(Table table) throws DataFileException {
        return root.eval(PredicateColumns.bind(table, schema, columns));
    }

    /**
     * The first part of this predicate that singles out individuals on the public training split
     * ({@link IdentifierCheck}), described for the hunter, or null when there is none.
     */
    String identifierLike(Table train, int minRows) throws DataFileException {
        return IdentifierCheck.find(root, train, PredicateColumns.bind(train, schema, columns), minRows);
    }

    @Override
    public String toString() {
        return text;
    }
}
