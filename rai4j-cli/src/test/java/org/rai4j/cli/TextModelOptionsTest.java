package org.rai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rai4j.testkit.ScoringEndpoint;
import org.rai4j.text.EmbeddingBagTextClassifier;
import org.rai4j.text.HttpTextClassifier;
import org.rai4j.text.TextClassifier;
import picocli.CommandLine;

class TextModelOptionsTest {
    private static final List<String> TEXTS = List.of("she was great", "he was awful", "the staff", "");

    @CommandLine.Command(name = "probe")
    static final class Probe {
        @CommandLine.Mixin
        TextModelOptions model;
    }

    private static TextModelOptions parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.model;
    }

    private static EmbeddingBagTextClassifier model() {
        return EmbeddingBagTextClassifier.train(List.of("great food", "awful food", "she was great", "he was awful"),
                new int[] {1, 0, 1, 0}, new EmbeddingBagTextClassifier.Settings(32, 3, 10, 0.5, 2, 3));
    }

    @Test
    void modelFile_andEndpoint_giveTheSameScores(@TempDir Path dir) throws Exception {
        EmbeddingBagTextClassifier m = model();
        Path file = dir.resolve("m.bin");
        m.save(file);
        TextClassifier fromFile = parse("--model", file.toString()).classifier();
        assertThat(fromFile.scores(TEXTS)).containsExactly(m.scores(TEXTS));
        assertThat(fromFile.name()).isEqualTo("m.bin");
        try (ScoringEndpoint server = ScoringEndpoint.serving(m::scores)) {
            TextClassifier remote = parse("--endpoint", server.uri().toString(), "--batch", "3", "--timeout", "5")
                    .classifier();
            assertThat(remote).isInstanceOf(HttpTextClassifier.class);
            assertThat(((HttpTextClassifier) remote).batchSize()).isEqualTo(3);
            assertThat(remote.scores(TEXTS)).containsExactly(m.scores(TEXTS));
            assertThat(server.batches()).containsExactly(3, 1);
        }
    }

    @Test
    void exactlyOneModel_andSaneSettings_areRequired(@TempDir Path dir) {
        assertThatThrownBy(() -> parse().classifier()).isInstanceOf(UserException.class)
                .hasMessageContaining("give exactly one of --model FILE");
        assertThatThrownBy(() -> parse("--model", "m.bin", "--endpoint", "http://h/s").classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("2 were given");
        assertThatThrownBy(() -> parse("--endpoint", "localhost:8000").classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("--endpoint").hasMessageContaining("http://");
        assertThatThrownBy(() -> parse("--endpoint", "http://h/ s").classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> parse("--endpoint", "http://h/s", "--batch", "0").classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("--batch must be at least 1");
        assertThatThrownBy(() -> parse("--endpoint", "http://h/s", "--timeout", "-1").classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("--timeout");
        assertThatThrownBy(() -> parse("--model", dir.resolve("missing.bin").toString()).classifier())
                .isInstanceOf(UserException.class).hasMessageContaining("missing.bin: no such file");
    }
}
