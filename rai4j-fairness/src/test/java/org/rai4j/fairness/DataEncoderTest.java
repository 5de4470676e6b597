package org.rai4j.fairness;

import org.junit.jupiter.api.Test;
import org.rai4j.core.CsvTableReader;
import org.rai4j.core.DataFileException;
import org.rai4j.core.SliceKey;
import org.rai4j.core.Table;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad files each give clear errors naming file, line and column. */
class DataEncoderTest {
    static Table csv(String text) throws DataFileException {
        return new CsvTableReader().read(text, "data.csv");
    }

    static AuditSpec spec() {
        return AuditSpec.binary("y_true", "y_pred", List.of("sex")).withMinGroupSize(1).withBootstrap(0, 1);
    }

    @Test
    void encode_wordInBinaryPrediction_namesFileLineColumnAndValue() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,1,0\nM,0,yes\n");
        assertThatThrownBy(() -> DataEncoder.encode(t, spec()))
                .isInstanceOf(DataFileException.class)
                .hasMessage("data.csv:3: column 'y_pred': expected 1 or 0, got 'yes'");
    }

    @Test
    void encode_nonBinaryLabel_isRejectedWithItsLine() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,1,0\nM,2,1\nM,0,1\n");
        assertThatThrownBy(() -> DataEncoder.encode(t, spec()))
                .isInstanceOf(DataFileException.class)
                .hasMessage("data.csv:3: column 'y_true': expected 1 or 0, got '2'");
    }

    @Test
    void encode_unknownColumns_areAllNamed() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,1,0\n");
        AuditSpec s = AuditSpec.binary("label", "y_pred", List.of("gender"));
        assertThatThrownBy(() -> DataEncoder.encode(t, s))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv:1: column 'label': no such column; expected one of sex, y_true, y_pred")
                .hasMessageContaining("data.csv:1: column 'gender': no such column");
    }

    @Test
    void encode_missingGroup_errorByDefault_ownGroupOnRequest() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,1,0\n,0,1\nM,0,0\n");
        assertThatThrownBy(() -> DataEncoder.encode(t, spec()))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("data.csv:3: column 'sex': expected a group value, got a missing value");
        AuditSpec own = new AuditSpec(Task.BINARY, "y_true", "y_pred", null, null, "1", null, List.of("sex"), List.of(),
                MissingGroupPolicy.OWN_GROUP, 1, 0.95, 0, 1, Adjustment.NONE);
        AuditResult r = Auditor.run(t, own, b -> { });
        assertThat(r.main().group(SliceKey.of("sex", Conventions.MISSING_LEVEL)).n()).isEqualTo(1);
    }

    @Test
    void encode_textLabels_withPositiveLabel_inferNegative() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,good,bad\nM,bad,bad\nM,good,good\n");
        AuditSpec s = new AuditSpec(Task.BINARY, "y_true", "y_pred", null, null, "good", null, List.of("sex"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 0, 1, Adjustment.NONE);
        AuditResult r = Auditor.run(t, s, b -> { });
        assertThat(r.classes()).containsExactly("bad", "good");
        assertThat(r.main().overall().counts()).containsEntry("tp", 1.0).containsEntry("fn", 1.0).containsEntry("tn", 1.0);
    }

    @Test
    void encode_scoreOutsideUnitInterval_andNegativeWeight_areReported() throws Exception {
        Table t = csv("sex,y_true,y_pred,s,w\nF,1,1,1.5,1\nM,0,0,0.2,-1\n");
        AuditSpec s = new AuditSpec(Task.BINARY, "y_true", "y_pred", "s", "w", "1", null, List.of("sex"), List.of(),
                MissingGroupPolicy.ERROR, 1, 0.95, 0, 1, Adjustment.NONE);
        assertThatThrownBy(() -> DataEncoder.encode(t, s))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("data.csv:2: column 's': expected a probability in [0, 1], got '1.5'")
                .hasMessageContaining("data.csv:3: column 'w': expected a finite weight >= 0, got '-1'");
    }

    @Test
    void encode_numericLabelsWrittenDifferently_compareByValue() throws Exception {
        Table t = csv("sex,y_true,y_pred\nF,1.0,1\nM,0,0.0\n");
        EncodedData d = DataEncoder.encode(t, spec());
        assertThat(d.truth).containsExactly(1, 0);
        assertThat(d.predicted).containsExactly(1, 0);
    }
}
