package org.rai4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Values quoted from data files reach the terminal escaped, never as raw control sequences. */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    @Test
    void audit_ansiEscapeAndNulInALabel_areShownEscaped() throws Exception {
        Path csv = dir.resolve("esc.csv");
        Files.writeString(csv, "y,p,g\n1,1,a\n\u001b[2J\u0000x,0,b\n");
        CliRun r = CliRun.of("audit", "--data", csv.toString(), "--label", "y", "--prediction", "p", "--group", "g");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("rai4j: error: " + csv + ":3: column 'y': expected 1 or 0, got '\\u001B[2J\\u0000x'\n");
    }

    @Test
    void printable_escapesControlsAndBidiOverridesButKeepsLineBreaksTabsAndText() {
        assertThat(ErrorHandler.printable("a\tb\nc\rd\u0007e\u202Ef\u2067gé€")).isEqualTo("a\tb\nc\\u000Dd\\u0007e\\u202Ef\\u2067gé€");
        assertThat(ErrorHandler.printable("plain")).isEqualTo("plain");
    }
}
