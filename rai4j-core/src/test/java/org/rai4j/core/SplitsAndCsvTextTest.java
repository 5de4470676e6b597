package org.rai4j.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitsAndCsvTextTest {
    @Test
    void bernoulli_partitionsTheRowsByTheSeededDraws() {
        int n = 10_000;
        int[][] s = Splits.bernoulli(n, 0.4, 2024);
        int[] all = IntStream.concat(Arrays.stream(s[0]), Arrays.stream(s[1])).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, n).toArray());
        assertThat(s[0]).isSorted();
        assertThat(s[1]).isSorted();
        // Independent re-computation: row i is held out iff the i-th draw of Seeds.stream(seed, 0) is below the fraction.
        SplittableRandom r = Seeds.stream(2024, 0);
        int[] held = IntStream.range(0, n).filter(i -> r.nextDouble() < 0.4).toArray();
        assertThat(s[1]).isEqualTo(held);
        // Binomial(10000, 0.4): sd 49; the seed is fixed, so this cannot flake.
        assertThat(s[1].length).isBetween(4000 - 196, 4000 + 196);
        assertThat(Splits.bernoulli(n, 0.4, 2025)[1]).isNotEqualTo(s[1]);
    }

    @Test
    void bernoulli_rejectsAFractionOutsideTheOpenInterval() {
        assertThatThrownBy(() -> Splits.bernoulli(10, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Splits.bernoulli(10, 0.0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withReplacement_drawsUniformRowsUnderTheSeed() {
        int[] rows = Splits.withReplacement(7, 5000, 99);
        SplittableRandom r = new SplittableRandom(99);
        for (int row : rows) {
            assertThat(row).isEqualTo(r.nextInt(7));
        }
        assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(7);
    }

    @Test
    void csvText_quotesWhatNeedsQuotingAndReadsBack() throws DataFileException {
        Table t = Table.of("t", Column.categorical("name, full", new String[] {"plain", "a,b", "say \"hi\"", "two\nlines", null}),
                Column.numeric("x", new double[] {1, 2.5, -3, Double.NaN, 0}));
        String csv = CsvText.of(t);
        assertThat(csv).startsWith("\"name, full\",x\nplain,1\n\"a,b\",2.5\n\"say \"\"hi\"\"\",-3\n\"two\nlines\",");
        Table back = new CsvTableReader(new CsvOptions(',', Set.of(""), CsvOptions.DEFAULT.maxLevels())).read(csv, "back");
        assertThat(CsvText.of(back)).isEqualTo(csv);
        assertThat(back.column("name, full").text(1)).isEqualTo("a,b");
        assertThat(back.column("name, full").text(4)).isNull();
        assertThat(CsvText.field(" padded")).isEqualTo("\" padded\"");
    }
}
