package org.rai4j.server;

import org.rai4j.core.ArffReader;
import org.rai4j.core.Column;
import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's bundled real data: German credit (Hofmann 1994, from the weka-stable jar, with {@code sex}
 * and {@code age_band} derived as {@code rai4j demo} does) and the synthetic speech audit data
 * (data/speech/utterances.csv). Both are copied into the server jar by the build.
 */
final class DemoData {
    private DemoData() {}

    static Table germanCredit() throws DataFileException {
        try (InputStream in = resource("credit-g.arff")) {
            return withGroups(ArffReader.read(in, "credit-g.arff (weka-stable 3.8.7)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled German credit data", e);
        }
    }

    static Table speech() throws DataFileException {
        try (InputStream in = resource("utterances.csv")) {
            return new CsvTableReader(new CsvOptions(',', Set.of(""), CsvOptions.DEFAULT.maxLevels()))
                    .read(in, "data/speech/utterances.csv", bytes -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled speech data", e);
        }
    }

    static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoData.class.getResourceAsStream("demo/" + name);
        if (in == null) {
            throw new IllegalStateException("the demo resource " + name + " is missing from the rai4j-server jar; rebuild it with "
                    + "'mvn -B -pl rai4j-cli -am package' (German credit comes from weka-stable on Maven Central, the speech "
                    + "data from data/speech)");
        }
        return in;
    }

    /** German credit with the group columns {@code sex} (from personal_status) and {@code age_band} (from age). */
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

    /** A table as RFC 4180 CSV (header, then one line per row; missing values empty). */
    static String csv(Table t) throws DataFileException {
        StringBuilder sb = new StringBuilder();
        List<String> names = t.columnNames();
        for (int j = 0; j < names.size(); j++) {
            sb.append(j > 0 ? "," : "").append(field(names.get(j)));
        }
        sb.append('\n');
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(t.column(n));
        }
        for (int i = 0; i < t.rowCount(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                String v = cols.get(j).text(i);
                sb.append(j > 0 ? "," : "").append(v == null ? "" : field(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String field(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(v.strip())) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
