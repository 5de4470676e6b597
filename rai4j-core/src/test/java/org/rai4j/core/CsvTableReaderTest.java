package org.rai4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableReaderTest {
    private final CsvTableReader reader = new CsvTableReader();

    @Test
    void read_wellFormed_typesColumnsAndKeepsLines() throws Exception {
        Table t = reader.read("sex,y,score,name\nF,1,0.25,\"a, b\"\nM,0,0.75,c\nNA,1,?,d\n", "t.csv");
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.column("y").isNumeric()).isTrue();
        assertThat(t.column("sex").isNumeric()).isFalse();
        assertThat(t.column("sex").levels()).containsExactly("F", "M");
        assertThat(t.column("sex").isMissing(2)).isTrue();
        assertThat(t.column("score").number(1)).isEqualTo(0.75);
        assertThat(Double.isNaN(t.column("score").number(2))).isTrue();
        assertThat(t.column("name").text(0)).isEqualTo("a, b");
        assertThat(t.line(0)).isEqualTo(2);
        assertThat(t.sha256()).hasSize(64);
    }

    @Test
    void read_quotedLineBreak_laterRowsKeepTheirFileLine() throws Exception {
        Table t = reader.read("a,b\n1,\"two\nlines\"\n3,x\n", "q.csv");
        assertThat(t.line(1)).isEqualTo(4);
    }

    @Test
    void read_raggedRows_reportsEveryBadLine() {
        assertThatThrownBy(() -> reader.read("a,b,c\n1,2,3\n1,2\n1,2,3,4\n", "ragged.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("ragged.csv:3: expected 3 fields as in the header, got 2")
                .hasMessageContaining("ragged.csv:4: expected 3 fields as in the header, got 4");
    }

    @Test
    void read_emptyFile_saysSo() {
        assertThatThrownBy(() -> reader.read("", "empty.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("empty.csv:1: expected a header line, but the file is empty");
    }

    @Test
    void read_headerOnly_saysDataRowsAreMissing() {
        assertThatThrownBy(() -> reader.read("a,b\n", "h.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("h.csv:2: expected at least one data row after the header");
    }

    @Test
    void read_duplicateOrBlankHeader_namesTheColumn() {
        assertThatThrownBy(() -> reader.read("a,b,a,\n1,2,3,4\n", "d.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("d.csv:1: column 'a': expected unique column names")
                .hasMessageContaining("d.csv:1: expected a name for column 4 in the header");
    }

    @Test
    void column_unknownName_listsTheColumnsThatExist() throws Exception {
        Table t = reader.read("a,b\n1,2\n", "u.csv");
        assertThatThrownBy(() -> t.column("c"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("u.csv:1: column 'c': no such column; expected one of a, b");
    }

    @Test
    void read_manyDistinctTexts_keepsTextWithoutDictionary() throws Exception {
        StringBuilder sb = new StringBuilder("id,text\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(",word").append(i).append('\n');
        }
        Table t = new CsvTableReader(new CsvOptions(',', java.util.Set.of(""), 10)).read(sb.toString(), "m.csv");
        assertThat(t.column("text").isCategorical()).isFalse();
        assertThat(t.column("text").text(42)).isEqualTo("word42");
        assertThat(t.column("id").isNumeric()).isTrue();
        assertThat(t.column("id").number(42)).isEqualTo(42.0);
    }

    @Test
    void read_missingFile_namesIt() {
        assertThatThrownBy(() -> reader.read(java.nio.file.Path.of("no/such/file.csv")))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("file.csv: expected a readable file, but it does not exist");
    }

    @Test
    void read_unterminatedQuote_namesLineAndColumnOfTheOpeningQuote() {
        assertThatThrownBy(() -> reader.read("a,b,c\n1,2,3\n4,\"five,6\n7,8,9\n", "u.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("u.csv:3: unterminated quoted field starting at line 3 column 3; expected a closing '\"'"
                        + " (write a quote inside a quoted field as \"\")");
    }

    @Test
    void read_unterminatedQuoteInLastField_isNotSilentlyAccepted() {
        // Without the check the row would be read with the value "2\n" and no error at all.
        assertThatThrownBy(() -> reader.read("a,b\r\n1,\"2\r\n", "last.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("last.csv:2: unterminated quoted field starting at line 2 column 3;");
    }

    @Test
    void read_unterminatedQuoteAfterClosedMultilineQuotes_countsCharactersNotBytes() {
        String csv = "\uFEFFa,b\n\"x\ny\",1\n\"é\"\"\",\"ü\n";
        assertThatThrownBy(() -> reader.read(csv, "m.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("m.csv:4: unterminated quoted field starting at line 4 column 7;");
    }

    @Test
    void read_quoteInsideUnquotedField_isLiteralNotAnOpenQuote() throws Exception {
        Table t = reader.read("a,b\n1,x\"y\n", "lit.csv");
        assertThat(t.column("b").text(0)).isEqualTo("x\"y");
    }

    @Test
    void read_fieldOverSixteenMebichars_namesLineFieldAndLimit() {
        String csv = "a,b\n1,2\n3," + "x".repeat((16 << 20) + 1) + "\n";
        assertThatThrownBy(() -> reader.read(csv, "big.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("big.csv:3: a field has more than 16777216 characters, the most a field may have;"
                        + " is a quote missing or the separator wrong?");
    }

    @Test
    void read_moreThan16384Fields_namesLineAndLimit() {
        String csv = "a\n" + ",".repeat(16_384) + "\n";
        assertThatThrownBy(() -> reader.read(csv, "wide.csv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("wide.csv:2: the record has more than 16384 fields, the most a record may have; is the separator wrong?");
    }

    @Test
    void read_latin1Bytes_isAnErrorNamingLineColumnAndByte() {
        byte[] latin1 = "name,y\nM\u00fcller,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(latin1), "l.csv", b -> { }))
                .isInstanceOf(DataFileException.class)
                .hasMessage("l.csv:2: expected UTF-8 text, got the byte 0xFC at line 2 column 2 (byte offset 8);"
                        + " convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    }

    @Test
    void read_wellFormedMultibyteUtf8AndBom_isAccepted() throws Exception {
        byte[] bytes = "\uFEFFname,y\nM\u00fcller \u20ac \uD83D\uDE00,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Table t = reader.read(new java.io.ByteArrayInputStream(bytes), "u.csv", b -> { });
        assertThat(t.column("name").text(0)).isEqualTo("M\u00fcller \u20ac \uD83D\uDE00");
    }

    @Test
    void read_surrogateOrOverlongOrCutShort_isAnError() {
        for (byte[] bad : new byte[][] {
                {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'},
                {'a', '\n', (byte) 0xC0, (byte) 0xAF, '\n'},
                {'a', '\n', 'x', (byte) 0xE2, (byte) 0x82}}) {
            assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(bad), "b.csv", b -> { }))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageStartingWith("b.csv:2: expected UTF-8 text, got ");
        }
    }

    @Test
    void read_folder_saysItIsAFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessage(dir + ": expected a CSV file, but this is a folder");
    }
}
