package org.rai4j.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rai4j.core.DataFileException;
import org.rai4j.fairness.AuditResult;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditJsonReaderTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void parse_writtenAudit_roundTripsExactly(long seed) throws Exception {
        for (AuditResult r : SampleAudits.all(seed)) {
            String json = AuditJson.toJson(r);
            AuditResult back = AuditJsonReader.parse(json, "a.json");
            assertThat(AuditJson.toJson(back)).isEqualTo(json);
            assertThat(back.main().groups()).isEqualTo(r.main().groups());
            assertThat(back.spec()).isEqualTo(r.spec());
        }
    }

    @Test
    void parse_notJson_namesFileAndLine() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\n  \"schema\": \n}", "base.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("base.json:3: not valid JSON");
    }

    @Test
    void parse_otherSchema_saysWhatWasExpected() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\"schema\": \"rai4j.compare/1\"}", "c.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("c.json: field /schema: expected \"rai4j.audit/1\" (an audit JSON written by 'rai4j audit --json FILE'), got \"rai4j.compare/1\"");
    }

    @Test
    void parse_wrongFieldType_namesThePath() throws Exception {
        String json = AuditJson.toJson(SampleAudits.binary(4)).replaceFirst("\"tp\" : \\d+", "\"tp\" : \"many\"");
        assertThatThrownBy(() -> AuditJsonReader.parse(json, "x.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("x.json: field /overall/counts/tp: expected a number, got \"many\"");
    }

    @Test
    void parse_missingField_namesThePath() throws Exception {
        String json = AuditJson.toJson(SampleAudits.binary(4)).replaceFirst("\"bootstrap_method\" : \"[a-z-]+\",", "");
        assertThatThrownBy(() -> AuditJsonReader.parse(json, "x.json"))
                .hasMessage("x.json: field /bootstrap_method: expected a string, got nothing (missing)");
    }

    @Test
    void read_missingFile_saysHowToMakeOne() {
        assertThatThrownBy(() -> AuditJsonReader.read(Path.of("/nonexistent/base.json")))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/nonexistent/base.json: no such file; expected an audit JSON written by 'rai4j audit --json FILE'");
    }

    @Test
    void parse_truncatedObject_namesLineColumnAndTheOpenBrace() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\n  \"schema\": \"rai4j.audit/1\",\n  \"task\": [1, 2", "t.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("t.json:3: not valid JSON at column 16: the file ends inside the array opened at line 3 column 11;"
                        + " expected ']' (is the file truncated?)");
    }

    @Test
    void parse_truncatedInsideString_saysTheFileEndsTooEarly() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\"schema\": \"rai4j.au", "t.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("t.json:1: not valid JSON at column 21: the file ends too early"
                        + " (was expecting closing quote for a string value) (is the file truncated?)");
    }

    @Test
    void parse_badToken_saysWhatWasExpectedWithoutJacksonInternals() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\"x\": tru}", "t.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("t.json:1: not valid JSON at column 7: Unrecognized token 'tru': was expecting"
                        + " a string, number, array, object, true, false or null");
    }

    @Test
    void parse_trailingGarbage_isAnError() {
        assertThatThrownBy(() -> AuditJsonReader.parse("{\"a\": 1}}", "t.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("t.json:1: not valid JSON at column ")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("`");
    }

    @Test
    void parse_deepNesting_isASyntaxErrorNotAStackOverflow() {
        String deep = "[".repeat(5000);
        assertThatThrownBy(() -> AuditJsonReader.parse(deep, "deep.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("deep.json: not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void parse_emptyFile_saysItIsEmpty() {
        assertThatThrownBy(() -> AuditJsonReader.parse(" \n", "e.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("e.json: the file is empty; expected an audit JSON written by 'rai4j audit --json FILE'");
    }

    @Test
    void read_notUtf8_namesTheByteOffset(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("bin.json");
        java.nio.file.Files.write(f, new byte[] {'{', '\n', '"', (byte) 0xC3, '"'});
        assertThatThrownBy(() -> AuditJsonReader.read(f))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ":2: expected UTF-8 text, got the byte 0xC3 at offset 3");
    }

    /** Found by AuditJsonReaderFuzzTest (crash-arg-max-renamed): the audit read, then writing it threw a NullPointerException. */
    @Test
    void parse_argMinWithoutArgMax_namesTheMissingField() throws Exception {
        String json = new String(getClass().getResourceAsStream("AuditJsonReaderFuzzTestInputs/parse_anyBytes_auditOrDataFileException/"
                + "regression.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int at = json.indexOf("\"arg_max\"");
        assertThat(at).isPositive();
        String broken = json.substring(0, at) + "\"arg_maxx\"" + json.substring(at + "\"arg_max\"".length());
        assertThatThrownBy(() -> AuditJsonReader.parse(broken, "r.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("r.json: field /aggregates/")
                .hasMessageEndingWith("/arg_max: expected a slice (arg_min and arg_max come together), got nothing (missing)");
    }

    /**
     * Found by the afternoon campaign of AuditJsonReaderFuzzTest (committed as crash-fairness-high-without-low.json): a
     * fairness value with "high" but no "low" read, then writing it threw a NullPointerException.
     */
    @Test
    void parse_fairnessHighWithoutLow_namesTheMissingField() throws Exception {
        String json = new String(getClass().getResourceAsStream("AuditJsonReaderFuzzTestInputs/parse_anyBytes_auditOrDataFileException/"
                + "crash-fairness-high-without-low.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditJsonReader.parse(json, "f.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("f.json: field /fairness/demographic_parity_ratio/low: expected a slice (high and low come together), "
                        + "got nothing (missing)");
        String written = AuditJson.toJson(SampleAudits.binary(4));
        int at = written.indexOf("\"high\"", written.indexOf("\"fairness\""));
        assertThat(at).isPositive();
        String noHigh = written.substring(0, at) + "\"hihg\"" + written.substring(at + "\"high\"".length());
        assertThatThrownBy(() -> AuditJsonReader.parse(noHigh, "g.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessageEndingWith("/high: expected a slice (high and low come together), got nothing (missing)");
    }

    /**
     * Found by the afternoon campaign of AuditJsonReaderFuzzTest (committed as crash-count-beyond-long.json): an "n" of
     * 3 x 10^56 wrapped to -1 as a long and the estimate's constructor threw IllegalArgumentException. Counts are now
     * whole numbers >= 0 within range, and int-held counts fit an int (4294967295 used to wrap to -1).
     */
    @Test
    void parse_countsOutOfRange_nameTheField() throws Exception {
        String crash = new String(getClass().getResourceAsStream("AuditJsonReaderFuzzTestInputs/parse_anyBytes_auditOrDataFileException/"
                + "crash-count-beyond-long.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditJsonReader.parse(crash, "c.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("c.json: field /overall/metrics/true_positive_rate:dog/n: expected a whole number >= 0, got "
                        + "299999999999999999999999999999999999999999999999999999999...");
        String json = AuditJson.toJson(SampleAudits.binary(4));
        String negative = json.replaceFirst("\"n\" : \\d+", "\"n\" : -3");
        assertThatThrownBy(() -> AuditJsonReader.parse(negative, "n.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("n.json: field /n: expected a whole number >= 0, got -3");
        String wraps = json.replaceFirst("\"bootstrap\" : \\d+", "\"bootstrap\" : 4294967295");
        assertThatThrownBy(() -> AuditJsonReader.parse(wraps, "b.json"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("b.json: field /bootstrap: expected a whole number from 0 to 2147483647, got 4294967295");
    }
}
