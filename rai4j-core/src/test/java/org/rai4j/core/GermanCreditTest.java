package org.rai4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GermanCreditTest {
    @Test
    void load_hasThePublishedShapeAndCounts() throws DataFileException {
        Table t = GermanCredit.load();
        // Hofmann (1994), UCI Statlog German credit: 1000 applicants, 20 attributes + class; 700 good, 300 bad;
        // personal_status A92 ("female div/dep/mar") = 310 applicants.
        assertThat(t.rowCount()).isEqualTo(1000);
        assertThat(t.columnNames()).hasSize(21 + 2).endsWith("sex", "age_band").contains(GermanCredit.LABEL);
        assertThat(count(t, GermanCredit.LABEL, "good")).isEqualTo(700);
        assertThat(count(t, GermanCredit.LABEL, "bad")).isEqualTo(300);
        assertThat(count(t, "sex", "female")).isEqualTo(310);
        assertThat(count(t, "sex", "male")).isEqualTo(690);
    }

    @Test
    void ageBand_followsAgeAtTheStatedCutPoints() throws DataFileException {
        Table t = GermanCredit.load();
        Column age = t.column("age");
        Column band = t.column("age_band");
        int[] perBand = new int[4];
        for (int i = 0; i < t.rowCount(); i++) {
            double a = age.number(i);
            int k = a < 25 ? 0 : a < 40 ? 1 : a < 60 ? 2 : 3;
            perBand[k]++;
            assertThat(band.text(i)).isEqualTo(new String[] {"19-24", "25-39", "40-59", "60+"}[k]);
        }
        assertThat(perBand[0] + perBand[1] + perBand[2] + perBand[3]).isEqualTo(1000);
        assertThat(java.util.Arrays.stream(perBand).min().getAsInt()).isPositive();
    }

    @Test
    void load_isTheSameTableEveryTime() throws DataFileException {
        assertThat(CsvText.of(GermanCredit.load())).isEqualTo(CsvText.of(GermanCredit.load()));
        assertThat(GermanCredit.load().sha256()).hasSize(64);
    }

    private static int count(Table t, String column, String value) throws DataFileException {
        Column c = t.column(column);
        int n = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            n += value.equals(c.text(i)) ? 1 : 0;
        }
        return n;
    }
}
