package org.rai4j.bounty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the group predicate language (lexer, parser, schema checks, evaluation) with arbitrary
 * text against a fixed schema: a predicate either parses and evaluates to one membership flag per
 * row, or fails with {@link PredicateException}; nothing else escapes and no input takes longer than
 * the bound (length and depth limits hold). The corpus starts from the documented examples.
 */
class GroupPredicateFuzzTest {
    /** Generous for a loaded 2-core machine: only pathological (super-linear) paths come near it. */
    static final long BOUND_NANOS = 20_000_000_000L;
    private static final Table TABLE = table();
    private static final DataSchema SCHEMA = schema();

    private static Table table() {
        try {
            return new CsvTableReader().read("""
                    age,sex,job title,income,y
                    67,Female,clerk,1200.5,1
                    23,Male,,NA,0
                    45,Female,'quoted',-3e2,1
                    NA,Male,skilled,0,0
                    """, "fuzz.csv");
        } catch (DataFileException e) {
            throw new AssertionError(e);
        }
    }

    private static DataSchema schema() {
        try {
            return DataSchema.fromTable(TABLE, "y");
        } catch (DataFileException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the target once before any timed input: class loading is not an input's cost. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        new GroupPredicateFuzzTest().check("age > 3 and sex in ('Male')".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
    void parse_anyText_predicateOrPredicateException(byte[] bytes) throws DataFileException {
        long start = System.nanoTime();
        check(bytes);
        assertThat(System.nanoTime() - start).as("nanoseconds for one input").isLessThan(BOUND_NANOS);
    }

    /** One input: the documented outcome or the documented error, nothing else (untimed: the warm-up uses it too). */
    void check(byte[] bytes) throws DataFileException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            GroupPredicate p = GroupPredicate.parse(text, SCHEMA);
            assertThat(p.members(TABLE)).hasSize(TABLE.rowCount());
            GroupPredicate again = GroupPredicate.parse(p.canonical(), SCHEMA);
            assertThat(again.members(TABLE)).as("canonical form of '%s' selects the same rows", text)
                    .isEqualTo(p.members(TABLE));
        } catch (PredicateException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
