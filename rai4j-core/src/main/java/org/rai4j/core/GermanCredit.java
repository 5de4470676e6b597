package org.rai4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's real data, bundled: the German credit data set (Hofmann 1994; 1000 applicants × 21
 * attributes, label {@code class} good/bad), read from the ARFF file that the build extracts from the
 * weka-stable 3.8.7 jar on Maven Central (no Weka code is linked). Two group columns are appended:
 * {@code sex} (from {@code personal_status}, whose values encode sex and marital status together) and
 * {@code age_band} (19-24, 25-39, 40-59, 60+). The one loader behind {@code rai4j demo}, {@code rai4j bounty
 * german-credit}, the server's demo and the tests.
 */
public final class GermanCredit {
    /** The label column: {@code good} or {@code bad}. */
    public static final String LABEL = "class";
    /** The two appended group columns. */
    public static final List<String> GROUPS = List.of("sex", "age_band");

    private static final String RESOURCE = "credit-g.arff";
    private static final String SOURCE = "credit-g.arff (weka-stable 3.8.7)";

    private GermanCredit() {}

    /**
     * The 1000 rows with {@code sex} and {@code age_band} appended.
     *
     * @throws IllegalStateException when the data file is missing from the rai4j-core jar or unreadable (a build defect)
     */
    public static Table load() {
        try (InputStream in = GermanCredit.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the German credit data is missing from the rai4j-core jar; rebuild with "
                        + "'mvn -B package' (it is extracted from weka-stable on Maven Central)");
            }
            return withGroups(ArffReader.read(in, SOURCE));
        } catch (IOException | DataFileException e) {
            throw new IllegalStateException("could not read the bundled German credit data: " + e.getMessage(), e);
        }
    }

    private static Table withGroups(Table t) throws DataFileException {
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
