package org.rai4j.server;

import org.rai4j.core.CsvOptions;
import org.rai4j.core.CsvText;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The demo's bundled data: German credit (rai4j-core's {@link GermanCredit}, the same loader as
 * {@code rai4j demo}) and the synthetic speech audit data (data/speech/utterances.csv, copied into the
 * server jar by the build).
 */
final class DemoData {
    private DemoData() {}

    static Table germanCredit() {
        return GermanCredit.load();
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
                    + "'mvn -B -pl rai4j-cli -am package' (the speech data comes from data/speech)");
        }
        return in;
    }

    /** A table as RFC 4180 CSV (header, then one line per row; missing values empty). */
    static String csv(Table t) {
        return CsvText.of(t);
    }
}
