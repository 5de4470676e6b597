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
}
