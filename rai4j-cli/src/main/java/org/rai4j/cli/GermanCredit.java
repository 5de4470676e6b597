package org.rai4j.cli;

import org.rai4j.core.ArffReader;
import org.rai4j.core.Column;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's real data: the German credit data set (Hofmann 1994; 1000 applicants × 21 attributes, label
 * {@code class} good/bad), read from the ARFF file that the build extracts from the weka-stable jar on
 * Maven Central. Adds two group columns: {@code sex} (from {@code personal_status}, whose values encode
 * sex and marital status together) and {@code age_band}.
 */
final class GermanCredit {
    static final String RESOURCE = "data/credit-g.arff";

    private GermanCredit() {}

    static Table load() throws DataFileException {
        try (InputStream in = GermanCredit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UserException("the German credit data is missing from the rai4j jar; rebuild it with "
                        + "'mvn -B -pl rai4j-cli -am package' (it is extracted from weka-stable on Maven Central)");
            }
            return withGroups(ArffReader.read(in, "credit-g.arff (weka-stable 3.8.7)"));
        } catch (IOException e) {
            throw new UserException("could not read the bundled German credit data: " + e);
        }
    }

    static Table withGroups(Table t) throws DataFileException {
        Column status = t.column("personal_status");
        Column age = t.column("age");
        String[] sex = new String[t.rowCount()];
        String[] band = new String[t.rowCount()];
        for (int i = 0; i < sex.length; i++) {
            String s = status.text(i);
            sex[i] = s == null ? null : (s.startsWith("female") ? "female" : "male");
            double a = age.number(i);
            band[i] = Double.isNaN(a) ? null : a < 25 ? "19-24" : a < 40 ? "25-39" : a < 60 ? "40-59" : "60+";
        }
        List<Column> cols = new ArrayList<>();
        for (String name : t.columnNames()) {
            cols.add(t.column(name));
        }
        cols.add(Column.categorical("sex", sex));
        cols.add(Column.categorical("age_band", band));
        int[] lines = new int[t.rowCount()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (int) t.line(i);
        }
        return new Table(t.source(), t.sha256(), cols, lines);
    }
}
