package org.rai4j.testkit;

import org.rai4j.core.ArffReader;
import org.rai4j.core.Column;
import org.rai4j.core.Table;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The German credit data set (Hofmann 1994; 1000 applicants × 21 attributes, label {@code class}
 * good/bad) from the ARFF file the build extracts from the weka-stable 3.8.7 jar on Maven Central, with
 * the two group columns the CLI's demo adds: {@code sex} (from {@code personal_status}) and
 * {@code age_band} (19-24, 25-39, 40-59, 60+). Available on every machine (it comes from Maven Central).
 */
public final class GermanCreditData {
    private GermanCreditData() {}

    /** The 1000 rows with {@code sex} and {@code age_band} appended. */
    public static Table load() {
        try (InputStream in = GermanCreditData.class.getResourceAsStream("credit-g.arff")) {
            if (in == null) {
                throw new IllegalStateException("credit-g.arff is missing from rai4j-testkit; build it with Maven "
                        + "(it is extracted from weka-stable on Maven Central)");
            }
            Table t = ArffReader.read(in, "credit-g.arff (weka-stable 3.8.7)");
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
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the German credit data: " + e, e);
        }
    }
}
