package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad options of {@code rai4j text study} and {@code rai4j text distill} fail before any model loads. */
class TextStudyCommandTest {
    @Test
    void study_tooFewModelsOrUnknownEncoder_exitNonZeroNamingTheOption() {
        CliRun few = CliRun.of("text", "study", "--models", "3");
        assertThat(few.status()).isNotZero();
        assertThat(few.err()).contains("--models must be at least 4").contains("got 3");
        assertThat(few.out()).isEmpty();
        CliRun enc = CliRun.of("text", "study", "--encoder", "glove");
        assertThat(enc.status()).isNotZero();
        assertThat(enc.err()).contains("--encoder must be minilm or minilm-q, got 'glove'");
    }

    @Test
    void distill_badBiasOrEncoder_exitNonZeroNamingTheOption() {
        CliRun bias = CliRun.of("text", "distill", "--teacher-bias", "1.5");
        assertThat(bias.status()).isNotZero();
        assertThat(bias.err()).contains("--teacher-bias must be in [-1, 1], got 1.5");
        assertThat(bias.out()).isEmpty();
        CliRun enc = CliRun.of("text", "distill", "--encoder", "bert");
        assertThat(enc.status()).isNotZero();
        assertThat(enc.err()).contains("--encoder must be minilm or minilm-q, got 'bert'");
    }
}
