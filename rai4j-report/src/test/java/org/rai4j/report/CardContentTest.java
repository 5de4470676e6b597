package org.rai4j.report;

import org.junit.jupiter.api.Test;
import org.rai4j.core.DataFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardContentTest {
    @Test
    void parse_fullCard_readsEveryKey() throws Exception {
        CardContent c = CardContent.parse("""
                name: Dictation
                version: "2.1"
                date: 2025-01-31
                overview: Turns speech into text.
                intended_uses: [clinical notes, captions]
                intended_users: clinicians
                uses_to_avoid:
                  - legal transcripts without review
                description: Conformer acoustic model.
                evaluation_data: 40 hours, six accents.
                limitations: [noisy rooms]
                deployment_guidance: [use a close-talk microphone]
                privacy_and_security: Audio is not stored.
                contact: cards@example.org
                glossary:
                  WER: word error rate
                """, "card.yaml");
        assertThat(c.name()).isEqualTo("Dictation");
        assertThat(c.date()).isEqualTo("2025-01-31");
        assertThat(c.intendedUses()).containsExactly("clinical notes", "captions");
        assertThat(c.intendedUsers()).containsExactly("clinicians");
        assertThat(c.glossary()).containsEntry("WER", "word error rate");
        assertThat(c.privacyAndSecurity()).isEqualTo("Audio is not stored.");
    }

    @Test
    void parse_unknownKey_namesLineAndAllowedKeys() {
        assertThatThrownBy(() -> CardContent.parse("name: x\nintended_use: [a]\n", "card.yaml"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("card.yaml:2: unknown key 'intended_use'; expected one of name, version, date, overview, intended_uses");
    }

    @Test
    void parse_wrongShape_namesKeyAndExpectation() {
        assertThatThrownBy(() -> CardContent.parse("glossary: [a, b]\n", "card.yaml"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("card.yaml:1: key 'glossary': expected a mapping of term: definition, got a list");
    }

    @Test
    void parse_brokenYaml_namesLine() {
        assertThatThrownBy(() -> CardContent.parse("name: x\noverview: \"unterminated\n", "card.yaml"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("card.yaml:3: not valid YAML at column 1: found unexpected end of stream"
                        + " (while scanning a quoted scalar started at line 2 column 11)");
    }

    @Test
    void parse_emptyFile_isAnEmptyCard() throws Exception {
        assertThat(CardContent.parse("  \n", "card.yaml")).isEqualTo(CardContent.empty());
    }

    @Test
    void parse_listWhereTextBelongs_saysListNotJacksonToken() {
        assertThatThrownBy(() -> CardContent.parse("name: [unclosed, x]\n", "card.yaml"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("card.yaml:1: key 'name': expected text, got a list");
    }

    @Test
    void read_notUtf8_namesTheByteOffset(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("card.yaml");
        java.nio.file.Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> CardContent.read(f))
                .isInstanceOf(DataFileException.class)
                .hasMessage(f + ":1: expected UTF-8 text, got the byte 0xFF at offset 6");
    }

    /** Found by CardContentFuzzTest (crash-yaml-null-document): parse returned null and callers failed. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"~", "null", "~\n", "--- ~\n"})
    void parse_nullDocument_isAnEmptyCard(String yaml) throws Exception {
        assertThat(CardContent.parse(yaml, "card.yaml")).isEqualTo(CardContent.empty());
    }
}
