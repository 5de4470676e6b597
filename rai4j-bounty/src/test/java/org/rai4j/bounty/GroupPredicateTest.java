package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rai4j.core.Column;
import org.rai4j.core.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupPredicateTest {
    private static final double NA = Double.NaN;
    private static final Table TABLE = Table.of("t.csv",
            Column.numeric("age", new double[] {25, 40, 61, NA, 70, 33}),
            Column.categorical("sex", new String[] {"Male", "Female", "Female", "Male", null, "Female"}),
            Column.categorical("purpose", new String[] {"car (new)", "radio/tv", "car (new)", "education", "radio/tv", "it's"}),
            Column.numeric("capital-gain", new double[] {0, 0, 500, 0, 1200, 0}));

    private static DataSchema schema() throws Exception {
        return DataSchema.fromTable(TABLE, null);
    }

    private static String members(String predicate) throws Exception {
        boolean[] m = GroupPredicate.parse(predicate, schema()).members(TABLE);
        StringBuilder sb = new StringBuilder();
        for (boolean b : m) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age >= 40|011010",
            "age > 40|001010",
            "age < 40|100001",
            "age <= 40|110001",
            "age == 40|010000",
            "age != 40|101011",
            "age = 40|010000",
            "age <> 40|101011",
            "age between 30 and 61|011001",
            "age in (25, 70)|100010",
            "age not in (25, 70)|011001",
            "age is null|000100",
            "age is not null|111011",
            "not (age < 40)|011110",
            "sex == 'Female'|011001",
            "sex != 'Female'|100100",
            "sex is null|000010",
            "sex == \"Male\" or age > 65|100110",
            "SEX == 'Female' AND age > 50|001000",
            "purpose in ('car (new)', 'education')|101100",
            "purpose not in ('car (new)')|010111",
            "purpose == 'it''s'|000001",
            "`capital-gain` > 0|001010",
            "capital-gain > 0 and not sex is null|001000",
            "(age < 30 or age > 65) and sex == 'Male'|100000",
            "age < 30 or age > 65 and sex == 'Male'|100000",
            "age >= -1e3|111011",
    })
    void members_eachOperator_matchesHandEvaluation(String predicate, String expected) throws Exception {
        assertThat(members(predicate.replace("SEX", "sex").replace("AND", "and"))).isEqualTo(expected);
    }

    @Test
    void parse_keywordsAnyCase_accepted() throws Exception {
        assertThat(members("age BETWEEN 30 AND 61 Or Sex IS NULL".replace("Sex", "sex"))).isEqualTo("011011");
    }

    private static void assertError(String predicate, String message, String caretUnder) {
        assertThatThrownBy(() -> GroupPredicate.parse(predicate, schema()))
                .isInstanceOfSatisfying(PredicateException.class, e -> {
                    assertThat(e.problem()).contains(message);
                    assertThat(predicate.substring(e.position(), Math.min(predicate.length(), e.position() + e.length())))
                            .isEqualTo(caretUnder);
                    assertThat(e.getMessage()).contains(predicate).contains("^");
                });
    }

    @Test
    void parse_unknownColumn_pointsAtIt() {
        assertError("age > 3 and agee < 5", "no column 'agee' in the data; expected one of age, sex, purpose, capital-gain", "agee");
    }

    @Test
    void parse_textComparedWithNumericColumn_pointsAtValue() {
        assertError("age == 'old'", "column 'age' is numeric", "'old'");
    }

    @Test
    void parse_numberComparedWithCategoricalColumn_pointsAtValue() {
        assertError("sex == 1", "column 'sex' is categorical; quote the value", "1");
    }

    @Test
    void parse_orderingOnCategorical_pointsAtOperator() {
        assertError("sex < 'Male'", "operator '<' needs a numeric column", "<");
    }

    @Test
    void parse_unknownCategory_listsValues() {
        assertError("sex == 'Femal'", "'Femal' never occurs in column 'sex'; its values are Female, Male", "'Femal'");
    }

    @Test
    void parse_unbalancedParenthesis_pointsAtEnd() {
        assertThatThrownBy(() -> GroupPredicate.parse("(age > 3", schema()))
                .isInstanceOfSatisfying(PredicateException.class, e -> {
                    assertThat(e.problem()).contains("expected ')'");
                    assertThat(e.position()).isEqualTo(8);
                });
    }

    @Test
    void parse_trailingGarbage_pointsAtIt() {
        assertError("age > 3 age", "expected 'and', 'or' or the end", "age");
    }

    @Test
    void parse_emptyBetween_pointsAtUpperBound() {
        assertError("age between 10 and 5", "is empty", "5");
    }

    @Test
    void parse_codeLikeInput_rejectedNotExecuted() {
        assertError("age > 1; System.exit(1)", "unexpected character ';'", ";");
        assertError("__import__('os')", "no column '__import__'", "__import__");
    }

    @Test
    void parse_unterminatedString_pointsAtIt() {
        assertError("sex == 'Male", "unterminated string", "'Male");
    }

    @Test
    void parse_empty_explains() {
        assertThatThrownBy(() -> GroupPredicate.parse("  ", schema())).hasMessageContaining("the predicate is empty");
    }

    @Test
    void parse_deepNesting_rejected() {
        String deep = "(".repeat(150) + "age > 1" + ")".repeat(150);
        assertThatThrownBy(() -> GroupPredicate.parse(deep, schema())).hasMessageContaining("nests deeper than 100");
    }

    @Test
    void canonical_equivalentSpellings_sameHash() throws Exception {
        GroupPredicate a = GroupPredicate.parse("age>=40 AND sex=='Female'", schema());
        GroupPredicate b = GroupPredicate.parse("(age >= 40) and sex == \"Female\"", schema());
        assertThat(a.canonical()).isEqualTo("(age >= 40 and sex == 'Female')");
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(a.columns()).containsExactly("age", "sex");
    }

    @Test
    void members_numericColumnHoldsTextInOtherTable_failsWithFileAndColumn() throws Exception {
        GroupPredicate p = GroupPredicate.parse("age > 30", schema());
        Table other = Table.of("holdout.csv", Column.categorical("age", new String[] {"old", "young"}));
        assertThatThrownBy(() -> p.members(other)).hasMessageContaining("holdout.csv").hasMessageContaining("column 'age'");
    }

    /** Found by GroupPredicateFuzzTest (crash-not-in-open-paren-at-end): an IndexOutOfBoundsException before the fix. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"age not in(", "age in (", "age in (1,", "age between", "age is"})
    void parse_endsInTheMiddleOfATest_isAPredicateExceptionAtTheEnd(String text) {
        assertThatThrownBy(() -> GroupPredicate.parse(text, schema()))
                .isInstanceOf(PredicateException.class)
                .satisfies(e -> assertThat(((PredicateException) e).position()).isEqualTo(text.length()));
    }

    @Test
    void parse_notInOpenParenAtEnd_saysWhatWasExpected() {
        assertThatThrownBy(() -> GroupPredicate.parse("age not in(", schema()))
                .isInstanceOf(PredicateException.class)
                .hasMessage("at character 12: expected ',' or ')' in the value list\n  age not in(\n             ^");
    }
}
