package org.rai4j.bounty;

import org.junit.jupiter.api.Test;
import org.rai4j.core.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rai4j.bounty.Fixtures.config;
import static org.rai4j.bounty.Fixtures.engine;
import static org.rai4j.bounty.Fixtures.one;
import static org.rai4j.bounty.Fixtures.sub;
import static org.rai4j.bounty.Fixtures.table;

/** Groups that single out individuals are refused on the training split (column a has 100 distinct values). */
class IdentifierCheckTest {
    private static final Table HOLDOUT = table("holdout", 100, i -> i < 20);

    @Test
    void submit_bigGroupOrOneValueOfHighCardinalityColumn_identifierLike() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 5, "0"));
        Decision d = e.submit(sub("s", "a < 20 or a == 57", one()));
        assertThat(d.reason()).isEqualTo(Reason.IDENTIFIER_LIKE);
        assertThat(d.detail()).isEqualTo("field 'group': 'a == 57' holds on 1 training rows of column 'a' (100 distinct values); "
                + "a selection on a high-cardinality column must hold on at least 5 rows, as narrower ones single out individuals");
        assertThat(d.hunterView().reason()).isEqualTo(HunterReason.IDENTIFIER_LIKE);
        assertThat(e.transcript().queries()).isZero();
    }

    @Test
    void submit_longInListOnHighCardinalityColumn_identifierLike() throws Exception {
        BountyEngine e = engine(HOLDOUT, config("0.01", "0", 1, "0"));
        Decision d = e.submit(sub("s", "a in (1, 2, 3, 4, 5, 6)", one())); // log2 C(100, 6) = 30.2 bits > 24
        assertThat(d.reason()).isEqualTo(Reason.IDENTIFIER_LIKE);
        assertThat(d.detail()).startsWith("field 'group': the list of 6 values on column 'a' (100 distinct values in the training split) "
                + "takes 30.2 bits to describe; at most 24 are allowed");
        assertThat(IdentifierCheck.log2Binomial(100, 6)).isCloseTo(Math.log(1_192_052_400.0) / Math.log(2), org.assertj.core.api.Assertions.within(1e-9));
        // A wide range and a low-cardinality column are fine.
        assertThat(e.submit(sub("t", "a between 0 and 19", one())).accepted()).isTrue();
    }
}
