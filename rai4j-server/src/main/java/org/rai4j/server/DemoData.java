package org.rai4j.server;

import org.rai4j.core.CsvText;
import org.rai4j.core.GermanCredit;
import org.rai4j.core.Table;
import org.rai4j.speech.SpeechDemo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo's bundled data: German credit (rai4j-core's {@link GermanCredit}, the same loader as
 * {@code rai4j demo}), the synthetic speech audit data (rai4j-speech's {@link SpeechDemo}, as
 * {@code rai4j demo speech}) and the service cards under {@code demo/}.
 */
final class DemoData {
    private DemoData() {}

    static Table germanCredit() {
        return GermanCredit.load();
    }

    static Table speech() {
        return SpeechDemo.load();
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
                    + "'mvn -B -pl rai4j-cli -am package'");
        }
        return in;
    }

    /** A table as RFC 4180 CSV (header, then one line per row; missing values empty). */
    static String csv(Table t) {
        return CsvText.of(t);
    }
}
